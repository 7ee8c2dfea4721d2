"""Playing: start an attempt, answer, revise after seeing the detector, finish."""

from __future__ import annotations

import numpy as np
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from detector.models import Analysis

from ..errors import AlreadyAnswered, AttemptClosed, InvalidAnswer, RevisionNotAllowed
from ..models import CONFIDENCE_MAX, CONFIDENCE_MIN, Attempt, Item, Quiz, Response
from ..scoring import CHOICES, SPOT_GRID, Box, grid_cell_box, is_correct, spot_hit

# --- playing ----------------------------------------------------------------------------------


def attempt_start(*, quiz: Quiz, session_key: str, machine_informed: bool | None = None) -> Attempt:
    return Attempt.objects.create(
        quiz=quiz,
        session_key=session_key,
        machine_informed=quiz.machine_informed if machine_informed is None else machine_informed,
    )


def _check_confidence(confidence) -> int:
    if isinstance(confidence, bool) or not isinstance(confidence, int):
        raise InvalidAnswer("Confidence must be a whole number from 50 to 100.")
    if not CONFIDENCE_MIN <= confidence <= CONFIDENCE_MAX:
        raise InvalidAnswer(
            f"Confidence must be between {CONFIDENCE_MIN} % (a pure guess) and "
            f"{CONFIDENCE_MAX} % (completely sure)."
        )
    return confidence


def _spot_guess(item: Item, click: tuple[int, int] | None, cell: int | None) -> Box:
    width, height = item.media_width or 0, item.media_height or 0
    if click is not None:
        x, y = click
        if not (0 <= x < max(width, 1) and 0 <= y < max(height, 1)):
            raise InvalidAnswer("That point is outside the picture. Click on the picture.")
        return Box(x, y, 0, 0)
    if cell is not None:
        if not 0 <= cell < SPOT_GRID * SPOT_GRID:
            raise InvalidAnswer("Choose one of the squares on the picture.")
        return grid_cell_box(cell, width, height)
    raise InvalidAnswer("Mark where you think the picture was changed: click it or pick a square.")


def _item_mask(item: Item) -> np.ndarray | None:
    if not item.mask:
        return None
    with item.mask.open("rb") as handle, Image.open(handle) as img:
        return np.asarray(img.convert("L")) > 127


def item_score(
    *, item: Item, answer: str, click: tuple[int, int] | None = None, cell: int | None = None
) -> tuple[bool, Box | None]:
    """Whether an answer is right, and for spot items the guessed box."""
    allowed = {c.value for c in CHOICES[item.kind]}
    if answer not in allowed:
        raise InvalidAnswer("Choose one of the answers shown.")
    if item.kind != Item.Kind.SPOT:
        return is_correct(item.kind, item.truth, answer), None
    guess = _spot_guess(item, click, cell)
    hit = spot_hit(guess, regions=item.regions, mask=_item_mask(item), tolerance=item.tolerance)
    return hit, guess


@transaction.atomic
def attempt_answer(
    *,
    attempt: Attempt,
    item: Item,
    answer: str,
    confidence: int,
    time_ms: int | None = None,
    click: tuple[int, int] | None = None,
    cell: int | None = None,
) -> Response:
    if attempt.finished_at is not None:
        raise AttemptClosed(attempt.pk)
    if item.quiz_id != attempt.quiz_id:
        raise InvalidAnswer("This item is not part of this quiz.")
    confidence = _check_confidence(confidence)
    correct, guess = item_score(item=item, answer=answer, click=click, cell=cell)
    centre = guess.centre if guess else (None, None)
    try:
        with transaction.atomic():
            return Response.objects.create(
                attempt=attempt,
                item=item,
                answer=answer,
                confidence=confidence,
                correct=correct,
                time_ms=None if time_ms is None else max(0, min(time_ms, 3_600_000)),
                click_x=centre[0],
                click_y=centre[1],
            )
    except IntegrityError:
        raise AlreadyAnswered(item.pk) from None


def item_detector_verdict(item: Item) -> str | None:
    """The verdict the player may see before revising, or None while it is not ready."""
    analysis = item.analysis
    if analysis is None or analysis.status != Analysis.Status.DONE:
        return None
    if item.kind == Item.Kind.PAIR:
        other = item.analysis_b
        if other is None or other.status != Analysis.Status.DONE:
            return None
    return analysis.verdict


@transaction.atomic
def attempt_revise(
    *,
    attempt: Attempt,
    response: Response,
    answer: str,
    confidence: int,
    click: tuple[int, int] | None = None,
    cell: int | None = None,
) -> Response:
    """Store a second answer given after seeing the detector (machine-informed mode)."""
    if attempt.finished_at is not None:
        raise AttemptClosed(attempt.pk)
    if not attempt.machine_informed:
        raise RevisionNotAllowed("This quiz is not played with the detector's help.")
    if response.attempt_id != attempt.pk:
        raise RevisionNotAllowed("This answer belongs to another attempt.")
    if response.revised_confidence is not None:
        raise RevisionNotAllowed("You have already confirmed or changed this answer.")
    verdict = item_detector_verdict(response.item)
    if verdict is None:
        raise RevisionNotAllowed("The detector has not finished looking at this item.")
    confidence = _check_confidence(confidence)
    item = response.item
    if item.kind == Item.Kind.SPOT and click is None and cell is None:
        # Keeping a spot answer keeps the marked point.
        correct = response.correct
    else:
        correct, guess = item_score(item=item, answer=answer, click=click, cell=cell)
        if guess is not None:
            response.click_x, response.click_y = guess.centre
    response.revised_answer = answer
    response.revised_confidence = confidence
    response.revised_correct = correct
    response.detector_verdict = verdict
    response.save()
    return response


def attempt_finish(*, attempt: Attempt) -> Attempt:
    Attempt.objects.filter(pk=attempt.pk, finished_at__isnull=True).update(
        finished_at=timezone.now()
    )
    attempt.refresh_from_db(fields=["finished_at"])
    return attempt
