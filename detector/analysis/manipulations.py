"""Manipulated images made in code, each with the exact mask of what changed.

Used for quiz items (the mask marks the cue) and for the detector's evaluation sets (splice,
copy-move, object removal, retouch, upsampling). Sources are photos that ship inside
scikit-image, so nothing is downloaded; each carries its credit and licence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class SamplePhoto:
    name: str
    title: str
    credit: str
    licence: str
    loader: str  # attribute of skimage.data

    def load(self) -> np.ndarray:
        """The photo as H x W x 3 uint8 RGB."""
        import skimage.data

        image = getattr(skimage.data, self.loader)()
        if image.ndim == 2:
            image = np.repeat(image[..., None], 3, axis=2)
        return np.ascontiguousarray(image[..., :3]).astype(np.uint8)


SAMPLE_PHOTOS = [
    SamplePhoto("astronaut", "Astronaut Eileen Collins", "NASA", "Public domain", "astronaut"),
    SamplePhoto("camera", "Photographer with a camera", "Lav Varshney", "CC0", "camera"),
    SamplePhoto("coffee", "A cup of coffee", "Rachel Michetti", "CC0", "coffee"),
    SamplePhoto("chelsea", "Chelsea the cat", "Stéfan van der Walt", "CC0", "chelsea"),
    SamplePhoto("rocket", "A rocket on the launch pad", "SpaceX", "Public domain", "rocket"),
    SamplePhoto(
        "hubble", "Hubble deep field", "NASA / HubbleSite", "Public domain", "hubble_deep_field"
    ),
    SamplePhoto("coins", "Greek coins", "Brooklyn Museum", "No known copyright", "coins"),
    SamplePhoto("brick", "A brick wall", "CC0Textures", "CC0", "brick"),
    SamplePhoto("grass", "Grass", "linolafett (DeviantArt)", "CC0", "grass"),
    SamplePhoto("gravel", "Gravel", "CC0Textures", "CC0", "gravel"),
    SamplePhoto(
        "tissue",
        "Stained tissue under a microscope",
        "Center for Microscopy and Molecular Imaging",
        "No known copyright",
        "immunohistochemistry",
    ),
    SamplePhoto("retina", "Photograph of a human retina", "Mikael Häggström", "CC0", "retina"),
    SamplePhoto(
        "clock", "A wall clock, motion-blurred", "Stéfan van der Walt", "Public domain", "clock"
    ),
]


@dataclass(frozen=True)
class Manipulation:
    image: np.ndarray  # H x W x 3 uint8 RGB, same size as the input
    mask: np.ndarray  # H x W bool: True where pixels were changed
    kind: str
    description: str


def blob_mask(
    shape: tuple[int, int], rng: np.random.Generator, *, area: tuple[float, float] = (0.03, 0.1)
) -> np.ndarray:
    """A smooth random blob (a deformed ellipse) covering a share of the image."""
    height, width = shape
    share = rng.uniform(*area)
    ry = np.sqrt(share * height * width / np.pi / rng.uniform(0.6, 1.6))
    rx = share * height * width / np.pi / ry
    ry, rx = min(ry, height * 0.45), min(rx, width * 0.45)
    cy = rng.uniform(ry, height - ry)
    cx = rng.uniform(rx, width - rx)
    angles = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    radius = 1 + 0.2 * rng.standard_normal(24)
    points = np.stack(
        [cx + rx * radius * np.cos(angles), cy + ry * radius * np.sin(angles)], axis=1
    ).astype(np.int32)
    mask = np.zeros(shape, np.uint8)
    cv2.fillPoly(mask, [cv2.convexHull(points)], 1)
    return mask.astype(bool)


def _feather(mask: np.ndarray, radius: float) -> np.ndarray:
    size = int(radius * 3) | 1
    return cv2.GaussianBlur(mask.astype(np.float32), (size, size), radius)[..., None]


def splice(target: np.ndarray, donor: np.ndarray, *, rng: np.random.Generator) -> Manipulation:
    """Paste a region of another photo (another camera, another noise) with a soft edge."""
    height, width = target.shape[:2]
    donor = cv2.resize(donor, (width, height), interpolation=cv2.INTER_LINEAR)
    donor = donor.astype(np.float32) + rng.normal(0, rng.uniform(2, 6), donor.shape)
    alpha = _feather(blob_mask((height, width), rng), rng.uniform(1.0, 3.0))
    image = target.astype(np.float32) * (1 - alpha) + donor * alpha
    return Manipulation(
        np.clip(image, 0, 255).astype(np.uint8),
        alpha[..., 0] > 0.05,
        "splice",
        "A region from another photo was pasted in with a softened edge.",
    )


def copy_move(image: np.ndarray, *, rng: np.random.Generator) -> Manipulation:
    """Copy a patch to another place in the same photo (slightly scaled and rotated)."""
    height, width = image.shape[:2]
    side = int(min(height, width) * rng.uniform(0.15, 0.25))
    for _ in range(50):
        sy, sx = rng.integers(0, height - side), rng.integers(0, width - side)
        ty, tx = rng.integers(0, height - side), rng.integers(0, width - side)
        if abs(int(sy) - int(ty)) > side * 1.2 or abs(int(sx) - int(tx)) > side * 1.2:
            break
    patch = image[sy : sy + side, sx : sx + side]
    angle, scale = rng.uniform(-8, 8), rng.uniform(0.92, 1.08)
    turn = cv2.getRotationMatrix2D((side / 2, side / 2), angle, scale)
    patch = cv2.warpAffine(patch, turn, (side, side), borderMode=cv2.BORDER_REFLECT)
    out = image.copy()
    region = np.zeros((height, width), bool)
    inner = np.zeros((side, side), np.uint8)
    cv2.ellipse(inner, (side // 2, side // 2), (side // 2 - 2, side // 2 - 2), 0, 0, 360, 1, -1)
    alpha = _feather(inner.astype(bool), 1.5)
    window = out[ty : ty + side, tx : tx + side].astype(np.float32)
    out[ty : ty + side, tx : tx + side] = np.clip(window * (1 - alpha) + patch * alpha, 0, 255)
    region[ty : ty + side, tx : tx + side] = alpha[..., 0] > 0.05
    return Manipulation(
        out, region, "copy_move", "A part of the photo was copied and pasted elsewhere in it."
    )


def object_removal(image: np.ndarray, *, rng: np.random.Generator) -> Manipulation:
    """Paint over a region with what surrounds it (inpainting), as 'magic erasers' do."""
    mask = blob_mask(image.shape[:2], rng, area=(0.02, 0.06))
    bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    method = cv2.INPAINT_TELEA if rng.random() < 0.5 else cv2.INPAINT_NS
    filled = cv2.inpaint(bgr, mask.astype(np.uint8) * 255, 5, method)
    return Manipulation(
        cv2.cvtColor(filled, cv2.COLOR_BGR2RGB),
        mask,
        "object_removal",
        "Something was erased and the gap filled in from its surroundings.",
    )


def retouch(image: np.ndarray, *, rng: np.random.Generator) -> Manipulation:
    """Smooth a region (beauty filter) and push its shape around (liquify)."""
    height, width = image.shape[:2]
    mask = blob_mask((height, width), rng, area=(0.04, 0.12))
    smooth = cv2.bilateralFilter(image, 9, 60, 9)
    alpha = _feather(mask, 4.0)
    blended = image.astype(np.float32) * (1 - alpha) + smooth.astype(np.float32) * alpha
    ys, xs = np.nonzero(mask)
    cy, cx = ys.mean(), xs.mean()
    sigma = max(np.sqrt(mask.sum() / np.pi) * 0.6, 4.0)
    grid_y, grid_x = np.mgrid[0:height, 0:width].astype(np.float32)
    bump = np.exp(-((grid_y - cy) ** 2 + (grid_x - cx) ** 2) / (2 * sigma**2))
    strength = rng.uniform(0.08, 0.18) * sigma
    map_x = grid_x - strength * bump * np.sign(grid_x - cx)
    map_y = grid_y - strength * bump * np.sign(grid_y - cy) * 0.5
    warped = cv2.remap(
        blended.astype(np.float32),
        map_x.astype(np.float32),
        map_y.astype(np.float32),
        cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REFLECT,
    )
    out = np.clip(warped, 0, 255).astype(np.uint8)
    # The warp fades out smoothly: count as changed every pixel it visibly moved.
    visibly_moved = np.abs(out.astype(np.int16) - image).max(axis=2) > 3
    changed = (alpha[..., 0] > 0.02) | visibly_moved
    changed = cv2.morphologyEx(changed.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    return Manipulation(
        out,
        changed.astype(bool),
        "retouch",
        "A region was smoothed and its shape pushed around, like a beauty filter.",
    )


def upsample_artifacts(
    image: np.ndarray, *, rng: np.random.Generator, factor: int = 2
) -> Manipulation:
    """Shrink, then blow up with zero insertion and a small kernel: the checkerboard that
    generator upsampling layers tend to leave."""
    height, width = image.shape[:2]
    small = cv2.resize(image, (width // factor, height // factor), interpolation=cv2.INTER_AREA)
    up = np.zeros((small.shape[0] * factor, small.shape[1] * factor, 3), np.float32)
    up[::factor, ::factor] = small
    kernel = np.outer(np.hanning(2 * factor + 1)[1:-1], np.hanning(2 * factor + 1)[1:-1])
    kernel *= factor**2 / kernel.sum() * rng.uniform(0.95, 1.05)
    up = cv2.filter2D(up, -1, kernel.astype(np.float32), borderType=cv2.BORDER_REFLECT)
    up = cv2.resize(up, (width, height), interpolation=cv2.INTER_NEAREST)
    return Manipulation(
        np.clip(up, 0, 255).astype(np.uint8),
        np.ones((height, width), bool),
        "upsample",
        "The whole picture was rebuilt from a smaller one the way image generators enlarge.",
    )


GENERATORS: dict[str, Callable[..., Manipulation]] = {
    "splice": splice,
    "copy_move": copy_move,
    "object_removal": object_removal,
    "retouch": retouch,
    "upsample": upsample_artifacts,
}
