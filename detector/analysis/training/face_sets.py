"""Evaluation sets for the face model, built from held-out people only.

- classic face swaps: one person's face warped triangle by triangle (Delaunay on the landmarks)
  onto another's, colour-corrected and seamlessly cloned, the way pre-neural swap tools and
  many deepfake pipelines paste their generated face;
- self-blends, as in training, but made on the whole photo;
- the untouched photos, re-encoded exactly like the fakes.
Each set comes as "original" (JPEG 95, full size) and "half_jpeg75" (half size, JPEG 75).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ..face_model import crop_face, prepare
from .face_data import INNER, Face, blend, find_box, hull_mask, match_colour, poisson
from .face_samples import jpeg

VARIANTS = ("original", "half_jpeg75")


@dataclass
class Sample:
    person: str  # the target's id (the person whose photo it is)
    kind: str  # "untouched", "swap" or "self_blend"
    variant: str
    crop: np.ndarray  # network input size
    expression: str = "neutral"  # of the photo; swaps and self-blends are made on neutral ones


def triangles(points: np.ndarray, shape) -> np.ndarray:
    """Delaunay triangles over `points` as index triples."""
    subdiv = cv2.Subdiv2D((0, 0, shape[1], shape[0]))
    for x, y in points:
        subdiv.insert((float(min(max(x, 0), shape[1] - 1)), float(min(max(y, 0), shape[0] - 1))))
    out = []
    for tri in subdiv.getTriangleList().reshape(-1, 3, 2):
        idx = [int(np.argmin(((points - p) ** 2).sum(1))) for p in tri]
        if len(set(idx)) == 3:
            out.append(idx)
    return np.array(out, np.int32)


def warp_triangles(donor: np.ndarray, d_pts: np.ndarray, t_pts: np.ndarray, shape) -> np.ndarray:
    """The donor's face moved piece by piece onto the target's landmark positions."""
    out = np.zeros((*shape, 3), np.float32)
    for tri in triangles(t_pts, shape):
        src, dst = d_pts[tri].astype(np.float32), t_pts[tri].astype(np.float32)
        sx, sy, sw, sh = cv2.boundingRect(src)
        dx, dy, dw, dh = cv2.boundingRect(dst)
        if sw < 1 or sh < 1 or dw < 1 or dh < 1:
            continue
        matrix = cv2.getAffineTransform(np.float32(src - [sx, sy]), np.float32(dst - [dx, dy]))
        patch = donor[sy : sy + sh, sx : sx + sw]
        if patch.size == 0:
            continue
        warped = cv2.warpAffine(
            patch, matrix, (dw, dh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101
        )
        tri_mask = np.zeros((dh, dw), np.float32)
        cv2.fillConvexPoly(tri_mask, np.int32(dst - [dx, dy]), 1.0, cv2.LINE_AA)
        region = out[dy : dy + dh, dx : dx + dw]
        h, w = region.shape[:2]
        m = tri_mask[:h, :w, None]
        region[:] = region * (1 - m) + warped[:h, :w] * m
    return np.clip(out, 0, 255).astype(np.uint8)


def face_swap(target: Face, donor: Face) -> np.ndarray:
    """A classic swap: donor's inner face on the target's photo (full size, RGB uint8)."""
    shape = target.rgb.shape[:2]
    t_pts, d_pts = target.points[INNER], donor.points[INNER]
    warped = warp_triangles(donor.rgb, d_pts, t_pts, shape)
    mask = hull_mask(shape, t_pts)
    width = t_pts[:, 0].max() - t_pts[:, 0].min()
    k = max(3, int(width * 0.03)) | 1
    mask = cv2.erode(mask, np.ones((k, k), np.uint8))
    warped = match_colour(warped, target.rgb, mask)
    swapped = poisson(warped, target.rgb, mask)
    return swapped if swapped is not None else target.rgb


def variant(rgb: np.ndarray, name: str) -> np.ndarray:
    if name == "original":
        return jpeg(rgb, 95)
    half = cv2.resize(rgb, (rgb.shape[1] // 2, rgb.shape[0] // 2), interpolation=cv2.INTER_AREA)
    return jpeg(half, 75)


def _crop(rgb: np.ndarray, face: Face, scale: float, size: int) -> np.ndarray:
    points = face.points * scale if face.points is not None else None
    box = find_box(rgb, points)
    if box is None:  # never for these portraits; keeps the set complete if it happens
        box = tuple(v * scale for v in face.box)
    return prepare([crop_face(rgb, box)], size)[0]


def build(
    faces: list[Face], genders: dict[str, str], size: int, *, donors: int = 3, seed: int = 0
) -> list[Sample]:
    """Untouched, swapped and self-blended samples from `faces` (all held-out people)."""
    rng = np.random.default_rng(seed)
    with_points = [f for f in faces if f.points is not None]
    pictures: list[tuple[Face, str, np.ndarray]] = [(f, "untouched", f.rgb) for f in faces]
    for target in with_points:
        same = [
            f
            for f in with_points
            if f.person != target.person and genders.get(f.person) == genders.get(target.person)
        ]
        pool = same if len(same) >= donors else [f for f in with_points if f is not target]
        for i in rng.choice(len(pool), min(donors, len(pool)), replace=False):
            pictures.append((target, "swap", face_swap(target, pool[int(i)])))
        fake, _ = blend(target.rgb, target.points, rng)
        pictures.append((target, "self_blend", fake))
    samples = []
    for face, kind, rgb in pictures:
        for name in VARIANTS:
            shown = variant(rgb, name)
            crop = _crop(shown, face, shown.shape[1] / rgb.shape[1], size)
            samples.append(Sample(face.person, kind, name, crop, face.expression))
    return samples
