"""Error level analysis: a heat-map to look at, never a vote."""

import io
import json

import numpy as np
from PIL import Image
from skimage import data as samples

from detector.analysis import Hint, Strength, media_from_bytes
from detector.analysis.analyzers.ela import ErrorLevelAnalyzer, error_levels
from detector.analysis.render import MAX_SIDE
from tests.detector.media_fixtures import save


def decoded_jpeg(array: np.ndarray, quality: int) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(save(array, "JPEG", quality=quality)))).copy()


def test_it_shows_a_heat_map_with_a_text_alternative():
    evidence = ErrorLevelAnalyzer().analyze(media_from_bytes(save(samples.astronaut(), "JPEG")))
    (overlay,) = evidence.overlays
    picture = Image.open(io.BytesIO(overlay.png))
    assert picture.format == "PNG"
    assert picture.size == (512, 512)
    assert "glow" in overlay.alt and len(overlay.alt) > 40
    assert overlay.caption


def test_it_never_votes():
    evidence = ErrorLevelAnalyzer().analyze(media_from_bytes(save(samples.coffee(), "JPEG")))
    assert evidence.score is None
    assert evidence.verdict_hint == Hint.NEUTRAL
    assert evidence.strength == Strength.WEAK
    assert "edges" in evidence.summary and "proves nothing" in evidence.summary
    json.dumps(evidence.to_dict())


def test_large_pictures_are_analysed_and_drawn_at_a_limited_size():
    big = np.asarray(Image.fromarray(samples.astronaut()).resize((3000, 2400)))
    evidence = ErrorLevelAnalyzer().analyze(media_from_bytes(save(big, "JPEG", quality=90)))
    assert evidence.data["analysed_size"] == [2048, 1638]
    assert max(Image.open(io.BytesIO(evidence.overlays[0].png)).size) == MAX_SIDE


def test_a_patch_that_was_never_compressed_stands_out_from_a_recompressed_picture():
    original = samples.astronaut()
    picture = decoded_jpeg(original, 70)
    picture[300:420, 300:420] = original[300:420, 300:420]
    levels = error_levels(picture).astype(float)
    inside = np.zeros(levels.shape, bool)
    inside[300:420, 300:420] = True
    assert levels[inside].mean() > 2 * levels[~inside].mean()
