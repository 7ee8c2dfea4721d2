"""Assignments that hold answers back: 'at the end' and 'after the due date', pages and API."""

from datetime import timedelta

import pytest
from django.utils import timezone

from quiz.classrooms.assignments import assignment_create
from quiz.models import Attempt
from tests.quiz.conftest import right_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(classroom, quiz):
    return assignment_create(
        classroom=classroom,
        quiz=quiz,
        due_at=timezone.now() + timedelta(days=2),
        reveal="after_due",
    )


def play_all(student, assignment):
    student.post(f"/class/start/{assignment.public_id}/")
    attempt = Attempt.objects.get(assignment=assignment)
    items = list(attempt.quiz.items.order_by("order"))
    redirects = []
    for position, item in enumerate(items, 1):
        answer = student.post(
            f"/quizzes/play/{attempt.public_id}/{position}/",
            {**right_answer(item), "confidence": 90},
        )
        redirects.append(answer["Location"])
    return attempt, redirects


def test_after_the_due_date_pages_never_show_an_answer_before_it(student, held):
    attempt, redirects = play_all(student, held)
    token = attempt.public_id
    assert redirects == [f"/quizzes/play/{token}/2/", f"/quizzes/play/{token}/3/",
                         f"/quizzes/play/{token}/finish/"]  # fmt: skip
    reveal = student.get(f"/quizzes/play/{token}/1/reveal/")
    assert reveal.status_code == 302 and "reveal" not in reveal["Location"]
    student.post(f"/quizzes/play/{token}/finish/")
    assert student.get(f"/quizzes/play/{token}/1/reveal/").status_code == 302
    result = student.get(f"/quizzes/results/{token}/").content.decode()
    assert "shows the right answers and scores from" in result
    assert "3 / 3" not in result and "Back to your class" in result


def test_after_the_due_date_passes_the_answers_appear(student, held):
    attempt, _ = play_all(student, held)
    student.post(f"/quizzes/play/{attempt.public_id}/finish/")
    held.due_at = timezone.now() - timedelta(seconds=1)
    held.save()
    assert student.get(f"/quizzes/play/{attempt.public_id}/1/reveal/").status_code == 200
    result = student.get(f"/quizzes/results/{attempt.public_id}/").content.decode()
    assert "shows the right answers" not in result


def test_at_the_end_answers_appear_once_finished(student, classroom, quiz):
    at_end = assignment_create(classroom=classroom, quiz=quiz, reveal="end")
    attempt, redirects = play_all(student, at_end)
    assert redirects[-1].endswith("/finish/")
    assert student.get(f"/quizzes/play/{attempt.public_id}/1/reveal/").status_code == 302
    student.post(f"/quizzes/play/{attempt.public_id}/finish/")
    assert student.get(f"/quizzes/play/{attempt.public_id}/1/reveal/").status_code == 200


def test_the_api_answers_with_a_receipt_and_no_score_until_the_due_date(student, held):
    student.post(f"/class/start/{held.public_id}/")
    attempt = Attempt.objects.get()
    item = attempt.quiz.items.order_by("order").first()
    answered = student.post(
        f"/api/v1/quizzes/attempts/{attempt.public_id}/answers/",
        {"item": str(item.public_id), "confidence": 80, **right_answer(item)},
        content_type="application/json",
    )
    assert answered.status_code == 201
    body = answered.json()
    assert body["answers_held"] is True and body["shown_from"]
    assert "correct" not in body and "truth" not in body and "explanation" not in body
    finished = student.post(f"/api/v1/quizzes/attempts/{attempt.public_id}/finish/").json()
    assert finished["score"] is None and finished["answers_held"] is True
    public = student.get(f"/api/v1/quizzes/results/{attempt.public_id}/").json()
    assert public["score"] is None and public["missed_cues"] == []


def test_ordinary_play_still_reveals_after_each_item(student, assignment):
    attempt, redirects = play_all(student, assignment)
    assert redirects[0] == f"/quizzes/play/{attempt.public_id}/1/reveal/"
