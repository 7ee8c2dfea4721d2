"""Unveiled: a media-literacy site about deepfakes."""

from .celery import app as celery_app

__all__ = ["celery_app"]
