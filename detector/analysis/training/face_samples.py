"""Training pairs for the face model: an untouched face crop and a blended fake of the same crop.

Blends are made at a resolution between the network's input and the photo's own (up to 4x the
input), then shrunk: real uploads are shrunk that much before the network sees them, and a seam
drawn at input size would look sharper than any real one. Both sides of a pair then get the same
resize, blur, noise, colour and JPEG treatment, so compression or colour alone never tells them
apart.
"""

from __future__ import annotations

import functools

import cv2
import numpy as np

from ..face_model import crop_face, crop_square
from ..manipulations import SAMPLE_PHOTOS
from .face_data import Face, blend, boundary_map

MAX_SHRINK = 4.0
INTERPOLATIONS = (cv2.INTER_AREA, cv2.INTER_LINEAR, cv2.INTER_CUBIC)


def _crop_at(face: Face, box, side: int) -> tuple[np.ndarray, np.ndarray, float]:
    """The face crop resized to `side`, its landmarks in crop pixels, and the scale used."""
    crop, (x0, y0) = crop_square(face.rgb, box)
    scale = side / crop.shape[0]
    resized = cv2.resize(crop, (side, side), interpolation=cv2.INTER_AREA)
    points = (face.points - np.float32([x0, y0])) * scale
    return resized, points, scale


def jittered_box(box, rng: np.random.Generator) -> tuple[float, float, float, float]:
    x, y, w, h = box
    scale = rng.uniform(0.9, 1.12)
    cx = x + w / 2 + rng.uniform(-0.05, 0.05) * w
    cy = y + h / 2 + rng.uniform(-0.05, 0.05) * h
    return (cx - w * scale / 2, cy - h * scale / 2, w * scale, h * scale)


@functools.cache
def scenes() -> list[np.ndarray]:
    """Photos that replace the studio backdrop: the scikit-image sample photos (shipped with the
    package, credited in manipulations.SAMPLE_PHOTOS), never the development photos."""
    return [photo.load() for photo in SAMPLE_PHOTOS]


def random_scene(side: int, rng: np.random.Generator) -> np.ndarray:
    """A random part of a random scene at `side` x `side`: shifted, zoomed, often out of focus."""
    photo = scenes()[int(rng.integers(len(scenes())))]
    height, width = photo.shape[:2]
    part = int(min(height, width) * rng.uniform(0.3, 1.0))
    y, x = int(rng.integers(0, height - part + 1)), int(rng.integers(0, width - part + 1))
    scene = cv2.resize(
        photo[y : y + part, x : x + part], (side, side), interpolation=cv2.INTER_LINEAR
    )
    if rng.random() < 0.5:
        scene = np.ascontiguousarray(scene[:, ::-1])
    if rng.random() < 0.6:  # depth of field: the background behind a portrait is often soft
        scene = cv2.GaussianBlur(scene, (0, 0), side * rng.uniform(0.002, 0.015) + 0.3)
    return scene


def camera_look(images: list[np.ndarray], rng: np.random.Generator) -> list[np.ndarray]:
    """What a phone camera does to a whole picture, alike on every image: sensor noise at the
    picture's own scale, then noise reduction and sharpening."""
    side = images[0].shape[0]
    noise = rng.normal(0, rng.uniform(1, 4), images[0].shape[:2])[..., None].astype(np.float32)
    out = [np.clip(im.astype(np.float32) + noise, 0, 255).astype(np.uint8) for im in images]
    if rng.random() < 0.7:
        d, sigma = 5, rng.uniform(10, 40)
        out = [cv2.bilateralFilter(im, d, sigma, sigma) for im in out]
    amount = rng.uniform(0.3, 1.5)
    radius = side * rng.uniform(0.002, 0.006) + 0.5
    return [
        cv2.addWeighted(im, 1 + amount, cv2.GaussianBlur(im, (0, 0), radius), -amount, 0)
        for im in out
    ]


