"""The analysis tool's HTML pages: upload form, progress, verdict, failure."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from detector.models import Analysis
from detector.services import analysis_fail, analysis_run
from tests.detector.media_fixtures import png_with_text

pytestmark = pytest.mark.django_db


def test_the_upload_page_has_a_labelled_file_field(visitor):
    html = visitor.get("/analyze/").content.decode()
    assert '<label for="id_file">' in html
    assert 'enctype="multipart/form-data"' in html


def test_uploading_a_photo_redirects_to_its_result_page(visitor, jpeg_bytes):
    response = visitor.post("/analyze/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)})
    analysis = Analysis.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/analyze/{analysis.public_id}/"


def test_a_text_file_renamed_jpg_gets_a_clear_form_error(visitor):
    response = visitor.post("/analyze/", {"file": SimpleUploadedFile("a.jpg", b"just text")})
    assert response.status_code == 400
    html = response.content.decode()
    assert "We can analyse JPEG, PNG and WebP images" in html
    assert 'aria-invalid="true"' in html
    assert not Analysis.objects.exists()


def test_posting_without_a_file_asks_for_one(visitor):
    response = visitor.post("/analyze/", {})
    assert response.status_code == 400
    assert "Please choose an image or video file" in response.content.decode()


def test_a_queued_analysis_shows_progress_and_refreshes_itself(visitor, jpeg_bytes):
    visitor.post("/analyze/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)})
    html = visitor.get(Analysis.objects.get().get_absolute_url()).content.decode()
    assert "<progress" in html
    assert "data-poll-url" in html
    assert "js/progress.js" in html
    assert 'http-equiv="refresh"' in html  # the no-JavaScript fallback


def test_a_declared_png_shows_the_ai_headline_and_quoted_settings(visitor):
    params = "a red fox\nNegative prompt: none\nSteps: 20, Seed: 42, Model: fox_model_v2"
    png = png_with_text({"parameters": params})
    visitor.post("/analyze/", {"file": SimpleUploadedFile("fox.png", png)})
    analysis = Analysis.objects.get()
    analysis_run(analysis_id=analysis.pk)
    html = visitor.get(analysis.get_absolute_url()).content.decode()
    assert "This file says it was made with AI" in html
    assert "fox_model_v2" in html
    assert "Expert details" in html
    assert "How to check further" in html
    assert "<progress" not in html


def test_a_plain_photo_shows_an_honest_inconclusive(visitor, jpeg_bytes):
    visitor.post("/analyze/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)})
    analysis = Analysis.objects.get()
    analysis_run(analysis_id=analysis.pk)
    html = visitor.get(analysis.get_absolute_url()).content.decode()
    assert "We can&#x27;t tell" in html
    assert "Checked:" in html
    assert "What this cannot tell you" in html


def test_a_failed_analysis_shows_its_reason(visitor, jpeg_bytes):
    visitor.post("/analyze/", {"file": SimpleUploadedFile("a.jpg", jpeg_bytes)})
    analysis = Analysis.objects.get()
    analysis_fail(analysis_id=analysis.pk, reason="The worker ran out of time.")
    html = visitor.get(analysis.get_absolute_url()).content.decode()
    assert "We could not analyse this file" in html
    assert "The worker ran out of time." in html


def test_an_unknown_result_id_is_404(visitor):
    assert visitor.get(f"/analyze/{uuid.uuid4()}/").status_code == 404


def test_the_original_is_served_only_by_id_with_its_sniffed_type(visitor, jpeg_bytes):
    visitor.post("/analyze/", {"file": SimpleUploadedFile("a.html", jpeg_bytes)})
    analysis = Analysis.objects.get()
    response = visitor.get(f"/analyze/{analysis.public_id}/file")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == jpeg_bytes
    assert visitor.get(f"/analyze/{uuid.uuid4()}/file").status_code == 404
