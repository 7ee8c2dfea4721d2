"""The Stable Diffusion watermark analyzer and our dwtDct decoder.

Compatibility is proven against the invisible-watermark package, used here only as a reference
encoder and decoder (it imports torch, which the detector itself never does). The scheme fails
on some picture contents even with the reference decoder — scikit-image's chelsea and coffee
lose several bits — so the detection tests use astronaut and a crop of the Hubble deep field,
which decode perfectly for every payload in both channel orders.
"""

import importlib
import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from skimage import data as samples

from detector.analysis import (
    Evidence,
    Hint,
    Strength,
    Verdict,
    analyze_bytes,
    dwtdct,
    media_from_bytes,
)
from detector.analysis.analyzers.watermark import PAYLOADS, WatermarkAnalyzer
from tests.detector.media_fixtures import save

REAL_PHOTOS = Path(__file__).resolve().parents[3] / "shared/data/dev/ai_vs_real/real"
PAYLOAD_CONTENT = {
    "sd1": ("bytes", b"StableDiffusionV1"),
    "sd2": ("bytes", b"SDV2"),
    "sdxl": ("bits", [int(bit) for bit in f"{0xB3EC907BB19E:048b}"]),
}
FAMILY = {
    "sd1": "Stable Diffusion 1.x",
    "sd2": "Stable Diffusion 2.x",
    "sdxl": "Stable Diffusion XL",
}
DECODABLE = {
    "astronaut": samples.astronaut,
    "hubble": lambda: samples.hubble_deep_field()[:512, :512],
}


def reference():
    # Installed by `make install` from requirements-nodeps.txt; a missing install must fail.
    return importlib.import_module("imwatermark")


