"""attempt_answer / attempt_revise / attempt_finish: the play services."""

import io

import numpy as np
import pytest
from django.core.files.base import ContentFile
from PIL import Image

from detector.models import Analysis
from quiz.errors import AlreadyAnswered, AttemptClosed, InvalidAnswer, RevisionNotAllowed
from quiz.services import attempt_answer, attempt_finish, attempt_revise, attempt_start
from tests.quiz.conftest import make_quiz

pytestmark = pytest.mark.django_db


def items(quiz):
    return {item.kind: item for item in quiz.items.all()}


def done_analysis(verdict: str) -> Analysis:
    from datetime import timedelta

    from django.utils import timezone

    return Analysis.objects.create(
        status="done",
        media_kind="image",
        mime_type="image/jpeg",
        size=1,
        sha256="0" * 64,
        expires_at=timezone.now() + timedelta(days=1),
        report={
            "verdict": verdict,
            "probability": 0.99,
            "headline": "Made with AI",
            "evidence": [],
        },
    )


def test_each_kind_is_scored(quiz):
    attempt = attempt_start(quiz=quiz, session_key="s")
    by_kind = items(quiz)
    assert attempt_answer(attempt=attempt, item=by_kind["single"], answer="fake", confidence=90)
    assert (
        attempt_answer(attempt=attempt, item=by_kind["pair"], answer="b", confidence=60).correct
        is False
    )
    assert attempt_answer(
        attempt=attempt, item=by_kind["statement"], answer="true", confidence=70
    ).correct
    spot = attempt_answer(
        attempt=attempt, item=by_kind["spot"], answer="spot", confidence=70, click=(150, 100)
    )
    assert spot.correct is True  # 10 px right of the box, within the default 16 px tolerance
    assert (spot.click_x, spot.click_y) == (150, 100)


def test_a_spot_item_is_scored_against_its_mask(db):
    quiz = make_quiz(kinds=("spot",))
    item = quiz.items.get()
    item.regions = []
    mask = np.zeros((240, 320), np.uint8)
    mask[200:220, 20:40] = 255
    buffer = io.BytesIO()
    Image.fromarray(mask).save(buffer, format="PNG")
    item.mask.save("mask.png", ContentFile(buffer.getvalue()))
    attempt = attempt_start(quiz=quiz, session_key="s")
    response = attempt_answer(
        attempt=attempt, item=item, answer="spot", confidence=80, click=(30, 210)
    )
    assert response.correct is True


@pytest.mark.parametrize("confidence", [49, 101, "80", None, True])
def test_a_confidence_outside_50_to_100_is_refused(quiz, confidence):
    attempt = attempt_start(quiz=quiz, session_key="s")
    with pytest.raises(InvalidAnswer):
        attempt_answer(
            attempt=attempt, item=items(quiz)["single"], answer="fake", confidence=confidence
        )


def test_a_click_outside_the_picture_is_refused(quiz):
    attempt = attempt_start(quiz=quiz, session_key="s")
    with pytest.raises(InvalidAnswer):
        attempt_answer(
            attempt=attempt, item=items(quiz)["spot"], answer="spot", confidence=80, click=(999, 5)
        )


def test_an_item_is_answered_once_per_attempt(quiz):
    attempt = attempt_start(quiz=quiz, session_key="s")
    item = items(quiz)["single"]
    attempt_answer(attempt=attempt, item=item, answer="fake", confidence=90)
    with pytest.raises(AlreadyAnswered):
        attempt_answer(attempt=attempt, item=item, answer="real", confidence=90)


def test_a_finished_attempt_takes_no_more_answers(quiz):
    attempt = attempt_finish(attempt=attempt_start(quiz=quiz, session_key="s"))
    with pytest.raises(AttemptClosed):
        attempt_answer(attempt=attempt, item=items(quiz)["single"], answer="fake", confidence=90)


def test_a_revision_needs_machine_informed_mode_and_a_finished_analysis(quiz):
    attempt = attempt_start(quiz=quiz, session_key="s", machine_informed=False)
    item = items(quiz)["single"]
    response = attempt_answer(attempt=attempt, item=item, answer="real", confidence=60)
    with pytest.raises(RevisionNotAllowed):
        attempt_revise(attempt=attempt, response=response, answer="fake", confidence=80)
    attempt.machine_informed = True
    with pytest.raises(RevisionNotAllowed, match="not finished"):
        attempt_revise(attempt=attempt, response=response, answer="fake", confidence=80)


def test_a_revision_stores_both_answers_and_the_verdict_shown(quiz):
    item = items(quiz)["single"]
    item.analysis = done_analysis("declared_ai")
    item.save()
    attempt = attempt_start(quiz=quiz, session_key="s", machine_informed=True)
    response = attempt_answer(attempt=attempt, item=item, answer="real", confidence=60)
    attempt_revise(attempt=attempt, response=response, answer="fake", confidence=85)
    response.refresh_from_db()
    assert (response.answer, response.correct) == ("real", False)
    assert (response.revised_answer, response.revised_correct) == ("fake", True)
    assert response.revised_confidence == 85
    assert response.detector_verdict == "declared_ai"
    with pytest.raises(RevisionNotAllowed):
        attempt_revise(attempt=attempt, response=response, answer="real", confidence=85)
