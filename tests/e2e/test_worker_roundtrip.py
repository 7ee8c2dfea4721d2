"""Submit through the API to a real web process; a real Celery worker answers with a verdict."""

import pytest
import requests

from tests.conftest import encode, photo_array
from tests.detector.media_fixtures import png_with_text
from tests.e2e.conftest import REDIS_URL, require_redis, wait_until_finished

pytestmark = pytest.mark.e2e

A1111 = "a red kite over hills\nNegative prompt: text\nSteps: 30, Seed: 7, Model: kite_xl_v1"


def submit(stack, data: bytes, name: str) -> requests.Response:
    return requests.post(stack.url + "/api/v1/analyses/", files={"file": (name, data)}, timeout=10)


def test_a_declared_png_comes_back_declared_ai_over_redis(start_stack):
    require_redis()
    stack = start_stack(REDIS_URL)
    response = submit(stack, png_with_text({"parameters": A1111}), "kite.png")
    assert response.status_code == 202
    body = wait_until_finished(stack, response.headers["Location"])
    assert body["status"] == "done", body["error"]
    assert body["verdict"] == "declared_ai"
    page = requests.get(stack.url + body["result_page"], timeout=5).text
    assert "This file says it was made with AI" in page
    assert "kite_xl_v1" in page


def test_a_plain_photo_comes_back_inconclusive_over_the_embedded_filesystem_broker(start_stack):
    stack = start_stack("filesystem://")
    response = submit(stack, encode(photo_array(), "JPEG", quality=88), "photo.jpg")
    assert response.status_code == 202
    body = wait_until_finished(stack, response.headers["Location"])
    assert body["status"] == "done", body["error"]
    assert body["verdict"] == "inconclusive"


def test_several_jobs_over_redis_each_run_exactly_once(start_stack):
    require_redis()
    stack = start_stack(REDIS_URL)
    locations = [
        submit(stack, encode(photo_array(seed=i), "PNG"), f"{i}.png").headers["Location"]
        for i in range(5)
    ]
    bodies = [wait_until_finished(stack, location) for location in locations]
    assert [b["status"] for b in bodies] == ["done"] * 5
    assert len({b["id"] for b in bodies}) == 5
