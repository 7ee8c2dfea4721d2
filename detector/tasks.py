"""Celery tasks: thin wrappers that take ids and call services."""

from celery import shared_task

from .services import analyses_purge_expired, analyses_sweep, analysis_run, video_analysis_run


@shared_task(acks_late=True)
def run_analysis(analysis_id: int) -> None:
    analysis_run(analysis_id=analysis_id)  # claims the row; a second delivery is a no-op


# Routed to VIDEO_QUEUE, with VIDEO_SOFT_TIME_LIMIT / VIDEO_TIME_LIMIT (settings: task routes
# and annotations), so long videos never hold up images.
@shared_task(acks_late=True)
def run_video_analysis(analysis_id: int) -> None:
    video_analysis_run(analysis_id=analysis_id)


@shared_task
def purge_expired_analyses() -> int:
    return analyses_purge_expired()


@shared_task
def sweep_analyses() -> dict[str, int]:
    return analyses_sweep()
