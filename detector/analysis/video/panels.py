"""Information-only panels: blinks seen and whether there is a sound track. They never vote.

People blink 15-20 times a minute; early deepfakes blinked rarely. Sampling at most two frames a
second catches only some blinks (a blink lasts 0.1-0.4 s), so the count is a lower bound and
says little either way, which is why it is shown and not used.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence

import cv2
import numpy as np

from ..types import Evidence, Hint, Strength
from .tracking import Track

# OpenCV's cascade classifiers give wrong answers when two threads share one: hold this lock.
_EYES_LOCK = threading.Lock()
EYE_FACE_WIDTH = 120


@functools.cache
def _eye_cascade() -> cv2.CascadeClassifier:
    classifier = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_eye.xml")
    if classifier.empty():
        raise RuntimeError("OpenCV's eye cascade could not be loaded")
    return classifier


def eyes_visible(rgb: np.ndarray, box) -> bool:
    x, y, w, h = (int(v) for v in box)
    upper = rgb[max(0, y) : max(0, y) + h // 2, max(0, x) : max(0, x) + w]
    if upper.size == 0 or min(upper.shape[:2]) < 20:
        return True  # too small to tell: never count it as a blink
    grey = cv2.cvtColor(upper, cv2.COLOR_RGB2GRAY)
    # Eyes are searched on a face 120 px wide: larger faces only cost more scales to scan.
    if grey.shape[1] > EYE_FACE_WIDTH:
        scale = EYE_FACE_WIDTH / grey.shape[1]
        size = (EYE_FACE_WIDTH, max(1, round(grey.shape[0] * scale)))
        grey = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
    with _EYES_LOCK:
        found = _eye_cascade().detectMultiScale(grey, 1.1, 4, 0, (12, 12))
    return len(found) > 0


def blink_panel(
    tracks: Sequence[Track], frames: Sequence[np.ndarray], times: Sequence[float]
) -> Evidence:
    longest = max(tracks, key=lambda t: len(t.frames), default=None)
    if longest is None or len(longest.frames) < 3:
        return _info(
            "video_blinks",
            "Blinking",
            "Not enough frames of one face to look for blinks.",
            {"informational": True, "blinks": None},
        )
    states = [
        eyes_visible(frames[f], b) for f, b in zip(longest.frames, longest.boxes, strict=True)
    ]
    blinks = sum(
        1 for i in range(1, len(states) - 1) if not states[i] and states[i - 1] and states[i + 1]
    )
    seconds = max(times[longest.frames[-1]] - times[longest.frames[0]], 1e-6)
    rate = blinks * 60 / seconds
    summary = (
        f"We saw {blinks} blink{'s' if blinks != 1 else ''} in {seconds:.0f} s of the longest "
        f"face track (at least {rate:.0f} a minute; people blink about 15-20 times). We sample "
        "too few frames to catch every blink, so this is shown for interest and not counted."
    )
    data = {
        "informational": True,
        "blinks": blinks,
        "at_least_per_minute": round(rate, 1),
        "eyes_open": states,
        "track": longest.id,
    }
    return _info("video_blinks", "Blinking", summary, data)


def audio_panel(has_audio: bool) -> Evidence:
    summary = (
        "The video has a sound track. We do not analyse sound: listen for voices that do not "
        "match the lips."
        if has_audio
        else "The video has no sound track."
    )
    return _info(
        "video_audio", "Sound track", summary, {"informational": True, "present": has_audio}
    )


def _info(name: str, title: str, summary: str, data: dict) -> Evidence:
    return Evidence(
        analyzer=name,
        title=title,
        verdict_hint=Hint.NEUTRAL,
        score=None,
        strength=Strength.WEAK,
        summary=summary,
        details="Shown for information only; it does not change the verdict.",
        reliability="Not used in the verdict: too crude at our sampling rate to decide anything.",
        data=data,
    )
