"""Videos through a real web process and a real Celery worker started without --queues (as
`make run` starts it): it takes both the image and the video queue, and a video's own time
limit never touches images."""

import pytest
import requests

from tests.conftest import encode, photo_array
from tests.detector.video_fixtures import clip, encode_video, panning_frames
from tests.e2e.conftest import REDIS_URL, require_redis, wait_until_finished

pytestmark = pytest.mark.e2e
VERDICTS = {
    "declared_ai",
    "likely_manipulated",
    "inconclusive",
    "no_signs_found",
    "verified_capture",
}


def submit(stack, data: bytes, name: str) -> str:
    response = requests.post(
        stack.url + "/api/v1/analyses/", files={"file": (name, data)}, timeout=30
    )
    assert response.status_code == 202, response.text
    return response.headers["Location"]


def test_one_worker_analyses_a_video_and_an_image_and_a_cut_clip_fails_readably(start_stack):
    require_redis()
    stack = start_stack(REDIS_URL)
    full = clip(60, codec="vp9", container="matroska", size=(320, 240))
    video = submit(stack, clip(45, size=(320, 240)), "clip.mp4")
    image = submit(stack, encode(photo_array(), "JPEG", quality=90), "photo.jpg")
    # Matroska states its length up front, so a clip cut short passes the upload checks and is
    # found out by the worker when its pictures stop early.
    cut = submit(stack, full[: len(full) * 2 // 3], "cut.mkv")

    body = wait_until_finished(stack, video)
    assert body["status"] == "done", body["error"]
    assert body["media_kind"] == "video"
    assert body["verdict"] in VERDICTS
    assert body["report"]["video"]["sampled"] == 3
    page = requests.get(stack.url + body["result_page"], timeout=10).text
    assert "Face scores over time" in page

    assert wait_until_finished(stack, image)["status"] == "done"

    failed = wait_until_finished(stack, cut)
    assert failed["status"] == "failed"
    assert "incomplete" in failed["error"]


def test_a_video_over_its_own_time_limit_fails_with_advice_while_images_finish(start_stack):
    require_redis()
    stack = start_stack(REDIS_URL, env={"VIDEO_SOFT_TIME_LIMIT": "1", "VIDEO_TIME_LIMIT": "30"})
    # Eight seconds at two samples a second: sixteen frames to search for faces, far over 1 s.
    long_video = encode_video(panning_frames(240, size=(480, 360), step=1))
    video = submit(stack, long_video, "long.mp4")
    image = submit(stack, encode(photo_array(seed=4), "JPEG", quality=90), "photo.jpg")

    failed = wait_until_finished(stack, video)
    assert failed["status"] == "failed"
    assert "time limit" in failed["error"] and "shorter clip" in failed["error"]
    assert wait_until_finished(stack, image)["status"] == "done"
