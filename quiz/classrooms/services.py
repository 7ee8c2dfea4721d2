"""Everything that changes classroom data: teachers, classrooms, students, assignments."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Attempt, Quiz
from .errors import AssignmentRefused, InvalidNickname, JoinRefused, WrongJoinCode
from .models import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Assignment,
    Classroom,
    Student,
    TeacherProfile,
    new_join_code,
)
from .selectors import assignment_started

NICKNAME_MAX = 30


# --- teachers ---------------------------------------------------------------------------------


@transaction.atomic
def teacher_signup(
    *, username: str, email: str, password: str, display_name: str, school: str = ""
) -> TeacherProfile:
    user = get_user_model().objects.create_user(username=username, email=email, password=password)
    return TeacherProfile.objects.create(
        user=user,
        display_name=display_name.strip(),
        school=school.strip(),
        approved=not settings.TEACHER_APPROVAL_REQUIRED,
    )


def teacher_profile_update(*, profile: TeacherProfile, display_name: str, school: str) -> None:
    profile.display_name = display_name.strip()
    profile.school = school.strip()
    profile.save(update_fields=["display_name", "school"])


# --- classrooms -------------------------------------------------------------------------------


def _unused_code() -> str:
    for _ in range(20):
        code = new_join_code()
        if not Classroom.objects.filter(join_code=code).exists():
            return code
    raise RuntimeError("no free join code after 20 tries")  # 31^6 codes: never in practice


def classroom_create(*, owner, name: str) -> Classroom:
    return Classroom.objects.create(owner=owner, name=name.strip(), join_code=_unused_code())


def classroom_rename(*, classroom: Classroom, name: str) -> None:
    classroom.name = name.strip()
    classroom.save(update_fields=["name"])


def classroom_set_archived(*, classroom: Classroom, archived: bool) -> None:
    classroom.archived = archived
    if archived:
        classroom.joining_open = False
    classroom.save(update_fields=["archived", "joining_open"])


def classroom_set_joining(*, classroom: Classroom, open_: bool) -> None:
    classroom.joining_open = open_
    classroom.save(update_fields=["joining_open"])


def classroom_regenerate_code(*, classroom: Classroom) -> str:
    classroom.join_code = _unused_code()
    classroom.save(update_fields=["join_code"])
    return classroom.join_code


def classroom_delete(*, classroom: Classroom) -> None:
    """Deletes the students and every attempt and answer of theirs (cascades)."""
    classroom.delete()


# --- students ---------------------------------------------------------------------------------


def normalise_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").upper()


def clean_nickname(nickname: str) -> str:
    name = " ".join((nickname or "").split())
    if not name:
        raise InvalidNickname("Choose a nickname.")
    if len(name) > NICKNAME_MAX:
        raise InvalidNickname(f"A nickname can have at most {NICKNAME_MAX} characters.")
    if not all(ch.isprintable() for ch in name):
        raise InvalidNickname("Use letters, digits and spaces in your nickname.")
    return name


def _free_nickname(classroom: Classroom, wanted: str, exclude: Student | None = None) -> str:
    """`wanted`, or "wanted 2", "wanted 3"... when someone in the class already has it."""
    taken = Student.objects.filter(classroom=classroom, nickname__istartswith=wanted)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    names = {n.casefold() for n in taken.values_list("nickname", flat=True)}
    if wanted.casefold() not in names:
        return wanted
    n = 2
    while f"{wanted} {n}".casefold() in names:
        n += 1
    return f"{wanted} {n}"


def classroom_for_code(code: str) -> Classroom:
    code = normalise_code(code)
    valid = len(code) == JOIN_CODE_LENGTH and all(ch in JOIN_CODE_ALPHABET for ch in code)
    classroom = Classroom.objects.filter(join_code=code).first() if valid else None
    if classroom is None:
        raise WrongJoinCode("No class has this code. Check it with your teacher.")
    if classroom.archived or not classroom.joining_open:
        raise JoinRefused("This class is not taking new students. Ask your teacher.")
    return classroom


def student_join(*, code: str, nickname: str) -> Student:
    classroom = classroom_for_code(code)
    wanted = clean_nickname(nickname)
    for _ in range(5):  # two students with the same nickname at the same moment
        try:
            with transaction.atomic():
                return Student.objects.create(
                    classroom=classroom, nickname=_free_nickname(classroom, wanted)
                )
        except IntegrityError:
            continue
    raise InvalidNickname("That nickname is busy right now. Try again.")


def student_rename(*, student: Student, nickname: str) -> Student:
    student.nickname = _free_nickname(student.classroom, clean_nickname(nickname), student)
    student.save(update_fields=["nickname"])
    return student


def student_remove(*, student: Student) -> None:
    student.delete()


def student_seen(*, student: Student) -> None:
    now = timezone.now()
    if now - student.last_seen_at > timedelta(minutes=5):
        Student.objects.filter(pk=student.pk).update(last_seen_at=now)


def student_data_purge(*, now=None) -> int:
    """Delete students inactive past STUDENT_DATA_RETENTION_DAYS, with their answers."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.STUDENT_DATA_RETENTION_DAYS)
    _count, per_model = Student.objects.filter(last_seen_at__lt=cutoff).delete()
    return per_model.get("quiz.Student", 0)


# --- assignments ------------------------------------------------------------------------------


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

    As on creation, opens_at=None means now. The quiz and machine-informed mode cannot
    change once a student has started.
    """
    unknown = fields.keys() - set(_ASSIGNMENT_FIELDS)
    if unknown:
        raise TypeError(f"assignment_update() got unexpected fields: {sorted(unknown)}")
    values = {name: getattr(assignment, name) for name in _ASSIGNMENT_FIELDS} | fields
    values["opens_at"] = values["opens_at"] or timezone.now()
    moved = [n for n in ASSIGNMENT_FIXED_ONCE_STARTED if values[n] != getattr(assignment, n)]
    if moved and assignment_started(assignment=assignment):
        raise AssignmentRefused(
            "Students have started this assignment, so its quiz and machine-informed mode "
            "cannot change. Make a new assignment instead."
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
