"""With S3_BUCKET set, every file the site keeps lives in the bucket (moto's S3 server here):
uploads, overlays, quiz media, and the retention purge deletes them there too."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from detector.models import Analysis
from detector.services import analyses_purge_expired, analysis_run, analysis_submit
from project.devstack import ROOT
from project.localservices import S3_TEST_KEY, S3_TEST_REGION, S3_TEST_SECRET, MotoServer
from quiz.services import item_set_media
from tests.conftest import encode, photo_array

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def moto_server(tmp_path_factory):
    server = MotoServer(log_path=tmp_path_factory.mktemp("moto") / "moto.log")
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def bucket(moto_server, settings, tmp_path):
    """A fresh bucket used as default storage, with an empty local media folder beside it."""
    name = moto_server.create_bucket(f"test-{uuid.uuid4().hex[:12]}")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": moto_server.url,
                "access_key": S3_TEST_KEY,
                "secret_key": S3_TEST_SECRET,
                "region_name": S3_TEST_REGION,
                "addressing_style": "path",
                "location": "site",
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
    return name


def submit(data: bytes) -> Analysis:
    return analysis_submit(upload=SimpleUploadedFile("photo.jpg", data))


def test_an_upload_is_stored_in_the_bucket_under_the_prefix_and_not_on_local_disk(
    bucket, moto_server, jpeg_bytes, settings
):
    analysis = submit(jpeg_bytes)
    assert moto_server.object_names(bucket) == [f"site/{analysis.file.name}"]
    body = moto_server.client().get_object(Bucket=bucket, Key=f"site/{analysis.file.name}")
    assert body["Body"].read() == jpeg_bytes
    assert not settings.MEDIA_ROOT.exists()


def test_the_worker_reads_the_upload_from_the_bucket_and_the_site_streams_its_overlays(
    bucket, moto_server, visitor
):
    analysis = submit(encode(photo_array(seed=3), "JPEG", quality=85))
    analysis_run(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    assert analysis.status == Analysis.Status.DONE, analysis.error
    assert analysis.overlays, "a JPEG photo yields at least one overlay"
    names = moto_server.object_names(bucket)
    for name, path in analysis.overlays.items():
        assert f"site/{path}" in names
        response = visitor.get(f"/analyze/{analysis.public_id}/overlays/{name}.png")
        assert response.status_code == 200
        stored = moto_server.client().get_object(Bucket=bucket, Key=f"site/{path}")
        assert b"".join(response.streaming_content) == stored["Body"].read()
    original = visitor.get(f"/analyze/{analysis.public_id}/file")
    assert b"".join(original.streaming_content)[:2] == b"\xff\xd8"


def test_quiz_media_are_kept_in_the_bucket_and_streamed_by_the_media_view(
    bucket, moto_server, visitor, django_capture_on_commit_callbacks
):
    from tests.quiz.conftest import make_quiz

    item = make_quiz(kinds=("single",)).items.get()
    replacement = encode(photo_array(seed=9), "JPEG", quality=80)
    old_name = item.media.name
    with django_capture_on_commit_callbacks(execute=True):
        item_set_media(item=item, data=replacement, extension="jpg")
        item.save()
    names = moto_server.object_names(bucket)
    assert f"site/{item.media.name}" in names
    assert f"site/{old_name}" not in names, "the replaced picture is deleted from the bucket"
    response = visitor.get(f"/quizzes/media/{item.public_id}/a/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == replacement


def test_the_retention_purge_deletes_upload_and_overlays_from_the_bucket(bucket, moto_server):
    expired = submit(encode(photo_array(seed=4), "JPEG", quality=85))
    analysis_run(analysis_id=expired.pk)
    kept = submit(encode(photo_array(seed=5), "JPEG", quality=85))
    Analysis.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert analyses_purge_expired() == 1
    assert moto_server.object_names(bucket) == [f"site/{kept.file.name}"]


def test_healthz_is_503_and_names_storage_when_the_bucket_is_missing(bucket, moto_server, visitor):
    moto_server.client().delete_bucket(Bucket=bucket)
    response = visitor.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["storage"]["ok"] is False
    assert "NoSuchBucket" in checks["storage"]["error"]
    assert checks["database"]["ok"] is True


def _settings_from_env(env: dict[str, str]) -> subprocess.CompletedProcess:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.STORAGES['default']))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "project.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_s3_settings_come_from_the_environment_and_files_stay_local_without_a_bucket(tmp_path):
    common = {"UNVEILED_VAR_DIR": str(tmp_path)}
    local = _settings_from_env(common)
    assert json.loads(local.stdout)["BACKEND"].endswith("FileSystemStorage"), local.stderr
    s3 = _settings_from_env(
        {
            **common,
            "S3_BUCKET": "media-bucket",
            "S3_ENDPOINT_URL": "http://s3.internal:9000",
            "S3_PREFIX": "/prod/",
            "S3_ADDRESSING_STYLE": "path",
        }
    )
    storage = json.loads(s3.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage", s3.stderr
    assert storage["OPTIONS"]["bucket_name"] == "media-bucket"
    assert storage["OPTIONS"]["endpoint_url"] == "http://s3.internal:9000"
    assert storage["OPTIONS"]["location"] == "prod"
    assert storage["OPTIONS"]["default_acl"] is None


def test_a_wrong_addressing_style_is_refused_with_a_clear_message(tmp_path):
    result = _settings_from_env(
        {"UNVEILED_VAR_DIR": str(tmp_path), "S3_BUCKET": "b", "S3_ADDRESSING_STYLE": "sideways"}
    )
    assert result.returncode != 0
    assert "S3_ADDRESSING_STYLE must be auto, path or virtual, not 'sideways'" in result.stderr
