"""Recognise a video from its bytes and check it against the limits before anything trusts it.

The container is sniffed from the first bytes (never the name), then opened with PyAV using
only the demuxer that the sniffed type names, so a file cannot pass as one type and be read as
another. A probe reads the container's header and index, measures the length from packets when
the container does not state it (live-recorded WebM), and decodes the first frame so that a file
we accept is one we can actually decode.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from fractions import Fraction

from ..decode import MediaError
from ..interrupt import STOP
from ..types import MediaKind

# The decoders PyAV's bundled FFmpeg provides that we have tested end to end.
CODECS = {
    "h264": "H.264",
    "hevc": "H.265",
    "vp8": "VP8",
    "vp9": "VP9",
    "av1": "AV1",
    "libdav1d": "AV1",
}
CONTAINERS = {
    "video/mp4": ("mp4", "mp4", "MP4"),
    "video/quicktime": ("mov", "mov", "MOV"),
    "video/webm": ("matroska", "webm", "WebM"),
    "video/x-matroska": ("matroska", "mkv", "MKV"),
}
# Brands of still-image formats that share the MP4 box layout (HEIC, AVIF): not videos.
STILL_IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}
QUICKTIME_FIRST_BOXES = {b"moov", b"mdat", b"wide", b"free", b"skip"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
log = logging.getLogger(__name__)
FIRST_FRAME_PACKETS = 600  # a decodable stream shows a picture long before this


@dataclass(frozen=True)
class Limits:
    max_seconds: float = 120.0
    max_frame_pixels: int = 4096 * 2304


@dataclass(frozen=True)
class VideoProbe:
    mime: str
    extension: str
    container: str  # "MP4", "MOV", "WebM", "MKV"
    codec: str  # FFmpeg decoder name, e.g. "h264"
    coded_width: int
    coded_height: int
    rotation: int  # degrees the picture must turn to stand upright (display matrix)
    duration_s: float
    fps: float
    frame_count: int  # stated or estimated from duration x rate
    has_audio: bool
    duration_measured: bool = False  # the container stated no length; packets were timed
    tags: dict[str, str] = field(default_factory=dict)
    kind: MediaKind = MediaKind.VIDEO

    @property
    def width(self) -> int:
        """Width as the picture is meant to be seen (portrait phone clips turned upright)."""
        return self.coded_height if self.rotation % 180 else self.coded_width

    @property
    def height(self) -> int:
        return self.coded_width if self.rotation % 180 else self.coded_height

    @property
    def codec_label(self) -> str:
        return CODECS.get(self.codec, self.codec)

    def to_dict(self) -> dict:
        return {
            "container": self.container,
            "codec": self.codec_label,
            "width": self.width,
            "height": self.height,
            "rotation": self.rotation,
            "duration_s": round(self.duration_s, 3),
            "fps": round(self.fps, 3),
            "frame_count": self.frame_count,
            "has_audio": self.has_audio,
            "duration_measured": self.duration_measured,
        }


def sniff_video(head: bytes) -> str | None:
    """The video MIME type the first bytes (at least 64) declare, or None."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in STILL_IMAGE_BRANDS:
            return None
        return "video/quicktime" if brand == b"qt  " else "video/mp4"
    if len(head) >= 8 and head[4:8] in QUICKTIME_FIRST_BOXES:
        return "video/quicktime"
    if head.startswith(EBML_MAGIC):
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    return None


def open_container(data: bytes, mime: str):
    """PyAV input container for `data`, read only with the demuxer `mime` names."""
    import av

    demuxer = CONTAINERS[mime][0]
    return av.open(io.BytesIO(data), mode="r", format=demuxer)


def _unreadable(label: str) -> MediaError:
    return MediaError(
        "corrupt_file",
        f"This file looks like a {label} video but could not be read: it may be damaged or "
        "incomplete. Try exporting or downloading it again.",
    )


def _incomplete(label: str) -> MediaError:
    return MediaError(
        "incomplete_file",
        f"This {label} video is incomplete: the file ends before the video does (perhaps the "
        "upload or download was cut short). Try the full file.",
    )


