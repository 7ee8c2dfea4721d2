"""A visitor plays starter quizzes in real Chromium with the keyboard, to the results page."""

import re

import pytest
from playwright.sync_api import expect

from project.devstack import Stack, free_port
from quiz.starter_data import QUIZZES
from tests.e2e.browser import serious_accessibility_violations
from tests.e2e.conftest import stack_env

pytestmark = pytest.mark.e2e

ADMIN_USER = (
    "from django.contrib.auth import get_user_model; "
    "get_user_model().objects.create_superuser('editor', 'e@example.org', 'pw-editor-1')"
)
FIRST_LOOK = next(q for q in QUIZZES if q["slug"] == "real-or-fake-first-look")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A web server with the starter quizzes; no worker (playing needs none)."""
    tmp_path = tmp_path_factory.mktemp("quiz-site")
    stack = Stack(
        env=stack_env(tmp_path, "memory://"),
        port=free_port(),
        workers=0,
        log_dir=tmp_path / "logs",
    )
    stack.manage("migrate", "--noinput", "-v", "0")
    stack.manage("load_starter_content")
    stack.manage("shell", "-c", ADMIN_USER)
    with stack:
        yield stack


@pytest.fixture
def page(page):
    page.set_default_timeout(20_000)
    return page


def heading(page):
    return page.get_by_role("heading", level=1)


def scripts_ready(page):
    """Wait for the page's load event: quiz.js is deferred, and keys pressed before it runs get
    only the browser's own behaviour (the spot grid's radio moves went one-dimensional once in
    CI, on a loaded machine; reproduced by delaying quiz.js 1.5 s)."""
    page.wait_for_load_state("load")


def test_a_visitor_plays_a_starter_quiz_to_the_end_with_the_keyboard(site, page, browser):
    page.goto(site.url + "/quizzes/")
    page.get_by_role("link", name=FIRST_LOOK["title"]).click()
    page.get_by_role("button", name="Start the quiz").click()
    items = FIRST_LOOK["items"]
    for position, item in enumerate(items, 1):
        expect(page.get_by_text(f"Question {position} of {len(items)}").first).to_be_visible()
        if position == 4:
            # Leave and come back through the quiz list, as a visitor who was interrupted.
            page.goto(site.url + "/quizzes/")
            page.get_by_role("link", name="Continue where you left off").click()
            expect(page.get_by_text(f"Question 4 of {len(items)}").first).to_be_visible()
        expect(heading(page)).to_have_text(item["prompt"])
        scripts_ready(page)
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowUp")
        expect(page.locator("#confidence-value")).to_have_text("85 %")
        if position == 1 or "video" in item:
            assert serious_accessibility_violations(page) == [], f"play page {position}"
        page.keyboard.press("f")
        verdict = "Right!" if item["truth"] == "fake" else "Not this time."
        expect(heading(page)).to_contain_text(verdict)
        expect(page.get_by_text("average confidence 85 %")).to_be_visible()
        if position == 1:
            assert serious_accessibility_violations(page) == [], "reveal page"
        scripts_ready(page)
        page.keyboard.press("ArrowRight")
    fakes = sum(1 for item in items if item["truth"] == "fake")
    expect(heading(page)).to_have_text(f"{fakes} of {len(items)} right")
    expect(page.get_by_role("heading", name="How well did your confidence match?")).to_be_visible()
    expect(page.get_by_text(re.compile(r"you were right \d+ % of the time"))).to_be_visible()
    expect(page.get_by_text("Brier score").first).to_be_visible()
    assert serious_accessibility_violations(page) == [], "results page"
    share = page.get_by_label(re.compile("Link to this result")).input_value()
    other = browser.new_context()
    try:
        stranger = other.new_page()
        stranger.goto(share)
        expect(heading(stranger)).to_have_text(f"{fakes} of {len(items)} right")
    finally:
        other.close()


def test_a_spot_square_is_chosen_with_the_arrow_keys_and_sent_with_enter(site, page):
    page.goto(site.url + "/quizzes/spot-the-edit/")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_label("Row 1, column 1")).to_be_attached()
    scripts_ready(page)
    page.get_by_label("Row 1, column 1").focus()  # as Tab would: the squares are one group
    page.keyboard.press("Space")
    for key in ("ArrowDown", "ArrowDown", "ArrowRight"):
        page.keyboard.press(key)
    expect(page.get_by_label("Row 3, column 2")).to_be_checked()
    expect(page.get_by_label("Row 3, column 2")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("You marked the spot circled in pink")).to_be_visible()
    assert serious_accessibility_violations(page) == [], "spot reveal page"


def test_an_editor_drags_a_changed_area_onto_an_item_preview_in_the_admin(site, page):
    page.goto(site.url + "/admin/login/?next=/admin/quiz/quiz/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw-editor-1")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name=FIRST_LOOK["title"]).click()
    editor = page.locator(".region-editor").first
    regions = page.locator("textarea[name='items-0-regions']")
    expect(regions).to_have_value("")
    width = int(editor.get_attribute("data-width"))
    editor.scroll_into_view_if_needed()
    expect(editor).to_have_attribute("data-ready", "1")  # the script found its text box
    frame = editor.bounding_box()
    scale = width / frame["width"]
    page.mouse.move(frame["x"] + 24, frame["y"] + 20)
    page.mouse.down()
    page.mouse.move(frame["x"] + 84, frame["y"] + 50, steps=4)
    page.mouse.up()
    x, y, w, h = (int(n) for n in regions.input_value().split(","))
    assert abs(x - 24 * scale) <= 2 and abs(y - 20 * scale) <= 2
    assert abs(w - 60 * scale) <= 2 and abs(h - 30 * scale) <= 2
    expect(editor.locator("rect")).to_have_count(1)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator("textarea[name='items-0-regions']")).to_have_value(f"{x}, {y}, {w}, {h}")
