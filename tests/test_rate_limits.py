"""Per-client rate limits: 429 with Retry-After, as a page or as the API's JSON error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from project.ratelimit import parse_limit

pytestmark = pytest.mark.django_db


def test_limits_parse_counts_and_windows():
    assert parse_limit("60/10m").count == 60
    assert parse_limit("60/10m").window == 600
    assert parse_limit("5/s").window == 1


def test_the_upload_form_answers_429_with_retry_after_past_the_limit(visitor, settings, jpeg_bytes):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "analysis": "2/1h"}
    for _ in range(2):
        ok = visitor.post("/analyze/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)})
        assert ok.status_code == 302
    refused = visitor.post("/analyze/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)})
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "Too many requests" in refused.content.decode()
    assert visitor.get("/analyze/").status_code == 200  # reading the form is not limited


def test_the_api_answers_429_json_with_retry_after_past_the_limit(visitor, settings, jpeg_bytes):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "analysis": "1/1h"}
    first = visitor.post("/api/v1/analyses/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)})
    assert first.status_code == 202
    second = visitor.post("/api/v1/analyses/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)})
    assert second.status_code == 429
    assert second.json()["error"]["code"] == "throttled"
    assert int(second["Retry-After"]) > 0


def test_clients_are_counted_separately(client, settings, jpeg_bytes):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "analysis": "1/1h"}
    for address in ("10.0.0.1", "10.0.0.2"):
        response = client.post(
            "/analyze/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)}, REMOTE_ADDR=address
        )
        assert response.status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, settings, jpeg_bytes):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "analysis": "1/1h"}
    settings.TRUSTED_PROXY_COUNT = 1
    for forwarded in ("203.0.113.5", "203.0.113.6"):
        response = client.post(
            "/analyze/",
            {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)},
            HTTP_X_FORWARDED_FOR=forwarded,
        )
        assert response.status_code == 302
