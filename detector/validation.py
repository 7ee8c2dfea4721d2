"""Checks that run on an upload before anything is stored."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from detector.analysis.decode import MediaError, Probe, probe_image, sniff

from .errors import UploadRejected

_STATUS_FOR_CODE = {"unsupported_type": 415, "too_many_pixels": 413}


def _read_all(upload: UploadedFile) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def validate_upload(upload: UploadedFile) -> tuple[Probe, bytes]:
    """The probed media and its bytes, or UploadRejected with a message for people."""
    limit = settings.ANALYSIS_MAX_IMAGE_BYTES
    if upload.size == 0:
        raise UploadRejected("empty_file", "This file is empty. Please choose an image file.")
    if upload.size > limit:
        raise UploadRejected(
            "file_too_large",
            f"This file is {upload.size / 1_048_576:.1f} MB; images can be at most "
            f"{limit / 1_048_576:g} MB. Try a smaller copy of the same picture.",
            status=413,
        )
    upload.seek(0)
    if sniff(upload.read(16)) is None:
        # Checked before reading the whole file, so a wrong type costs nothing to refuse.
        raise UploadRejected(
            "unsupported_type",
            "We can analyse JPEG, PNG and WebP images. This file is none of those (we checked "
            "its contents, not its name).",
            status=415,
        )
    data = _read_all(upload)
    try:
        probe = probe_image(data, max_pixels=settings.ANALYSIS_MAX_PIXELS)
    except MediaError as exc:
        raise UploadRejected(exc.code, exc.message, _STATUS_FOR_CODE.get(exc.code, 400)) from exc
    return probe, data
