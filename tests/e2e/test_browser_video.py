"""A visitor analyses a video in real Chromium: progress, verdict, the timeline and its table,
a moment that shows its frame, and an accessibility check of the result page."""

import pytest
from playwright.sync_api import expect

from project.devstack import Stack, free_port
from tests.detector.video_fixtures import encode_video, swapped_face_frames
from tests.e2e.browser import serious_accessibility_violations
from tests.e2e.conftest import stack_env

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A web server and a worker whose face model is a small network pinned to say 'fake'."""
    pytest.importorskip("torch")
    from tests.detector.test_face_model import write_weights

    tmp_path = tmp_path_factory.mktemp("video-site")
    weights = tmp_path / "face-model"
    weights.mkdir()
    write_weights(weights, bias=4.0)
    env = {**stack_env(tmp_path, "filesystem://"), "FACE_MODEL_DIR": str(weights)}
    stack = Stack(env=env, port=free_port(), log_dir=tmp_path / "logs")
    stack.manage("migrate", "--noinput", "-v", "0")
    with stack:
        yield stack


def test_a_visitor_analyses_a_video_and_reads_its_timeline(site, page, tmp_path):
    video = tmp_path / "interview.mp4"
    video.write_bytes(encode_video(swapped_face_frames(60)))
    page.goto(site.url + "/analyze/")
    page.get_by_label("Image or video to analyse").set_input_files(str(video))
    page.get_by_role("button", name="Analyse this file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Strong signs of manipulation", timeout=120_000
    )
    expect(page.get_by_role("group", name="Face scores over time")).to_be_visible()
    page.get_by_text("Every sampled face as a table").click()
    expect(page.get_by_role("table", name="Face scores by time")).to_be_visible()

    moment = page.locator(".moments a").first
    anchor = moment.get_attribute("href")
    moment.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.url.split('#')[0]}{anchor}")
    frame = page.locator(f"figure{anchor} img")
    expect(frame).to_be_visible()
    assert frame.evaluate("img => img.naturalWidth") > 0
    assert serious_accessibility_violations(page) == []


def test_the_video_result_page_fits_a_phone(site, page, tmp_path):
    video = tmp_path / "clip.mp4"
    video.write_bytes(encode_video(swapped_face_frames(30)))
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site.url + "/analyze/")
    page.get_by_label("Image or video to analyse").set_input_files(str(video))
    page.get_by_role("button", name="Analyse this file").click()
    expect(page.get_by_role("heading", name="Face scores over time")).to_be_visible(timeout=120_000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
