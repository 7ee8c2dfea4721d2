"""Starter video clips, made in code with PyAV (H.264 in MP4) from the bundled sample photos.

A still photo becomes a short clip with a slow camera drift. In the fake clip a region pasted
from another photo wobbles and flickers against the background from frame to frame: the
temporal tell-tale of many face-swap videos, where each frame is edited on its own. The bytes
are deterministic (seeded noise, single-threaded encoder), so loading again rewrites nothing.
"""

from __future__ import annotations

import io

import numpy as np

WIDTH, HEIGHT = 320, 240
FPS = 12
SECONDS = 3
DRIFT = 40  # pixels the "camera" pans across the clip
ENCODING = {"crf": "26", "preset": "medium"}
# Part of each clip's recipe (starter.video_recipe) with the sizes and ENCODING: raise it when
# the frames are made differently, so that loading the starter content again remakes the clips.
RECIPE_VERSION = 1


def _fit(image: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.resize(image, (WIDTH + DRIFT, HEIGHT), interpolation=cv2.INTER_AREA)


def _frames(base: np.ndarray, pasted: np.ndarray | None, alpha: np.ndarray | None, seed: int):
    import cv2

    rng = np.random.default_rng(seed)
    count = FPS * SECONDS
    for n in range(count):
        x = round(DRIFT * n / (count - 1))
        frame = base.astype(np.float32)
        if pasted is not None and alpha is not None:
            # Each frame edited on its own: the patch jumps a little and its brightness shifts.
            dx, dy = rng.integers(-3, 4, size=2)
            shift = np.float32([[1, 0, dx], [0, 1, dy]])
            size = (base.shape[1], base.shape[0])
            moved = cv2.warpAffine(pasted, shift, size, borderMode=cv2.BORDER_REFLECT)
            mask = cv2.warpAffine(alpha, shift, size)[..., None]
            moved = moved.astype(np.float32) * rng.uniform(0.9, 1.1)
            frame = frame * (1 - mask) + moved * mask
        yield np.clip(frame[:, x : x + WIDTH], 0, 255).astype(np.uint8)


def clip(photo: np.ndarray, *, donor: np.ndarray | None = None, seed: int = 0) -> bytes:
    """An MP4 clip of `photo`; with `donor`, a region of it pasted in, flickering."""
    import av

    from detector.analysis.manipulations import splice

    base = _fit(photo)
    pasted = alpha = None
    if donor is not None:
        result = splice(base, donor, rng=np.random.default_rng(seed))
        pasted = result.image
        alpha = result.mask.astype(np.float32)
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.codec_context.thread_count = 1  # threads may change the bytes between runs
        stream.options = dict(ENCODING)
        for image in _frames(base, pasted, alpha, seed):
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()
