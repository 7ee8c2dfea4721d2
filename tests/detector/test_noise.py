"""Noise consistency: an area with a different grain is outlined; an even grain is not."""

import io
import json

import cv2
import numpy as np
from PIL import Image
from skimage import data as samples

from detector.analysis import Hint, media_from_bytes
from detector.analysis.analyzers.noise import NoiseAnalyzer
from tests.detector.media_fixtures import GRAIN_SQUARE, grainy_astronaut, pixels, save

TOP, LEFT, SIDE = GRAIN_SQUARE


def analyse(array: np.ndarray):
    evidence = NoiseAnalyzer().analyze(media_from_bytes(save(array, "JPEG", quality=90)))
    json.dumps(evidence.to_dict())
    return evidence


def test_an_area_with_stronger_grain_is_outlined_where_it_was_pasted():
    evidence = analyse(grainy_astronaut(pasted_sigma=8))
    assert evidence.regions
    for region in evidence.regions:
        assert region.label == "different grain"
        assert region.x >= LEFT - 16 and region.x + region.w <= LEFT + SIDE + 16
        assert region.y >= TOP - 16 and region.y + region.h <= TOP + SIDE + 16
    assert evidence.data["noisier_score"] >= 0.5
    assert evidence.verdict_hint == Hint.MANIPULATED
    assert "different fine grain" in evidence.summary
    (overlay,) = evidence.overlays
    assert Image.open(io.BytesIO(overlay.png)).format == "PNG"
    assert "area(s) are outlined" in overlay.alt


def test_an_even_grain_is_not_flagged():
    evidence = analyse(grainy_astronaut(pasted_sigma=0))
    assert evidence.regions == []
    assert evidence.score < 0.5
    assert evidence.verdict_hint == Hint.NEUTRAL
    assert "similar across the picture" in evidence.summary
    assert "none stands out" in evidence.overlays[0].alt


def test_the_pasted_area_scores_higher_than_the_untouched_picture():
    pasted, untouched = analyse(grainy_astronaut(8)).data, analyse(grainy_astronaut(0)).data
    assert pasted["peak_contrast"] > untouched["peak_contrast"] + 2
    assert pasted["noisier_score"] > 2 * untouched["noisier_score"]
    assert not pasted["reencoded"] and pasted["window_blocks"] == 5


def test_an_erased_and_filled_in_area_is_outlined_as_smoother():
    rocket = samples.rocket()
    hole = np.zeros(rocket.shape[:2], np.uint8)
    hole[150:260, 200:330] = 255
    bgr = cv2.inpaint(cv2.cvtColor(rocket, cv2.COLOR_RGB2BGR), hole, 5, cv2.INPAINT_TELEA)
    filled = analyse(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
    untouched = analyse(rocket)
    assert filled.data["smoother_score"] >= 0.5 > untouched.data["smoother_score"]
    assert filled.verdict_hint == Hint.MANIPULATED
    assert "erased and filled in" in filled.summary
    (region,) = [r for r in filled.regions if r.label == "smoother than similar areas"]
    assert region.x >= 200 - 32 and region.x + region.w <= 330 + 32
    assert region.y >= 150 - 32 and region.y + region.h <= 260 + 32


def test_a_png_is_judged_through_a_jpeg_copy_and_says_so():
    picture = grainy_astronaut(8)
    evidence = NoiseAnalyzer().analyze(media_from_bytes(save(picture, "PNG")))
    assert evidence.data["reencoded"] is True
    assert "quality-90 JPEG copy" in evidence.details
    assert evidence.regions


def test_a_picture_too_small_to_split_into_blocks_is_not_judged():
    evidence = analyse(pixels(48, 40))
    assert evidence.verdict_hint == Hint.NOT_APPLICABLE
    assert evidence.score is None
    assert "too small" in evidence.summary
