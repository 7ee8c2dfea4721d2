"""A visitor's paths in real Chromium against a real web server and worker."""

import re

import pytest
from playwright.sync_api import expect

from project.devstack import Stack, free_port
from tests.conftest import encode, photo_array
from tests.detector.media_fixtures import png_with_text
from tests.e2e.browser import serious_accessibility_violations
from tests.e2e.conftest import stack_env

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One web server and worker for the whole module (starting them costs seconds)."""
    tmp_path = tmp_path_factory.mktemp("site")
    stack = Stack(
        env=stack_env(tmp_path, "filesystem://"), port=free_port(), log_dir=tmp_path / "logs"
    )
    stack.manage("migrate", "--noinput", "-v", "0")
    stack.manage("load_starter_content")
    with stack:
        yield stack


def test_a_visitor_analyses_a_generated_png_and_reads_the_explained_verdict(site, page, tmp_path):
    image = tmp_path / "castle.png"
    image.write_bytes(png_with_text({"parameters": "a castle\nSteps: 20, Model: castle_xl"}))
    page.goto(site.url + "/")
    page.get_by_role("link", name="Analyze").click()
    page.get_by_label("Image or video to analyse").set_input_files(str(image))
    page.get_by_role("button", name="Analyse this file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This file says it was made with AI", timeout=90_000
    )
    expect(page.get_by_text("castle_xl").first).to_be_visible()
    page.get_by_text("Expert details").first.click()
    expect(page.get_by_text("How reliable is this check?").first).to_be_visible()
    assert serious_accessibility_violations(page) == []


def test_a_visitor_is_told_clearly_when_the_file_is_not_an_image(site, page, tmp_path):
    fake = tmp_path / "holiday.jpg"
    fake.write_text("this is only text")
    page.goto(site.url + "/analyze/")
    page.get_by_label("Image or video to analyse").set_input_files(str(fake))
    page.get_by_role("button", name="Analyse this file").click()
    expect(page.get_by_role("alert")).to_contain_text("We can analyse JPEG, PNG and WebP images")


def test_a_plain_photo_gets_an_honest_answer(site, page, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(encode(photo_array(640, 480), "JPEG", quality=92))
    page.goto(site.url + "/analyze/")
    page.get_by_label("Image or video to analyse").set_input_files(str(photo))
    page.get_by_role("button", name="Analyse this file").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).not_to_have_text(re.compile("Analysing"), timeout=90_000)
    expect(page.get_by_role("heading", name="What this cannot tell you")).to_be_visible()


def test_the_faq_search_works_and_main_pages_pass_an_accessibility_check(site, page):
    page.goto(site.url + "/learn/faq/")
    page.get_by_label("Search the questions").fill("voice")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_contain_text("for “voice”")
    for path in ["/", "/learn/", "/learn/faq/", "/learn/glossary/", "/analyze/", "/quizzes/"]:
        page.goto(site.url + path)
        assert serious_accessibility_violations(page) == [], path


def test_pages_fit_a_phone_screen_without_sideways_scrolling(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    phone = context.new_page()
    for path in ["/", "/learn/faq/", "/learn/glossary/", "/analyze/"]:
        phone.goto(site.url + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
    context.close()
