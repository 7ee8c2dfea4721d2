"""The compression analyzer: JPEG quality, second saves, EXIF thumbnails and editor names."""

import io
import json
import struct

import numpy as np
import pytest
from PIL import Image
from skimage import data as samples

from detector.analysis import Hint, Strength, media_from_bytes
from detector.analysis.analyzers.compression import CompressionAnalyzer
from tests.detector.media_fixtures import exif_bytes, save


def analyse(data: bytes):
    evidence = CompressionAnalyzer().analyze(media_from_bytes(data))
    json.dumps(evidence.to_dict())
    return evidence


def resaved(array: np.ndarray, first: int, second: int) -> bytes:
    decoded = np.asarray(Image.open(io.BytesIO(save(array, "JPEG", quality=first))))
    return save(decoded, "JPEG", quality=second)


def exif_with_thumbnail(thumbnail: bytes) -> bytes:
    """A little-endian EXIF block: IFD0 naming a camera, IFD1 pointing at a JPEG thumbnail."""
    make = b"Canon\x00"
    ifd0, make_at = 8, 8 + 18
    ifd1 = make_at + len(make)
    thumb_at = ifd1 + 2 + 2 * 12 + 4
    tiff = b"II*\x00" + struct.pack("<I", ifd0)
    tiff += struct.pack("<HHHII", 1, 0x010F, 2, len(make), make_at) + struct.pack("<I", ifd1)
    tiff += make + struct.pack("<H", 2)
    tiff += struct.pack("<HHII", 0x0201, 4, 1, thumb_at)
    tiff += struct.pack("<HHII", 0x0202, 4, 1, len(thumbnail))
    return b"Exif\x00\x00" + tiff + struct.pack("<I", 0) + thumbnail


def small(array: np.ndarray, size=(160, 160)) -> np.ndarray:
    return np.asarray(Image.fromarray(array).resize(size))


@pytest.mark.parametrize("quality", [50, 75, 92])
def test_quality_of_a_standard_jpeg_is_estimated_exactly(quality):
    evidence = analyse(save(samples.astronaut(), "JPEG", quality=quality))
    assert evidence.data["quantisation"] == {"quality": quality, "fit_error": 0.0, "standard": True}


def test_custom_tables_are_told_apart_from_standard_ones():
    table = [3 + (i % 8) + (i // 8) for i in range(64)]  # no IJG quality makes this table
    evidence = analyse(save(samples.astronaut(), "JPEG", qtables=[table, table]))
    assert evidence.data["quantisation"]["standard"] is False
    assert evidence.data["quantisation"]["fit_error"] > 0
    assert "custom tables" in evidence.details


@pytest.mark.parametrize("photo", ["astronaut", "chelsea", "coffee"])
def test_a_jpeg_saved_at_60_then_90_is_flagged_while_a_single_save_is_not(photo):
    array = getattr(samples, photo)()
    twice = analyse(resaved(array, 60, 90))
    once = analyse(save(array, "JPEG", quality=90))
    assert twice.data["double_compression"]["detected"]
    assert twice.data["double_compression"]["first_quality"] in range(55, 66)
    assert "saved as a JPEG at least twice" in twice.summary
    assert twice.verdict_hint == Hint.MANIPULATED
    assert not once.data["double_compression"]["detected"]
    assert once.verdict_hint == Hint.NEUTRAL
    assert once.score < twice.score


def test_saving_twice_at_the_same_quality_leaves_no_trace():
    evidence = analyse(resaved(samples.astronaut(), 90, 90))
    assert not evidence.data["double_compression"]["detected"]


def test_an_exif_thumbnail_of_a_different_picture_is_flagged():
    other = save(small(samples.chelsea()), "JPEG", quality=80)
    evidence = analyse(
        save(samples.astronaut(), "JPEG", quality=90, exif=exif_with_thumbnail(other))
    )
    assert evidence.data["thumbnail"]["match"] == "different"
    assert evidence.strength == Strength.MODERATE
    assert "preview picture" in evidence.summary


def test_a_matching_exif_thumbnail_is_not_flagged():
    own = save(small(samples.astronaut()), "JPEG", quality=80)
    evidence = analyse(save(samples.astronaut(), "JPEG", quality=90, exif=exif_with_thumbnail(own)))
    assert evidence.data["thumbnail"]["match"] == "same"
    assert evidence.verdict_hint == Hint.NEUTRAL


def test_a_broken_thumbnail_is_reported_not_fatal():
    exif = exif_with_thumbnail(b"\xff\xd8 not a jpeg at all")
    evidence = analyse(save(samples.astronaut(), "JPEG", quality=90, exif=exif))
    assert evidence.data["thumbnail"] == {
        "usable": False,
        "reason": "thumbnail could not be decoded",
    }


def test_an_editor_named_in_the_software_field_is_explained():
    exif = exif_bytes(software="Adobe Photoshop 25.0 (Windows)")
    evidence = analyse(save(samples.astronaut(), "JPEG", quality=90, exif=exif))
    assert evidence.data["editors"] == ["Adobe Photoshop"]
    assert "Adobe Photoshop" in evidence.summary


def test_png_says_the_jpeg_checks_do_not_apply():
    evidence = analyse(save(samples.astronaut(), "PNG"))
    assert evidence.verdict_hint == Hint.NOT_APPLICABLE
    assert evidence.score is None
    assert "not JPEG" in evidence.details


def test_the_score_stays_weak_even_when_every_clue_is_present():
    other = save(small(samples.chelsea()), "JPEG", quality=80)
    decoded = np.asarray(Image.open(io.BytesIO(save(samples.astronaut(), "JPEG", quality=60))))
    exif = exif_with_thumbnail(other)
    evidence = analyse(save(decoded, "JPEG", quality=90, exif=exif))
    assert evidence.data["double_compression"]["detected"]
    assert evidence.data["thumbnail"]["match"] == "different"
    assert evidence.score <= 0.7
    assert evidence.strength != Strength.STRONG
