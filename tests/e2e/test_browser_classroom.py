"""The classroom path in real Chromium: a teacher signs up, makes a class and assigns a starter
quiz; a student on another browser (a phone-sized one) joins by code and plays; the teacher
sees the result and downloads the CSV. Every page passes an axe-core check."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from project.devstack import Stack, free_port
from tests.e2e.browser import serious_accessibility_violations
from tests.e2e.conftest import stack_env

pytestmark = pytest.mark.e2e

QUIZ = "Deepfake myths and facts"
# What sticks out on the right, to name the culprit when a page is wider than the screen.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => !(e.parentElement && e.parentElement.closest('.table-scroll')))
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 5)
  .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("classroom-site")
    # No worker: nothing on this path is queued, and the starter items' analyses would only
    # compete for the CPU.
    stack = Stack(
        env=stack_env(tmp_path, "filesystem://"),
        port=free_port(),
        log_dir=tmp_path / "logs",
        workers=0,
    )
    stack.manage("migrate", "--noinput", "-v", "0")
    stack.manage("load_starter_content")
    with stack:
        yield stack


def accessible(page) -> None:
    assert serious_accessibility_violations(page) == [], page.url


def fits_a_phone(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    wide = page.evaluate(WIDEST)
    assert overflow <= 0, (page.url, overflow, wide)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        yield context.new_page()
    finally:
        context.close()


def test_teacher_assigns_a_quiz_a_student_plays_it_and_the_teacher_downloads_the_result(
    site, page, phone
):
    # The teacher signs up.
    page.goto(site.url + "/")
    page.get_by_role("link", name="Teachers").click()
    page.get_by_role("link", name="Create a teacher account").click()
    accessible(page)
    page.get_by_label("Username").fill("msdiaz")
    page.get_by_label("Email").fill("diaz@school.example")
    page.get_by_label("Your name").fill("Ms Diaz")
    page.locator("#id_password1").fill("purple-otter-lamp-42")
    page.get_by_label("Password again").fill("purple-otter-lamp-42")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your classes")
    accessible(page)

    # ... creates a class and reads its code.
    page.get_by_role("link", name="New class").click()
    accessible(page)
    page.get_by_label("Class name").fill("7B science")
    page.get_by_role("button", name="Create class").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("7B science")
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    accessible(page)
    code = page.locator("#join-code").inner_text().strip()
    assert re.fullmatch(r"[A-HJ-KMNP-Z2-9]{6}", code)
    class_url = page.url

    # ... assigns a starter quiz.
    page.get_by_role("link", name="Assign a quiz").click()
    accessible(page)
    page.get_by_label("Quiz").select_option(label=QUIZ)
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("link", name=QUIZ, exact=True)).to_be_visible()

    # ... gives it a due date from the class page.
    page.get_by_role("link", name=f"Edit {QUIZ}").click()
    accessible(page)
    page.get_by_role("textbox", name="Due").fill("2999-06-30T15:00")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Assignment changes saved.")).to_be_visible()
    expect(page.get_by_text("due 30 Jun 2999, 15:00")).to_be_visible()
    page.goto(class_url)

    # A student on a phone joins by code and plays to the end.
    phone.goto(site.url + "/")
    phone.get_by_role("link", name="Join a class").click()
    accessible(phone)
    fits_a_phone(phone)
    phone.get_by_label("Class code").fill(code.lower())
    phone.get_by_label("Nickname").fill("Sam")
    phone.get_by_role("button", name="Join").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your quizzes")
    expect(phone.get_by_text("Not started")).to_be_visible()
    accessible(phone)
    fits_a_phone(phone)
    phone.get_by_role("button", name=re.compile("^Start")).click()
    for position in range(1, 9):
        expect(phone.get_by_text(f"Question {position} of 8")).to_be_visible()
        if position == 1:
            accessible(phone)
        phone.get_by_role("button", name=re.compile("^False")).click()
        if position < 8:
            phone.get_by_role("link", name=re.compile("Next question")).click()
    phone.get_by_role("button", name=re.compile("See my results")).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(re.compile(r"^\d of 8 right$"))
    accessible(phone)
    phone.goto(site.url + "/class/")
    expect(phone.get_by_text("Done", exact=True)).to_be_visible()

    # The teacher sees the result and downloads the CSV.
    page.goto(class_url)
    page.get_by_role("link", name=QUIZ, exact=True).click()
    expect(page.locator("#summary-title + ul")).to_contain_text("1 of 1 students finished")
    expect(page.get_by_role("rowheader", name="Sam")).to_be_visible()
    accessible(page)
    page.set_viewport_size({"width": 360, "height": 740})
    fits_a_phone(page)
    page.goto(class_url)
    fits_a_phone(page)
    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download students (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["student", "status", "score"]
    assert rows[1][0] == "Sam" and rows[1][1] == "done"
    assert len(rows) == 2 and len(rows[1]) == 6 + 2 * 8
