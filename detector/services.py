"""Everything that changes an analysis: submit, run, expire."""

from __future__ import annotations

import contextlib
import hashlib
import logging
from datetime import timedelta
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone

from detector.analysis.decode import MediaError, probe_image

from .errors import UploadRejected
from .models import Analysis
from .validation import validate_upload, video_limits

log = logging.getLogger(__name__)

UNEXPECTED_FAILURE = (
    "Something went wrong on our side while analysing this file. It was not your fault; "
    "please try again later."
)


def _enqueue(analysis_id: int, kind: str = Analysis.Kind.IMAGE) -> bool:
    """Hand the job to the broker; if it is down, the row stays queued for the sweeper.

    Videos go to their own queue (the task's route) with their own time limits.
    """
    from .tasks import run_analysis, run_video_analysis

    task = run_video_analysis if kind == Analysis.Kind.VIDEO else run_analysis
    try:
        task.apply_async((analysis_id,), retry=False)
    except Exception:
        log.warning("could not queue analysis %s; the sweeper will retry", analysis_id)
        return False
    Analysis.objects.filter(pk=analysis_id).update(enqueued_at=timezone.now())
    return True


def analysis_submit(*, upload: UploadedFile) -> Analysis:
    probe, data = validate_upload(upload)
    return _store_and_queue(
        probe, data, retention=timedelta(hours=settings.ANALYSIS_RETENTION_HOURS)
    )


def analysis_submit_bytes(*, data: bytes, retention: timedelta) -> Analysis:
    """Analyse media the site itself holds (quiz items), kept for `retention`.

    Raises `UploadRejected` like an upload would when the bytes are not an image we analyse.
    """
    try:
        probe = probe_image(data, max_pixels=settings.ANALYSIS_MAX_PIXELS)
    except MediaError as exc:
        raise UploadRejected(exc.code, exc.message) from exc
    return _store_and_queue(probe, data, retention=retention)