def replace_backdrop(image: np.ndarray, backdrop: np.ndarray, scene: np.ndarray) -> np.ndarray:
    weight = (backdrop.astype(np.float32) / 255)[..., None]
    out = image.astype(np.float32) * (1 - weight) + scene.astype(np.float32) * weight
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def training_pair(
    face: Face,
    donor: Face | None,
    size: int,
    rng: np.random.Generator,
    *,
    backdrop_share: float = 0.0,
    camera_share: float = 0.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(untouched, fake, boundary target) at `size` x `size`; boundary at size/16.

    With probability `backdrop_share` (faces with a backdrop mask only) both crops get the same
    other scene behind the person: the studio's plain backdrop must not become what "untouched"
    looks like.
    """
    box = jittered_box(face.box, rng)
    native = crop_face(face.rgb, box).shape[0]
    side = int(min(native, size * np.exp(rng.uniform(0, np.log(MAX_SHRINK)))))
    side = max(side, size)
    target, points, _ = _crop_at(face, box, side)
    donor_pair = None
    if donor is not None:
        donor_img, donor_pts, _ = _crop_at(donor, donor.box, side)
        donor_pair = (donor_img, donor_pts)
    fake, weights = blend(target, points, rng, donor_pair)
    if face.backdrop is not None and rng.random() < backdrop_share:
        backdrop = cv2.resize(
            crop_face(face.backdrop, box), (side, side), interpolation=cv2.INTER_LINEAR
        )
        scene = random_scene(side, rng)
        target, fake = (replace_backdrop(im, backdrop, scene) for im in (target, fake))
    if rng.random() < camera_share:
        target, fake = camera_look([target, fake], rng)
    interpolation = INTERPOLATIONS[int(rng.integers(len(INTERPOLATIONS)))]
    real = cv2.resize(target, (size, size), interpolation=interpolation)
    fake = cv2.resize(fake, (size, size), interpolation=interpolation)
    real, fake = shared_augment([real, fake], rng)
    return real, fake, boundary_map(weights, size // 16)


def shared_augment(images: list[np.ndarray], rng: np.random.Generator) -> list[np.ndarray]:
    """One random treatment applied identically to every image in `images`."""
    size = images[0].shape[0]
    out = [im.astype(np.float32) for im in images]
    if rng.random() < 0.4:  # camera and white-balance differences between sources
        gain = rng.uniform(0.9, 1.1, 3)
        offset = rng.uniform(-10, 10, 3)
        out = [im * gain + offset for im in out]
    out = [np.clip(im + 0.5, 0, 255).astype(np.uint8) for im in out]
    if rng.random() < 0.3:
        factor = rng.uniform(0.5, 0.95)
        small = max(16, round(size * factor))
        out = [
            cv2.resize(cv2.resize(im, (small, small), interpolation=cv2.INTER_AREA), (size, size))
            for im in out
        ]
    if rng.random() < 0.2:
        sigma = rng.uniform(0.3, 1.0)
        out = [cv2.GaussianBlur(im, (0, 0), sigma) for im in out]
    if rng.random() < 0.2:
        noise = rng.normal(0, rng.uniform(1, 5), out[0].shape).astype(np.float32)
        out = [np.clip(im.astype(np.float32) + noise, 0, 255).astype(np.uint8) for im in out]
    for _ in range(2 if rng.random() < 0.2 else 1):
        if rng.random() < 0.8:
            quality = int(rng.integers(60, 96))
            out = [jpeg(im, quality) for im in out]
    if rng.random() < 0.5:
        out = [np.ascontiguousarray(im[:, ::-1]) for im in out]
    return out


def jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    _, data = cv2.imencode(
        ".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality]
    )
    return cv2.cvtColor(cv2.imdecode(data, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def untouched_crop(
    face: Face,
    size: int,
    rng: np.random.Generator,
    *,
    backdrop_share: float = 0.0,
    camera_share: float = 0.0,
) -> np.ndarray:
    """A face without landmarks (a smiling photo) as an extra untouched example, treated as
    the pairs are: jittered box, other backdrop, random interpolation, augmentation."""
    box = jittered_box(face.box, rng)
    crop = crop_face(face.rgb, box)
    if face.backdrop is not None and rng.random() < backdrop_share:
        backdrop = crop_face(face.backdrop, box)
        crop = replace_backdrop(crop, backdrop, random_scene(crop.shape[0], rng))
    if rng.random() < camera_share:
        crop = camera_look([crop], rng)[0]
    interpolation = INTERPOLATIONS[int(rng.integers(len(INTERPOLATIONS)))]
    return shared_augment([cv2.resize(crop, (size, size), interpolation=interpolation)], rng)[0]


def batch(
    faces: list[Face],
    size: int,
    rng: np.random.Generator,
    pairs: int,
    donor_share: float,
    *,
    extra_untouched: int = 0,
    backdrop_share: float = 0.0,
    camera_share: float = 0.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`pairs` untouched/fake pairs, then `extra_untouched` untouched crops of faces without
    landmarks (other expressions, so that a smile is not mistaken for a seam): images
    N x S x S x 3, labels N, boundary maps N x s x s."""
    with_points = [f for f in faces if f.points is not None]
    without = [f for f in faces if f.points is None]
    images, labels, maps = [], [], []
    for _ in range(pairs):
        face = with_points[int(rng.integers(len(with_points)))]
        donor = None
        if rng.random() < donor_share:
            others = [f for f in with_points if f.person != face.person]
            donor = others[int(rng.integers(len(others)))]
        real, fake, boundary = training_pair(
            face, donor, size, rng, backdrop_share=backdrop_share, camera_share=camera_share
        )
        images += [real, fake]
        labels += [0.0, 1.0]
        maps += [np.zeros_like(boundary), boundary]
    for _ in range(extra_untouched if without else 0):
        chosen = without[int(rng.integers(len(without)))]
        images.append(
            untouched_crop(
                chosen, size, rng, backdrop_share=backdrop_share, camera_share=camera_share
            )
        )
        labels.append(0.0)
        maps.append(np.zeros_like(maps[0]))
    return np.stack(images), np.float32(labels), np.stack(maps).astype(np.float32)
