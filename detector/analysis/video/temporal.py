"""Temporal consistency: does a face stay of a piece with its surroundings from frame to frame?

Face swaps are made frame by frame, so the pasted face often flickers in brightness while the
rest of the picture does not, shifts colour, or briefly turns into someone else. For each pair
of neighbouring samples of one face track we compare the face box with a ring around it (so
camera exposure changes, which move both, cancel out) and the face with itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from .tracking import Box, Track

FLICKER_L = 6.0  # lightness (L*, 0-100) the face changes by beyond its surroundings
COLOUR_JUMP = 8.0  # a*b* shift (delta E) of the face beyond its surroundings
APPEARANCE_JUMP = 0.45  # 1 - correlation of the small grey face between neighbouring samples
MAX_GAP_S = 1.5  # neighbours further apart than this are not compared
RING = 0.35  # the surroundings: a band this share of the face size around the box
PATCH = 96


@dataclass(frozen=True)
class Jump:
    track_id: int
    time_s: float  # the later of the two samples
    kind: str  # "flicker", "colour", "appearance"
    value: float


def _region_stats(rgb: np.ndarray, box: Box) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    height, width = rgb.shape[:2]
    x, y, w, h = box
    x0, y0 = max(0, int(x)), max(0, int(y))
    x1, y1 = min(width, int(x + w)), min(height, int(y + h))
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    mx, my = int(w * RING), int(h * RING)
    ox0, oy0 = max(0, x0 - mx), max(0, y0 - my)
    ox1, oy1 = min(width, x1 + mx), min(height, y1 + my)
    # Means of colour need few pixels: measure on a copy at most PATCH px wide.
    scale = min(1.0, PATCH / (ox1 - ox0))
    patch = rgb[oy0:oy1, ox0:ox1]
    if scale < 1:
        size = (max(1, round((ox1 - ox0) * scale)), max(1, round((oy1 - oy0) * scale)))
        patch = cv2.resize(patch, size, interpolation=cv2.INTER_AREA)
    outer = cv2.cvtColor(patch, cv2.COLOR_RGB2LAB).astype(np.float32)
    mask = np.ones(outer.shape[:2], bool)
    fx0, fy0 = round((x0 - ox0) * scale), round((y0 - oy0) * scale)
    fx1, fy1 = round((x1 - ox0) * scale), round((y1 - oy0) * scale)
    mask[fy0:fy1, fx0:fx1] = False
    if mask.sum() < 32:
        return None
    # OpenCV's 8-bit Lab: L scaled to 0-255, a and b offset by 128.
    lab = outer * np.array([100 / 255, 1, 1], np.float32)
    face = lab[~mask].mean(axis=0)
    ring = lab[mask].mean(axis=0)
    grey = cv2.cvtColor(rgb[y0:y1, x0:x1], cv2.COLOR_RGB2GRAY)
    small = cv2.resize(grey, (24, 24), interpolation=cv2.INTER_AREA).astype(np.float32)
    small = (small - small.mean()) / (small.std() + 1e-6)
    return face, ring, small


def find_jumps(
    tracks: Sequence[Track], frames: Sequence[np.ndarray], times: Sequence[float]
) -> tuple[list[Jump], int]:
    """The jumps found and how many neighbouring pairs were compared."""
    jumps: list[Jump] = []
    pairs = 0
    for track in tracks:
        previous = None
        for frame, box in zip(track.frames, track.boxes, strict=True):
            stats = _region_stats(frames[frame], box)
            if stats is None:
                previous = None
                continue
            if previous is not None and times[frame] - times[previous[0]] <= MAX_GAP_S:
                pairs += 1
                jumps += _compare(track.id, float(times[frame]), previous[1], stats)
            previous = (frame, stats)
    return jumps, pairs


def _compare(track_id: int, time_s: float, before, after) -> list[Jump]:
    (face0, ring0, small0), (face1, ring1, small1) = before, after
    change = (face1 - face0) - (ring1 - ring0)
    found = []
    if abs(change[0]) > FLICKER_L:
        found.append(Jump(track_id, time_s, "flicker", round(float(abs(change[0])), 2)))
    colour = float(np.hypot(change[1], change[2]))
    if colour > COLOUR_JUMP:
        found.append(Jump(track_id, time_s, "colour", round(colour, 2)))
    appearance = 1 - float((small0 * small1).mean())
    if appearance > APPEARANCE_JUMP:
        found.append(Jump(track_id, time_s, "appearance", round(appearance, 3)))
    return found
