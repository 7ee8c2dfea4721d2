"""Pick the frames worth looking at and decode no more of the video than that needs.

Frames are sampled evenly (at most `per_second` a second and `max_samples` in all), plus the
first frame after each hard scene cut. Every frame must pass through the decoder (later frames
are predicted from earlier ones), but only the chosen ones are converted to full RGB; the rest
give a 32x18 grey thumbnail for cut detection. Frames nothing else refers to (non-reference B
frames) are skipped outright while the next sample is far away.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..decode import MediaError
from ..interrupt import STOP
from .probe import VideoProbe, open_container

log = logging.getLogger(__name__)

MAX_SIDE = 1280  # kept frames are shrunk to this: faces are searched at 768 px anyway
THUMB = (32, 18)
CUT_THRESHOLD = 40.0  # mean grey difference (0-255) between neighbouring thumbnails
MAX_CUTS = 16
MIN_CUT_GAP_S = 0.3  # a cut this close before the next even sample adds nothing
SKIP_AHEAD_FRAMES = 3
SEEK_MIN_GAP_S = 1.5  # jump ahead to a keyframe only when it skips at least this much
INCOMPLETE_SHARE = 0.85  # decoding ending before this share of the stated length is a cut file


@dataclass(frozen=True)
class SampledFrame:
    index: int  # order among the sampled frames
    time_s: float
    rgb: np.ndarray  # upright, at most MAX_SIDE on the longer side
    reason: str  # "even" or "cut"
    new_scene: bool = False  # a hard cut came since the previous kept frame


@dataclass(frozen=True)
class SampleResult:
    frames: list[SampledFrame]
    decoded: int  # frames that went through the decoder
    skipped_errors: int  # packets the decoder refused (damaged data it could step over)
    last_time_s: float
    cuts: int


def even_times(duration_s: float, *, per_second: float = 2.0, max_samples: int = 64) -> list[float]:
    """Sample times at the middle of equal slices of the video."""
    count = max(1, min(max_samples, math.floor(duration_s * per_second)))
    return [(i + 0.5) * duration_s / count for i in range(count)]


def upright(rgb: np.ndarray, rotation: int) -> np.ndarray:
    """Turn a decoded picture as its display matrix says (counter-clockwise degrees)."""
    turns = (rotation // 90) % 4
    return np.ascontiguousarray(np.rot90(rgb, k=turns)) if turns else rgb


def _scaled_size(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, MAX_SIDE / max(width, height))
    # Even sizes keep the scaler on its fast path for 4:2:0 sources.
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def sample_frames(
    data: bytes,
    probe: VideoProbe,
    *,
    per_second: float = 2.0,
    max_samples: int = 64,
    on_frame: Callable[[int, int], None] | None = None,
) -> SampleResult:
    """Decode `data` once, keeping the even samples and scene-cut frames as upright RGB."""
    import av

    targets = even_times(probe.duration_s, per_second=per_second, max_samples=max_samples)
    frame_step = 1.0 / probe.fps if probe.fps else 1 / 30
    size = _scaled_size(probe.coded_width, probe.coded_height)
    kept: list[SampledFrame] = []
    previous_thumb = None
    decoded = errors = cuts = 0
    last_time = 0.0
    next_target = 0
    cut_pending = False
    start: float | None = None
    try:
        container = open_container(data, probe.mime)
    except STOP:
        raise
    except Exception as exc:  # the probe opened it: a failure now means the bytes changed
        raise MediaError("corrupt_file", "This video could not be opened again.") from exc
    with container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        context = stream.codec_context
        keyframes = _keyframe_times(stream)
        for packet in _packets(container, stream):
            if next_target < len(targets):
                ahead = targets[next_target] - last_time
                context.skip_frame = (
                    "NONREF" if ahead > SKIP_AHEAD_FRAMES * frame_step else "DEFAULT"
                )
            try:
                frames = packet.decode()
            except (av.FFmpegError, ValueError):
                errors += 1
                if errors > 50 and errors > decoded:
                    raise MediaError(
                        "corrupt_file",
                        "This video is too damaged to analyse: most of its frames cannot be "
                        "decoded.",
                    ) from None
                continue
            for frame in frames:
                decoded += 1
                if frame.time is None:
                    time_s = last_time + frame_step
                else:
                    # Times count from the first picture: some files start their clock late.
                    start = float(frame.time) if start is None else start
                    time_s = float(frame.time) - start
                last_time = max(last_time, time_s)
                thumb = frame.reformat(width=THUMB[0], height=THUMB[1], format="gray")
                thumb = thumb.to_ndarray().astype(np.int16)
                reason = None
                is_cut = (
                    previous_thumb is not None
                    and float(np.abs(thumb - previous_thumb).mean()) > CUT_THRESHOLD
                )
                cut_pending = cut_pending or is_cut
                reached = time_s + frame_step / 2
                if next_target < len(targets) and reached >= targets[next_target]:
                    reason = "even"
                    while next_target < len(targets) and targets[next_target] <= reached:
                        next_target += 1
                elif is_cut and cuts < MAX_CUTS and _far_from(targets, next_target, time_s):
                    reason = "cut"
                    cuts += 1
                previous_thumb = thumb
                if reason is not None:
                    rgb = frame.reformat(width=size[0], height=size[1], format="rgb24")
                    rgb = upright(rgb.to_ndarray(), probe.rotation)
                    kept.append(SampledFrame(len(kept), round(time_s, 3), rgb, reason, cut_pending))
                    cut_pending = False
                    if reason == "even" and _seek_ahead(
                        container, stream, keyframes, targets, next_target, last_time, start
                    ):
                        previous_thumb = None  # cuts inside the skipped stretch go unseen
                        break
                if on_frame is not None and decoded % 15 == 0:
                    on_frame(decoded, probe.frame_count)
            if next_target >= len(targets) and cuts >= MAX_CUTS:
                break
    if not kept:
        raise MediaError("corrupt_file", "No frame of this video could be decoded.")
    stated_end = probe.duration_s - 2 * frame_step
    if not probe.duration_measured and last_time < INCOMPLETE_SHARE * stated_end:
        raise MediaError(
            "incomplete_file",
            f"This video is incomplete: it says it lasts {probe.duration_s:.1f} s but its "
            f"pictures stop at {last_time:.1f} s (the file was probably cut short). Try the "
            "full file.",
        )
    return SampleResult(kept, decoded, errors, last_time, cuts)


def _keyframe_times(stream) -> list[float]:
    """Keyframe times (seconds, the file's own clock) from the container's index, if any."""
    try:
        entries = stream.index_entries
        base = float(stream.time_base)
        return sorted(e.timestamp * base for e in entries if e.is_keyframe)
    except STOP:
        raise
    except Exception:  # no index (live WebM) or one we cannot read: decode straight through
        return []


def _seek_ahead(container, stream, keyframes, targets, next_target, last_time, start) -> bool:
    """Jump to the last keyframe before the next sample when that skips a long stretch.

    Only long videos sampled sparsely get here; short ones keep every frame for cut detection.
    """
    if next_target >= len(targets) or not keyframes or start is None:
        return False
    target = targets[next_target] + start
    before = [k for k in keyframes if k <= target]
    if not before or before[-1] - start < last_time + SEEK_MIN_GAP_S:
        return False
    try:
        container.seek(round(before[-1] / float(stream.time_base)), stream=stream, backward=True)
    except STOP:
        raise
    except Exception as exc:  # a damaged index: keep decoding straight through
        log.info("seeking failed, decoding on: %s: %s", type(exc).__name__, exc)
        return False
    return True


def _packets(container, stream):
    """The stream's packets; damage that stops the demuxer ends the stream there.

    Whether that end is early is judged afterwards, against the length the file states.
    """
    packets = container.demux(stream)
    while True:
        try:
            packet = next(packets)
        except StopIteration:
            return
        except STOP:
            raise
        except Exception as exc:  # FFmpeg reports damaged containers in many ways
            log.info("demuxing stopped early: %s: %s", type(exc).__name__, exc)
            return
        yield packet


def _far_from(targets: list[float], next_target: int, time_s: float) -> bool:
    return next_target >= len(targets) or targets[next_target] - time_s >= MIN_CUT_GAP_S
