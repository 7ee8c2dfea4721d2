"""Faces: where they are, so face-specific checks and the result page know where to look.

OpenCV's Haar cascades (frontal, and profile in both directions) on small copies of the image.
This analyzer gives no vote of its own: it only finds faces. Other analyzers that look at faces
call `detect(media)`, which searches each picture once and hands everyone the same boxes.
"""

from __future__ import annotations

import functools
import threading

import cv2
import numpy as np

from .. import render
from ..registry import Analyzer, register
from ..types import Evidence, Hint, Media, MediaKind, Overlay, Region, Strength

TITLE = "Faces"
# 480 px costs half the CPU of 768 px; on the 100 development images it found the same faces
# in portraits and fewer false faces in food and animal pictures, but misses faces under ~6 %
# of the picture's longer side.
FRONTAL_SIDE = 480
VIEW_SIDE = 768  # the cached copy copy-move and spectrum also use: shrinking it is cheaper
PROFILE_SIDE = 400  # profile passes run only when no frontal face was found
PROFILE_STEP = 1.2
MIN_FACE = (30, 30)
RELIABILITY = (
    "OpenCV's frontal-face cascade found 203 of 204 faces in a set of passport-style portraits "
    "(London face set, measured by this project), but classical cascades miss faces that are "
    "small (we search a copy at most 480 pixels wide, so faces under about 6 % of the "
    "picture's longer side), turned more than about 45°, tilted, covered or in poor light, "
    "and sometimes mistake patterns for faces. No face found does not mean there is none."
)


# A CascadeClassifier keeps scratch buffers inside: two threads using one at the same time get
# wrong boxes. The pipeline runs analyzers in threads, so every search holds this lock.
_LOCK = threading.Lock()
_CACHE_KEY = "faces"


@functools.cache
def cascades() -> dict[str, cv2.CascadeClassifier]:
    """Loaded once per worker process: parsing the XML takes longer than one detection."""
    loaded = {}
    for name, file in (
        ("frontal", "haarcascade_frontalface_default.xml"),
        ("profile", "haarcascade_profileface.xml"),
    ):
        classifier = cv2.CascadeClassifier(cv2.data.haarcascades + file)
        if classifier.empty():
            raise RuntimeError(f"OpenCV cascade {file} could not be loaded")
        loaded[name] = classifier
    return loaded


def detect(media: Media) -> list[tuple[float, float, float, float, str]]:
    """Face boxes (x, y, w, h in full-image pixels, kind), overlapping boxes merged.

    Searched once per picture: later calls, from any thread, get the same boxes.
    """
    with _LOCK:
        found = media._cache.get(_CACHE_KEY)
        if found is None:
            found = media._cache[_CACHE_KEY] = _search(media)
    return list(found)


def _search(media: Media) -> list[tuple[float, float, float, float, str]]:
    found: list[tuple[float, float, float, float, str]] = []
    frontal_grey = cv2.cvtColor(
        render.fit(media.downscaled(VIEW_SIDE), FRONTAL_SIDE), cv2.COLOR_RGB2GRAY
    )
    scale = media.rgb.shape[1] / frontal_grey.shape[1]
    for x, y, w, h in _boxes(cascades()["frontal"], frontal_grey):
        found.append((x * scale, y * scale, w * scale, h * scale, "frontal"))
    if found:
        # Profile passes cost twice the frontal one; a picture with frontal faces gets its
        # boxes without them (a side view beside a frontal face may then be missed).
        return non_maximum_suppression(found)

    profile_grey = render.fit(frontal_grey, PROFILE_SIDE)
    scale = media.rgb.shape[1] / profile_grey.shape[1]
    width = profile_grey.shape[1]
    for x, y, w, h in _boxes(cascades()["profile"], profile_grey, PROFILE_STEP):
        found.append((x * scale, y * scale, w * scale, h * scale, "profile"))
    # The cascade knows one side only: the mirrored picture shows the other.
    for x, y, w, h in _boxes(cascades()["profile"], cv2.flip(profile_grey, 1), PROFILE_STEP):
        found.append(((width - x - w) * scale, y * scale, w * scale, h * scale, "profile"))
    return non_maximum_suppression(found)


def _boxes(
    classifier: cv2.CascadeClassifier, grey: np.ndarray, step: float = 1.1
) -> list[tuple[int, ...]]:
    if min(grey.shape) < MIN_FACE[0]:
        return []
    return [
        tuple(int(v) for v in b) for b in classifier.detectMultiScale(grey, step, 5, 0, MIN_FACE)
    ]


def overlap(a: tuple, b: tuple) -> float:
    """Intersection over the smaller box: a profile box inside a frontal one is the same face."""
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    return ix * iy / max(min(a[2] * a[3], b[2] * b[3]), 1e-9)


def non_maximum_suppression(boxes: list[tuple], threshold: float = 0.5) -> list[tuple]:
    """Keeps frontal boxes first (they are the more reliable cascade), then larger ones."""
    ordered = sorted(boxes, key=lambda b: (b[4] != "frontal", -b[2] * b[3]))
    kept: list[tuple] = []
    for box in ordered:
        if all(overlap(box, other) < threshold for other in kept):
            kept.append(box)
    return kept


@register("faces")
class FacesAnalyzer(Analyzer):
    applies_to = frozenset({MediaKind.IMAGE})
    time_budget_s = 10.0
    typical_ms = 120

    def analyze(self, media: Media) -> Evidence:
        height, width = media.rgb.shape[:2]
        faces = detect(media)
        regions = [
            Region(
                x=max(0, round(x)),
                y=max(0, round(y)),
                w=min(round(w), width - max(0, round(x))),
                h=min(round(h), height - max(0, round(y))),
                label="face",
            )
            for x, y, w, h, _ in faces
        ]
        data = {
            "count": len(regions),
            "boxes": [[r.x, r.y, r.w, r.h] for r in regions],
            "kinds": [kind for *_, kind in faces],
            "searched_at_px": {"frontal": FRONTAL_SIDE, "profile": PROFILE_SIDE},
        }
        details = (
            f"Haar cascades: frontal default on a ≤ {FRONTAL_SIDE} px copy (scale step 1.1); "
            f"only if it finds none, profile, plain and mirrored, on a ≤ {PROFILE_SIDE} px "
            f"copy (scale step {PROFILE_STEP}); 5 neighbours, min {MIN_FACE[0]} px; boxes "
            "merged when they overlap by half. "
            f"Found {len(regions)}: "
            + (
                ", ".join(f"{k} at {b}" for k, b in zip(data["kinds"], data["boxes"], strict=True))
                or "none"
            )
            + "."
        )
        overlays = []
        if regions:
            overlays.append(
                Overlay(
                    name="faces",
                    caption="Faces we found (yellow boxes)",
                    alt=f"The picture with {_count(len(regions))} outlined in yellow.",
                    png=render.boxes(
                        media.downscaled(render.MAX_SIDE), regions, full_size=(width, height)
                    ),
                )
            )
        if regions:
            summary = f"We found {_count(len(regions))}. Face-specific checks look at these areas."
        else:
            summary = "No faces found, so face checks do not apply."
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=Hint.NEUTRAL if regions else Hint.NOT_APPLICABLE,
            score=None,
            strength=Strength.WEAK,
            summary=summary,
            details=details,
            reliability=RELIABILITY,
            regions=regions,
            overlays=overlays,
            data=data,
        )


def _count(n: int) -> str:
    return "1 face" if n == 1 else f"{n} faces"
