from django.urls import path

from . import views

app_name = "learn"

urlpatterns = [
    path("", views.index, name="index"),
    path("faq/", views.faq, name="faq"),
    path("glossary/", views.glossary, name="glossary"),
    path("about-the-detector/", views.about_detector, name="about"),
    path("privacy/", views.privacy, name="privacy"),
]
