"""Classroom services: join codes, nicknames, assignments, resuming, retention, reveal rules."""

from datetime import timedelta

import pytest
from django.utils import timezone

from quiz.classrooms.assignments import assignment_create, assignment_start, assignment_update
from quiz.classrooms.errors import AssignmentRefused, InvalidNickname, JoinRefused, WrongJoinCode
from quiz.classrooms.models import JOIN_CODE_ALPHABET, Student
from quiz.classrooms.selectors import first_unanswered_position, student_tasks
from quiz.classrooms.services import (
    classroom_create,
    classroom_delete,
    classroom_regenerate_code,
    classroom_set_archived,
    classroom_set_joining,
    student_data_purge,
    student_join,
    student_rename,
    teacher_signup,
)
from quiz.models import Attempt, Response
from quiz.services import attempt_answer, attempt_finish
from tests.quiz.conftest import make_quiz, right_answer

pytestmark = pytest.mark.django_db


def test_join_codes_are_six_unambiguous_characters(teacher_user):
    codes = {classroom_create(owner=teacher_user, name=f"c{n}").join_code for n in range(30)}
    assert len(codes) == 30
    for code in codes:
        assert len(code) == 6 and set(code) <= set(JOIN_CODE_ALPHABET)
    assert not set("01OIL") & set(JOIN_CODE_ALPHABET)


def test_a_student_joins_with_code_and_nickname_in_any_case_and_spacing(classroom):
    code = classroom.join_code
    student = student_join(code=f" {code[:3].lower()} {code[3:]} ", nickname="  Sam  ")
    assert student.classroom == classroom and student.nickname == "Sam"
    assert len(student.secret) >= 40


def test_duplicate_nicknames_get_a_number(classroom):
    names = [student_join(code=classroom.join_code, nickname=n).nickname for n in
             ["Sam", "sam", "Sam", "Alex"]]  # fmt: skip
    assert names == ["Sam", "sam 2", "Sam 3", "Alex"]


def test_renaming_to_a_taken_nickname_disambiguates(classroom):
    sam = student_join(code=classroom.join_code, nickname="Sam")
    alex = student_join(code=classroom.join_code, nickname="Alex")
    assert student_rename(student=alex, nickname="Sam").nickname == "Sam 2"
    assert student_rename(student=sam, nickname="Sam").nickname == "Sam"


@pytest.mark.parametrize("nickname", ["", "   ", "x" * 31, "tab\tname\x00"])
def test_bad_nicknames_are_refused_with_a_message(classroom, nickname):
    with pytest.raises(InvalidNickname) as refused:
        student_join(code=classroom.join_code, nickname=nickname)
    assert refused.value.message


def test_wrong_closed_and_archived_codes_are_refused(classroom):
    with pytest.raises(WrongJoinCode):
        student_join(code="AAAAAA" if classroom.join_code != "AAAAAA" else "BBBBBB", nickname="x")
    with pytest.raises(WrongJoinCode):
        student_join(code="0OIL1!", nickname="x")
    classroom_set_joining(classroom=classroom, open_=False)
    with pytest.raises(JoinRefused, match="not taking new students"):
        student_join(code=classroom.join_code, nickname="x")
    classroom_set_joining(classroom=classroom, open_=True)
    classroom_set_archived(classroom=classroom, archived=True)
    with pytest.raises(JoinRefused):
        student_join(code=classroom.join_code, nickname="x")


def test_a_regenerated_code_replaces_the_old_one(classroom):
    old = classroom.join_code
    new = classroom_regenerate_code(classroom=classroom)
    assert new != old
    with pytest.raises(WrongJoinCode):
        student_join(code=old, nickname="late")
    assert student_join(code=new, nickname="late").classroom == classroom


def test_new_teachers_wait_for_approval_when_the_setting_asks(db, settings):
    settings.TEACHER_APPROVAL_REQUIRED = True
    profile = teacher_signup(
        username="new", email="n@example.org", password="a-long-pass-1", display_name="New"
    )
    assert profile.approved is False


def test_assignments_refuse_bad_dates_and_unpublished_quizzes(classroom, quiz):
    now = timezone.now()
    with pytest.raises(AssignmentRefused, match="after the opening"):
        assignment_create(classroom=classroom, quiz=quiz, opens_at=now, due_at=now)
    with pytest.raises(AssignmentRefused, match="needs a due date"):
        assignment_create(classroom=classroom, quiz=quiz, reveal="after_due")
    hidden = make_quiz(kinds=("statement",), slug="hidden", published=False)
    with pytest.raises(AssignmentRefused, match="published"):
        assignment_create(classroom=classroom, quiz=hidden)


