"""Checks that run on an upload before anything is stored."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from detector.analysis.decode import MediaError, Probe, probe_image, sniff
from detector.analysis.video import Limits, VideoProbe, probe_video, sniff_video

from .errors import UploadRejected

_STATUS_FOR_CODE = {
    "unsupported_type": 415,
    "unsupported_codec": 415,
    "no_video_stream": 415,
    "too_many_pixels": 413,
    "too_long": 413,
}
UNSUPPORTED = (
    "We can analyse JPEG, PNG and WebP images and MP4, MOV, WebM and MKV videos. This file is "
    "none of those (we checked its contents, not its name)."
)


def _read_all(upload: UploadedFile) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f}"


def video_limits() -> Limits:
    return Limits(
        max_seconds=settings.ANALYSIS_MAX_VIDEO_SECONDS,
        max_frame_pixels=settings.ANALYSIS_MAX_VIDEO_FRAME_PIXELS,
    )


def _rejected(exc: MediaError) -> UploadRejected:
    return UploadRejected(exc.code, exc.message, _STATUS_FOR_CODE.get(exc.code, 400))


def validate_upload(upload: UploadedFile) -> tuple[Probe | VideoProbe, bytes]:
    """The probed media and its bytes, or UploadRejected with a message for people."""
    if upload.size == 0:
        raise UploadRejected(
            "empty_file", "This file is empty. Please choose an image or video file."
        )
    upload.seek(0)
    head = upload.read(64)
    # The type is checked before reading the whole file, so a wrong type costs nothing to refuse.
    if sniff(head[:16]) is not None:
        return _validate_image(upload)
    if sniff_video(head) is not None:
        return _validate_video(upload)
    raise UploadRejected("unsupported_type", UNSUPPORTED, status=415)


def _validate_image(upload: UploadedFile) -> tuple[Probe, bytes]:
    limit = settings.ANALYSIS_MAX_IMAGE_BYTES
    if upload.size > limit:
        raise UploadRejected(
            "file_too_large",
            f"This file is {_megabytes(upload.size)} MB; images can be at most "
            f"{limit / 1_048_576:g} MB. Try a smaller copy of the same picture.",
            status=413,
        )
    data = _read_all(upload)
    try:
        probe = probe_image(data, max_pixels=settings.ANALYSIS_MAX_PIXELS)
    except MediaError as exc:
        raise _rejected(exc) from exc
    return probe, data


def _validate_video(upload: UploadedFile) -> tuple[VideoProbe, bytes]:
    limit = settings.ANALYSIS_MAX_VIDEO_BYTES
    if upload.size > limit:
        raise UploadRejected(
            "file_too_large",
            f"This video is {_megabytes(upload.size)} MB; videos can be at most "
            f"{limit / 1_048_576:g} MB. Cut out the part you want checked, or export it at a "
            "lower quality.",
            status=413,
        )
    data = _read_all(upload)
    try:
        probe = probe_video(data, limits=video_limits())
    except MediaError as exc:
        raise _rejected(exc) from exc
    return probe, data
