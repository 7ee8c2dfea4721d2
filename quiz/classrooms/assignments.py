"""Everything that changes assignments: making, changing and deleting them, and a student
starting one. The rules a new or changed assignment must follow are stated once
(`_assignment_check`)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Attempt, Quiz
from .errors import AssignmentRefused
from .models import Assignment, Classroom, Student
from .selectors import assignment_started

# A quiz or mode changed after answers exist would mix two kinds of results in one table.
ASSIGNMENT_FIXED_ONCE_STARTED = ("quiz", "machine_informed")
_ASSIGNMENT_FIELDS = ("quiz", "opens_at", "due_at", "reveal", "machine_informed", "pretest")


def _assignment_check(
    *,
    classroom: Classroom,
    quiz: Quiz,
    opens_at,
    due_at,
    reveal: str,
    pretest: Assignment | None,
    current: Assignment | None = None,
) -> None:
    """The rules of a new assignment, and of `current` once changed to these values."""
    if not quiz.published and (current is None or quiz.pk != current.quiz_id):
        raise AssignmentRefused("Only published quizzes can be assigned.")
    if due_at is not None and due_at <= opens_at:
        raise AssignmentRefused("The due date must come after the opening date.")
    if reveal == Assignment.Reveal.AFTER_DUE and due_at is None:
        raise AssignmentRefused("Showing answers after the due date needs a due date.")
    if pretest is None:
        return
    if pretest.classroom_id != classroom.pk:
        raise AssignmentRefused("The pre-test must be an assignment of the same class.")
    if current is not None and pretest.pk == current.pk:
        raise AssignmentRefused("An assignment cannot be its own pre-test.")
    if current is not None and pretest.pretest_id == current.pk:
        raise AssignmentRefused(
            "This assignment is the pre-test of the one chosen: choose another pre-test."
        )


def assignment_create(
    *,
    classroom: Classroom,
    quiz: Quiz,
    opens_at=None,
    due_at=None,
    reveal: str = Assignment.Reveal.EACH,
    machine_informed: bool = False,
    pretest: Assignment | None = None,
) -> Assignment:
    opens_at = opens_at or timezone.now()
    _assignment_check(
        classroom=classroom,
        quiz=quiz,
        opens_at=opens_at,
        due_at=due_at,
        reveal=reveal,
        pretest=pretest,
    )
    return Assignment.objects.create(
        classroom=classroom,
        quiz=quiz,
        opens_at=opens_at,
        due_at=due_at,
        reveal=reveal,
        machine_informed=machine_informed,
        pretest=pretest,
    )


@transaction.atomic
def assignment_update(*, assignment: Assignment, **fields) -> Assignment:
    """Change the fields given (those of assignment_create); the others keep their value.

    As on creation, opens_at=None means now. Once a student has started, the quiz and
    machine-informed mode cannot change, and the opening cannot move later than now (that
    would shut the class out of an assignment it is doing).
    """
    unknown = fields.keys() - set(_ASSIGNMENT_FIELDS)
    if unknown:
        raise TypeError(f"assignment_update() got unexpected fields: {sorted(unknown)}")
    values = {name: getattr(assignment, name) for name in _ASSIGNMENT_FIELDS} | fields
    values["opens_at"] = values["opens_at"] or timezone.now()
    moved = [n for n in ASSIGNMENT_FIXED_ONCE_STARTED if values[n] != getattr(assignment, n)]
    later = values["opens_at"] != assignment.opens_at and values["opens_at"] > timezone.now()
    if (moved or later) and assignment_started(assignment=assignment):
        raise AssignmentRefused(
            "Students have started this assignment, so its quiz and machine-informed mode "
            "cannot change. Make a new assignment instead."
            if moved
            else "Students have started this assignment, so it cannot open later than now."
        )
    _assignment_check(
        classroom=assignment.classroom,
        quiz=values["quiz"],
        opens_at=values["opens_at"],
        due_at=values["due_at"],
        reveal=values["reveal"],
        pretest=values["pretest"],
        current=assignment,
    )
    for name, value in values.items():
        setattr(assignment, name, value)
    assignment.save(update_fields=list(_ASSIGNMENT_FIELDS))
    return assignment


def assignment_delete(*, assignment: Assignment) -> None:
    assignment.delete()


def assignment_start(*, assignment: Assignment, student: Student, session_key: str) -> Attempt:
    """The student's attempt at the assignment: the one already begun, or a new one."""
    if assignment.classroom_id != student.classroom_id:
        raise AssignmentRefused("This quiz was not assigned to your class.")
    existing = Attempt.objects.filter(assignment=assignment, student=student).first()
    if existing is not None:
        if existing.session_key != session_key:
            # The cookie is the student's identity; the play pages follow the session.
            existing.session_key = session_key
            existing.save(update_fields=["session_key"])
        return existing
    if not assignment.is_open():
        raise AssignmentRefused("This quiz is not open yet.")
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                quiz=assignment.quiz,
                session_key=session_key,
                machine_informed=assignment.machine_informed,
                reveal_mode=assignment.reveal,
                student=student,
                assignment=assignment,
            )
    except IntegrityError:  # a double click started it already
        return Attempt.objects.get(assignment=assignment, student=student)
