"""Results per student, item and cue; calibration; pre/post gains; CSV exports; print view."""

import csv
import io

import pytest

from learn.models import FaqEntry
from quiz.classrooms.assignments import assignment_create, assignment_start
from quiz.classrooms.results import assignment_gains, assignment_results
from quiz.classrooms.services import student_join
from quiz.services import attempt_answer, attempt_finish
from tests.quiz.conftest import right_answer, wrong_answer

pytestmark = pytest.mark.django_db


def play(assignment, student, pattern, confidence=80, finish=True):
    """`pattern`: one bool per item (right or wrong); None skips the item."""
    attempt = assignment_start(assignment=assignment, student=student, session_key="s")
    for item, right in zip(attempt.quiz.items.order_by("order"), pattern, strict=False):
        if right is None:
            continue
        answer = right_answer(item) if right else wrong_answer(item)
        attempt_answer(attempt=attempt, item=item, confidence=confidence, **answer)
    if finish:
        attempt_finish(attempt=attempt)
    return attempt


@pytest.fixture
def played(classroom, assignment):
    sam = student_join(code=classroom.join_code, nickname="Sam")
    alex = student_join(code=classroom.join_code, nickname="Alex")
    student_join(code=classroom.join_code, nickname="Kim")  # never starts
    play(assignment, sam, [True, True, True], confidence=90)
    play(assignment, alex, [False, True, None], confidence=100, finish=False)
    return assignment


def test_the_grid_scores_statuses_and_class_figures(played):
    results = assignment_results(assignment=played)
    rows = {r.student.nickname: r for r in results.rows}
    assert [r.status for r in results.rows] == ["in_progress", "not_started", "done"]
    assert rows["Sam"].score == 3 and rows["Alex"].score == 1 and rows["Kim"].answered == 0
    assert rows["Alex"].cells[2] is None and rows["Alex"].cells[0].correct is False
    assert results.finished == 1 and results.average_score == 100.0
    # 5 answers, 4 right; confidences 90, 90, 90, 100, 100 -> mean 94 %, accuracy 80 %
    assert results.calibration.accuracy == 80.0
    assert results.calibration.mean_confidence == 94.0
    assert results.calibration.verdict == "overconfident"


def test_per_item_share_correct_common_wrong_answer_and_confidence(played):
    first = assignment_results(assignment=played).item_stats[0]
    assert first.answered == 2 and first.correct_percent == 50.0
    assert first.common_wrong == "false" and first.mean_confidence == 95.0


def test_per_cue_the_most_missed_comes_first_with_faq_links(played, teacher):
    FaqEntry.objects.create(
        question="What is a cheap fake?", slug="what-is-a-cheap-fake", answer="A", category="basics"
    )
    cues = assignment_results(assignment=played).cue_stats
    assert cues[0].cue.slug == "edges"
    assert cues[0].missed == 1 and cues[0].answered == 5
    assert cues[0].faq == [{"url": "/learn/faq/#what-is-a-cheap-fake",
                            "question": "What is a cheap fake?"}]  # fmt: skip
    page = teacher.get(played.get_absolute_url()).content.decode()
    assert '<a href="/learn/faq/#what-is-a-cheap-fake">What is a cheap fake?</a>' in page


def test_pre_post_gains_per_student_and_class(classroom, quiz, assignment):
    sam = student_join(code=classroom.join_code, nickname="Sam")
    post = assignment_create(classroom=classroom, quiz=quiz, pretest=assignment)
    play(assignment, sam, [False, False, True], confidence=90)
    play(post, sam, [True, True, True], confidence=90)
    gains = assignment_gains(post=post, post_results=assignment_results(assignment=post))
    gain = gains.students[0]
    assert gain.pre_accuracy == 33.3 and gain.post_accuracy == 100.0
    assert gain.accuracy_gain == 66.7 and gain.brier_change < 0
    assert gains.class_pre.accuracy == 33.3 and gains.class_post.accuracy == 100.0
    assert gains.mean_accuracy_gain == 66.7


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_results_page_shows_the_grid_and_links_every_csv(teacher, played):
    page = teacher.get(played.get_absolute_url()).content.decode()
    assert "1 of 3" in page and "Sam" in page and "Edges" in page
    for table in ("students", "items", "cues"):
        assert f"/{table}.csv" in page
    assert "/gains.csv" not in page


def test_csv_exports_hold_every_table(teacher, played):
    base = played.get_absolute_url()
    students = read_csv(teacher.get(base + "students.csv"))
    assert students[0][:4] == ["student", "status", "score", "answered"]
    sam = next(r for r in students if r[0] == "Sam")
    assert sam[1:4] == ["done", "3", "3"] and sam[6:8] == ["1", "90"]
    items = read_csv(teacher.get(base + "items.csv"))
    assert len(items) == 4 and items[1][3] == "50.0"
    cues = read_csv(teacher.get(base + "cues.csv"))
    assert cues[1][:3] == ["Edges and blending", "5", "1"]
    assert teacher.get(base + "gains.csv").status_code == 404
    assert teacher.get(base + "secrets.csv").status_code == 404


def test_csv_cells_cannot_start_a_formula(teacher, classroom, assignment):
    for name in ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"]:
        student_join(code=classroom.join_code, nickname=name)
    rows = read_csv(teacher.get(assignment.get_absolute_url() + "students.csv"))
    names = sorted(r[0] for r in rows[1:])
    assert names == sorted(['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@SUM(A1)"])


def test_the_gains_table_and_csv_appear_with_a_pretest(teacher, classroom, quiz, assignment):
    post = assignment_create(classroom=classroom, quiz=quiz, pretest=assignment)
    sam = student_join(code=classroom.join_code, nickname="Sam")
    play(assignment, sam, [False, True, True])
    play(post, sam, [True, True, True])
    page = teacher.get(post.get_absolute_url()).content.decode()
    assert "Gain since the pre-test" in page
    rows = read_csv(teacher.get(post.get_absolute_url() + "gains.csv"))
    assert rows[1][0] == "Sam" and rows[1][3] == "33.3"


def test_the_printable_view_has_the_tables_without_the_site_chrome(teacher, played):
    page = teacher.get(played.get_absolute_url() + "print/").content.decode()
    assert "Students and questions" in page and "Printed" in page
