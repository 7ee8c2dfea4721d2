"""Copy-move: a part of the picture pasted onto another part is found and drawn; patterns that
repeat by nature are not."""

import io
import json

import numpy as np
from PIL import Image
from skimage import data as samples

from detector.analysis import Hint, Strength, media_from_bytes
from detector.analysis.analyzers.copy_move import CopyMoveAnalyzer
from detector.analysis.manipulations import copy_move
from tests.detector.media_fixtures import save

SIDE = 100


def analyse(array: np.ndarray):
    if array.ndim == 2:
        array = np.repeat(array[..., None], 3, axis=2)
    evidence = CopyMoveAnalyzer().analyze(media_from_bytes(save(array, "JPEG", quality=90)))
    json.dumps(evidence.to_dict())
    return evidence


def cloned(array: np.ndarray, source: tuple[int, int], target: tuple[int, int]) -> np.ndarray:
    out = array.copy()
    (sy, sx), (ty, tx) = source, target
    out[ty : ty + SIDE, tx : tx + SIDE] = array[sy : sy + SIDE, sx : sx + SIDE]
    return out


def covers(region, top_left: tuple[int, int], share: float = 0.5) -> bool:
    """The region covers at least `share` of the SIDE x SIDE square at `top_left` (y, x)."""
    y, x = top_left
    ix = max(0, min(region.x + region.w, x + SIDE) - max(region.x, x))
    iy = max(0, min(region.y + region.h, y + SIDE) - max(region.y, y))
    return ix * iy >= share * SIDE * SIDE


def test_a_cloned_patch_is_found_and_both_places_are_outlined():
    source, target = (200, 180), (380, 20)
    evidence = analyse(cloned(samples.astronaut(), source, target))
    assert evidence.score >= 0.9
    assert evidence.verdict_hint == Hint.MANIPULATED
    assert evidence.strength == Strength.STRONG
    assert "copied onto the other" in evidence.summary
    first, second = evidence.regions
    assert first.label == second.label == "matching area 1"
    assert {covers(first, source), covers(second, source)} == {True, False}
    assert covers(first, target) or covers(second, target)
    (overlay,) = evidence.overlays
    assert Image.open(io.BytesIO(overlay.png)).format == "PNG"
    assert "pair(s) of boxes" in overlay.alt


def test_a_copy_that_was_turned_and_resized_a_little_is_still_found():
    fake = copy_move(samples.coffee(), rng=np.random.default_rng(1))
    evidence = analyse(fake.image)
    assert evidence.score >= 0.5
    ys, xs = np.nonzero(fake.mask)
    pasted = (ys.min(), xs.min())
    assert any(covers(r, pasted, share=0.3) for r in evidence.regions)


def test_an_untouched_photo_is_not_flagged():
    evidence = analyse(samples.astronaut())
    assert evidence.score < 0.5
    assert evidence.verdict_hint == Hint.NEUTRAL
    assert evidence.regions == [] and evidence.overlays == []
    assert "no part of the picture" in evidence.summary


def test_a_brick_wall_that_repeats_by_nature_is_not_flagged():
    evidence = analyse(samples.brick())
    assert evidence.score < 0.5
    assert evidence.regions == []
