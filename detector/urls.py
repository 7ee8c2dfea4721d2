from django.urls import path

from . import views

app_name = "detector"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<uuid:public_id>/", views.result, name="result"),
    path("<uuid:public_id>/file", views.original, name="original"),
    path("<uuid:public_id>/overlays/<slug:name>.png", views.overlay, name="overlay"),
]
