"""The end page: score, calibration in plain words, missed cues and a shareable link."""

import pytest
from django.test import Client
from django.urls import reverse

from quiz.models import Attempt
from tests.quiz.conftest import right_answer, wrong_answer

pytestmark = pytest.mark.django_db


def play_all(client, quiz, wrong_positions=(), confidence=100) -> Attempt:
    client.post(reverse("quiz:start", args=[quiz.slug]))
    attempt = Attempt.objects.get(quiz=quiz)
    for position, item in enumerate(quiz.items.order_by("order"), 1):
        data = wrong_answer(item) if position in wrong_positions else right_answer(item)
        client.post(
            reverse("quiz:play", args=[attempt.public_id, position]),
            {"confidence": confidence, **data},
        )
    client.post(reverse("quiz:finish", args=[attempt.public_id]))
    attempt.refresh_from_db()
    return attempt


def test_the_end_page_explains_overconfidence_and_the_brier_score(visitor, quiz):
    attempt = play_all(visitor, quiz, wrong_positions=(1, 2))
    html = visitor.get(attempt.get_absolute_url()).content.decode()
    assert "2 of 4 right" in html
    assert "you were right 50 % of the time" in html
    assert "trusted your eyes more than they deserved" in html
    assert "Your Brier score is 0.50" in html


def test_the_end_page_lists_the_missed_cues_with_links_to_the_cue_guide(visitor, quiz):
    attempt = play_all(visitor, quiz, wrong_positions=(1,))
    html = visitor.get(attempt.get_absolute_url()).content.decode()
    assert "Cues to practise" in html
    assert reverse("quiz:cue", args=["edges"]) in html


def test_the_share_link_works_in_another_browser_and_reveals_no_personal_data(visitor, quiz):
    attempt = play_all(visitor, quiz)
    other = Client()
    response = other.get(reverse("quiz:results", args=[attempt.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "A player's result" in html
    assert attempt.session_key not in html
    assert "Try this quiz yourself" in html
    # The share page does not lead into the player's attempt.
    assert reverse("quiz:reveal", args=[attempt.public_id, 1]) not in html


def test_an_unfinished_attempt_has_no_result_page(visitor, quiz):
    attempt = Attempt.objects.create(quiz=quiz, session_key="x")
    assert visitor.get(attempt.get_absolute_url()).status_code == 404


def test_the_share_link_is_random_not_a_sequence_number(visitor, quiz):
    attempt = play_all(visitor, quiz)
    assert str(attempt.pk) != attempt.public_id
    assert len(attempt.public_id) >= 16
