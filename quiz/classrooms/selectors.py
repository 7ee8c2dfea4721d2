"""Read-only classroom queries; everything a teacher reads is filtered by owner."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ..models import Attempt, Quiz
from .errors import NotFound
from .models import Assignment, Classroom, Student


def teacher_classrooms(*, owner) -> QuerySet[Classroom]:
    return Classroom.objects.filter(owner=owner).annotate(
        student_count=Count("students", distinct=True),
        assignment_count=Count("assignments", distinct=True),
    )


def classroom_of(*, owner, public_id) -> Classroom:
    try:
        return Classroom.objects.get(owner=owner, public_id=public_id)
    except (Classroom.DoesNotExist, ValueError):
        raise NotFound(public_id) from None


def student_of(*, owner, public_id) -> Student:
    try:
        return Student.objects.select_related("classroom").get(
            classroom__owner=owner, public_id=public_id
        )
    except (Student.DoesNotExist, ValueError):
        raise NotFound(public_id) from None


def assignment_of(*, owner, public_id) -> Assignment:
    try:
        return Assignment.objects.select_related("classroom", "quiz", "pretest__quiz").get(
            classroom__owner=owner, public_id=public_id
        )
    except (Assignment.DoesNotExist, ValueError):
        raise NotFound(public_id) from None


def classroom_students(*, classroom: Classroom) -> QuerySet[Student]:
    return classroom.students.annotate(
        finished=Count("attempts", filter=Q(attempts__finished_at__isnull=False))
    )


def classroom_assignments(*, classroom: Classroom) -> QuerySet[Assignment]:
    return classroom.assignments.select_related("quiz").annotate(
        finished=Count("attempts", filter=Q(attempts__finished_at__isnull=False)),
        started=Count("attempts"),
    )


def assignable_quizzes(*, keeping: Quiz | None = None) -> QuerySet[Quiz]:
    """Published quizzes, and `keeping` (an assignment's own quiz) even if unpublished since."""
    shown = Q(published=True)
    if keeping is not None:
        shown |= Q(pk=keeping.pk)
    return Quiz.objects.filter(shown).order_by("title")


def assignment_started(*, assignment: Assignment) -> bool:
    return assignment.attempts.exists()


def active_assignments(*, owner, now=None) -> QuerySet[Assignment]:
    now = now or timezone.now()
    return (
        Assignment.objects.filter(classroom__owner=owner, classroom__archived=False)
        .filter(Q(due_at__isnull=True) | Q(due_at__gte=now))
        .select_related("quiz", "classroom")
        .annotate(
            finished=Count("attempts", filter=Q(attempts__finished_at__isnull=False)),
            students=Count("classroom__students", distinct=True),
        )
        .order_by("due_at", "-opens_at")
    )


def recent_activity(*, owner, limit: int = 10) -> QuerySet[Attempt]:
    return (
        Attempt.objects.filter(assignment__classroom__owner=owner)
        .select_related("student", "assignment__quiz", "assignment__classroom")
        .order_by("-started_at")[:limit]
    )


@dataclass(frozen=True)
class StudentTask:
    assignment: Assignment
    attempt: Attempt | None
    status: str  # not_started | in_progress | done | late | upcoming

    @property
    def status_label(self) -> str:
        return {
            "not_started": "Not started",
            "in_progress": "In progress",
            "done": "Done",
            "late": "Late",
            "upcoming": "Opens later",
        }[self.status]


def task_status(assignment: Assignment, attempt: Attempt | None, now=None) -> str:
    now = now or timezone.now()
    if attempt is not None and attempt.finished_at is not None:
        return "done"
    if not assignment.is_open(now):
        return "upcoming"
    if assignment.is_past_due(now):
        return "late"
    return "in_progress" if attempt is not None else "not_started"


def student_tasks(*, student: Student) -> list[StudentTask]:
    assignments = student.classroom.assignments.select_related("quiz").order_by(
        "due_at", "-opens_at"
    )
    attempts = {a.assignment_id: a for a in student.attempts.all()}
    now = timezone.now()
    return [
        StudentTask(a, attempts.get(a.pk), task_status(a, attempts.get(a.pk), now))
        for a in assignments
    ]


def student_assignment(*, student: Student, public_id) -> Assignment:
    try:
        return Assignment.objects.select_related("quiz").get(
            classroom_id=student.classroom_id, public_id=public_id
        )
    except (Assignment.DoesNotExist, ValueError):
        raise NotFound(public_id) from None


def first_unanswered_position(*, attempt: Attempt) -> int | None:
    """1-based position of the first item without an answer, None when all are answered."""
    answered = set(attempt.responses.values_list("item_id", flat=True))
    ids = attempt.quiz.items.order_by("order", "pk").values_list("pk", flat=True)
    for position, item_id in enumerate(ids, 1):
        if item_id not in answered:
            return position
    return None
