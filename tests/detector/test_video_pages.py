"""A video's result page: progress in frames, the verdict, an accessible timeline with a table
alternative, the strongest moments linked to kept frames, and the clip served in byte ranges."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from detector.models import Analysis
from detector.services import video_analysis_run
from tests.detector.video_fixtures import encode_video, stand_in_face_model, swapped_face_frames

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def mp4() -> bytes:
    return encode_video(swapped_face_frames(60))


def analysed(visitor, mp4, monkeypatch, probability: float) -> Analysis:
    model, _ = stand_in_face_model(lambda crop: probability)
    monkeypatch.setattr("detector.analysis.video.pipeline.load_face_model", lambda: model)
    visitor.post("/analyze/", {"file": SimpleUploadedFile("clip.mp4", mp4)})
    analysis = Analysis.objects.get()
    video_analysis_run(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    assert analysis.status == "done", analysis.error
    return analysis


def test_a_running_video_shows_which_frame_it_is_on(visitor, mp4):
    visitor.post("/analyze/", {"file": SimpleUploadedFile("clip.mp4", mp4)})
    analysis = Analysis.objects.get()
    Analysis.objects.filter(pk=analysis.pk).update(
        status="running", step="finding faces: frame 3 of 4", percent=62
    )
    html = visitor.get(analysis.get_absolute_url()).content.decode()
    assert "Analysing your video" in html
    assert "finding faces: frame 3 of 4" in html
    api = visitor.get(f"/api/v1/analyses/{analysis.public_id}/").json()
    assert api["progress"] == {"step": "finding faces: frame 3 of 4", "percent": 62}


def test_the_result_page_shows_the_timeline_and_its_table(visitor, mp4, monkeypatch):
    analysis = analysed(visitor, mp4, monkeypatch, 0.9)
    html = visitor.get(analysis.get_absolute_url()).content.decode()
    assert "Strong signs of manipulation" in html
    svg = re.search(r"<svg class=\"timeline\".*?</svg>", html, re.S).group(0)
    assert 'role="group"' in svg and "<title" in svg and "<desc" in svg
    assert svg.count("<polyline") == len(analysis.report["video"]["tracks"])
    assert "Face scores by time" in html  # the table with the timeline's numbers
    table_rows = re.findall(r"<tr><td>\d:\d\d\.\d</td>", html)
    points = sum(len(t["points"]) for t in analysis.report["video"]["tracks"])
    assert len(table_rows) == points
    assert "90 %" in html


def test_each_strong_moment_links_to_its_kept_frame_with_boxes(visitor, mp4, monkeypatch):
    analysis = analysed(visitor, mp4, monkeypatch, 0.9)
    html = visitor.get(analysis.get_absolute_url()).content.decode()
    moments = re.search(r'<ol class="moments">(.*?)</ol>', html, re.S).group(1)
    anchors = re.findall(r'href="#(frame-\d+)"', moments)
    assert 2 <= len(anchors) <= 4
    for anchor in anchors:
        figure = re.search(rf'<figure class="kept-frame" id="{anchor}".*?</figure>', html, re.S)
        src = re.search(r'src="([^"]+)"', figure.group(0)).group(1)
        image = visitor.get(src)
        assert image.status_code == 200
        assert b"".join(image.streaming_content).startswith(b"\x89PNG")
        assert "face 1 outlined" in figure.group(0)


def test_the_video_is_served_in_byte_ranges_for_seeking(visitor, mp4, monkeypatch):
    analysis = analysed(visitor, mp4, monkeypatch, 0.1)
    url = f"/analyze/{analysis.public_id}/file"
    whole = visitor.get(url)
    assert whole["Accept-Ranges"] == "bytes"
    assert whole["Content-Type"] == "video/mp4"
    part = visitor.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part.content == mp4[100:200]
    assert part["Content-Range"] == f"bytes 100-199/{len(mp4)}"
    assert visitor.get(url, HTTP_RANGE="bytes=-10").content == mp4[-10:]
    refused = visitor.get(url, HTTP_RANGE=f"bytes={len(mp4) + 5}-")
    assert refused.status_code == 416


def test_a_video_without_faces_explains_there_is_no_timeline(visitor, monkeypatch):
    import numpy as np
    from skimage import data as samples

    from tests.detector.video_fixtures import panning_frames

    coffee = np.ascontiguousarray(samples.coffee())
    analysis = analysed(visitor, encode_video(panning_frames(30, source=coffee)), monkeypatch, 0.9)
    html = visitor.get(analysis.get_absolute_url()).content.decode()
    assert "We can&#x27;t tell" in html or "We can't tell" in html
    assert "We found no face in the frames we sampled" in html
    assert '<svg class="timeline"' not in html