def test_a_pretest_must_belong_to_the_same_class(classroom, quiz, other_teacher_user):
    elsewhere = classroom_create(owner=other_teacher_user, name="8C")
    foreign = assignment_create(classroom=elsewhere, quiz=quiz)
    with pytest.raises(AssignmentRefused, match="same class"):
        assignment_create(classroom=classroom, quiz=quiz, pretest=foreign)


def test_an_update_extends_the_due_date_and_keeps_the_fields_not_given(assignment):
    due = timezone.now() + timedelta(days=14)
    assignment_update(assignment=assignment, due_at=due, reveal="after_due")
    assignment.refresh_from_db()
    assert assignment.due_at == due and assignment.reveal == "after_due"
    assert assignment.machine_informed is False and assignment.pretest is None


def test_an_update_follows_the_rules_of_creation(assignment):
    opens = assignment.opens_at
    with pytest.raises(AssignmentRefused, match="needs a due date"):
        assignment_update(assignment=assignment, reveal="after_due")
    with pytest.raises(AssignmentRefused, match="after the opening"):
        assignment_update(assignment=assignment, due_at=opens - timedelta(days=1))
    hidden = make_quiz(kinds=("statement",), slug="hidden", published=False)
    with pytest.raises(AssignmentRefused, match="published"):
        assignment_update(assignment=assignment, quiz=hidden)
    assignment.refresh_from_db()
    assert assignment.reveal == "each" and assignment.due_at is None


def test_an_update_keeps_a_quiz_unpublished_since_it_was_assigned(assignment):
    assignment.quiz.published = False
    assignment.quiz.save()
    due = timezone.now() + timedelta(days=1)
    assignment_update(assignment=assignment, quiz=assignment.quiz, due_at=due)
    assert assignment.due_at == due


def test_an_empty_opening_date_means_now_on_update_as_on_creation(classroom, quiz):
    later = assignment_create(
        classroom=classroom, quiz=quiz, opens_at=timezone.now() + timedelta(days=3)
    )
    assignment_update(assignment=later, opens_at=None)
    assert later.is_open()


def test_an_assignment_cannot_be_its_own_pretest(assignment):
    with pytest.raises(AssignmentRefused, match="its own pre-test"):
        assignment_update(assignment=assignment, pretest=assignment)


def test_an_assignment_cannot_take_its_own_posttest_as_pretest(assignment, quiz):
    post = assignment_create(classroom=assignment.classroom, quiz=quiz, pretest=assignment)
    with pytest.raises(AssignmentRefused, match="is the pre-test of the one chosen"):
        assignment_update(assignment=assignment, pretest=post)
    assignment.refresh_from_db()
    assert assignment.pretest is None


def test_quiz_and_machine_mode_change_before_anyone_starts_and_are_fixed_after(
    assignment, student_record
):
    other = make_quiz(kinds=("statement",), slug="other")
    assignment_update(assignment=assignment, quiz=other, machine_informed=True)
    assignment.refresh_from_db()
    assert assignment.quiz == other and assignment.machine_informed
    assignment_start(assignment=assignment, student=student_record, session_key="s")
    for change in ({"quiz": make_quiz(slug="third")}, {"machine_informed": False}):
        with pytest.raises(AssignmentRefused, match="Make a new assignment"):
            assignment_update(assignment=assignment, **change)
    due = timezone.now() + timedelta(days=2)
    assignment_update(assignment=assignment, quiz=other, machine_informed=True, due_at=due)
    assignment.refresh_from_db()
    assert assignment.quiz == other and assignment.machine_informed and assignment.due_at == due


def test_starting_twice_resumes_the_same_attempt_at_the_first_unanswered_item(
    assignment, student_record
):
    attempt = assignment_start(assignment=assignment, student=student_record, session_key="s1")
    assert attempt.reveal_mode == "each" and attempt.student == student_record
    first = attempt.quiz.items.order_by("order").first()
    attempt_answer(attempt=attempt, item=first, confidence=80, **right_answer(first))
    again = assignment_start(assignment=assignment, student=student_record, session_key="s2")
    assert again.pk == attempt.pk
    assert first_unanswered_position(attempt=again) == 2


