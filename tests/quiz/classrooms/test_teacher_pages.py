"""Teacher pages: dashboard, classrooms with code and QR, students, assignments."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quiz.classrooms.models import Assignment, Classroom, Student
from quiz.classrooms.services import assignment_start, student_join
from quiz.services import attempt_answer
from tests.quiz.conftest import right_answer

pytestmark = pytest.mark.django_db


def test_a_teacher_creates_a_class_and_sees_its_code_link_and_qr(teacher, teacher_user):
    response = teacher.post("/teach/classes/new/", {"name": "7B science"}, follow=True)
    classroom = Classroom.objects.get(owner=teacher_user)
    page = response.content.decode()
    assert classroom.name == "7B science"
    assert classroom.join_code in page
    assert f"http://testserver/join/{classroom.join_code}/" in page
    qr = teacher.get(f"/teach/classes/{classroom.public_id}/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg") and b"<path" in qr.content


def test_an_empty_class_name_is_refused_with_a_message(teacher):
    response = teacher.post("/teach/classes/new/", {"name": "  "})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


def edit(client, classroom, **data):
    return client.post(f"/teach/classes/{classroom.public_id}/edit/", data)


def test_rename_new_code_close_joining_and_archive(teacher, classroom):
    old_code = classroom.join_code
    edit(teacher, classroom, action="rename", name="8B")
    edit(teacher, classroom, action="new-code")
    edit(teacher, classroom, action="close-joining")
    classroom.refresh_from_db()
    assert classroom.name == "8B" and classroom.join_code != old_code
    assert not classroom.joining_open
    assert "Joining is closed" in teacher.get(classroom.get_absolute_url()).content.decode()
    edit(teacher, classroom, action="archive")
    dashboard = teacher.get("/teach/").content.decode()
    assert "Archived classes" in dashboard
    assert edit(teacher, classroom, action="explode").status_code == 400


def test_deleting_a_class_asks_first_then_removes_everything(teacher, classroom, student_record):
    url = f"/teach/classes/{classroom.public_id}/delete/"
    assert "cannot be undone" in teacher.get(url).content.decode()
    response = teacher.post(url)
    assert response.status_code == 302
    assert not Classroom.objects.exists() and not Student.objects.exists()


def test_a_teacher_renames_and_removes_a_student(teacher, classroom, student_record):
    student_join(code=classroom.join_code, nickname="Alex")
    url = f"/teach/students/{student_record.public_id}/"
    teacher.post(url, {"action": "rename", "nickname": "Alex"})
    student_record.refresh_from_db()
    assert student_record.nickname == "Alex 2"
    teacher.post(url, {"action": "remove"})
    assert not Student.objects.filter(pk=student_record.pk).exists()


def test_a_teacher_assigns_a_quiz_with_dates_and_options(teacher, classroom, quiz):
    due = (timezone.localtime() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    response = teacher.post(
        f"/teach/classes/{classroom.public_id}/assign/",
        {"quiz": quiz.pk, "due_at": due, "reveal": "after_due", "machine_informed": "on"},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.reveal == "after_due" and assignment.machine_informed
    assert assignment.due_at > timezone.now() + timedelta(days=6)
    page = teacher.get(classroom.get_absolute_url()).content.decode()
    assert quiz.title in page and "After the due date" in page


def test_an_assignment_with_a_bad_date_range_explains_itself(teacher, classroom, quiz):
    now = timezone.localtime()
    response = teacher.post(
        f"/teach/classes/{classroom.public_id}/assign/",
        {
            "quiz": quiz.pk,
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "due_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "reveal": "each",
        },
    )
    assert response.status_code == 400
    assert "The due date must come after the opening date" in response.content.decode()


def test_the_dashboard_lists_classes_active_assignments_and_recent_activity(
    teacher, classroom, assignment, student
):
    student.post(f"/class/start/{assignment.public_id}/")
    page = teacher.get("/teach/").content.decode()
    assert classroom.name in page and assignment.quiz.title in page
    assert "Sam (7B) started" in " ".join(page.split())


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_teacher_pages_run_the_same_number_of_queries_for_any_class_size(
    teacher, classroom, assignment
):
    urls = ["/teach/", classroom.get_absolute_url(), assignment.get_absolute_url(),
            assignment.get_absolute_url() + "students.csv"]  # fmt: skip

    def grow(size: int) -> list[int]:
        for n in range(size):
            student = student_join(code=classroom.join_code, nickname=f"S{size}-{n}")
            attempt = assignment_start(assignment=assignment, student=student, session_key="s")
            for item in assignment.quiz.items.all():
                attempt_answer(attempt=attempt, item=item, confidence=70, **right_answer(item))
        return [_queries(teacher, url) for url in urls]

    small = grow(2)
    assert grow(10) == small
    assert max(small) <= 10
