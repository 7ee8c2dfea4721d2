"""Pure scoring rules: answers per item kind, spot guesses, calibration and the detector's call.

No database access here, so the maths is easy to test on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

SPOT_GRID = 6  # the no-JavaScript alternative to clicking: a 6 x 6 grid of cells


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    key: str  # keyboard shortcut


CHOICES = {
    "single": [Choice("real", "Real", "r"), Choice("fake", "Fake", "f")],
    "pair": [Choice("a", "Picture A is fake", "a"), Choice("b", "Picture B is fake", "b")],
    "statement": [Choice("true", "True", "t"), Choice("false", "False", "f")],
    "spot": [Choice("spot", "This is the changed part", "enter")],
}

ANSWER_LABELS = {
    "real": "real",
    "fake": "fake",
    "a": "picture A",
    "b": "picture B",
    "true": "true",
    "false": "false",
    "spot": "a spot on the picture",
}


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    def grown(self, by: int) -> Box:
        return Box(self.x - by, self.y - by, self.w + 2 * by, self.h + 2 * by)

    def overlaps(self, other: Box) -> bool:
        return (
            self.x <= other.x + other.w
            and other.x <= self.x + self.w
            and self.y <= other.y + other.h
            and other.y <= self.y + self.h
        )

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.w // 2, self.y + self.h // 2


def grid_cell_box(cell: int, width: int, height: int, grid: int = SPOT_GRID) -> Box:
    """The pixel box of cell `cell` (0-based, row by row) of a grid laid over the image."""
    row, col = divmod(cell, grid)
    x0, x1 = round(col * width / grid), round((col + 1) * width / grid)
    y0, y1 = round(row * height / grid), round((row + 1) * height / grid)
    return Box(x0, y0, max(x1 - x0 - 1, 0), max(y1 - y0 - 1, 0))


def spot_hit(
    guess: Box, *, regions: Iterable[dict], mask: np.ndarray | None, tolerance: int
) -> bool:
    """Whether a guess (a clicked point has no size, a grid cell does) lands on a changed area,
    allowing `tolerance` pixels of slack."""
    area = guess.grown(tolerance)
    if any(area.overlaps(Box(r["x"], r["y"], r["w"], r["h"])) for r in regions):
        return True
    if mask is None:
        return False
    height, width = mask.shape[:2]
    x0, y0 = max(area.x, 0), max(area.y, 0)
    x1, y1 = min(area.x + area.w + 1, width), min(area.y + area.h + 1, height)
    return x0 < x1 and y0 < y1 and bool(mask[y0:y1, x0:x1].any())


def is_correct(kind: str, truth: str, answer: str, *, hit: bool | None = None) -> bool:
    if kind == "spot":
        return bool(hit)
    return answer == truth


def brier_score(forecasts: Sequence[tuple[int, bool]]) -> float | None:
    """Mean squared gap between stated confidence (50-100 %) and being right (1) or wrong (0).

    0 is perfect; always saying "50 %" scores 0.25; being sure and wrong scores up to 1.
    """
    if not forecasts:
        return None
    return sum((c / 100 - (1.0 if ok else 0.0)) ** 2 for c, ok in forecasts) / len(forecasts)


@dataclass(frozen=True)
class Calibration:
    brier: float
    mean_confidence: float  # percent
    accuracy: float  # percent
    gap: float  # confidence minus accuracy, in percentage points
    verdict: str  # "overconfident" | "underconfident" | "well_calibrated"


CALIBRATION_MARGIN = 10  # percentage points either way still count as well calibrated


def calibration(forecasts: Sequence[tuple[int, bool]]) -> Calibration | None:
    brier = brier_score(forecasts)
    if brier is None:
        return None
    mean_confidence = sum(c for c, _ in forecasts) / len(forecasts)
    accuracy = 100 * sum(1 for _, ok in forecasts if ok) / len(forecasts)
    gap = mean_confidence - accuracy
    if gap > CALIBRATION_MARGIN:
        verdict = "overconfident"
    elif gap < -CALIBRATION_MARGIN:
        verdict = "underconfident"
    else:
        verdict = "well_calibrated"
    return Calibration(round(brier, 3), round(mean_confidence, 1), round(accuracy, 1), gap, verdict)


FAKE_VERDICTS = {"declared_ai", "likely_manipulated"}
REAL_VERDICTS = {"no_signs_found", "verified_capture"}


def detector_call(verdict: str | None) -> str | None:
    """What the detector's verdict amounts to as an answer: "fake", "real" or None (no call)."""
    if verdict in FAKE_VERDICTS:
        return "fake"
    if verdict in REAL_VERDICTS:
        return "real"
    return None


def detector_pair_call(
    verdict_a: str | None, probability_a, verdict_b: str | None, probability_b
) -> str | None:
    """Which side of a pair the detector points at as fake, or None if it cannot tell them
    apart."""
    calls = {"a": detector_call(verdict_a), "b": detector_call(verdict_b)}
    if calls["a"] == "fake" and calls["b"] != "fake":
        return "a"
    if calls["b"] == "fake" and calls["a"] != "fake":
        return "b"
    both = probability_a is not None and probability_b is not None
    if both and abs(probability_a - probability_b) >= 0.2:
        return "a" if probability_a > probability_b else "b"
    return None
