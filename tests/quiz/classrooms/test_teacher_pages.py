"""Teacher pages: dashboard, classrooms with code and QR, students, assignments."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quiz.classrooms.assignments import assignment_create, assignment_start
from quiz.classrooms.models import Assignment, Classroom, Student
from quiz.classrooms.services import student_join
from quiz.services import attempt_answer
from tests.quiz.conftest import make_quiz, right_answer

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
            assignment.get_absolute_url() + "students.csv",
            f"/teach/assignments/{assignment.public_id}/edit/"]  # fmt: skip

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


def test_the_edit_page_runs_the_same_number_of_queries_for_any_number_of_pretests(
    teacher, classroom, assignment
):
    url = f"/teach/assignments/{assignment.public_id}/edit/"

    def grow(size: int) -> int:
        for _ in range(size):
            assignment_create(classroom=classroom, quiz=assignment.quiz)
        return _queries(teacher, url)

    assert grow(2) == grow(8)


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_the_results_page_and_the_class_page_link_to_the_edit_page(teacher, assignment):
    link = f'href="/teach/assignments/{assignment.public_id}/edit/"'
    assert link in teacher.get(assignment.get_absolute_url()).content.decode()
    assert link in teacher.get(assignment.classroom.get_absolute_url()).content.decode()


def test_the_edit_page_shows_the_current_values_and_not_itself_as_pretest(teacher, classroom, quiz):
    due = timezone.now() + timedelta(days=3)
    earlier = assignment_create(classroom=classroom, quiz=quiz)
    assignment = assignment_create(
        classroom=classroom, quiz=quiz, due_at=due, reveal="end", pretest=earlier
    )
    response = teacher.get(f"/teach/assignments/{assignment.public_id}/edit/")
    assert response.status_code == 200
    form = response.context["form"]
    assert [p.pk for p in form.fields["pretest"].queryset] == [earlier.pk]
    page = response.content.decode()
    assert f'value="{_local(due)}"' in page and f'value="{_local(assignment.opens_at)}"' in page
    assert re.search(r'<input[^>]*value="end"[^>]*checked', page)
    for name, chosen in (("pretest", earlier.pk), ("quiz", quiz.pk)):
        select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group()
        assert f'<option value="{chosen}" selected>' in select
    assert "Save changes" in page and '<label for="id_due_at">Due' in page


def test_saving_the_edit_page_changes_the_assignment_and_returns_to_the_results(
    teacher, assignment, quiz
):
    due = timezone.localtime() + timedelta(days=10)
    response = teacher.post(
        f"/teach/assignments/{assignment.public_id}/edit/",
        {"quiz": quiz.pk, "opens_at": _local(assignment.opens_at), "due_at": _local(due),
         "reveal": "after_due", "machine_informed": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == assignment.get_absolute_url()
    assignment.refresh_from_db()
    assert _local(assignment.due_at) == _local(due)
    assert assignment.reveal == "after_due" and assignment.machine_informed
    page = teacher.get(response["Location"]).content.decode()
    assert "Assignment changes saved." in page and "answers shown after the due date" in page


def test_dates_sent_back_unchanged_keep_their_seconds(teacher, assignment):
    due = timezone.now().replace(second=42, microsecond=123) + timedelta(days=3)
    assignment.due_at = due
    assignment.save(update_fields=["due_at"])
    opened = assignment.opens_at
    data = {"quiz": assignment.quiz_id, "opens_at": _local(opened), "due_at": _local(due),
            "reveal": "end"}  # fmt: skip
    response = teacher.post(f"/teach/assignments/{assignment.public_id}/edit/", data)
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.reveal == "end"
    assert assignment.due_at == due and assignment.opens_at == opened


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reveal": "after_due"}, "Showing answers after the due date needs a due date."),
        ({"reveal": "each", "due_at": "2001-01-01T09:00"}, "must come after the opening date"),
        ({"reveal": "each", "due_at": "next tuesday"}, "Enter a valid date/time."),
        ({"reveal": "sometimes"}, "Select a valid choice."),
        ({"reveal": "each", "pretest": "x"}, "Select a valid choice."),
        ({}, "This field is required."),
    ],
)
def test_an_invalid_edit_explains_itself_and_changes_nothing(teacher, assignment, data, message):
    before = Assignment.objects.values().get(pk=assignment.pk)
    response = teacher.post(
        f"/teach/assignments/{assignment.public_id}/edit/", {"quiz": assignment.quiz_id, **data}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Assignment.objects.values().get(pk=assignment.pk) == before


def test_an_assignment_whose_quiz_was_unpublished_since_can_still_be_edited(
    teacher, assignment, quiz
):
    quiz.published = False
    quiz.save()
    due = timezone.localtime() + timedelta(days=5)
    response = teacher.post(
        f"/teach/assignments/{assignment.public_id}/edit/",
        {"quiz": quiz.pk, "reveal": "each", "due_at": _local(due)},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert _local(assignment.due_at) == _local(due)


@pytest.mark.parametrize("form", ["assign", "edit"])
@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "9999-12-31T23:59"])
@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York"])
def test_far_off_dates_are_refused_in_any_time_zone(
    teacher, assignment, settings, form, moment, zone
):
    settings.TIME_ZONE = zone  # converting year 1 or 9999 to UTC overflows on one side
    url = {"assign": f"/teach/classes/{assignment.classroom.public_id}/assign/",
           "edit": f"/teach/assignments/{assignment.public_id}/edit/"}[form]  # fmt: skip
    for field in ("opens_at", "due_at"):
        response = teacher.post(url, {"quiz": assignment.quiz_id, "reveal": "each", field: moment})
        assert response.status_code == 400
        assert "Enter a date between the years 2000 and 2999." in response.content.decode()
    assert Assignment.objects.count() == 1


def test_once_a_student_started_quiz_and_machine_mode_leave_the_edit_page(
    teacher, assignment, student
):
    student.post(f"/class/start/{assignment.public_id}/")
    url = f"/teach/assignments/{assignment.public_id}/edit/"
    page = teacher.get(url).content.decode()
    assert 'name="quiz"' not in page and 'name="machine_informed"' not in page
    assert "Students have already started this assignment" in " ".join(page.split())
    assert "Changes apply to students who start from now on." in page
    assert f'href="/teach/classes/{assignment.classroom.public_id}/assign/"' in page
    due = timezone.localtime() + timedelta(days=1)
    assert teacher.post(url, {"reveal": "each", "due_at": _local(due)}).status_code == 302
    assignment.refresh_from_db()
    assert _local(assignment.due_at) == _local(due)


@pytest.mark.parametrize("change", [{"quiz": "other"}, {"machine_informed": "on"}])
def test_a_quiz_change_sent_from_a_page_shown_before_a_student_started_is_refused(
    teacher, assignment, student, change
):
    url = f"/teach/assignments/{assignment.public_id}/edit/"
    assert 'name="quiz"' in teacher.get(url).content.decode()  # nobody has started yet
    student.post(f"/class/start/{assignment.public_id}/")
    other = make_quiz(kinds=("statement",), slug="other")
    due = timezone.localtime() + timedelta(days=1)
    data = {"quiz": assignment.quiz_id, "reveal": "each", "due_at": _local(due)}
    data.update({k: other.pk if v == "other" else v for k, v in change.items()})
    response = teacher.post(url, data)
    assert response.status_code == 400
    assert "A student started this assignment while you were editing it" in (
        response.content.decode()
    )
    assignment.refresh_from_db()
    assert assignment.quiz != other and not assignment.machine_informed
    assert assignment.due_at is None
    # The same page without a change to those two still saves.
    data = {"quiz": assignment.quiz_id, "reveal": "each", "due_at": _local(due)}
    assert teacher.post(url, data).status_code == 302
