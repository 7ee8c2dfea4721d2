"""Faces and blended faces for training and evaluating the face model (training only).

The London set gives each neutral photo a 189-point landmark template. Blends are made with
those landmarks: a face is mixed with a jittered copy of itself, or with another person aligned
on the landmarks, through a hull mask that is deformed and feathered. The network never sees a
real deepfake; it learns the seam, colour and sharpness mismatch that pasting a face leaves.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

# Indices into the London 189-point template (checked on a drawn template): 0-108 eyes, brows,
# nose, mouth and cheeks; 125-133 the jaw line; 134-144 temples and hairline.
INNER = np.r_[0:109, 125:134]
WITH_FOREHEAD = np.r_[0:109, 125:145]
BACKDROP_STEP = 2  # largest colour step between neighbouring backdrop pixels (1/4 scale)
BACKDROP_SEED_STEP = 16
SPLIT_SEED = 20260604  # fixed: the split must not change with the training seed
N_VALIDATION = 10
N_TEST = 20


@dataclass
class Face:
    person: str
    expression: str  # "neutral" (has landmarks) or "smiling"
    rgb: np.ndarray
    points: np.ndarray | None  # 189 x 2 float32, image pixels
    box: tuple[float, float, float, float]  # x, y, w, h as the analyzer's face search finds it
    # uint8 0..255, 255 = studio backdrop (training only, see `backdrop_mask`); None = unknown
    backdrop: np.ndarray | None = None


def read_template(path: Path) -> np.ndarray:
    lines = path.read_text().split("\n")
    count = int(lines[0].strip())
    return np.array([[float(v) for v in ln.split()[:2]] for ln in lines[1 : count + 1]], np.float32)


def people(root: Path) -> list[str]:
    return sorted(p.name.split("_")[0] for p in (root / "neutral").glob("*_03.jpg"))


def split(root: Path) -> dict[str, list[str]]:
    """Train / validation / test by person, so nobody's face is on both sides."""
    ids = people(root)
    order = np.random.default_rng(SPLIT_SEED).permutation(len(ids))
    shuffled = [ids[i] for i in order]
    return {
        "validation": sorted(shuffled[:N_VALIDATION]),
        "test": sorted(shuffled[N_VALIDATION : N_VALIDATION + N_TEST]),
        "train": sorted(shuffled[N_VALIDATION + N_TEST :]),
    }


def genders(root: Path) -> dict[str, str]:
    with (root / "london_info.csv").open() as fh:
        return {row["face_id"]: row["face_gender"] for row in csv.DictReader(fh)}


