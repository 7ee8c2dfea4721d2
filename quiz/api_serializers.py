"""Output (and shared input) serializers of the quiz API: they shape, they never save."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from learn.markup import render_markdown

from . import presenters
from .models import CONFIDENCE_MAX, CONFIDENCE_MIN
from .scoring import SPOT_GRID
from .selectors import quiz_items


def extend_schema_field_list(serializer_class):
    return extend_schema_field(serializer_class(many=True))


class QuizOut(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    description_html = serializers.SerializerMethodField()
    level = serializers.CharField()
    estimated_minutes = serializers.IntegerField()
    machine_informed = serializers.BooleanField()
    item_count = serializers.IntegerField()
    url = serializers.SerializerMethodField()

    def get_description_html(self, obj) -> str:
        return render_markdown(obj.description)

    def get_url(self, obj) -> str:
        return reverse("api:quiz-detail", args=[obj.slug])


class ChoiceOut(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class MediaOut(serializers.Serializer):
    side = serializers.CharField()
    url = serializers.CharField()
    kind = serializers.CharField()
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)


class ItemOut(serializers.Serializer):
    """An item as the player sees it before answering: no truth, no explanation."""

    id = serializers.UUIDField(source="public_id")
    position = serializers.SerializerMethodField()
    kind = serializers.CharField()
    prompt = serializers.CharField()
    alt_text = serializers.CharField()
    media = serializers.SerializerMethodField()
    choices = serializers.SerializerMethodField()
    credit = serializers.CharField()
    licence = serializers.CharField()

    def get_position(self, obj) -> int:
        return self.context["positions"][obj.pk]

    @extend_schema_field_list(MediaOut)
    def get_media(self, obj):
        return presenters.item_media(obj)

    @extend_schema_field_list(ChoiceOut)
    def get_choices(self, obj):
        return [{"value": c.value, "label": c.label} for c in presenters.choices_for(obj)]


class QuizDetailOut(QuizOut):
    items = serializers.SerializerMethodField()
    spot_grid = serializers.SerializerMethodField()

    @extend_schema_field_list(ItemOut)
    def get_items(self, obj):
        items = list(quiz_items(quiz=obj))
        positions = {item.pk: n for n, item in enumerate(items, 1)}
        return ItemOut(items, many=True, context={"positions": positions}).data

    def get_spot_grid(self, obj) -> int:
        return SPOT_GRID


class BoxOut(serializers.Serializer):
    x = serializers.IntegerField()
    y = serializers.IntegerField()
    w = serializers.IntegerField()
    h = serializers.IntegerField()


class PointOut(serializers.Serializer):
    x = serializers.IntegerField()
    y = serializers.IntegerField()


class CueOut(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class DetectorOut(serializers.Serializer):
    state = serializers.ChoiceField(choices=["none", "pending", "failed", "done"])
    verdicts = serializers.ListField(child=serializers.CharField(), required=False)
    headlines = serializers.ListField(child=serializers.CharField(), required=False)
    call = serializers.CharField(allow_null=True, required=False)
    right = serializers.BooleanField(allow_null=True, required=False)


class CrowdOut(serializers.Serializer):
    plays = serializers.IntegerField()
    correct_percent = serializers.IntegerField(allow_null=True)
    mean_confidence = serializers.IntegerField(allow_null=True)
    difficulty = serializers.CharField(allow_null=True)
    sentence = serializers.CharField()


class RevealOut(serializers.Serializer):
    item = serializers.UUIDField()
    position = serializers.IntegerField()
    correct = serializers.BooleanField()
    first_correct = serializers.BooleanField()
    truth = serializers.CharField()
    truth_sentence = serializers.CharField()
    your_answer = serializers.CharField()
    your_confidence = serializers.IntegerField()
    revised = serializers.BooleanField()
    can_revise = serializers.BooleanField()
    regions = BoxOut(many=True)
    click = PointOut(allow_null=True)
    explanation_html = serializers.CharField()
    cues = CueOut(many=True)
    detector = DetectorOut(allow_null=True)
    crowd = CrowdOut()


class AttemptOut(serializers.Serializer):
    id = serializers.CharField(source="public_id")
    quiz = serializers.SlugField(source="quiz.slug")
    machine_informed = serializers.BooleanField()
    started_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    answers_url = serializers.SerializerMethodField()
    result_page = serializers.SerializerMethodField()

    def get_answers_url(self, obj) -> str:
        return reverse("api:quiz-answer", args=[obj.public_id])

    def get_result_page(self, obj) -> str:
        return obj.get_absolute_url()


class ResultOut(serializers.Serializer):
    id = serializers.CharField()
    quiz = serializers.SlugField()
    score = serializers.IntegerField(allow_null=True, help_text="null while answers are held.")
    total = serializers.IntegerField()
    answers_held = serializers.BooleanField(default=False)
    shown_from = serializers.DateTimeField(allow_null=True, required=False)
    brier = serializers.FloatField(allow_null=True)
    mean_confidence = serializers.FloatField(allow_null=True)
    accuracy = serializers.FloatField(allow_null=True)
    calibration = serializers.CharField(allow_null=True)
    calibration_words = serializers.CharField()
    missed_cues = CueOut(many=True)
    share_url = serializers.CharField()


class AnswerIn(serializers.Serializer):
    answer = serializers.CharField(max_length=20)
    confidence = serializers.IntegerField(min_value=CONFIDENCE_MIN, max_value=CONFIDENCE_MAX)
    x = serializers.IntegerField(required=False, min_value=0, help_text="Spot items: pixel x.")
    y = serializers.IntegerField(required=False, min_value=0, help_text="Spot items: pixel y.")
    cell = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=SPOT_GRID * SPOT_GRID - 1,
        help_text="Spot items without a click: the grid square, row by row from 0.",
    )
    time_ms = serializers.IntegerField(required=False, min_value=0)


class HeldAnswerOut(serializers.Serializer):
    """The receipt for an answer whose reveal an assignment holds back."""

    item = serializers.UUIDField()
    position = serializers.IntegerField()
    answers_held = serializers.BooleanField()
    shown_from = serializers.DateTimeField(allow_null=True)