def _store_and_queue(probe, data: bytes, *, retention: timedelta) -> Analysis:
    analysis = Analysis(
        media_kind=str(probe.kind),
        mime_type=probe.mime,
        size=len(data),
        width=probe.width,
        height=probe.height,
        sha256=hashlib.sha256(data).hexdigest(),
        expires_at=timezone.now() + retention,
    )
    analysis.file.save(f"upload.{probe.extension}", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            analysis.save()
            transaction.on_commit(lambda: _enqueue(analysis.pk, analysis.media_kind))
    except Exception:
        analysis.file.delete(save=False)
        raise
    return analysis


def configure_detector() -> None:
    """Hand the detector the settings it needs (it never reads Django settings itself)."""
    from detector.analysis.config import configure

    trust_dir = settings.C2PA_TRUST_ANCHORS_DIR
    configure(
        c2pa_trust_anchors_dir=Path(trust_dir) if trust_dir else None,
        extra_analyzer_modules=tuple(settings.DETECTOR_EXTRA_ANALYZERS),
        face_model_dir=Path(settings.FACE_MODEL_DIR) if settings.FACE_MODEL_DIR else None,
    )


def detector_warm_up() -> None:
    """Load what analyses need once per worker process (called as each worker child starts)."""
    import cv2  # noqa: F401

    from detector.analysis.analyzers import faces
    from detector.analysis.video.scoring import load_face_model

    configure_detector()
    faces.cascades()
    with contextlib.suppress(ImportError):
        import torch  # noqa: F401  (the face model's framework; seconds to import)
    try:
        if load_face_model() is not None:
            from detector.analysis import face_model

            face_model.network(settings.FACE_MODEL_DIR or None)
    except Exception:  # a broken model is reported by the analyses that need it
        log.exception("the face model could not be loaded at worker start")


def _progress(analysis_id: int):
    def report(step: str, percent: int) -> None:
        Analysis.objects.filter(pk=analysis_id, status=Analysis.Status.RUNNING).update(
            step=step[:100], percent=min(max(percent, 0), 99)
        )

    return report


def _store_overlays(analysis: Analysis, report) -> dict[str, str]:
    stored = {}
    for overlay in report.overlays:
        path = f"overlays/{analysis.public_id.hex}/{overlay.name}.png"
        stored[overlay.name] = default_storage.save(path, ContentFile(overlay.png))
    return stored


def analysis_fail(*, analysis_id: int, reason: str) -> None:
    Analysis.objects.filter(
        pk=analysis_id, status__in=[Analysis.Status.QUEUED, Analysis.Status.RUNNING]
    ).update(status=Analysis.Status.FAILED, error=reason, finished_at=timezone.now())


def analysis_run(*, analysis_id: int) -> None:
    """Claim a queued image analysis and run it; a second delivery finds nothing to claim."""

    def work(data: bytes, progress) -> object:
        from detector.analysis import analyze, media_from_bytes

        media = media_from_bytes(data, max_pixels=settings.ANALYSIS_MAX_PIXELS)
        return analyze(media, on_progress=progress)

    _claim_and_run(analysis_id, work, too_slow="Try a smaller file.")


def video_analysis_run(*, analysis_id: int) -> None:
    """Claim a queued video analysis and run it; a second delivery finds nothing to claim."""

    def work(data: bytes, progress) -> object:
        from detector.analysis.video import analyze_video

        return analyze_video(data, limits=video_limits(), on_progress=progress)

    _claim_and_run(
        analysis_id,
        work,
        too_slow=f"Videos get {settings.VIDEO_SOFT_TIME_LIMIT} s; try a shorter clip or a "
        "smaller copy (720p is plenty).",
    )


def _claim_and_run(analysis_id: int, work, *, too_slow: str) -> None:
    from detector.analysis import MediaError

    configure_detector()

    claimed = Analysis.objects.filter(pk=analysis_id, status=Analysis.Status.QUEUED).update(
        status=Analysis.Status.RUNNING, started_at=timezone.now(), step="starting", percent=0
    )
    if not claimed:
        log.info("analysis %s was already claimed or no longer exists", analysis_id)
        return
    analysis = Analysis.objects.get(pk=analysis_id)
    try:
        with analysis.file.open("rb") as handle:
            data = handle.read()
        report = work(data, _progress(analysis_id))
        overlays = _store_overlays(analysis, report)
    except SoftTimeLimitExceeded:
        analysis_fail(
            analysis_id=analysis_id,
            reason=f"The analysis took longer than our time limit and was stopped. {too_slow}",
        )
        return
    except MediaError as exc:
        analysis_fail(analysis_id=analysis_id, reason=exc.message)
        return
    except Exception:
        log.exception("analysis %s failed", analysis_id)
        analysis_fail(analysis_id=analysis_id, reason=UNEXPECTED_FAILURE)
        return
    Analysis.objects.filter(pk=analysis_id, status=Analysis.Status.RUNNING).update(
        status=Analysis.Status.DONE,
        report=report.to_dict(),
        overlays=overlays,
        step="done",
        percent=100,
        finished_at=timezone.now(),
    )


def analyses_sweep(*, now=None) -> dict[str, int]:
    """Keep every job moving: queue what never reached the broker (or whose message was lost),
    and fail what a dead worker left running. Runs periodically (Celery beat)."""
    now = now or timezone.now()
    grace = settings.ANALYSIS_SWEEP_GRACE
    image_stuck = now - timedelta(seconds=settings.ANALYSIS_TIME_LIMIT + grace)
    video_stuck = now - timedelta(seconds=settings.VIDEO_TIME_LIMIT + grace)
    failed = Analysis.objects.filter(
        models.Q(media_kind=Analysis.Kind.VIDEO, started_at__lt=video_stuck)
        | (~models.Q(media_kind=Analysis.Kind.VIDEO) & models.Q(started_at__lt=image_stuck)),
        status=Analysis.Status.RUNNING,
    ).update(
        status=Analysis.Status.FAILED,
        finished_at=now,
        error="The detector stopped while analysing this file and did not come back (it may "
        "have crashed or been restarted). Please submit the file again.",
    )
    waiting = Analysis.objects.filter(status=Analysis.Status.QUEUED, expires_at__gt=now).filter(
        models.Q(enqueued_at__isnull=True, created_at__lt=now - timedelta(seconds=5))
        | models.Q(enqueued_at__lt=now - timedelta(seconds=settings.ANALYSIS_REQUEUE_AFTER))
    )
    rows = waiting.values_list("pk", "media_kind")[:500]
    requeued = sum(_enqueue(pk, kind) for pk, kind in rows)
    return {"failed": failed, "requeued": requeued}


def analyses_purge_expired() -> int:
    """Delete expired analyses with their upload and overlay files; returns how many."""
    expired = Analysis.objects.filter(expires_at__lte=timezone.now())
    count = 0
    for analysis in expired.iterator():
        if analysis.file:
            analysis.file.delete(save=False)
        for path in (analysis.overlays or {}).values():
            default_storage.delete(path)
        analysis.delete()
        count += 1
    return count