def probe_video(data: bytes, *, limits: Limits = Limits()) -> VideoProbe:
    """Check that `data` is a decodable video we support, within `limits`; MediaError if not."""
    import av

    mime = sniff_video(data[:64])
    if mime is None:
        raise MediaError("unsupported_type", "This file is not an MP4, MOV, WebM or MKV video.")
    _, extension, label = CONTAINERS[mime]
    try:
        container = open_container(data, mime)
    except (av.FFmpegError, ValueError, OSError, EOFError) as exc:
        if mime in ("video/mp4", "video/quicktime") and b"moov" not in data:
            raise _incomplete(label) from exc
        raise _unreadable(label) from exc
    try:
        with container:
            return _probe_open(container, data, mime, extension, label, limits)
    except MediaError:
        raise
    except STOP:
        raise
    except Exception as exc:  # FFmpeg and PyAV fail in many ways on hostile bytes: all unreadable
        log.info("video probe failed: %s: %s", type(exc).__name__, exc)
        raise _unreadable(label) from exc


def _probe_open(container, data, mime, extension, label, limits) -> VideoProbe:
    if not container.streams.video:
        raise MediaError(
            "no_video_stream", f"This {label} file has no video picture in it (audio only?)."
        )
    stream = container.streams.video[0]
    if stream.codec_context is None:
        raise _unreadable(label)
    codec = stream.codec_context.name
    if codec not in CODECS:
        raise MediaError(
            "unsupported_codec",
            f"This {label} video is encoded as {codec.upper()}; we can analyse H.264, H.265, VP8, "
            "VP9 and AV1. Try converting it to an ordinary MP4 (H.264).",
        )
    width, height = stream.codec_context.width, stream.codec_context.height
    if width * height > limits.max_frame_pixels:
        raise MediaError(
            "too_many_pixels",
            f"This video's pictures are {width}×{height} pixels; the limit is "
            f"{limits.max_frame_pixels / 1e6:.1f} megapixels per frame. Please upload a "
            "smaller copy (1080p is plenty).",
        )
    if mime in ("video/mp4", "video/quicktime") and _index_runs_past_end(stream, len(data)):
        raise _incomplete(label)
    has_audio = bool(container.streams.audio)
    duration, measured = _duration(container, stream)
    if duration is None or duration <= 0:
        raise _unreadable(label)
    if duration > limits.max_seconds:
        raise MediaError(
            "too_long",
            f"This video lasts {duration:.0f} s; we analyse videos of up to "
            f"{limits.max_seconds:g} s. Cut out the part you want checked and upload that.",
        )
    fps = _frame_rate(stream)
    frame_count = stream.frames or round(duration * fps)
    rotation = _first_frame_rotation(container, stream, label)
    tags = {str(k).lower(): str(v)[:200] for k, v in (container.metadata or {}).items()}
    tags |= {f"video:{str(k).lower()}": str(v)[:200] for k, v in (stream.metadata or {}).items()}
    return VideoProbe(
        mime=mime,
        extension=extension,
        container=label,
        codec=codec,
        coded_width=width,
        coded_height=height,
        rotation=rotation,
        duration_s=duration,
        fps=fps,
        frame_count=int(frame_count),
        has_audio=has_audio,
        duration_measured=measured,
        tags=tags,
    )


def _index_runs_past_end(stream, size: int) -> bool:
    """The MP4 index says where every frame is stored: one beyond the file's end means a cut."""
    entries = stream.index_entries
    if not len(entries):
        return False
    last = entries[len(entries) - 1]
    return last.pos + last.size > size


def _duration(container, stream) -> tuple[float | None, bool]:
    if container.duration:
        duration = container.duration / 1_000_000
        # Matroska states where its clock ends, not how long it ran: a file whose clock starts
        # late (cut from a longer recording) is shorter by that start.
        start = (container.start_time or 0) / 1_000_000
        if 0 < start < duration:
            duration -= start
        return duration, False
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base), False
    # Live recordings (browser MediaRecorder WebM) state no length: time the packets instead.
    end = None
    for packet in container.demux(stream):
        if packet.pts is None or packet.time_base is None:
            continue
        stop = (packet.pts + (packet.duration or 0)) * packet.time_base
        end = stop if end is None or stop > end else end
    container.seek(0)
    return (float(end) if end is not None else None), True


def _frame_rate(stream) -> float:
    for rate in (stream.average_rate, stream.guessed_rate, stream.base_rate):
        if rate and 0 < float(rate) <= 1000:
            return float(Fraction(rate))
    return 30.0


def _first_frame_rotation(container, stream, label: str) -> int:
    for count, packet in enumerate(container.demux(stream)):
        for frame in packet.decode():
            return round(frame.rotation or 0) % 360
        if count >= FIRST_FRAME_PACKETS:
            break
    raise _unreadable(label)
