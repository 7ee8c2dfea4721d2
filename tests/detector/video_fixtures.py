"""Small videos built in code with PyAV: moving crops of offline sample photos."""

from __future__ import annotations

import functools
import io
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import av
import numpy as np

ENCODERS = {
    "h264": ("libx264", "mp4"),
    "hevc": ("libx265", "mp4"),
    "vp8": ("libvpx", "webm"),
    "vp9": ("libvpx-vp9", "webm"),
    "av1": ("libsvtav1", "mp4"),
    "mpeg4": ("mpeg4", "mp4"),
}


@functools.cache
def astronaut() -> np.ndarray:
    from skimage import data

    return data.astronaut()


def encode_video(
    frames: Iterable[np.ndarray],
    *,
    codec: str = "h264",
    container: str | None = None,
    fps: int = 30,
    rotation: int | None = None,
    audio: bool = False,
    container_options: dict | None = None,
    metadata: dict | None = None,
) -> bytes:
    encoder, default_container = ENCODERS[codec]
    frames = list(frames)
    height, width = frames[0].shape[:2]
    options = container_options or {}
    # Moving the index to the front rewrites the file, which needs a real file.
    scratch = tempfile.NamedTemporaryFile(suffix=".video") if "movflags" in options else None  # noqa: SIM115
    target = scratch.name if scratch else io.BytesIO()
    with av.open(target, "w", format=container or default_container, options=options) as out:
        for key, value in (metadata or {}).items():
            out.metadata[key] = value
        stream = out.add_stream(encoder, rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        if encoder == "libx264":
            stream.options = {"preset": "ultrafast"}
        elif encoder == "libx265":
            stream.options = {"preset": "ultrafast", "x265-params": "log-level=none"}
        elif encoder in ("libvpx", "libvpx-vp9"):
            stream.options = {"deadline": "realtime", "cpu-used": "8"}
        elif encoder == "libsvtav1":
            stream.options = {"preset": "12"}
        if rotation is not None:
            stream.set_display_rotation(rotation)
        sound = out.add_stream("aac", rate=22050) if audio else None
        for array in frames:
            for packet in stream.encode(av.VideoFrame.from_ndarray(array, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
        if sound is not None:
            samples = int(22050 * len(frames) / fps)
            tone = (np.sin(np.arange(samples) / 10) * 0.1).astype(np.float32)[None, :]
            chunk = 1024
            for start in range(0, samples, chunk):
                frame = av.AudioFrame.from_ndarray(
                    np.ascontiguousarray(tone[:, start : start + chunk]),
                    format="fltp",
                    layout="mono",
                )
                frame.sample_rate = 22050
                frame.pts = start
                for packet in sound.encode(frame):
                    out.mux(packet)
            for packet in sound.encode():
                out.mux(packet)
    if scratch is not None:
        with scratch:
            return Path(scratch.name).read_bytes()
    return target.getvalue()


def panning_frames(
    count: int = 30,
    *,
    size: tuple[int, int] = (320, 240),
    source: np.ndarray | None = None,
    step: int = 2,
    edit: Callable[[np.ndarray, int], np.ndarray] | None = None,
) -> list[np.ndarray]:
    """A camera slowly panning over `source` (the astronaut by default), optionally edited."""
    image = astronaut() if source is None else source
    width, height = size
    # Fit the picture so the frame covers most of it, with room to pan.
    scale = max(width / image.shape[1], height / image.shape[0]) * 1.3
    import cv2

    resized = cv2.resize(image, (round(image.shape[1] * scale), round(image.shape[0] * scale)))
    frames = []
    for i in range(count):
        x = min(i * step, resized.shape[1] - width)
        y = min(i * step // 2, resized.shape[0] - height)
        frame = np.ascontiguousarray(resized[y : y + height, x : x + width])
        frames.append(edit(frame, i) if edit else frame)
    return frames


def clip(count: int = 30, **kwargs) -> bytes:
    frames_kwargs = {k: kwargs.pop(k) for k in ("size", "source", "step", "edit") if k in kwargs}
    return encode_video(panning_frames(count, **frames_kwargs), **kwargs)


class StandInScore:
    def __init__(self, probability: float, heatmap: np.ndarray):
        self.probability = probability
        self.heatmap = heatmap


def box_crop(image: np.ndarray, box) -> np.ndarray:
    x, y, w, h = (int(v) for v in box)
    return image[max(0, y) : max(0, y) + h, max(0, x) : max(0, x) + w]


def stand_in_face_model(probability_of: Callable[[np.ndarray], float], threshold: float = 0.5):
    """A face model whose scores the test constructs (used where the model is not under test).

    Records every call, so tests can check that all faces of a video go in one batch.
    """
    from detector.analysis.video.scoring import FaceModel

    calls: list[int] = []

    def score(crops):
        calls.append(len(crops))
        return [
            StandInScore(probability_of(c), np.full((8, 8), probability_of(c), np.float32))
            for c in crops
        ]

    model = FaceModel(score=score, crop=box_crop, threshold=threshold)
    return model, calls


@functools.cache
def _face_in_source(size: tuple[int, int]) -> tuple[int, int, int, int]:
    """Where the astronaut's face is in the picture `panning_frames` pans over."""
    from detector.analysis.video.pipeline import find_faces

    first = panning_frames(1, size=size)[0]
    x, y, w, h = max(find_faces(first), key=lambda b: b[2])
    return round(x), round(y), round(w), round(h)


def swapped_face_frames(
    count: int = 60, *, size: tuple[int, int] = (480, 360), step: int = 2
) -> list[np.ndarray]:
    """The panning clip with a foreign face region pasted and feather-blended into every frame,
    made frame by frame as face swaps are, so its brightness wavers while the scene does not."""
    import cv2

    fx, fy, fw, fh = _face_in_source(size)

    def paste(frame: np.ndarray, i: int) -> np.ndarray:
        # Follow the face as the camera pans (the frame moved by step, step/2 per frame).
        x, y = fx - i * step, fy - (i * step) // 2
        if x < 0 or y < 0 or x + fw > frame.shape[1] or y + fh > frame.shape[0]:
            return frame
        face = frame[y : y + fh, x : x + fw].astype(np.float32)
        foreign = face[:, ::-1] * np.array([1.1, 0.85, 0.8], np.float32)  # mirrored, tinted
        foreign *= 1.3 if i % 30 < 15 else 0.8  # the swap's exposure drifts every half second
        mask = np.zeros((fh, fw), np.float32)
        cv2.ellipse(mask, (fw // 2, fh // 2), (fw * 2 // 5, fh // 2), 0, 0, 360, 1.0, -1)
        mask = cv2.GaussianBlur(mask, (0, 0), fw / 20)[..., None]
        blended = face * (1 - mask) + foreign * mask
        out = frame.copy()
        out[y : y + fh, x : x + fw] = np.clip(blended, 0, 255).astype(np.uint8)
        return out

    return panning_frames(count, size=size, step=step, edit=paste)
