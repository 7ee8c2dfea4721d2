"""The sweeper keeps jobs moving: nothing stays 'running' forever, nothing queued is lost."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from detector.models import Analysis
from detector.services import analyses_sweep, analysis_submit

pytestmark = pytest.mark.django_db


def submitted(jpeg_bytes) -> Analysis:
    return analysis_submit(upload=SimpleUploadedFile("a.jpg", jpeg_bytes))


def test_a_job_running_past_the_hard_limit_is_failed_with_a_reason(settings, jpeg_bytes):
    analysis = submitted(jpeg_bytes)
    limit = settings.ANALYSIS_TIME_LIMIT + settings.ANALYSIS_SWEEP_GRACE
    Analysis.objects.filter(pk=analysis.pk).update(
        status="running", started_at=timezone.now() - timedelta(seconds=limit + 1)
    )
    assert analyses_sweep()["failed"] == 1
    analysis.refresh_from_db()
    assert analysis.status == "failed"
    assert "stopped while analysing" in analysis.error
    assert analysis.finished_at is not None


def test_a_job_still_within_its_limit_is_left_running(jpeg_bytes):
    analysis = submitted(jpeg_bytes)
    Analysis.objects.filter(pk=analysis.pk).update(status="running", started_at=timezone.now())
    assert analyses_sweep()["failed"] == 0
    analysis.refresh_from_db()
    assert analysis.status == "running"


def test_a_job_that_never_reached_the_broker_is_queued_again(jpeg_bytes):
    analysis = submitted(jpeg_bytes)  # on_commit never runs inside the test transaction
    Analysis.objects.filter(pk=analysis.pk).update(
        created_at=timezone.now() - timedelta(seconds=30)
    )
    assert analysis.enqueued_at is None
    assert analyses_sweep()["requeued"] == 1
    analysis.refresh_from_db()
    assert analysis.enqueued_at is not None
    assert analysis.status == "queued"


def test_a_recently_queued_job_is_not_queued_twice(jpeg_bytes):
    analysis = submitted(jpeg_bytes)
    Analysis.objects.filter(pk=analysis.pk).update(
        enqueued_at=timezone.now(), created_at=timezone.now() - timedelta(minutes=1)
    )
    assert analyses_sweep()["requeued"] == 0


def test_expired_jobs_are_not_requeued(jpeg_bytes):
    analysis = submitted(jpeg_bytes)
    Analysis.objects.filter(pk=analysis.pk).update(
        created_at=timezone.now() - timedelta(hours=2),
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    assert analyses_sweep()["requeued"] == 0
