from django.apps import AppConfig


class DetectorConfig(AppConfig):
    name = "detector"
    verbose_name = "Analysis tool"

    def ready(self) -> None:
        from project.celery import ensure_broker_folders

        ensure_broker_folders()  # web processes publish into the same folders workers poll
