"""The Celery app shared by web processes (producers) and detector workers."""

import os

from celery import Celery
from celery.signals import worker_init, worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

app = Celery("unveiled")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def ensure_broker_folders() -> None:
    """The filesystem transport needs its folders before any process polls them."""
    from django.conf import settings

    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        if key in options:
            os.makedirs(options[key], exist_ok=True)


@worker_init.connect
def _prepare_worker(**_kwargs) -> None:
    ensure_broker_folders()


@worker_process_init.connect
def _load_heavy_parts(**_kwargs) -> None:
    """Import torch, OpenCV and the face model before the first job, not inside one.

    A soft time limit that fires while `import torch` runs leaves the module half-imported and
    the worker child broken; paying the cost here, outside any job, avoids that.
    """
    from detector.services import detector_warm_up

    detector_warm_up()
