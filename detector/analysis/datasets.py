"""Labelled image sets for evaluation and fitting: folders on disk and sets made in code."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from .manipulations import GENERATORS

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
FOLDER_LABELS = {"real": 0, "fake": 1, "ai": 1}


@dataclass(frozen=True)
class Sample:
    name: str
    data: bytes
    label: int  # 1 = fake or edited, 0 = real
    group: str = ""


def labelled_files(root: Path, labels_csv: Path | None = None) -> list[tuple[Path, int]]:
    """(path, label) pairs: from a CSV of `file,label` rows, or from real/ and fake/ (or ai/)."""
    if labels_csv is not None:
        with labels_csv.open(newline="") as handle:
            return [
                (root / row["file"], int(row["label"]))
                for row in csv.DictReader(handle)
                if row.get("file")
            ]
    pairs = []
    for folder, label in FOLDER_LABELS.items():
        directory = root / folder
        if directory.is_dir():
            pairs += [
                (path, label)
                for path in sorted(directory.iterdir())
                if path.suffix.lower() in IMAGE_SUFFIXES
            ]
    if not pairs:
        raise FileNotFoundError(f"no real/ and fake/ (or ai/) image folders under {root}")
    return pairs


def to_rgb(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as img:
        return np.asarray(ImageOps.exif_transpose(img).convert("RGB"))


def encode_jpeg(rgb: np.ndarray, quality: int = 90) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def normalise(rgb: np.ndarray, size: int = 512) -> np.ndarray:
    """Centre-crop to a square and resize, so size and shape tell a model nothing."""
    height, width = rgb.shape[:2]
    side = min(height, width)
    top, left = (height - side) // 2, (width - side) // 2
    square = Image.fromarray(rgb[top : top + side, left : left + side])
    return np.asarray(square.resize((size, size), Image.Resampling.LANCZOS))


def folder_samples(
    root: Path, labels_csv: Path | None = None, *, normalised: bool = False
) -> Iterator[Sample]:
    for path, label in labelled_files(root, labels_csv):
        data = path.read_bytes()
        if normalised:
            data = encode_jpeg(normalise(to_rgb(data)))
        yield Sample(path.name, data, label, path.parent.name)


def generated_samples(
    hosts: list[tuple[str, np.ndarray]], kinds: list[str], *, seed: int = 0, quality: int = 90
) -> Iterator[Sample]:
    """For each host photo: the untouched photo and one fake per kind, encoded identically."""
    rng = np.random.default_rng(seed)
    for index, (name, rgb) in enumerate(hosts):
        yield Sample(f"{name}.jpg", encode_jpeg(rgb, quality), 0, "real")
        for kind in kinds:
            if kind == "splice":
                donor = hosts[(index + 1 + int(rng.integers(len(hosts) - 1))) % len(hosts)][1]
                fake = GENERATORS[kind](rgb, donor, rng=rng)
            else:
                fake = GENERATORS[kind](rgb, rng=rng)
            yield Sample(f"{name}-{kind}.jpg", encode_jpeg(fake.image, quality), 1, kind)
