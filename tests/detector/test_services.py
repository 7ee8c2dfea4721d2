"""Submitting, running and expiring analyses (services called directly, no broker)."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from detector.errors import UploadRejected
from detector.models import Analysis
from detector.services import analyses_purge_expired, analysis_run, analysis_submit
from tests.detector.media_fixtures import png_with_text

pytestmark = pytest.mark.django_db

A1111 = (
    "a lighthouse at dawn, oil painting\nNegative prompt: blurry\n"
    "Steps: 28, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234, Size: 512x512, "
    "Model hash: abc123, Model: dreamshaper_8"
)


def submit(data: bytes, name: str = "holiday photo.jpg") -> Analysis:
    return analysis_submit(upload=SimpleUploadedFile(name, data, content_type="image/jpeg"))


def test_it_stores_the_upload_under_a_random_name_and_queues_it(jpeg_bytes):
    analysis = submit(jpeg_bytes)
    assert analysis.status == Analysis.Status.QUEUED
    assert analysis.file.name.startswith("uploads/")
    assert "holiday" not in analysis.file.name
    assert analysis.file.name.endswith(".jpg")
    assert default_storage.exists(analysis.file.name)
    assert analysis.size == len(jpeg_bytes)
    assert len(analysis.sha256) == 64
    assert analysis.expires_at > timezone.now() + timedelta(hours=23)


def test_it_queues_the_job_only_after_the_transaction_commits(
    jpeg_bytes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        submit(jpeg_bytes)
    assert len(callbacks) == 1


def test_it_names_the_extension_from_the_bytes_not_the_file_name(png_bytes):
    analysis = submit(png_bytes, name="trick.jpg.exe")
    assert analysis.file.name.endswith(".png")
    assert analysis.mime_type == "image/png"


def test_a_rejected_upload_stores_nothing(tmp_path):
    before = Analysis.objects.count()
    with pytest.raises(UploadRejected):
        submit(b"not an image at all")
    assert Analysis.objects.count() == before


def test_running_a_declared_png_gives_declared_ai_with_quoted_settings():
    analysis = submit(png_with_text({"parameters": A1111}), name="gen.png")
    analysis_run(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    assert analysis.status == Analysis.Status.DONE
    assert analysis.verdict == "declared_ai"
    assert analysis.percent == 100
    assert analysis.started_at and analysis.finished_at
    provenance = next(e for e in analysis.report["evidence"] if e["analyzer"] == "provenance")
    assert "dreamshaper_8" in provenance["summary"]


def test_running_a_plain_photo_is_inconclusive_and_lists_what_was_checked(jpeg_bytes):
    analysis = submit(jpeg_bytes)
    analysis_run(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    assert analysis.status == Analysis.Status.DONE
    assert analysis.verdict == "inconclusive"
    assert any("Checked:" in reason for reason in analysis.report["reasons"])


def test_a_second_delivery_of_the_same_job_changes_nothing(jpeg_bytes):
    analysis = submit(jpeg_bytes)
    analysis_run(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    finished = analysis.finished_at
    analysis_run(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    assert analysis.finished_at == finished
    assert analysis.status == Analysis.Status.DONE


def test_a_missing_file_marks_the_job_failed_with_a_reason(jpeg_bytes):
    analysis = submit(jpeg_bytes)
    default_storage.delete(analysis.file.name)
    analysis_run(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    assert analysis.status == Analysis.Status.FAILED
    assert "went wrong on our side" in analysis.error
    assert analysis.finished_at is not None


def test_purge_deletes_expired_analyses_and_their_files(jpeg_bytes):
    old = submit(jpeg_bytes)
    fresh = submit(jpeg_bytes)
    Analysis.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert analyses_purge_expired() == 1
    assert not Analysis.objects.filter(pk=old.pk).exists()
    assert not default_storage.exists(old.file.name)
    assert default_storage.exists(fresh.file.name)
