"""The shared play-page cache: one render per item for every player, never stale, CSRF intact.

These tests swap the test settings' dummy fragment cache for a real in-memory one and count
renders of the play template.
"""

import re

import pytest
from django.core.cache import caches
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, override_settings
from django.test.signals import template_rendered
from django.urls import reverse

from project.navigation import SIGNED_IN_COOKIE
from quiz.errors import ItemNotFound
from quiz.models import Attempt, Item
from quiz.selectors import attempt_get, item_at, play_page_row
from tests.quiz.admin_forms import change_form_data
from tests.quiz.conftest import make_quiz

pytestmark = pytest.mark.django_db

REAL_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "play-page-cache-tests",
    },
}


@pytest.fixture(autouse=True)
def real_fragment_cache():
    with override_settings(CACHES=REAL_CACHES):
        caches["fragments"].clear()
        yield
        caches["fragments"].clear()


@pytest.fixture
def renders():
    """How many times the play template was rendered (a list that grows)."""
    seen = []

    def count(sender, template, **kwargs):
        if template.name == "quiz/play.html":
            seen.append(template.name)

    template_rendered.connect(count)
    yield seen
    template_rendered.disconnect(count)


def start(client: Client, quiz) -> Attempt:
    client.post(reverse("quiz:start", args=[quiz.slug]))
    return Attempt.objects.filter(quiz=quiz).order_by("-pk").first()


def play_url(attempt: Attempt, position: int = 1) -> str:
    return reverse("quiz:play", args=[attempt.public_id, position])


def form_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_two_players_share_one_render_of_the_play_page(quiz, renders):
    first, second = Client(), Client()
    pages = [c.get(play_url(start(c, quiz))) for c in (first, second, first)]
    assert [p.status_code for p in pages] == [200, 200, 200]
    assert len(renders) == 1
    html = [p.content.decode() for p in pages]
    assert "Question 1" in html[1] and "Test quiz" in html[1]
    # Each copy carries its own values, never the other player's or a placeholder.
    assert form_token(html[0]) != form_token(html[1])
    assert "csrf-" not in html[1] and "shown-" not in html[1]
    shown = [re.search(r'name="shown" value="([^"]+)"', h).group(1) for h in html]
    assert all(len(s) > 20 for s in shown)


def test_an_admin_edit_of_the_item_is_shown_at_once(quiz, renders, admin):
    player = Client()
    url = play_url(start(player, quiz))
    assert "Question 1" in player.get(url).content.decode()
    change = reverse("admin:quiz_quiz_change", args=[quiz.pk])
    data = change_form_data(admin.get(change))
    first = next(k for k, v in data.items() if k.endswith("-prompt") and v == "Question 1")
    data[first] = "Is this sunset real?"
    assert admin.post(change, data).status_code == 302
    html = player.get(url).content.decode()
    assert "Is this sunset real?" in html and "Question 1<" not in html
    assert len(renders) == 2


def test_renaming_the_quiz_or_adding_an_item_changes_the_cached_page(quiz, renders):
    player = Client()
    url = play_url(start(player, quiz))
    player.get(url)
    quiz.title = "Renamed quiz"
    quiz.save()
    assert "Renamed quiz" in player.get(url).content.decode()
    Item.objects.create(quiz=quiz, order=9, kind="statement", media_kind="none", prompt="Extra",
                        truth="true", explanation="x", credit="c", licence="CC0")  # fmt: skip
    assert "Question 1 of 5" in player.get(url).content.decode()
    assert len(renders) == 3


def test_the_token_on_a_cached_page_lets_its_player_answer_with_csrf_enforced(quiz, renders):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    attempts = []
    for client in (first, second):
        intro = client.get(reverse("quiz:intro", args=[quiz.slug])).content.decode()
        client.post(reverse("quiz:start", args=[quiz.slug]),
                    {"csrfmiddlewaretoken": form_token(intro)})  # fmt: skip
        attempts.append(Attempt.objects.order_by("-pk").first())
    pages = [
        c.get(play_url(a)).content.decode() for c, a in zip((first, second), attempts, strict=True)
    ]
    assert len(renders) == 1  # the second player got the cached page
    answer = {"answer": "fake", "confidence": 80}
    url = play_url(attempts[1])
    stolen = second.post(url, {**answer, "csrfmiddlewaretoken": form_token(pages[0])})
    assert stolen.status_code == 403
    shown = re.search(r'name="shown" value="([^"]+)"', pages[1]).group(1)
    reply = second.post(
        url, {**answer, "shown": shown, "csrfmiddlewaretoken": form_token(pages[1])}
    )
    assert reply.status_code == 302 and reply.url.endswith("/reveal/")
    assert attempts[1].responses.get().time_ms is not None  # the shown-at note was real


def test_pages_with_messages_or_a_signed_in_hint_are_rendered_for_the_visitor(quiz, renders):
    player = Client()
    url = play_url(start(player, quiz))
    player.get(url)
    player.cookies[SIGNED_IN_COOKIE] = "1"
    player.get(url)
    del player.cookies[SIGNED_IN_COOKIE]
    player.cookies["messages"] = "anything"
    player.get(url)
    assert len(renders) == 3


def test_an_answered_item_or_another_browser_never_gets_the_cached_page(quiz, renders):
    player, stranger = Client(), Client()
    attempt = start(player, quiz)
    player.get(play_url(attempt))
    player.post(play_url(attempt), {"answer": "fake", "confidence": 80})
    assert player.get(play_url(attempt)).url.endswith("/reveal/")
    stranger.get("/")
    assert stranger.get(play_url(attempt)).status_code == 404


def test_the_one_query_row_agrees_with_the_orm_selectors():
    quiz = make_quiz(kinds=("single", "pair", "statement", "spot"))
    make_quiz(kinds=("spot",), slug="other")
    attempt = Attempt.objects.create(quiz=quiz, session_key="k" * 32)
    first = quiz.items.order_by("order").first()
    attempt.responses.create(item=first, answer="fake", confidence=70, correct=True)
    full = attempt_get(public_id=attempt.public_id, session_key="k" * 32)
    for position in range(1, 6):
        row = play_page_row(public_id=attempt.public_id, session_key="k" * 32, position=position)
        assert row.total == full.item_count == 4
        assert row.quiz == (quiz.pk, quiz.title, quiz.slug)
        try:
            item = item_at(quiz=quiz, position=position, answered_in=attempt)
        except ItemNotFound:
            assert row.item is None
            continue
        assert row.item[0] == item.pk and row.item[3] == item.prompt
        assert row.answered == item.answered
    assert play_page_row(public_id=attempt.public_id, session_key="x" * 32, position=1) is None
    assert play_page_row(public_id="nope", session_key="k" * 32, position=1) is None


def test_every_cached_page_gets_a_freshly_masked_token_for_the_same_secret(quiz):
    player = Client()
    url = play_url(start(player, quiz))
    tokens = {form_token(player.get(url).content.decode()) for _ in range(3)}
    assert len(tokens) == 3
    assert all(len(t) == 64 and t.isalnum() for t in tokens)
    secrets = {_unmask_cipher_token(t) for t in tokens}
    assert secrets == {player.cookies["csrftoken"].value}
