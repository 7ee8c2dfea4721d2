"""The reveal: truth, explanation, marked regions, detector's view and crowd statistics."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from detector.models import Analysis
from quiz.models import Attempt, Response
from quiz.selectors import crowd_stats
from tests.quiz.conftest import make_quiz

pytestmark = pytest.mark.django_db


def analysis(status="done", verdict="declared_ai", headline="This file says it was made with AI"):
    return Analysis.objects.create(
        status=status,
        media_kind="image",
        mime_type="image/jpeg",
        size=1,
        sha256="0" * 64,
        expires_at=timezone.now() + timedelta(days=1),
        report=None
        if status != "done"
        else {"verdict": verdict, "probability": 0.99, "headline": headline, "evidence": []},
    )


def crowd(item, right: int, wrong: int, confidence: int = 70):
    for n in range(right + wrong):
        attempt = Attempt.objects.create(quiz=item.quiz, session_key=f"crowd-{n}")
        Response.objects.create(
            attempt=attempt, item=item, answer="x", confidence=confidence, correct=n < right
        )


def play_first(client, quiz, data):
    client.post(reverse("quiz:start", args=[quiz.slug]))
    attempt = Attempt.objects.filter(quiz=quiz).latest("started_at")
    client.post(reverse("quiz:play", args=[attempt.public_id, 1]), {"confidence": 90, **data})
    return attempt, client.get(reverse("quiz:reveal", args=[attempt.public_id, 1]))


def test_crowd_statistics_count_every_answer_to_the_item(db):
    item = make_quiz(kinds=("single",)).items.get()
    crowd(item, right=16, wrong=9, confidence=71)
    stats = crowd_stats(item_ids=[item.pk])[item.pk]
    assert (stats.plays, stats.correct_percent, stats.mean_confidence) == (25, 64, 71)
    assert stats.difficulty == "medium"


def test_difficulty_needs_enough_players(db):
    item = make_quiz(kinds=("single",)).items.get()
    crowd(item, right=1, wrong=1)
    assert crowd_stats(item_ids=[item.pk])[item.pk].difficulty is None


def test_the_reveal_shows_crowd_statistics_in_words(visitor):
    quiz = make_quiz(kinds=("single",))
    crowd(quiz.items.get(), right=10, wrong=0, confidence=70)
    _, page = play_first(visitor, quiz, {"answer": "fake"})
    assert "100 % of 11 players got this right; average confidence 72 %." in page.content.decode()


def test_the_reveal_marks_the_changed_regions_and_the_players_click(visitor):
    quiz = make_quiz(kinds=("spot",))
    _, page = play_first(visitor, quiz, {"answer": "spot", "x": 110, "y": 90})
    html = page.content.decode()
    assert 'viewBox="0 0 320 240"' in html
    assert '<rect class="mark-region" x="100" y="80" width="40" height="30"' in html
    assert '<circle class="mark-guess" cx="110" cy="90"' in html


def test_the_reveal_says_when_the_detector_is_still_looking(visitor):
    quiz = make_quiz(kinds=("single",))
    quiz.items.update(analysis=analysis(status="queued"))
    _, page = play_first(visitor, quiz, {"answer": "fake"})
    assert "The detector is still looking at this picture" in page.content.decode()


def test_the_reveal_says_what_the_detector_said_and_that_it_was_right(visitor):
    quiz = make_quiz(kinds=("single",))
    quiz.items.update(analysis=analysis(verdict="declared_ai"))
    _, page = play_first(visitor, quiz, {"answer": "fake"})
    html = page.content.decode()
    assert "This file says it was made with AI" in html
    assert "The detector was right" in html


def test_the_reveal_says_when_the_detector_was_wrong(visitor):
    quiz = make_quiz(kinds=("single",))
    item = quiz.items.get()
    item.truth = "real"
    item.save()
    quiz.items.update(analysis=analysis(verdict="declared_ai"))
    _, page = play_first(visitor, quiz, {"answer": "real"})
    assert "The detector was wrong here" in page.content.decode()


def test_machine_informed_mode_shows_the_verdict_and_stores_the_revision(visitor):
    quiz = make_quiz(kinds=("single", "statement"), machine_informed=True)
    quiz.items.filter(kind="single").update(analysis=analysis(verdict="declared_ai"))
    visitor.post(reverse("quiz:start", args=[quiz.slug]))
    attempt = Attempt.objects.get(quiz=quiz)
    assert attempt.machine_informed
    first = visitor.post(
        reverse("quiz:play", args=[attempt.public_id, 1]), {"answer": "real", "confidence": 70}
    )
    assert first.url == reverse("quiz:revise", args=[attempt.public_id, 1])
    page = visitor.get(first.url).content.decode()
    assert "Do you want to change your mind?" in page
    assert "This file says it was made with AI" in page
    second = visitor.post(first.url, {"answer": "fake", "confidence": 90})
    assert second.url == reverse("quiz:reveal", args=[attempt.public_id, 1])
    response = Response.objects.get()
    assert (response.answer, response.correct) == ("real", False)
    assert (response.revised_answer, response.revised_correct) == ("fake", True)
    reveal = visitor.get(second.url).content.decode()
    assert "Right!" in reveal
    assert "Before seeing the detector you had said" in reveal
    # A statement has no detector view: straight to the reveal.
    third = visitor.post(
        reverse("quiz:play", args=[attempt.public_id, 2]), {"answer": "true", "confidence": 70}
    )
    assert third.url.endswith("/reveal/")
