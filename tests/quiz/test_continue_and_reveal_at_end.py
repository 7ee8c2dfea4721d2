"""Picking up an unfinished quiz, and attempts that hold every reveal back until the end."""

import pytest
from django.test import Client
from django.urls import reverse

from quiz.models import Attempt
from tests.quiz.conftest import make_quiz, right_answer, wrong_answer

pytestmark = pytest.mark.django_db


def start(client, quiz) -> Attempt:
    client.post(reverse("quiz:start", args=[quiz.slug]))
    return Attempt.objects.filter(quiz=quiz).order_by("-pk").first()


def answer(client, attempt, position, data):
    url = reverse("quiz:play", args=[attempt.public_id, position])
    return client.post(url, {"confidence": 80, **data})


def test_a_visitor_with_an_unfinished_attempt_can_continue_where_they_left_off(visitor, quiz):
    attempt = start(visitor, quiz)
    items = list(quiz.items.order_by("order"))
    answer(visitor, attempt, 1, right_answer(items[0]))
    answer(visitor, attempt, 2, right_answer(items[1]))
    next_url = reverse("quiz:play", args=[attempt.public_id, 3])
    for page in (reverse("quiz:index"), reverse("quiz:intro", args=[quiz.slug])):
        html = visitor.get(page).content.decode()
        assert "Continue where you left off" in html
        assert f'href="{next_url}"' in html
        assert "2 of 4" in html
    assert visitor.get(next_url).status_code == 200


def test_the_continue_link_leads_to_the_finish_page_once_every_item_is_answered(visitor, quiz):
    attempt = start(visitor, quiz)
    for position, item in enumerate(quiz.items.order_by("order"), 1):
        answer(visitor, attempt, position, right_answer(item))
    html = visitor.get(reverse("quiz:intro", args=[quiz.slug])).content.decode()
    assert reverse("quiz:finish", args=[attempt.public_id]) in html


def test_nobody_else_and_no_finished_attempt_gets_a_continue_link(visitor, quiz):
    attempt = start(visitor, quiz)
    stranger = Client()
    assert "Continue where" not in stranger.get(reverse("quiz:index")).content.decode()
    visitor.post(reverse("quiz:finish", args=[attempt.public_id]))
    html = visitor.get(reverse("quiz:intro", args=[quiz.slug])).content.decode()
    assert "Continue where" not in html and "Start the quiz" in html


def test_the_quiz_list_with_continue_links_does_a_fixed_number_of_queries(
    visitor, django_assert_max_num_queries
):
    for n in range(3):
        quiz = make_quiz(kinds=("single",) * (2 + 5 * n), slug=f"quiz-{n}")
        start(visitor, quiz)
    with django_assert_max_num_queries(2):
        html = visitor.get(reverse("quiz:index")).content.decode()
    assert html.count("Continue where you left off") == 3


def test_with_reveals_held_to_the_end_the_player_sees_them_only_after_finishing(visitor, quiz):
    # Only assignments (classrooms) hold reveals back, so the attempt is made directly.
    session_key = visitor.session.session_key  # the test client makes and keeps a session
    attempt = Attempt.objects.create(
        quiz=quiz, session_key=session_key, reveal_mode=Attempt.RevealMode.END
    )
    items = list(quiz.items.order_by("order"))
    for position, item in enumerate(items, 1):
        data = right_answer(item) if position % 2 else wrong_answer(item)
        reply = answer(visitor, attempt, position, data)
        if position < len(items):
            assert reply.url == reverse("quiz:play", args=[attempt.public_id, position + 1])
        else:
            assert reply.url == reverse("quiz:finish", args=[attempt.public_id])
        # Asking for the reveal early shows nothing about the answer.
        held = visitor.get(reverse("quiz:reveal", args=[attempt.public_id, position]))
        assert held.status_code == 302 and "/reveal/" not in held.url
    finished = visitor.post(reverse("quiz:finish", args=[attempt.public_id]))
    results = visitor.get(finished.url).content.decode()
    assert "2 of 4 right" in results
    reveal = visitor.get(reverse("quiz:reveal", args=[attempt.public_id, 2]))
    assert reveal.status_code == 200 and "Not this time." in reveal.content.decode()
