from django.urls import path

from . import api

urlpatterns = [
    path("", api.QuizListApi.as_view(), name="quiz-list"),
    path("attempts/<str:token>/answers/", api.AnswerCreateApi.as_view(), name="quiz-answer"),
    path(
        "attempts/<str:token>/answers/<uuid:item_id>/revision/",
        api.RevisionCreateApi.as_view(),
        name="quiz-revision",
    ),
    path("attempts/<str:token>/finish/", api.AttemptFinishApi.as_view(), name="quiz-finish"),
    path("results/<str:token>/", api.ResultDetailApi.as_view(), name="quiz-result"),
    path("<slug:slug>/", api.QuizDetailApi.as_view(), name="quiz-detail"),
    path("<slug:slug>/attempts/", api.AttemptStartApi.as_view(), name="quiz-attempt-start"),
]
