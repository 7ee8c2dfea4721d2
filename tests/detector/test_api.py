"""The analysis API: 202 + Location on submit, JSON errors with one shape, polling."""

import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from detector.models import Analysis
from detector.services import analysis_run

pytestmark = pytest.mark.django_db
URL = "/api/v1/analyses/"


def post_file(client, data: bytes, name: str = "x.jpg"):
    return client.post(URL, {"file": SimpleUploadedFile(name, data)})


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status
    body = response.json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_submit_answers_202_with_a_location_to_poll(visitor, jpeg_bytes):
    response = post_file(visitor, jpeg_bytes)
    assert response.status_code == 202
    body = response.json()
    assert response["Location"] == f"{URL}{body['id']}/"
    assert body["status"] == "queued"
    assert body["result_page"] == f"/analyze/{body['id']}/"


def test_polling_returns_the_verdict_and_evidence_once_done(visitor, jpeg_bytes):
    body = post_file(visitor, jpeg_bytes).json()
    analysis_run(analysis_id=Analysis.objects.get(public_id=body["id"]).pk)
    detail = visitor.get(f"{URL}{body['id']}/").json()
    assert detail["status"] == "done"
    assert detail["progress"] == {"step": "done", "percent": 100}
    assert detail["verdict"] == "inconclusive"
    assert detail["report"]["evidence"][0]["analyzer"] == "provenance"
    assert "summary" in detail["report"]["evidence"][0]


def test_a_text_file_named_jpg_gets_415(visitor):
    assert_error(post_file(visitor, b"plain text"), 415, "unsupported_type")


def test_an_oversized_file_gets_413(visitor, settings, jpeg_bytes):
    settings.ANALYSIS_MAX_IMAGE_BYTES = 100
    assert_error(post_file(visitor, jpeg_bytes), 413, "file_too_large")


def test_a_corrupt_image_gets_400(visitor, jpeg_bytes):
    assert_error(post_file(visitor, jpeg_bytes[:300]), 400, "corrupt_file")


def test_a_missing_file_field_gets_400_naming_the_field(visitor):
    error = assert_error(visitor.post(URL, {"picture": "nope"}), 400, "invalid")
    assert "file" in error["fields"]


def test_a_json_body_is_refused_with_415(visitor):
    response = visitor.post(URL, data='{"file": "x"}', content_type="application/json")
    assert_error(response, 415, "unsupported_media_type")


def test_an_unknown_id_gets_404_json(visitor):
    assert_error(visitor.get(f"{URL}{uuid.uuid4()}/"), 404, "not_found")


def test_an_expired_analysis_is_gone(visitor, jpeg_bytes):
    body = post_file(visitor, jpeg_bytes).json()
    Analysis.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_error(visitor.get(f"{URL}{body['id']}/"), 404, "not_found")


def test_the_openapi_schema_describes_both_operations(visitor):
    response = visitor.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert "post" in schema["paths"][URL]
    assert "get" in schema["paths"][URL + "{public_id}/"]


def test_the_api_docs_load_only_local_assets(visitor):
    html = visitor.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn" not in html.lower()
