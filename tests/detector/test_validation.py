"""Uploads are checked before anything is stored; each rejection explains itself."""

import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from detector.errors import UploadRejected
from detector.validation import validate_upload
from tests.conftest import encode, photo_array


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def rejection(data: bytes, **kwargs) -> UploadRejected:
    with pytest.raises(UploadRejected) as info:
        validate_upload(upload(data, **kwargs))
    return info.value


@pytest.mark.parametrize(
    "fmt,mime", [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")]
)
def test_it_accepts_jpeg_png_and_webp_sniffed_from_the_bytes(fmt, mime):
    probe, data = validate_upload(upload(encode(photo_array(), fmt), name="no-extension"))
    assert probe.mime == mime
    assert (probe.width, probe.height) == (320, 240)
    assert len(data) > 0


def test_it_rejects_a_text_file_renamed_jpg_as_unsupported():
    error = rejection(b"hello, this is not a picture\n" * 10, name="cat.jpg")
    assert error.code == "unsupported_type"
    assert error.status == 415
    assert "JPEG, PNG and WebP" in error.message


def test_it_ignores_the_clients_content_type(jpeg_bytes):
    error = rejection(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", content_type="image/png")
    assert error.code == "unsupported_type"


def test_it_rejects_an_empty_file():
    error = rejection(b"")
    assert error.code == "empty_file"


def test_it_rejects_files_over_the_limit(settings, jpeg_bytes):
    settings.ANALYSIS_MAX_IMAGE_BYTES = len(jpeg_bytes) - 1
    error = rejection(jpeg_bytes)
    assert error.code == "file_too_large"
    assert error.status == 413
    assert "MB" in error.message


def test_it_rejects_images_over_the_pixel_limit(settings, jpeg_bytes):
    settings.ANALYSIS_MAX_PIXELS = 320 * 240 - 1
    error = rejection(jpeg_bytes)
    assert error.code == "too_many_pixels"
    assert error.status == 413
    assert "320×240" in error.message


def test_it_rejects_a_truncated_jpeg(jpeg_bytes):
    error = rejection(jpeg_bytes[: len(jpeg_bytes) // 2])
    assert error.code == "corrupt_file"
    assert error.status == 400


def test_it_rejects_a_png_with_a_corrupt_body(png_bytes):
    broken = png_bytes[:60] + bytes(200) + png_bytes[260:]
    error = rejection(broken, name="x.png")
    assert error.code == "corrupt_file"


def test_it_rejects_a_decompression_bomb_header():
    # A tiny PNG whose (correctly checksummed) header claims 100000 x 100000 pixels.
    png = encode(photo_array(1, 1), "PNG")
    ihdr = b"IHDR" + (100_000).to_bytes(4, "big") * 2 + png[24:29]
    bomb = png[:12] + ihdr + zlib.crc32(ihdr).to_bytes(4, "big") + png[33:]
    error = rejection(bomb, name="bomb.png")
    assert error.code == "too_many_pixels"
    assert error.status == 413
