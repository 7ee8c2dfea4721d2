"""Every teacher URL: other_teacher gets 404 for teacher's objects, anonymous visitors and
students go to the login page, a pending teacher is held back, and every form needs CSRF."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from quiz.classrooms import urls as classroom_urls
from quiz.classrooms.assignments import assignment_create
from quiz.classrooms.models import Assignment, Classroom, Student
from quiz.classrooms.services import teacher_signup
from tests.quiz.classrooms.helpers import student_client

pytestmark = pytest.mark.django_db

TEACHER_ROUTES = {
    p.name for p in classroom_urls.urlpatterns if p.pattern._route.startswith("teach/")
}
TEACHER_ROUTES.add("profile")


@dataclass(frozen=True)
class Call:
    name: str
    method: str
    url: str
    data: dict
    owned: bool  # names one of teacher's objects (other_teacher must get 404)


@pytest.fixture
def calls(classroom, assignment, student_record, quiz) -> list[Call]:
    post = assignment_create(classroom=classroom, quiz=quiz, pretest=assignment)
    c, a, s = classroom.public_id, post.public_id, student_record.public_id
    return [
        Call("dashboard", "get", "/teach/", {}, False),
        Call("profile", "get", "/teachers/profile/", {}, False),
        Call("profile", "post", "/teachers/profile/", {"display_name": "X"}, False),
        Call("classroom-new", "get", "/teach/classes/new/", {}, False),
        Call("classroom-new", "post", "/teach/classes/new/", {"name": "New"}, False),
        Call("classroom", "get", f"/teach/classes/{c}/", {}, True),
        Call("classroom-edit", "post", f"/teach/classes/{c}/edit/",
             {"action": "rename", "name": "Mine now"}, True),
        Call("classroom-edit", "post", f"/teach/classes/{c}/edit/", {"action": "new-code"}, True),
        Call("classroom-edit", "post", f"/teach/classes/{c}/edit/", {"action": "archive"}, True),
        Call("classroom-delete", "get", f"/teach/classes/{c}/delete/", {}, True),
        Call("classroom-delete", "post", f"/teach/classes/{c}/delete/", {}, True),
        Call("classroom-qr", "get", f"/teach/classes/{c}/qr.svg", {}, True),
        Call("assignment-new", "get", f"/teach/classes/{c}/assign/", {}, True),
        Call("assignment-new", "post", f"/teach/classes/{c}/assign/",
             {"quiz": quiz.pk, "reveal": "each"}, True),
        Call("student-edit", "post", f"/teach/students/{s}/",
             {"action": "rename", "nickname": "Hacked"}, True),
        Call("student-edit", "post", f"/teach/students/{s}/", {"action": "remove"}, True),
        Call("assignment", "get", f"/teach/assignments/{a}/", {}, True),
        Call("assignment-print", "get", f"/teach/assignments/{a}/print/", {}, True),
        *[Call("assignment-csv", "get", f"/teach/assignments/{a}/{t}.csv", {}, True)
          for t in ("students", "items", "cues", "gains")],
        Call("assignment-edit", "get", f"/teach/assignments/{a}/edit/", {}, True),
        Call("assignment-edit", "post", f"/teach/assignments/{a}/edit/",
             {"quiz": quiz.pk, "opens_at": "2030-01-01T09:00", "due_at": "2031-01-01T09:00",
              "reveal": "after_due"}, True),
        Call("assignment-delete", "post", f"/teach/assignments/{a}/delete/", {}, True),
    ]  # fmt: skip


def call(client: Client, c: Call):
    return getattr(client, c.method)(c.url, c.data)


def snapshot():
    return (
        sorted(Classroom.objects.values_list("name", "join_code", "archived")),
        sorted(Student.objects.values_list("nickname", flat=True)),
        list(Assignment.objects.order_by("pk").values_list("opens_at", "due_at", "reveal")),
    )


def test_the_list_covers_every_teacher_url(calls):
    assert {c.name for c in calls} == TEACHER_ROUTES


def test_other_teacher_gets_404_for_teachers_objects_and_changes_nothing(other_teacher, calls):
    before = snapshot()
    for c in calls:
        if c.owned:
            assert call(other_teacher, c).status_code == 404, c
    assert snapshot() == before


def test_the_owner_reaches_every_url(teacher, calls):
    for c in calls:
        if (
            c.name in {"classroom-delete", "student-edit", "assignment-delete"}
            and c.method == "post"
        ):
            continue  # would delete what later calls need; covered in test_teacher_pages
        assert call(teacher, c).status_code in {200, 302}, c


@pytest.mark.parametrize("who", ["anonymous", "student"])
def test_anonymous_visitors_and_students_are_sent_to_the_login_page(who, calls, student_record):
    browser = Client() if who == "anonymous" else student_client(student_record)
    before = snapshot()
    for c in calls:
        response = call(browser, c)
        assert response.status_code == 302, c
        assert response["Location"].startswith("/teachers/login/?next="), c
    assert snapshot() == before


def test_a_teacher_waiting_for_approval_reaches_no_teacher_page(calls, settings):
    settings.TEACHER_APPROVAL_REQUIRED = True
    pending = Client()
    pending.force_login(
        teacher_signup(
            username="p", email="p@x.org", password="a-long-pass-1", display_name="P"
        ).user
    )
    for c in calls:
        assert call(pending, c).status_code == 403, c


def test_a_user_without_a_teacher_profile_is_refused(calls, django_user_model):
    plain = Client()
    plain.force_login(django_user_model.objects.create_user("plain", password="pw-plain-123"))
    for c in calls:
        assert call(plain, c).status_code == 403, c


def test_every_post_form_refuses_a_missing_csrf_token(calls, teacher_user, student_record):
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(teacher_user)
    for c in calls:
        if c.method == "post":
            assert call(guarded, c).status_code == 403, c
    anonymous = Client(enforce_csrf_checks=True)
    student = student_client(student_record)
    student.handler.enforce_csrf_checks = True
    assignment = Assignment.objects.first()
    public_posts = [
        (anonymous, "/teachers/signup/"),
        (anonymous, "/teachers/login/"),
        (anonymous, "/teachers/password-reset/"),
        (anonymous, "/join/"),
        (guarded, "/teachers/logout/"),
        (student, f"/class/start/{assignment.public_id}/"),
        (student, "/class/leave/"),
    ]
    for browser, url in public_posts:
        assert browser.post(url, {}).status_code == 403, url
