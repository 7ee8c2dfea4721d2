"""The evaluation sets' crops: built once (face search, swaps), cached as .npz between runs.

Used by `evaluate_face_model`; the London sets themselves are made in `face_sets`.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from .. import face_model
from ..decode import media_from_bytes
from . import face_data, face_sets

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


def score(crops: list[np.ndarray], model_dir) -> np.ndarray:
    if not crops:
        return np.zeros(0)
    return np.array([s.probability for s in face_model.score_faces(crops, model_dir)])


def cached_samples(cache: Path | None, name: str, make) -> list[face_sets.Sample]:
    """Building the sets takes minutes (swaps, face search); keep their crops between runs."""
    path = cache / f"{name}.npz" if cache else None
    if path is not None and path.exists():
        z = np.load(path)
        expressions = z["expressions"] if "expressions" in z else _expressions(z)
        return [
            face_sets.Sample(str(p), str(k), str(v), c, str(e))
            for p, k, v, c, e in zip(
                z["people"], z["kinds"], z["variants"], z["crops"], expressions, strict=True
            )
        ]
    samples = make()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(
            path,
            people=[s.person for s in samples],
            kinds=[s.kind for s in samples],
            variants=[s.variant for s in samples],
            crops=np.stack([s.crop for s in samples]),
            expressions=[s.expression for s in samples],
        )
    return samples


def _expressions(z) -> list[str]:
    """For caches written before expressions were stored: `build` lists each person's
    untouched neutral photo before the smiling one, each in every variant."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for person, kind, variant in zip(z["people"], z["kinds"], z["variants"], strict=True):
        if kind != "untouched":
            out.append("neutral")
            continue
        key = (str(person), str(variant))
        out.append("neutral" if key not in seen else "smiling")
        seen[key] = 1
    return out


def other_camera_faces(folder: Path) -> list[face_data.Face]:
    out = []
    for path in sorted(folder.glob("*.jpg")):
        rgb = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
        # Their templates use other point layouts (106 and 83 points), not London's 189: no
        # swaps onto these photos, only the untouched faces.
        box = face_data.find_box(rgb)
        if box is not None:
            out.append(face_data.Face("other:" + path.stem, "neutral", rgb, None, box))
    return out


def other_camera_samples(folder: Path, size: int) -> list[face_sets.Sample]:
    """Untouched photos of a person from another camera, in both variants."""
    samples = []
    for face in other_camera_faces(folder):
        for name in face_sets.VARIANTS:
            shown = face_sets.variant(face.rgb, name)
            crop = face_sets._crop(shown, face, shown.shape[1] / face.rgb.shape[1], size)
            samples.append(face_sets.Sample(face.person, "untouched", name, crop))
    return samples


def real_photo_faces(folder: Path, size: int) -> list[face_sets.Sample]:
    """The face crops the analyzer would score in each photo (person = the photo's name).

    A photo without such a face still gets one entry with kind "none", so it counts."""
    from ..analyzers.face_model import candidate_faces

    out = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES):
        media = media_from_bytes(path.read_bytes(), name=path.name)
        kept, skipped = candidate_faces(media)
        blank = np.zeros((size, size, 3), np.uint8)
        out.append(face_sets.Sample(path.name, f"none:{skipped}", "original", blank))
        for box in kept:
            crop = face_model.prepare([face_model.crop_face(media.rgb, box)], size)[0]
            out.append(face_sets.Sample(path.name, "face", "original", crop))
    return out


def real_photo_scores(samples, model_dir) -> tuple[list[float], dict]:
    """Per photo, the highest face score (0 without a face the analyzer would score)."""
    faces = [s for s in samples if s.kind == "face"]
    probs = score([s.crop for s in faces], model_dir)
    photos = sorted({s.person for s in samples})
    best = {p: 0.0 for p in photos}
    for sample, p in zip(faces, probs, strict=True):
        best[sample.person] = max(best[sample.person], float(p))
    set_aside = sum(int(s.kind.split(":")[1]) for s in samples if s.kind.startswith("none"))
    counts = {"photos": len(photos), "faces_scored": len(faces), "boxes_set_aside": set_aside}
    return [best[p] for p in photos], counts
