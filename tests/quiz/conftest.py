"""Small quizzes made in code: pictures are generated, never read from disk."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from quiz.models import Item, Quiz
from tests.conftest import encode, photo_array

EXPLANATION = "Because the **edges** give it away."


def make_item(quiz: Quiz, order: int, kind: str = "single", **fields) -> Item:
    defaults = {
        "single": {"truth": "fake"},
        "pair": {"truth": "a"},
        "statement": {"truth": "true", "media_kind": "none"},
        "spot": {"truth": "fake", "regions": [{"x": 100, "y": 80, "w": 40, "h": 30}]},
    }[kind]
    values = {
        "prompt": f"Question {order}",
        "explanation": EXPLANATION,
        "cues": ["edges"],
        "credit": "Test pattern",
        "licence": "CC0",
        **defaults,
        **fields,
    }
    item = Item(quiz=quiz, order=order, kind=kind, key=f"item-{order}", **values)
    if kind != "statement":
        item.media.save("m.jpg", ContentFile(encode(photo_array(seed=order))), save=False)
        item.media_width, item.media_height = 320, 240
    if kind == "pair":
        item.media_b.save("m.jpg", ContentFile(encode(photo_array(seed=order + 100))), save=False)
    item.full_clean()
    item.save()
    return item


def make_quiz(kinds=("single", "pair", "statement", "spot"), **fields) -> Quiz:
    quiz = Quiz.objects.create(
        title=fields.pop("title", "Test quiz"),
        slug=fields.pop("slug", "test-quiz"),
        published=fields.pop("published", True),
        **fields,
    )
    for order, kind in enumerate(kinds, 1):
        make_item(quiz, order, kind)
    return quiz


@pytest.fixture
def quiz(db) -> Quiz:
    return make_quiz()


def right_answer(item: Item) -> dict:
    if item.kind == "spot":
        box = item.regions[0]
        return {"answer": "spot", "x": box["x"] + 5, "y": box["y"] + 5}
    return {"answer": item.truth}


def wrong_answer(item: Item) -> dict:
    other = {"real": "fake", "fake": "real", "a": "b", "b": "a", "true": "false", "false": "true"}
    if item.kind == "spot":
        return {"answer": "spot", "x": 5, "y": 5}
    return {"answer": other[item.truth]}
