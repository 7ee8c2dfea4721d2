"""Quizzes, their ordered items, and the attempts and responses of the people who play them."""

from __future__ import annotations

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .cues import CUES

CONFIDENCE_MIN = 50
CONFIDENCE_MAX = 100


def media_path(instance: Item, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"quiz/media/{uuid.uuid4().hex}.{extension}"


def attempt_token() -> str:
    return secrets.token_urlsafe(12)


class Quiz(models.Model):
    class Level(models.TextChoices):
        BEGINNER = "beginner", "Beginner"
        INTERMEDIATE = "intermediate", "Intermediate"
        ADVANCED = "advanced", "Advanced"

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True, help_text="Markdown. HTML is removed when shown.")
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.BEGINNER)
    estimated_minutes = models.PositiveSmallIntegerField(default=5)
    published = models.BooleanField(default=False)
    cover = models.ImageField(upload_to=media_path, blank=True, max_length=255)
    machine_informed = models.BooleanField(
        default=False,
        help_text="Players see the detector's verdict and may revise.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "quizzes"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quiz:intro", args=[self.slug])


class Item(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", "Real or fake?"
        PAIR = "pair", "Which of the two is fake?"
        STATEMENT = "statement", "True or false?"
        SPOT = "spot", "Spot the edit"

    class MediaKind(models.TextChoices):
        NONE = "none", "No media"
        IMAGE = "image", "Image"
        VIDEO = "video", "Video"

    class Truth(models.TextChoices):
        REAL = "real", "Real"
        FAKE = "fake", "Fake"
        A = "a", "Picture A is fake"
        B = "b", "Picture B is fake"
        TRUE = "true", "True"
        FALSE = "false", "False"

    TRUTHS_FOR_KIND = {
        Kind.SINGLE: {Truth.REAL, Truth.FAKE},
        Kind.PAIR: {Truth.A, Truth.B},
        Kind.STATEMENT: {Truth.TRUE, Truth.FALSE},
        Kind.SPOT: {Truth.FAKE},
    }

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(
        max_length=80, blank=True, help_text="Stable name for starter content and content packs."
    )
    order = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    prompt = models.TextField(help_text="The question or statement shown to the player.")
    media = models.FileField(upload_to=media_path, blank=True, max_length=255)
    media_b = models.FileField(
        upload_to=media_path, blank=True, max_length=255, help_text="Second picture (pair only)."
    )
    media_kind = models.CharField(max_length=10, choices=MediaKind.choices, default="image")
    media_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    media_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # For media made in code (starter clips): a fingerprint of the recipe. Video encoders do not
    # always give the same bytes twice, so the bytes cannot tell whether a clip changed.
    media_recipe = models.CharField(max_length=64, blank=True, editable=False)
    alt_text = models.CharField(max_length=300, blank=True)
    truth = models.CharField(max_length=10, choices=Truth.choices)
    explanation = models.TextField(help_text="Markdown, written for a 13–14-year-old.")
    cues = models.JSONField(default=list, blank=True, help_text='Cue tags, e.g. ["edges"].')
    regions = models.JSONField(
        default=list, blank=True, help_text="Changed areas: [{x, y, w, h}] in image pixels."
    )
    mask = models.FileField(upload_to=media_path, blank=True, max_length=255)
    tolerance = models.PositiveSmallIntegerField(
        default=16, help_text="How many pixels a spot guess may miss a changed area by."
    )
    credit = models.CharField(max_length=200)
    licence = models.CharField(max_length=100)
    source_url = models.URLField(blank=True)
    analysis = models.ForeignKey(
        "detector.Analysis", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    analysis_b = models.ForeignKey(
        "detector.Analysis", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["quiz", "order", "pk"]
        indexes = [models.Index(fields=["quiz", "order"])]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "key"], condition=~models.Q(key=""), name="quiz_item_key_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quiz_id}#{self.order} {self.get_kind_display()}"

    def clean(self) -> None:
        errors = {}
        if self.truth not in self.TRUTHS_FOR_KIND.get(self.kind, set()):
            allowed = ", ".join(sorted(self.TRUTHS_FOR_KIND.get(self.kind, set())))
            errors["truth"] = f"For this kind of item the truth must be one of: {allowed}."
        unknown = [c for c in (self.cues or []) if c not in CUES]
        if not isinstance(self.cues, list) or unknown:
            errors["cues"] = f"Unknown cue tags: {', '.join(map(str, unknown))}. " + (
                f"Use: {', '.join(CUES)}."
            )
        try:
            validate_regions(self.regions)
        except ValidationError as exc:
            errors["regions"] = exc.messages
        if self.kind == self.Kind.SPOT and not (self.regions or self.mask):
            errors["regions"] = "A spot item needs the changed areas (regions or a mask)."
        if self.kind == self.Kind.PAIR and not (self.media and self.media_b):
            errors["media_b"] = "A pair item needs two pictures."
        if self.kind != self.Kind.STATEMENT and not self.media:
            errors["media"] = "This kind of item needs a picture."
        if errors:
            raise ValidationError(errors)

    @property
    def has_media(self) -> bool:
        return bool(self.media)

    def media_url(self, side: str = "a") -> str:
        return reverse("quiz:media", args=[self.public_id, side])


def validate_regions(regions) -> None:
    if not isinstance(regions, list):
        raise ValidationError("Regions must be a list of boxes.")
    for n, box in enumerate(regions, 1):
        if not isinstance(box, dict) or set(box) - {"x", "y", "w", "h", "label"}:
            raise ValidationError(f"Region {n} must have x, y, w and h.")
        values = [box.get(k) for k in ("x", "y", "w", "h")]
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values):
            raise ValidationError(f"Region {n}: x, y, w and h must be whole numbers ≥ 0.")
        if box["w"] == 0 or box["h"] == 0:
            raise ValidationError(f"Region {n} has no area.")


class Attempt(models.Model):
    """One play of a quiz. Anonymous players are known by their session only.

    Classrooms (issue 5) attach a student and an assignment with nullable foreign keys; the
    reveal mode lets an assignment hold answers back until the end.
    """

    class RevealMode(models.TextChoices):
        EACH = "each", "After each item"
        END = "end", "At the end"
        AFTER_DUE = "after_due", "After the due date"

    public_id = models.CharField(max_length=24, unique=True, default=attempt_token, editable=False)
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    session_key = models.CharField(max_length=40, blank=True, db_index=True)
    machine_informed = models.BooleanField(default=False)
    reveal_mode = models.CharField(
        max_length=10, choices=RevealMode.choices, default=RevealMode.EACH
    )
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    student = models.ForeignKey(
        "quiz.Student", null=True, blank=True, on_delete=models.CASCADE, related_name="attempts"
    )
    assignment = models.ForeignKey(
        "quiz.Assignment", null=True, blank=True, on_delete=models.CASCADE, related_name="attempts"
    )

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student"],
                condition=models.Q(assignment__isnull=False, student__isnull=False),
                name="quiz_attempt_once_per_assignment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.quiz_id} attempt {self.public_id}"

    def get_absolute_url(self) -> str:
        return reverse("quiz:results", args=[self.public_id])

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    def answers_shown_from(self):
        """When right answers may be shown: None while not yet known (unfinished, held)."""
        if self.reveal_mode == self.RevealMode.EACH:
            return self.started_at
        if self.reveal_mode == self.RevealMode.AFTER_DUE and self.assignment_id:
            due = self.assignment.due_at
            if due is not None:
                return due if self.finished_at is None else max(due, self.finished_at)
        return self.finished_at

    def answers_shown(self, now=None) -> bool:
        """Whether pages and the API may show right answers and scores (one rule for both)."""
        shown_from = self.answers_shown_from()
        if self.reveal_mode != self.RevealMode.EACH and self.finished_at is None:
            return False
        return shown_from is not None and (now or timezone.now()) >= shown_from


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="responses")
    answer = models.CharField(max_length=20)
    confidence = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(CONFIDENCE_MIN), MaxValueValidator(CONFIDENCE_MAX)]
    )
    correct = models.BooleanField()
    time_ms = models.PositiveIntegerField(null=True, blank=True)
    click_x = models.PositiveIntegerField(null=True, blank=True)
    click_y = models.PositiveIntegerField(null=True, blank=True)
    revised_answer = models.CharField(max_length=20, blank=True)
    revised_confidence = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(CONFIDENCE_MIN), MaxValueValidator(CONFIDENCE_MAX)],
    )
    revised_correct = models.BooleanField(null=True, blank=True)
    detector_verdict = models.CharField(
        max_length=30, blank=True, help_text="What the player was shown before revising."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["attempt", "item__order"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "item"], name="quiz_response_once"),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=CONFIDENCE_MIN, confidence__lte=CONFIDENCE_MAX),
                name="quiz_response_confidence_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.item_id}: {self.answer}"

    @property
    def final_answer(self) -> str:
        return self.revised_answer or self.answer

    @property
    def final_confidence(self) -> int:
        return self.revised_confidence or self.confidence

    @property
    def final_correct(self) -> bool:
        return self.correct if self.revised_correct is None else self.revised_correct


# Classroom models live in their own module but belong to this app.
from .classrooms.models import (  # noqa: E402
    Assignment,
    Classroom,
    Student,
    TeacherProfile,
)

__all__ = [
    "Assignment",
    "Attempt",
    "Classroom",
    "Item",
    "Quiz",
    "Response",
    "Student",
    "TeacherProfile",
]
