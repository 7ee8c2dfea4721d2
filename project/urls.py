from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from learn import views as learn_views
from project import health, metrics

api_patterns = (
    [path("", include("detector.api_urls")), path("quizzes/", include("quiz.api_urls"))],
    "api",
)

urlpatterns = [
    path("", learn_views.home, name="home"),
    path("quizzes/", include("quiz.urls")),
    path("", include("quiz.classrooms.urls")),
    path("learn/", include("learn.urls")),
    path("analyze/", include("detector.urls")),
    path("api/v1/", include(api_patterns)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("metrics", metrics.metrics, name="metrics"),
]
