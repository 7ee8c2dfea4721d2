"""Frequency spectrum: an enlarged picture is recognised; an ordinary photo is not called
enlarged, and the classifier's guess counts as weak evidence only."""

import io
import json

import cv2
import numpy as np
import pytest
from PIL import Image
from skimage import data as samples

from detector.analysis import Hint, Strength, media_from_bytes
from detector.analysis.analyzers.spectrum import SpectrumAnalyzer
from detector.analysis.manipulations import upsample_artifacts
from tests.detector.media_fixtures import save


def analyse(array: np.ndarray):
    evidence = SpectrumAnalyzer().analyze(media_from_bytes(save(array, "JPEG", quality=95)))
    json.dumps(evidence.to_dict())
    return evidence


@pytest.mark.parametrize("photo", ["astronaut", "coffee"])
def test_a_photo_enlarged_twice_its_size_is_recognised(photo):
    enlarged = cv2.resize(
        getattr(samples, photo)(), None, fx=2, fy=2, interpolation=cv2.INTER_NEAREST
    )
    evidence = analyse(enlarged)
    assert evidence.data["enlargement_probability"] >= 0.9
    assert evidence.verdict_hint == Hint.MANIPULATED
    assert evidence.strength == Strength.MODERATE
    assert "enlarged from a smaller one" in evidence.summary


def test_the_checkerboard_that_generator_upsampling_leaves_is_recognised():
    fake = upsample_artifacts(samples.chelsea(), rng=np.random.default_rng(0))
    assert analyse(fake.image).data["enlargement_probability"] >= 0.9


@pytest.mark.parametrize("photo", ["astronaut", "chelsea", "coffee"])
def test_an_ordinary_photo_is_not_called_enlarged_and_the_guess_stays_weak(photo):
    evidence = analyse(getattr(samples, photo)())
    assert evidence.data["enlargement_probability"] < 0.5
    assert 0 <= evidence.data["classifier_probability"] <= 1
    assert evidence.score == evidence.data["classifier_probability"]
    assert evidence.verdict_hint == Hint.NEUTRAL
    assert evidence.strength == Strength.WEAK
    assert "counts only a little" in evidence.summary


def test_it_shows_the_spectrum_with_a_text_alternative():
    (overlay,) = analyse(samples.astronaut()).overlays
    picture = Image.open(io.BytesIO(overlay.png))
    assert picture.format == "PNG" and picture.size == (512, 512)
    assert "bright dots" in overlay.alt
