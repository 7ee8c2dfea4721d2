"""Recognise and open media from raw bytes, with limits, before anything trusts them.

The type is sniffed from the bytes, never from a file name or a client's content type.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image

from .interrupt import STOP
from .types import Media, MediaKind

IMAGE_TYPES = {
    "image/jpeg": ("JPEG", "jpg"),
    "image/png": ("PNG", "png"),
    "image/webp": ("WEBP", "webp"),
}


class MediaError(Exception):
    """The bytes are not media we can analyse; `code` is stable, `message` is for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Probe:
    kind: MediaKind
    mime: str
    extension: str
    width: int
    height: int


def sniff(head: bytes) -> str | None:
    """The MIME type that the first bytes of a file declare, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def probe_image(data: bytes, *, max_pixels: int) -> Probe:
    """Check that `data` is a whole, decodable JPEG/PNG/WebP within the pixel limit."""
    mime = sniff(data[:16])
    if mime is None:
        raise MediaError(
            "unsupported_type",
            "We can analyse JPEG, PNG and WebP images. This file is none of those "
            "(its contents were checked, not its name).",
        )
    pil_format, extension = IMAGE_TYPES[mime]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[pil_format]) as img:
                width, height = img.size
                if width * height > max_pixels:
                    raise MediaError(
                        "too_many_pixels",
                        f"This image is {width}×{height} pixels; the limit is "
                        f"{max_pixels / 1e6:g} megapixels. Please upload a smaller copy.",
                    )
                img.verify()
            # verify() leaves the image unusable and misses truncated pixel data: decode fully.
            with Image.open(io.BytesIO(data), formats=[pil_format]) as img:
                img.load()
    except MediaError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise MediaError("too_many_pixels", "This image is too large to analyse safely.") from exc
    except STOP:
        raise
    except Exception as exc:  # Pillow raises many types for broken files
        raise MediaError(
            "corrupt_file",
            "This file looks like an image but could not be read: it may be damaged or "
            "incomplete. Try exporting it again.",
        ) from exc
    if width < 1 or height < 1:
        raise MediaError("corrupt_file", "This image has no pixels.")
    return Probe(MediaKind.IMAGE, mime, extension, width, height)


def media_from_bytes(data: bytes, *, name: str = "", max_pixels: int = 50_000_000) -> Media:
    info = probe_image(data, max_pixels=max_pixels)
    return Media(info.kind, data, info.mime, info.width, info.height, name=name)


def decode_rgb(data: bytes) -> np.ndarray:
    """Pixels as stored (no EXIF rotation), so they line up with JPEG blocks and regions."""
    with Image.open(io.BytesIO(data)) as img:
        img.seek(0)
        return np.asarray(img.convert("RGB"))
