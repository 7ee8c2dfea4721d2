"""Teachers, classrooms, students without accounts, and assignments of quizzes to classrooms.

Imported by quiz/models.py so the models belong to the quiz app (one migration history).
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

# No 0/O, 1/I/L: a code read aloud or copied from a projector must not be misread.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def student_secret() -> str:
    return secrets.token_urlsafe(32)


class TeacherProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="teacher"
    )
    display_name = models.CharField(max_length=80)
    school = models.CharField(max_length=120, blank=True)
    approved = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name


class Classroom(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classrooms"
    )
    name = models.CharField(max_length=80)
    join_code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code)
    joining_open = models.BooleanField(default=True)
    archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["archived", "name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("classrooms:classroom", args=[self.public_id])

    def join_path(self) -> str:
        return reverse("classrooms:join-code", args=[self.join_code])


class Student(models.Model):
    """A nickname in one classroom. No e-mail, no password: a secret cookie is the login."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="students")
    nickname = models.CharField(max_length=40)
    secret = models.CharField(max_length=64, unique=True, default=student_secret, editable=False)
    joined_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["nickname", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["classroom", "nickname"], name="quiz_student_nickname_unique"
            )
        ]

    def __str__(self) -> str:
        return self.nickname


class Assignment(models.Model):
    class Reveal(models.TextChoices):
        EACH = "each", "After each item"
        END = "end", "At the end"
        AFTER_DUE = "after_due", "After the due date"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    quiz = models.ForeignKey("quiz.Quiz", on_delete=models.PROTECT, related_name="assignments")
    opens_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField(null=True, blank=True)
    reveal = models.CharField(max_length=10, choices=Reveal.choices, default=Reveal.EACH)
    machine_informed = models.BooleanField(default=False)
    pretest = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posttests",
        help_text="An earlier assignment of the same class to compare with.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.quiz} for {self.classroom}"

    def get_absolute_url(self) -> str:
        return reverse("classrooms:assignment", args=[self.public_id])

    def is_open(self, now=None) -> bool:
        return (now or timezone.now()) >= self.opens_at

    def is_past_due(self, now=None) -> bool:
        return self.due_at is not None and (now or timezone.now()) > self.due_at