def find_box(rgb: np.ndarray, points: np.ndarray | None = None) -> tuple[float, ...] | None:
    """The largest box the analyzer's own face search finds, so crops match inference."""
    from ..analyzers import faces
    from ..datasets import encode_jpeg
    from ..decode import media_from_bytes

    # The frontal pass alone (the search's first and preferred one) is enough for these
    # front-view portraits and a third of the full search's time.
    media = media_from_bytes(encode_jpeg(rgb, 95))
    grey = cv2.cvtColor(media.downscaled(faces.FRONTAL_SIDE), cv2.COLOR_RGB2GRAY)
    scale = rgb.shape[1] / grey.shape[1]
    boxes = [
        (x * scale, y * scale, w * scale, h * scale)
        for x, y, w, h in faces._boxes(faces.cascades()["frontal"], grey)
    ] or [b[:4] for b in faces.detect(media)]
    if boxes:
        return tuple(float(v) for v in max(boxes, key=lambda b: b[2] * b[3])[:4])
    if points is None:
        return None
    # The cascade's box spans brows to mouth, about 0.85 of the inner face's width.
    inner = points[INNER]
    x0, y0 = inner.min(0)
    x1, y1 = inner.max(0)
    side = 0.85 * (x1 - x0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return (cx - side / 2, cy - side / 2, side, side)


def backdrop_mask(rgb: np.ndarray, points: np.ndarray | None = None) -> np.ndarray:
    """Where the London studio's plain backdrop shows (uint8, 255 = backdrop, soft edge).

    A flood fill from the picture's border that follows gentle shading (the backdrop is lit
    brighter behind the head) but stops at edges such as hair and shoulders; never inside the
    inner face's hull (grown a little), where blends put their seam.
    """
    height, width = rgb.shape[:2]
    small = cv2.GaussianBlur(
        cv2.resize(rgb, (width // 4, height // 4), interpolation=cv2.INTER_AREA), (0, 0), 1.0
    )
    h, w = small.shape[:2]
    filled = np.zeros((h + 2, w + 2), np.uint8)
    flags = 4 | cv2.FLOODFILL_MASK_ONLY | (255 << 8)
    step = BACKDROP_SEED_STEP
    seeds = [(x, 0) for x in range(0, w, step)] + [(0, y) for y in range(0, h, step)]
    seeds += [(w - 1, y) for y in range(0, h, step)]  # not the bottom edge: clothes
    for x, y in seeds:
        if not filled[y + 1, x + 1]:
            diff = (BACKDROP_STEP,) * 3
            cv2.floodFill(small, filled, (x, y), 0, diff, diff, flags)
    mask = (filled[1:-1, 1:-1] > 0).astype(np.float32)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    mask = cv2.dilate(mask, np.ones((3, 3), np.uint8))  # past the bright fringe around hair
    if points is not None:
        keep = hull_mask(mask.shape, points[INNER] / 4)
        mask[cv2.dilate(keep, np.ones((9, 9), np.uint8)) > 0] = 0
    mask = cv2.GaussianBlur(mask, (0, 0), 1.0)
    full = cv2.resize(mask, (width, height), interpolation=cv2.INTER_LINEAR)
    return np.clip(full * 255 + 0.5, 0, 255).astype(np.uint8)


def load_faces(
    root: Path, ids: list[str], expressions=("neutral", "smiling"), *, backdrops: bool = False
) -> list[Face]:
    """The people's photos with their face boxes; with `backdrops`, each photo's backdrop mask
    too (training replaces the plain studio backdrop with other scenes)."""
    out = []
    for person in ids:
        for expression in expressions:
            suffix = "03" if expression == "neutral" else "08"
            path = root / expression / f"{person}_{suffix}.jpg"
            if not path.exists():
                continue
            rgb = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
            template = path.with_suffix(".tem")
            points = read_template(template) if template.exists() else None
            box = find_box(rgb, points)
            if box is None:
                continue
            backdrop = backdrop_mask(rgb, points) if backdrops else None
            out.append(Face(person, expression, rgb, points, box, backdrop))
    return out


# ---- masks -------------------------------------------------------------------------------


def hull_mask(shape: tuple[int, int], points: np.ndarray) -> np.ndarray:
    mask = np.zeros(shape, np.float32)
    hull = cv2.convexHull(points.astype(np.float32)).astype(np.int32)
    cv2.fillConvexPoly(mask, hull, 1.0)
    return mask


def random_mask(shape, points: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A landmark hull, randomly grown or shrunk, wobbled and feathered (values 0..1)."""
    subset = points[WITH_FOREHEAD if rng.random() < 0.35 else INNER]
    centre = subset.mean(0)
    scale = rng.uniform(0.9, 1.08, size=2)
    subset = (subset - centre) * scale + centre + rng.normal(0, 1, 2) * 0.01 * shape[0]
    mask = hull_mask(shape, subset)
    side = shape[0]
    if rng.random() < 0.6:  # a low-frequency wobble of the outline
        grid = max(4, int(rng.integers(4, 9)))
        flow = rng.normal(0, 0.02 * side, (grid, grid, 2)).astype(np.float32)
        flow = cv2.resize(flow, (shape[1], shape[0]), interpolation=cv2.INTER_CUBIC)
        xs, ys = np.meshgrid(
            np.arange(shape[1], dtype=np.float32), np.arange(shape[0], dtype=np.float32)
        )
        mask = cv2.remap(mask, xs + flow[..., 0], ys + flow[..., 1], cv2.INTER_LINEAR)
    k = int(rng.integers(1, max(2, side // 40)))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * k + 1, 2 * k + 1))
    mask = cv2.erode(mask, kernel) if rng.random() < 0.5 else cv2.dilate(mask, kernel)
    mask = feather(mask, side * rng.uniform(0.003, 0.04))
    return np.clip(mask, 0, 1)


def feather(mask: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian blur; wide ones on a smaller copy (the same result at a fraction of the time)."""
    factor = int(sigma // 3)
    if factor < 2:
        return cv2.GaussianBlur(mask, (0, 0), sigma)
    size = (mask.shape[1], mask.shape[0])
    small = cv2.resize(mask, (size[0] // factor, size[1] // factor), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), sigma / factor)
    return cv2.resize(small, size, interpolation=cv2.INTER_LINEAR)


# ---- source jitter -----------------------------------------------------------------------


def jitter_colour(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    out = rgb.astype(np.float32)
    out = out * rng.uniform(0.85, 1.15, 3) + rng.uniform(-18, 18, 3)
    contrast = rng.uniform(0.85, 1.15)
    out = (out - out.mean()) * contrast + out.mean()
    if rng.random() < 0.3:
        gamma = rng.uniform(0.8, 1.25)
        out = 255 * (np.clip(out, 0, 255) / 255) ** gamma
    return np.clip(out, 0, 255).astype(np.uint8)


def jitter_frequency(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    side = rgb.shape[0]
    roll = rng.random()
    if roll < 0.35:
        return cv2.GaussianBlur(rgb, (0, 0), side * rng.uniform(0.001, 0.006) + 0.3)
    if roll < 0.6:
        blurred = cv2.GaussianBlur(rgb, (0, 0), side * 0.004 + 0.5)
        return cv2.addWeighted(rgb, 1.6, blurred, -0.6, 0)
    if roll < 0.8:  # resampled through a smaller size, as a swap's generated face often is
        factor = rng.uniform(0.3, 0.8)
        small = cv2.resize(rgb, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        return cv2.resize(small, (rgb.shape[1], rgb.shape[0]), interpolation=cv2.INTER_LINEAR)
    return rgb


def jitter_geometry(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    side = rgb.shape[0]
    angle = rng.uniform(-3, 3)
    scale = rng.uniform(0.95, 1.05)
    matrix = cv2.getRotationMatrix2D((side / 2, side / 2), angle, scale)
    matrix[:, 2] += rng.uniform(-0.02, 0.02, 2) * side
    return cv2.warpAffine(rgb, matrix, (rgb.shape[1], rgb.shape[0]), borderMode=cv2.BORDER_REFLECT)


def match_colour(source: np.ndarray, target: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Source's LAB mean and spread inside the mask moved to the target's, as swap tools do."""
    inside = mask > 0.5
    if inside.sum() < 16:
        return source
    src = cv2.cvtColor(source, cv2.COLOR_RGB2LAB).astype(np.float32)
    tgt = cv2.cvtColor(target, cv2.COLOR_RGB2LAB).astype(np.float32)
    s_mean, s_std = src[inside].mean(0), src[inside].std(0) + 1e-3
    t_mean, t_std = tgt[inside].mean(0), tgt[inside].std(0) + 1e-3
    out = (src - s_mean) * (t_std / s_std) + t_mean
    return cv2.cvtColor(np.clip(out, 0, 255).astype(np.uint8), cv2.COLOR_LAB2RGB)


def align(donor: np.ndarray, donor_pts: np.ndarray, target_pts: np.ndarray, size) -> np.ndarray:
    """The donor's face moved onto the target's landmarks (a similarity transform)."""
    matrix, _ = cv2.estimateAffinePartial2D(donor_pts[INNER], target_pts[INNER])
    if matrix is None:
        matrix = np.float32([[1, 0, 0], [0, 1, 0]])
    return cv2.warpAffine(donor, matrix, (size[1], size[0]), borderMode=cv2.BORDER_REFLECT)


# ---- blending ----------------------------------------------------------------------------


def blend(
    target: np.ndarray,
    points: np.ndarray,
    rng: np.random.Generator,
    donor: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """A blended fake of `target` (RGB uint8) and its blend-weight mask (float32 0..1).

    `donor` is (image, landmarks) already at the target's scale; without it the face is
    blended with a jittered copy of itself.
    """
    shape = target.shape[:2]
    if donor is None:
        source = jitter_geometry(jitter_colour(target, rng), rng)
    else:
        source = align(donor[0], donor[1], points, shape)
        if rng.random() < 0.5:
            source = jitter_colour(source, rng)
    source = jitter_frequency(source, rng)
    mask = random_mask(shape, points, rng)
    if rng.random() < 0.5:
        source = match_colour(source, target, mask)
    if rng.random() < 0.2:
        fake = poisson(source, target, mask)
        if fake is not None:
            hard = feather((mask > 0.5).astype(np.float32), shape[0] * 0.01)
            return fake, hard
    opacity = rng.choice([0.5, 0.75, 1.0, 1.0, 1.0])
    weight = (mask * opacity)[..., None]
    fake = source.astype(np.float32) * weight + target.astype(np.float32) * (1 - weight)
    return np.clip(fake + 0.5, 0, 255).astype(np.uint8), mask * opacity


def poisson(source: np.ndarray, target: np.ndarray, mask: np.ndarray) -> np.ndarray | None:
    binary = (mask > 0.5).astype(np.uint8) * 255
    binary[:2, :] = binary[-2:, :] = 0
    binary[:, :2] = binary[:, -2:] = 0
    ys, xs = np.nonzero(binary)
    if len(xs) < 64:
        return None
    centre = (int((xs.min() + xs.max()) // 2), int((ys.min() + ys.max()) // 2))
    # seamlessClone writes into its mask argument: hand it a copy.
    return cv2.seamlessClone(source, target, binary.copy(), centre, cv2.NORMAL_CLONE)


def boundary_map(weights: np.ndarray, cells: int) -> np.ndarray:
    """Where blend weights change, at `cells` x `cells`: the mask head's target."""
    small = cv2.resize(weights.astype(np.float32), (cells, cells), interpolation=cv2.INTER_AREA)
    return np.clip(4 * small * (1 - small), 0, 1)
