"""Students: join by code or link, see assigned quizzes, start, resume, play to the end."""

import pytest
from django.conf import settings
from django.test import Client

from quiz.classrooms.models import Student
from quiz.classrooms.services import classroom_set_joining
from quiz.models import Attempt
from tests.quiz.conftest import right_answer

pytestmark = pytest.mark.django_db


def join(client, code, nickname="Sam", **extra):
    return client.post("/join/", {"code": code, "nickname": nickname}, **extra)


def test_a_student_joins_with_a_code_and_stays_signed_in_by_cookie(visitor, classroom):
    response = join(visitor, classroom.join_code.lower())
    assert response.status_code == 302 and response["Location"] == "/class/"
    cookie = response.cookies[settings.STUDENT_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    student = Student.objects.get()
    assert student.secret not in cookie.value.split(":")[1:]  # signed, not just the secret
    home = visitor.get("/class/").content.decode()
    assert "you are <strong>Sam</strong>" in home and classroom.name in home


def test_the_join_form_hints_not_to_use_a_full_name(visitor):
    assert "Not your full name" in visitor.get("/join/").content.decode()


def test_the_join_link_fills_in_the_code(visitor, classroom):
    page = visitor.get(f"/join/{classroom.join_code}/").content.decode()
    assert f'value="{classroom.join_code}"' in page


def test_a_tampered_cookie_signs_nobody_in(classroom, student_record):
    browser = Client()
    browser.cookies[settings.STUDENT_COOKIE_NAME] = student_record.secret
    assert browser.get("/class/")["Location"] == "/join/"


def test_a_wrong_or_closed_code_is_explained(visitor, classroom):
    wrong = join(visitor, "ZZZZZZ" if classroom.join_code != "ZZZZZZ" else "YYYYYY")
    assert wrong.status_code == 400 and "No class has this code" in wrong.content.decode()
    classroom_set_joining(classroom=classroom, open_=False)
    closed = join(visitor, classroom.join_code)
    assert "not taking new students" in closed.content.decode()
    blank = join(visitor, classroom.join_code, nickname="   ")
    assert blank.status_code == 400


def test_a_class_of_30_behind_one_address_can_all_join(settings, classroom):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "join": "3/10m"}
    for n in range(30):
        assert join(Client(), classroom.join_code, f"Kid {n}").status_code == 302
    assert Student.objects.count() == 30


def test_wrong_codes_reach_429_with_retry_after_on_the_form_and_the_link(
    settings, visitor, classroom
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "join": "3/10m"}
    wrong = "ZZZZZZ" if classroom.join_code != "ZZZZZZ" else "YYYYYY"
    join(visitor, wrong)
    join(visitor, wrong)
    assert visitor.get(f"/join/{wrong}/").status_code == 400
    for refused in (join(visitor, classroom.join_code), visitor.get(f"/join/{wrong}/")):
        assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    other_address = join(Client(), classroom.join_code, REMOTE_ADDR="10.9.9.9")
    assert other_address.status_code == 302


def test_a_student_starts_resumes_and_finishes_an_assignment(student, assignment):
    home = student.get("/class/").content.decode()
    assert assignment.quiz.title in home and "Not started" in home
    start = student.post(f"/class/start/{assignment.public_id}/")
    attempt = Attempt.objects.get()
    assert start["Location"] == f"/quizzes/play/{attempt.public_id}/1/"
    item = attempt.quiz.items.order_by("order").first()
    student.post(start["Location"], {**right_answer(item), "confidence": 80})
    assert "In progress" in student.get("/class/").content.decode()
    resumed = student.post(f"/class/start/{assignment.public_id}/")
    assert resumed["Location"] == f"/quizzes/play/{attempt.public_id}/2/"
    for position in (2, 3):
        item = attempt.quiz.items.order_by("order")[position - 1]
        student.post(
            f"/quizzes/play/{attempt.public_id}/{position}/",
            {**right_answer(item), "confidence": 90},
        )
    student.post(f"/quizzes/play/{attempt.public_id}/finish/")
    home = student.get("/class/").content.decode()
    assert "Done" in home and f"/quizzes/results/{attempt.public_id}/" in home
    result = student.get(f"/quizzes/results/{attempt.public_id}/").content.decode()
    assert "3 of 3 right" in result and "Back to your class" in result
    assert (
        "Back to your class"
        not in Client().get(f"/quizzes/results/{attempt.public_id}/").content.decode()
    )


def test_resuming_works_in_a_new_session_with_the_same_cookie(student, assignment):
    student.post(f"/class/start/{assignment.public_id}/")
    student.cookies.pop(settings.SESSION_COOKIE_NAME)
    resumed = student.post(f"/class/start/{assignment.public_id}/")
    assert student.get(resumed["Location"]).status_code == 200


def test_a_student_cannot_start_another_classes_assignment(student, other_teacher_user, quiz):
    from quiz.classrooms.assignments import assignment_create
    from quiz.classrooms.services import classroom_create

    other = assignment_create(
        classroom=classroom_create(owner=other_teacher_user, name="9A"), quiz=quiz
    )
    response = student.post(f"/class/start/{other.public_id}/")
    assert response["Location"] == "/class/" and not Attempt.objects.exists()


def test_signing_out_forgets_the_student_on_this_device(student):
    student.post("/class/leave/")
    assert student.get("/class/")["Location"] == "/join/"


def test_retrying_the_code_of_a_closed_class_uses_up_no_tries(settings, visitor, classroom):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "join": "2/10m"}
    classroom_set_joining(classroom=classroom, open_=False)
    for _ in range(4):
        assert join(visitor, classroom.join_code).status_code == 400
    classroom_set_joining(classroom=classroom, open_=True)
    assert join(visitor, classroom.join_code).status_code == 302
