"""Everything that changes classroom data: teachers, classrooms, students (assignments:
`assignments.py`)."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from .errors import InvalidNickname, JoinRefused, WrongJoinCode
from .models import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Classroom,
    Student,
    TeacherProfile,
    new_join_code,
)

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
