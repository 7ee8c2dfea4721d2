"""List, play and reveal pages do a fixed number of queries whatever the quiz size."""

import pytest
from django.urls import reverse

from quiz.models import Attempt
from tests.quiz.conftest import make_quiz

pytestmark = pytest.mark.django_db

SIZES = [("single",) * 3, ("single", "pair", "spot", "statement") * 6]


@pytest.mark.parametrize("kinds", SIZES, ids=["small", "large"])
def test_the_quiz_list_does_a_fixed_number_of_queries(
    visitor, django_assert_max_num_queries, kinds
):
    for n in range(4):
        make_quiz(kinds=kinds, slug=f"quiz-{n}")
    with django_assert_max_num_queries(2):
        assert visitor.get(reverse("quiz:index")).status_code == 200


@pytest.mark.parametrize("kinds", SIZES, ids=["small", "large"])
def test_the_play_page_does_a_fixed_number_of_queries(
    visitor, django_assert_max_num_queries, kinds
):
    quiz = make_quiz(kinds=kinds)
    visitor.post(reverse("quiz:start", args=[quiz.slug]))
    attempt = Attempt.objects.get()
    url = reverse("quiz:play", args=[attempt.public_id, len(kinds)])
    with django_assert_max_num_queries(1):
        assert visitor.get(url).status_code == 200


@pytest.mark.parametrize("kinds", SIZES, ids=["small", "large"])
def test_answering_and_the_reveal_do_a_fixed_number_of_queries(
    visitor, django_assert_max_num_queries, kinds
):
    quiz = make_quiz(kinds=kinds)
    visitor.post(reverse("quiz:start", args=[quiz.slug]))
    attempt = Attempt.objects.get()
    url = reverse("quiz:play", args=[attempt.public_id, 1])
    with django_assert_max_num_queries(9):
        visitor.post(url, {"answer": "fake", "confidence": 70})
    with django_assert_max_num_queries(5):
        assert visitor.get(reverse("quiz:reveal", args=[attempt.public_id, 1])).status_code == 200


@pytest.mark.parametrize("kinds", SIZES, ids=["small", "large"])
def test_the_results_page_does_a_fixed_number_of_queries(
    visitor, django_assert_max_num_queries, kinds
):
    from quiz.models import Response
    from quiz.services import attempt_finish

    quiz = make_quiz(kinds=kinds)
    attempt = Attempt.objects.create(quiz=quiz, session_key="x")
    for item in quiz.items.all():
        Response.objects.create(
            attempt=attempt, item=item, answer="x", confidence=70, correct=False
        )
    attempt_finish(attempt=attempt)
    with django_assert_max_num_queries(4):
        assert visitor.get(attempt.get_absolute_url()).status_code == 200
