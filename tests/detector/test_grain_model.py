"""The grain network's input, its block map, and its training script."""

import io
import json

import numpy as np
import pytest
import torch
from PIL import Image
from skimage import data as samples

from detector.analysis import block_dct, grain_model
from detector.analysis.training import train_grain_model
from tests.detector.media_fixtures import GRAIN_SQUARE, grainy_astronaut, save

TOP, LEFT, SIDE = GRAIN_SQUARE


def test_the_coefficients_recomputed_from_pixels_are_the_stored_integers():
    """With the table in natural order and an exact DCT, decoded pixels transform back to
    near-integer multiples of each step; a wrong table order or basis would not."""
    luma, table = grain_model.luma_blocks(save(samples.astronaut(), "JPEG", quality=90))
    assert luma.shape == (512, 512)
    assert table[:8].tolist() == [3, 2, 2, 3, 5, 8, 10, 12]  # libjpeg's q90 luma table
    levels = block_dct.blocks(luma) @ (block_dct.basis() / table[:, None]).T
    off = np.abs(levels - np.rint(levels))
    assert np.median(off) < 0.05
    assert (off < 0.25).mean() > 0.97
    features = grain_model.block_features(luma, table)
    assert features.shape == (126, 64, 64) and features.dtype == np.float32
    assert set(np.unique(features[63:])) <= {0.0, 1.0}


def test_a_pasted_grainy_square_lights_up_its_blocks():
    grain = grain_model.block_probabilities(save(grainy_astronaut(8), "JPEG", quality=90))
    assert grain.probability.shape == (64, 64) and not grain.reencoded
    square = np.zeros((64, 64), bool)
    square[TOP // 8 : (TOP + SIDE) // 8, LEFT // 8 : (LEFT + SIDE) // 8] = True
    inside, outside = grain.probability[square], grain.probability[~square]
    assert np.median(inside) > 0.5 > np.median(outside)
    untouched = grain_model.block_probabilities(save(grainy_astronaut(0), "JPEG", quality=90))
    assert np.median(untouched.probability[square]) < 0.5


def test_a_png_is_read_through_a_quality_90_jpeg_copy():
    picture = grainy_astronaut(8)
    grain = grain_model.block_probabilities(save(picture, "PNG"), picture)
    assert grain.reencoded
    assert grain.quality_table[:8] == [3, 2, 2, 3, 5, 8, 10, 12]
    assert grain.probability.shape == (64, 64)
    assert grain_model.block_probabilities(save(picture, "PNG")) is None  # no pixels given


def test_a_cmyk_jpeg_is_read_through_an_rgb_copy():
    picture = grainy_astronaut(8)
    buffer = io.BytesIO()
    Image.fromarray(picture).convert("CMYK").save(buffer, "JPEG", quality=90)
    assert grain_model.luma_blocks(buffer.getvalue()) is None
    grain = grain_model.block_probabilities(buffer.getvalue(), picture)
    assert grain.reencoded and grain.probability.shape == (64, 64)


def test_strips_give_the_same_map_as_one_pass(monkeypatch):
    jpeg = save(grainy_astronaut(8), "JPEG", quality=90)
    whole = grain_model.block_probabilities(jpeg).probability
    monkeypatch.setattr(grain_model, "STRIP_ROWS", 5)
    np.testing.assert_allclose(grain_model.block_probabilities(jpeg).probability, whole, atol=1e-5)


def test_a_picture_smaller_than_a_block_has_no_map():
    tiny = np.full((6, 30, 3), 128, np.uint8)
    assert grain_model.block_probabilities(save(tiny, "JPEG")) is None


def _fake_faces(root):
    for folder, photo in (("neutral", samples.astronaut()), ("smiling", samples.chelsea())):
        (root / folder).mkdir(parents=True)
        Image.fromarray(photo).save(root / folder / "001_03.jpg", quality=95)


def test_training_is_repeatable_for_a_seed_and_writes_what_the_analyzer_loads(tmp_path):
    _fake_faces(tmp_path / "faces")
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        faces = str(tmp_path / "faces")
        train_grain_model.main(
            ["--faces", faces, "--out", str(out), "--steps", "3", "--draws", "1", "--limit", "2"]
        )
        runs.append(torch.load(out / grain_model.WEIGHTS, weights_only=True))
    assert runs[0].keys() == runs[1].keys()
    for key in runs[0]:
        assert torch.equal(runs[0][key], runs[1][key])
    meta = json.loads((tmp_path / "a" / grain_model.META).read_text())
    assert meta["hosts"] == 4 and meta["samples"] == 8 and meta["steps"] == 3
    grain = grain_model.block_probabilities(
        save(grainy_astronaut(8), "JPEG", quality=90), model_dir=tmp_path / "a"
    )
    assert grain.probability.shape == (64, 64)


def test_training_without_photos_stops_with_a_message(tmp_path):
    with pytest.raises(SystemExit, match="No photos"):
        train_grain_model.main(["--faces", str(tmp_path), "--out", str(tmp_path / "out")])


def test_a_network_with_wider_context_reaches_further_and_keeps_strips_exact(tmp_path, monkeypatch):
    from detector.analysis.models.grain_net import GrainNet

    assert GrainNet().reach == 2 and GrainNet(8, context=2).reach == 2 + 2 + 4
    _fake_faces(tmp_path / "faces")
    out = tmp_path / "wide"
    faces = str(tmp_path / "faces")
    args = ["--faces", faces, "--out", str(out), "--steps", "3", "--draws", "1", "--limit", "2"]
    train_grain_model.main([*args, "--width", "8", "--context", "2"])
    meta = json.loads((out / grain_model.META).read_text())
    assert meta["width"] == 8 and meta["context"] == 2
    jpeg = save(grainy_astronaut(8), "JPEG", quality=90)
    whole = grain_model.block_probabilities(jpeg, model_dir=out).probability
    monkeypatch.setattr(grain_model, "STRIP_ROWS", 5)  # narrower than the reach of 8 rows
    strips = grain_model.block_probabilities(jpeg, model_dir=out).probability
    np.testing.assert_allclose(strips, whole, atol=1e-5)