def test_a_quiz_that_is_not_open_yet_cannot_be_started(classroom, quiz, student_record):
    later = assignment_create(
        classroom=classroom, quiz=quiz, opens_at=timezone.now() + timedelta(days=1)
    )
    with pytest.raises(AssignmentRefused, match="not open yet"):
        assignment_start(assignment=later, student=student_record, session_key="s")


def test_students_see_not_started_in_progress_done_and_late(classroom, quiz, student_record):
    now = timezone.now()
    fresh = assignment_create(classroom=classroom, quiz=quiz)
    begun = assignment_create(classroom=classroom, quiz=quiz)
    done = assignment_create(classroom=classroom, quiz=quiz)
    late = assignment_create(
        classroom=classroom,
        quiz=quiz,
        opens_at=now - timedelta(days=3),
        due_at=now - timedelta(days=1),
    )
    assignment_start(assignment=begun, student=student_record, session_key="s")
    attempt_finish(
        attempt=assignment_start(assignment=done, student=student_record, session_key="s")
    )
    status = {t.assignment.pk: t.status for t in student_tasks(student=student_record)}
    assert status == {
        fresh.pk: "not_started",
        begun.pk: "in_progress",
        done.pk: "done",
        late.pk: "late",
    }


def test_answers_after_the_due_date_stay_hidden_until_then(classroom, quiz, student_record):
    now = timezone.now()
    assignment = assignment_create(
        classroom=classroom, quiz=quiz, due_at=now + timedelta(days=1), reveal="after_due"
    )
    attempt = assignment_start(assignment=assignment, student=student_record, session_key="s")
    assert attempt.answers_shown() is False
    attempt_finish(attempt=attempt)
    assert attempt.answers_shown() is False
    assert attempt.answers_shown(now=now + timedelta(days=1, seconds=1)) is True


def test_answers_at_the_end_show_once_finished(classroom, quiz, student_record):
    assignment = assignment_create(classroom=classroom, quiz=quiz, reveal="end")
    attempt = assignment_start(assignment=assignment, student=student_record, session_key="s")
    assert attempt.answers_shown() is False
    attempt_finish(attempt=attempt)
    assert attempt.answers_shown() is True


def test_deleting_a_classroom_deletes_its_students_and_their_answers(assignment, student_record):
    attempt = assignment_start(assignment=assignment, student=student_record, session_key="s")
    item = attempt.quiz.items.first()
    attempt_answer(attempt=attempt, item=item, confidence=70, **right_answer(item))
    classroom_delete(classroom=assignment.classroom)
    assert not Student.objects.exists()
    assert not Attempt.objects.exists() and not Response.objects.exists()


def test_retention_removes_students_inactive_past_the_setting(
    settings, classroom, assignment, student_record
):
    settings.STUDENT_DATA_RETENTION_DAYS = 30
    assignment_start(assignment=assignment, student=student_record, session_key="s")
    recent = student_join(code=classroom.join_code, nickname="Recent")
    Student.objects.filter(pk=student_record.pk).update(
        last_seen_at=timezone.now() - timedelta(days=31)
    )
    assert student_data_purge() == 1
    assert list(Student.objects.all()) == [recent]
    assert not Attempt.objects.exists()


def test_the_purge_task_is_scheduled_in_beat_and_runs_the_service(settings, student_record):
    from quiz.classrooms.tasks import purge_old_student_data

    schedule = settings.CELERY_BEAT_SCHEDULE["purge-old-student-data"]
    assert schedule["task"] == purge_old_student_data.name
    Student.objects.update(last_seen_at=timezone.now() - timedelta(days=400))
    assert purge_old_student_data() == 1


def test_once_started_an_assignment_cannot_move_its_opening_into_the_future(
    assignment, student_record
):
    later = timezone.now() + timedelta(days=1)
    assignment_start(assignment=assignment, student=student_record, session_key="s")
    with pytest.raises(AssignmentRefused, match="cannot open later than now"):
        assignment_update(assignment=assignment, opens_at=later)
    assignment.refresh_from_db()
    assert assignment.opens_at < timezone.now()
    earlier = assignment.opens_at - timedelta(hours=1)
    assignment_update(assignment=assignment, opens_at=earlier)  # earlier is harmless
    assignment.refresh_from_db()
    assert assignment.opens_at == earlier


def test_before_anyone_starts_the_opening_may_move_into_the_future(assignment):
    later = timezone.now() + timedelta(days=1)
    assignment_update(assignment=assignment, opens_at=later)
    assignment.refresh_from_db()
    assert assignment.opens_at == later
