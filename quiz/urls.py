from django.urls import path

from . import guide_views, views

app_name = "quiz"

urlpatterns = [
    path("", views.index, name="index"),
    path("cues/", guide_views.cue_index, name="cues"),
    path("cues/<slug:cue>/", guide_views.cue_detail, name="cue"),
    path("results/<str:token>/", views.results, name="results"),
    path("media/<uuid:public_id>/<str:side>/", guide_views.media, name="media"),
    path("play/<str:token>/finish/", views.finish, name="finish"),
    path("play/<str:token>/<int:position>/", views.play, name="play"),
    path("play/<str:token>/<int:position>/revise/", views.revise, name="revise"),
    path("play/<str:token>/<int:position>/reveal/", views.reveal, name="reveal"),
    path("<slug:slug>/", views.intro, name="intro"),
    path("<slug:slug>/start/", views.start, name="start"),
]
