"""/healthz reports each dependency; /metrics speaks the Prometheus text format."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


def test_healthz_is_200_when_database_broker_and_storage_answer(visitor):
    response = visitor.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "broker", "storage"}


def test_healthz_is_503_naming_the_broken_dependency(visitor, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker
    response = visitor.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["storage"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_metrics_count_analyses_by_status(visitor, jpeg_bytes):
    visitor.post("/api/v1/analyses/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)})
    text = visitor.get("/metrics").content.decode()
    assert 'unveiled_analyses{status="queued"} 1.0' in text
    assert 'unveiled_analyses{status="done"} 0.0' in text
    assert 'unveiled_job_seconds_count{kind="image"} 0.0' in text


def test_metrics_count_requests_by_method_and_status_class(visitor):
    def served(text: str) -> float:
        for line in text.splitlines():
            if line.startswith('unveiled_http_requests_total{code="4xx",method="GET"}'):
                return float(line.rsplit(" ", 1)[1])
        return 0.0

    before = served(visitor.get("/metrics").content.decode())
    for _ in range(3):
        assert visitor.get("/analyze/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert served(visitor.get("/metrics").content.decode()) == before + 3


def test_probes_answer_over_plain_http_while_pages_redirect_to_https(visitor, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert visitor.get("/").status_code == 301
    assert visitor.get("/healthz").status_code == 200
    assert visitor.get("/metrics").status_code == 200


@pytest.mark.parametrize(
    "header", [None, "Bearer wrong", "Bearer s3cret-token ", "s3cret-token", "Bearer ünïcode"]
)
def test_with_a_token_set_metrics_refuses_requests_without_it(visitor, settings, header):
    settings.METRICS_TOKEN = "s3cret-token"
    extra = {} if header is None else {"HTTP_AUTHORIZATION": header}
    response = visitor.get("/metrics", **extra)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "unveiled_" not in response.content.decode()


def test_with_a_token_set_metrics_answers_the_bearer(visitor, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    response = visitor.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token")
    assert response.status_code == 200
    assert "unveiled_http_requests" in response.content.decode()
