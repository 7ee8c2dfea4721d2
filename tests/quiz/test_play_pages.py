"""Playing a quiz to the end with plain form posts (no JavaScript)."""

import re

import pytest
from django.urls import reverse

from quiz.models import Attempt, Response
from tests.quiz.conftest import make_quiz, right_answer, wrong_answer

pytestmark = pytest.mark.django_db


def start(client, quiz) -> Attempt:
    response = client.post(reverse("quiz:start", args=[quiz.slug]))
    assert response.status_code == 302
    return Attempt.objects.get(quiz=quiz)


def answer(client, attempt, position, data, confidence=80):
    url = reverse("quiz:play", args=[attempt.public_id, position])
    return client.post(url, {"confidence": confidence, **data})


def test_the_quiz_list_shows_published_quizzes_only(visitor):
    make_quiz(slug="shown", title="Shown quiz")
    make_quiz(slug="hidden", title="Hidden quiz", published=False)
    page = visitor.get(reverse("quiz:index")).content.decode()
    assert "Shown quiz" in page
    assert "Hidden quiz" not in page


def test_an_unpublished_quiz_is_not_found(visitor):
    make_quiz(slug="hidden", published=False)
    assert visitor.get(reverse("quiz:intro", args=["hidden"])).status_code == 404


def test_a_visitor_plays_a_quiz_to_the_end_with_form_posts(visitor, quiz):
    attempt = start(visitor, quiz)
    items = list(quiz.items.order_by("order"))
    for position, item in enumerate(items, 1):
        page = visitor.get(reverse("quiz:play", args=[attempt.public_id, position]))
        assert page.status_code == 200
        html = page.content.decode()
        assert "<fieldset" in html and "<legend>" in html
        assert '<label for="confidence">' in html
        reply = answer(visitor, attempt, position, right_answer(item))
        assert reply.status_code == 302
        assert reply.url.endswith("/reveal/")
        reveal = visitor.get(reply.url)
        assert "Right!" in reveal.content.decode()
    finish = visitor.post(reverse("quiz:finish", args=[attempt.public_id]))
    assert finish.status_code == 302
    result = visitor.get(finish.url).content.decode()
    assert f"{len(items)} of {len(items)} right" in result
    attempt.refresh_from_db()
    assert attempt.is_finished
    assert Response.objects.filter(attempt=attempt, correct=True).count() == len(items)


def test_play_pages_have_no_inline_scripts(visitor, quiz):
    attempt = start(visitor, quiz)
    html = visitor.get(reverse("quiz:play", args=[attempt.public_id, 1])).content.decode()
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "js/quiz.js" in html


def test_a_wrong_answer_is_revealed_as_wrong_with_the_truth_and_explanation(visitor, quiz):
    attempt = start(visitor, quiz)
    item = quiz.items.order_by("order").first()
    reply = answer(visitor, attempt, 1, wrong_answer(item))
    html = visitor.get(reply.url).content.decode()
    assert "Not this time." in html
    assert "This picture is fake" in html
    assert "<strong>edges</strong>" in html
    assert reverse("quiz:cue", args=["edges"]) in html


@pytest.mark.parametrize("confidence", ["49", "101", "abc", "", "75.5"])
def test_an_impossible_confidence_is_a_form_error_not_a_crash(visitor, quiz, confidence):
    attempt = start(visitor, quiz)
    reply = answer(visitor, attempt, 1, {"answer": "fake"}, confidence=confidence)
    assert reply.status_code == 400
    assert 'role="alert"' in reply.content.decode()
    assert not Response.objects.exists()


def test_an_unknown_answer_is_a_form_error(visitor, quiz):
    attempt = start(visitor, quiz)
    reply = answer(visitor, attempt, 1, {"answer": "maybe"})
    assert reply.status_code == 400
    assert not Response.objects.exists()


def test_a_spot_item_without_a_mark_is_a_form_error(visitor, quiz):
    attempt = start(visitor, quiz)
    reply = answer(visitor, attempt, 4, {"answer": "spot"})
    assert reply.status_code == 400
    assert "Mark where" in reply.content.decode()


def test_a_spot_item_can_be_answered_with_a_grid_square_without_javascript(visitor, quiz):
    attempt = start(visitor, quiz)
    # 320 x 240 image, 6 x 6 grid: the box at (100..140, 80..110) is in row 2, column 1..2.
    reply = answer(visitor, attempt, 4, {"answer": "spot", "cell": str(2 * 6 + 2)})
    assert reply.status_code == 302
    assert Response.objects.get().correct is True


def test_answering_twice_keeps_the_first_answer(visitor, quiz):
    attempt = start(visitor, quiz)
    item = quiz.items.order_by("order").first()
    answer(visitor, attempt, 1, right_answer(item))
    reply = answer(visitor, attempt, 1, wrong_answer(item))
    assert reply.status_code == 302
    assert Response.objects.get().correct is True


def test_another_browser_cannot_play_or_see_the_reveals_of_an_attempt(visitor, quiz, client):
    attempt = Attempt.objects.create(quiz=quiz, session_key="someone-else")
    assert visitor.get(reverse("quiz:play", args=[attempt.public_id, 1])).status_code == 404
    assert visitor.get(reverse("quiz:reveal", args=[attempt.public_id, 1])).status_code == 404


def test_the_time_taken_is_recorded(visitor, quiz):
    attempt = start(visitor, quiz)
    page = visitor.get(reverse("quiz:play", args=[attempt.public_id, 1])).content.decode()
    shown = re.search(r'name="shown" value="([^"]+)"', page).group(1)
    answer(visitor, attempt, 1, {"answer": "fake", "shown": shown})
    assert Response.objects.get().time_ms is not None


def test_item_media_are_served_for_published_quizzes_only(visitor, quiz):
    item = quiz.items.order_by("order").first()
    response = visitor.get(item.media_url("a"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    quiz.published = False
    quiz.save()
    assert visitor.get(item.media_url("a")).status_code == 404
