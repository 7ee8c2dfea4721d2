"""Periodic classroom jobs (Celery beat)."""

from celery import shared_task

from .services import student_data_purge


@shared_task
def purge_old_student_data() -> int:
    return student_data_purge()
