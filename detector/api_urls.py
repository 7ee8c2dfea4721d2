from django.urls import path

from . import api

urlpatterns = [
    path("analyses/", api.AnalysisCreateApi.as_view(), name="analysis-create"),
    path("analyses/<uuid:public_id>/", api.AnalysisDetailApi.as_view(), name="analysis-detail"),
]