def to_rgb(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    return np.ascontiguousarray(image[:, :, :3]).astype(np.uint8)


def marked(image: np.ndarray, payload: str, order: str) -> np.ndarray:
    """`image` (RGB) marked by the reference encoder, given pixels in BGR or in RGB order."""
    encoder = reference().WatermarkEncoder()
    encoder.set_watermark(*PAYLOAD_CONTENT[payload])
    if order == "bgr":  # what the SD 1.x/2.x scripts do: convert, encode, convert back
        return encoder.encode(np.ascontiguousarray(image[:, :, ::-1]), "dwtDct")[:, :, ::-1]
    return encoder.encode(image.copy(), "dwtDct")  # what the SDXL code does


def analyze(data: bytes) -> Evidence:
    evidence = WatermarkAnalyzer().analyze(media_from_bytes(data))
    json.dumps(evidence.to_dict(), allow_nan=False)
    return evidence


@pytest.mark.parametrize("image", ["astronaut", "chelsea", "coffee", "noise", "marked"])
@pytest.mark.parametrize("order", dwtdct.ORDERS)
def test_it_reads_the_same_bits_as_the_reference_decoder(image, order):
    if image == "noise":  # odd sizes exercise the edges the scheme leaves unread
        pixels = np.random.default_rng(7).integers(0, 256, (301, 459, 3), dtype=np.uint8)
    elif image == "marked":
        pixels = marked(samples.chelsea(), "sd1", order)
    else:
        pixels = getattr(samples, image)()
    decoder_input = np.ascontiguousarray(pixels[:, :, ::-1]) if order == "bgr" else pixels
    blocks = dwtdct.block_bits(pixels, order)

    for length in (136, 32, 48, 7):
        expected = reference().WatermarkDecoder("bits", length).decode(decoder_input, "dwtDct")
        assert np.array_equal(dwtdct.vote(blocks, length), np.asarray(expected, dtype=bool))


@pytest.mark.parametrize("image", sorted(DECODABLE))
@pytest.mark.parametrize("order", dwtdct.ORDERS)
@pytest.mark.parametrize("payload", sorted(PAYLOAD_CONTENT))
def test_it_finds_each_stable_diffusion_watermark(payload, order, image):
    png = save(marked(DECODABLE[image](), payload, order), "PNG")

    evidence = analyze(png)

    assert evidence.verdict_hint == Hint.SYNTHETIC
    assert evidence.strength == Strength.DECISIVE
    assert evidence.score == 0.99
    assert evidence.data["found"] == payload
    assert f"{FAMILY[payload]}'s reference code" in evidence.summary
    found = next(r for r in evidence.data["payloads"] if r["key"] == payload)
    assert found["matching"] == found["length"]
    assert found["order"] == order


def test_it_finds_the_sdxl_mark_applied_to_float_pixels_as_diffusers_does():
    """diffusers hands the encoder float RGB pixels (0-255) and rounds to 8 bits afterwards."""
    encoder = reference().WatermarkEncoder()
    encoder.set_watermark(*PAYLOAD_CONTENT["sdxl"])
    pixels = encoder.encode(samples.astronaut().astype(np.float32), "dwtDct")
    png = save(np.round(np.clip(pixels, 0, 255)).astype(np.uint8), "PNG")

    evidence = analyze(png)

    assert evidence.data["found"] == "sdxl"
    sdxl = next(r for r in evidence.data["payloads"] if r["key"] == "sdxl")
    assert sdxl["order"] == "rgb"


def test_a_watermarked_picture_is_reported_as_declared_ai():
    report = analyze_bytes(save(marked(samples.astronaut(), "sdxl", "rgb"), "PNG"))

    assert report.verdict == Verdict.DECLARED_AI
    assert any("Stable Diffusion XL's reference code" in reason for reason in report.reasons)


def test_a_watermark_survives_lossless_webp():
    webp = save(marked(samples.astronaut(), "sd2", "bgr"), "WEBP", lossless=True)

    assert analyze(webp).data["found"] == "sd2"


def test_a_high_quality_jpeg_without_chroma_subsampling_keeps_the_mark():
    jpeg = save(marked(samples.astronaut(), "sdxl", "rgb"), "JPEG", quality=90, subsampling=0)

    assert analyze(jpeg).data["found"] == "sdxl"


def test_an_ordinary_jpeg_erases_the_mark_and_proves_nothing():
    jpeg = save(marked(samples.astronaut(), "sdxl", "rgb"), "JPEG", quality=75, subsampling=2)

    evidence = analyze(jpeg)

    assert evidence.verdict_hint == Hint.NOT_APPLICABLE
    assert evidence.score is None
    assert "means nothing" in evidence.summary
    sdxl = next(r for r in evidence.data["payloads"] if r["key"] == "sdxl")
    assert sdxl["matching"] < sdxl["required"]


def test_a_resized_copy_loses_the_mark():
    image = Image.fromarray(marked(samples.astronaut(), "sd1", "bgr")).resize((448, 448))

    assert analyze(save(np.asarray(image), "PNG")).verdict_hint == Hint.NOT_APPLICABLE


SKIMAGE_SAMPLES = [
    "astronaut", "camera", "coffee", "chelsea", "rocket", "brick", "grass", "gravel", "horse",
    "hubble_deep_field", "moon", "page", "text", "coins", "clock", "colorwheel",
    "immunohistochemistry", "retina",
]  # fmt: skip


@pytest.mark.parametrize("name", [*SKIMAGE_SAMPLES, "motorcycle"])
def test_it_finds_no_watermark_in_unmarked_sample_pictures(name):
    image = samples.stereo_motorcycle()[0] if name == "motorcycle" else getattr(samples, name)()

    evidence = analyze(save(to_rgb(image), "PNG"))

    assert evidence.verdict_hint == Hint.NOT_APPLICABLE
    assert "found" not in evidence.data


def test_it_finds_no_watermark_in_the_real_development_photos():
    if not REAL_PHOTOS.is_dir():
        pytest.skip(f"the development photos are not available at {REAL_PHOTOS}")
    photos = sorted(p for p in REAL_PHOTOS.iterdir() if p.suffix.lower() in {".jpg", ".png"})
    assert len(photos) == 50

    flagged = [
        p.name for p in photos if analyze(p.read_bytes()).verdict_hint != Hint.NOT_APPLICABLE
    ]

    assert flagged == []


def test_it_does_not_look_in_pictures_too_small_to_carry_the_mark():
    evidence = analyze(save(to_rgb(samples.astronaut()[:200, :300]), "PNG"))

    assert evidence.verdict_hint == Hint.NOT_APPLICABLE
    assert evidence.data["checked"] is False
    assert "too small" in evidence.summary


def test_every_payload_is_checked_and_counted():
    evidence = analyze(save(samples.astronaut(), "PNG"))

    counts = {r["key"]: r for r in evidence.data["payloads"]}
    assert sorted(counts) == sorted(p.key for p in PAYLOADS)
    for result in counts.values():
        assert set(result["matching_by_order"]) == set(dwtdct.ORDERS)
        assert 0 <= result["matching"] < result["required"] <= result["length"]


def test_it_reads_a_greyscale_file_through_its_rgb_pixels():
    grey = Image.fromarray(samples.camera()).convert("L")
    buffer = io.BytesIO()
    grey.save(buffer, format="PNG")

    assert analyze(buffer.getvalue()).verdict_hint == Hint.NOT_APPLICABLE
