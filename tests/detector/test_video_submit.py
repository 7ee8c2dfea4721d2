"""Submitting videos through the form and the API: probed before storing, queued on `video`."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from detector.models import Analysis
from detector.services import analyses_sweep, video_analysis_run
from project.celery import app
from tests.detector.video_fixtures import clip, encode_video, panning_frames, stand_in_face_model

pytestmark = pytest.mark.django_db
URL = "/api/v1/analyses/"


@pytest.fixture(scope="module")
def mp4() -> bytes:
    return clip(45, size=(480, 360))


@pytest.fixture
def scored_low(monkeypatch):
    model, calls = stand_in_face_model(lambda crop: 0.1)
    monkeypatch.setattr("detector.analysis.video.pipeline.load_face_model", lambda: model)
    return calls


def post(client, data: bytes, name: str = "clip.mp4", url: str = URL):
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def test_a_video_upload_is_stored_as_a_video_with_its_display_size(visitor, mp4):
    response = post(visitor, mp4, name="my holiday.mov")
    assert response.status_code == 202
    analysis = Analysis.objects.get(public_id=response.json()["id"])
    assert analysis.media_kind == "video"
    assert analysis.mime_type == "video/mp4"
    assert analysis.file.name.endswith(".mp4") and "holiday" not in analysis.file.name
    assert (analysis.width, analysis.height) == (480, 360)


def test_video_jobs_are_routed_to_the_video_queue_with_their_own_time_limits(settings):
    from detector.tasks import run_analysis, run_video_analysis

    route = app.amqp.router.route({}, run_video_analysis.name)
    assert route["queue"].name == settings.VIDEO_QUEUE
    assert app.amqp.router.route({}, run_analysis.name)["queue"].name == settings.ANALYSIS_QUEUE
    assert run_video_analysis.soft_time_limit == settings.VIDEO_SOFT_TIME_LIMIT
    assert run_video_analysis.time_limit == settings.VIDEO_TIME_LIMIT
    assert run_analysis.soft_time_limit != settings.VIDEO_SOFT_TIME_LIMIT


def test_a_worker_without_queue_options_consumes_both_queues(settings):
    names = set(app.amqp.queues)
    assert {settings.ANALYSIS_QUEUE, settings.VIDEO_QUEUE} <= names


def test_submitting_a_video_queues_the_video_task(
    visitor, mp4, monkeypatch, django_capture_on_commit_callbacks
):
    from detector import tasks

    sent = []
    monkeypatch.setattr(tasks.run_video_analysis, "apply_async", lambda *a, **k: sent.append(a))
    monkeypatch.setattr(tasks.run_analysis, "apply_async", lambda *a, **k: pytest.fail("image"))
    with django_capture_on_commit_callbacks(execute=True):
        post(visitor, mp4)
    assert len(sent) == 1


def test_an_oversized_video_gets_413_naming_the_video_limit(visitor, settings, mp4):
    settings.ANALYSIS_MAX_VIDEO_BYTES = 1000
    response = post(visitor, mp4)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "file_too_large"
    assert "videos can be at most" in response.json()["error"]["message"]
    assert not Analysis.objects.exists()


def test_a_video_too_long_gets_413_and_says_how_long_it_is(visitor, settings, mp4):
    settings.ANALYSIS_MAX_VIDEO_SECONDS = 1
    response = post(visitor, mp4)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_long"


def test_an_unsupported_codec_gets_415(visitor):
    response = post(visitor, encode_video(panning_frames(6), codec="mpeg4"))
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_codec"


def test_a_truncated_video_gets_400_saying_it_is_incomplete(visitor, mp4):
    response = post(visitor, mp4[: len(mp4) // 3])
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "incomplete_file"


def test_the_form_shows_a_refused_video_as_a_message(visitor, settings, mp4):
    settings.ANALYSIS_MAX_VIDEO_SECONDS = 1
    response = post(visitor, mp4, url="/analyze/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "we analyse videos of up to 1 s" in html
    assert 'aria-invalid="true"' in html


def test_the_form_says_which_videos_it_takes(visitor, settings):
    settings.ANALYSIS_MAX_VIDEO_SECONDS = 90
    html = visitor.get("/analyze/").content.decode()
    assert "MP4, MOV, WebM or MKV" in html and "90 seconds" in html
    assert "video/mp4" in html


def test_running_a_video_stores_the_report_and_the_kept_frames(visitor, mp4, scored_low):
    analysis = Analysis.objects.get(public_id=post(visitor, mp4).json()["id"])
    video_analysis_run(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    assert analysis.status == "done", analysis.error
    video = analysis.report["video"]
    assert video["sampled"] == 3  # 1.5 s at two frames a second
    assert scored_low == [sum(t["frames"] for t in video["tracks"])]  # one batch
    assert video["frames"] and all(f["overlay"] in analysis.overlays for f in video["frames"])
    assert all(default_storage.exists(p) for p in analysis.overlays.values())


def test_a_video_cut_short_after_upload_fails_with_a_readable_reason(visitor, mp4, scored_low):
    analysis = Analysis.objects.get(public_id=post(visitor, mp4).json()["id"])
    with default_storage.open(analysis.file.name, "wb") as handle:
        handle.write(mp4[: len(mp4) // 3])
    video_analysis_run(analysis_id=analysis.pk)
    analysis.refresh_from_db()
    assert analysis.status == "failed"
    assert "incomplete" in analysis.error


def test_the_sweeper_requeues_a_lost_video_as_a_video_job(visitor, mp4, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    from detector import tasks

    analysis = Analysis.objects.get(public_id=post(visitor, mp4).json()["id"])
    Analysis.objects.filter(pk=analysis.pk).update(enqueued_at=timezone.now() - timedelta(hours=1))
    sent = []
    monkeypatch.setattr(tasks.run_video_analysis, "apply_async", lambda a, **k: sent.append(a))
    assert analyses_sweep()["requeued"] == 1
    assert sent == [(analysis.pk,)]


def test_the_sweeper_gives_a_running_video_its_own_longer_limit(visitor, mp4, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.ANALYSIS_TIME_LIMIT, settings.VIDEO_TIME_LIMIT = 10, 1000
    analysis = Analysis.objects.get(public_id=post(visitor, mp4).json()["id"])
    Analysis.objects.filter(pk=analysis.pk).update(
        status="running", started_at=timezone.now() - timedelta(seconds=300)
    )
    assert analyses_sweep()["failed"] == 0
    Analysis.objects.filter(pk=analysis.pk).update(
        started_at=timezone.now() - timedelta(seconds=2000)
    )
    assert analyses_sweep()["failed"] == 1


def test_the_api_gives_each_kept_frame_a_url(visitor, mp4, scored_low):
    body = post(visitor, mp4).json()
    video_analysis_run(analysis_id=Analysis.objects.get(public_id=body["id"]).pk)
    detail = visitor.get(f"{URL}{body['id']}/").json()
    frames = detail["report"]["video"]["frames"]
    assert frames
    image = visitor.get(frames[0]["url"])
    assert image.status_code == 200 and image["Content-Type"] == "image/png"


@pytest.mark.parametrize(
    "payload",
    [
        b"\x00\x00\x00\x18ftypisom" + b"<html><script>alert(1)</script></html>" * 4,
        b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm" + bytes(200),
        b"\x00\x00\x00\x08moov" + bytes(300),
    ],
    ids=["mp4-html-polyglot", "empty-webm", "empty-mov"],
)
def test_hostile_files_behind_a_video_signature_get_a_4xx_never_a_500(visitor, payload):
    response = post(visitor, payload, name="video.jpg")
    assert response.status_code in {400, 413, 415}
    assert response.json()["error"]["message"]
    assert not Analysis.objects.exists()
