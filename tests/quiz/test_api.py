"""The quiz API: list, detail without answers, start, answer with reveal, revise, finish."""

from datetime import timedelta

import pytest
from django.utils import timezone

from detector.models import Analysis
from quiz.models import Response
from tests.quiz.conftest import make_quiz

pytestmark = pytest.mark.django_db


def start(client, slug="test-quiz"):
    reply = client.post(f"/api/v1/quizzes/{slug}/attempts/")
    assert reply.status_code == 201
    return reply.json()


def test_the_list_shows_published_quizzes(visitor, quiz):
    make_quiz(slug="hidden", published=False)
    body = visitor.get("/api/v1/quizzes/").json()
    assert [q["slug"] for q in body] == ["test-quiz"]
    assert body[0]["item_count"] == 4


def test_the_detail_lists_items_without_revealing_answers(visitor, quiz):
    body = visitor.get("/api/v1/quizzes/test-quiz/").json()
    assert [i["kind"] for i in body["items"]] == ["single", "pair", "statement", "spot"]
    for item in body["items"]:
        assert "truth" not in item and "explanation" not in item and "regions" not in item
    assert body["items"][1]["media"][1]["side"] == "b"
    assert body["spot_grid"] == 6


def test_an_unknown_quiz_is_a_404_in_the_error_shape(visitor, db):
    reply = visitor.get("/api/v1/quizzes/nope/")
    assert reply.status_code == 404
    assert reply.json()["error"]["code"] == "not_found"


def test_answering_returns_the_reveal(visitor, quiz):
    attempt = start(visitor)
    item = quiz.items.get(kind="spot")
    reply = visitor.post(
        attempt["answers_url"],
        {"item": str(item.public_id), "answer": "spot", "confidence": 80, "x": 110, "y": 90},
        content_type="application/json",
    )
    assert reply.status_code == 201
    body = reply.json()
    assert body["correct"] is True
    assert body["regions"] == [{"x": 100, "y": 80, "w": 40, "h": 30}]
    assert body["click"] == {"x": 110, "y": 90}
    assert "<strong>edges</strong>" in body["explanation_html"]
    assert body["crowd"]["plays"] == 1
    assert body["detector"]["state"] == "none"


@pytest.mark.parametrize("confidence", [49, 101, "sure"])
def test_a_bad_confidence_is_a_400_with_the_field_named(visitor, quiz, confidence):
    attempt = start(visitor)
    item = quiz.items.get(kind="single")
    reply = visitor.post(
        attempt["answers_url"],
        {"item": str(item.public_id), "answer": "fake", "confidence": confidence},
        content_type="application/json",
    )
    assert reply.status_code == 400
    assert "confidence" in reply.json()["error"]["fields"]


def test_answering_twice_is_a_conflict(visitor, quiz):
    attempt = start(visitor)
    item = quiz.items.get(kind="single")
    payload = {"item": str(item.public_id), "answer": "fake", "confidence": 80}
    visitor.post(attempt["answers_url"], payload, content_type="application/json")
    reply = visitor.post(attempt["answers_url"], payload, content_type="application/json")
    assert reply.status_code == 409
    assert reply.json()["error"]["code"] == "already_answered"


def test_another_session_cannot_answer_in_an_attempt(visitor, quiz, client):
    from django.test import Client

    attempt = start(visitor)
    item = quiz.items.get(kind="single")
    reply = Client().post(
        attempt["answers_url"],
        {"item": str(item.public_id), "answer": "fake", "confidence": 80},
        content_type="application/json",
    )
    assert reply.status_code == 404


def test_the_machine_informed_flow_revises_and_finishes(visitor, db):
    quiz = make_quiz(kinds=("single",), machine_informed=True)
    quiz.items.update(
        analysis=Analysis.objects.create(
            status="done", media_kind="image", mime_type="image/jpeg", size=1, sha256="0" * 64,
            expires_at=timezone.now() + timedelta(days=1),
            report={"verdict": "likely_manipulated", "probability": 0.9,
                    "headline": "Strong signs of manipulation", "evidence": []},
        )
    )  # fmt: skip
    attempt = start(visitor)
    item = quiz.items.get()
    first = visitor.post(
        attempt["answers_url"],
        {"item": str(item.public_id), "answer": "real", "confidence": 60},
        content_type="application/json",
    ).json()
    assert first["correct"] is False and first["can_revise"] is True
    assert first["detector"]["call"] == "fake"
    revised = visitor.post(
        f"/api/v1/quizzes/attempts/{attempt['id']}/answers/{item.public_id}/revision/",
        {"answer": "fake", "confidence": 90},
        content_type="application/json",
    )
    assert revised.status_code == 200
    assert revised.json()["correct"] is True
    result = visitor.post(f"/api/v1/quizzes/attempts/{attempt['id']}/finish/").json()
    assert (result["score"], result["total"]) == (1, 1)
    assert result["brier"] == pytest.approx(0.01)
    assert Response.objects.get().revised_answer == "fake"
    shared = visitor.get(f"/api/v1/quizzes/results/{attempt['id']}/").json()
    assert shared["score"] == 1 and "session" not in str(shared)


def test_the_quiz_endpoints_are_in_the_openapi_schema(visitor, db):
    schema = visitor.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    assert "/api/v1/quizzes/" in paths
    assert "/api/v1/quizzes/{slug}/attempts/" in paths
    assert "/api/v1/quizzes/attempts/{token}/answers/" in paths
