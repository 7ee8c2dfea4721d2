"""Synthetic faces with a 189-point London-style landmark template, made in code for tests."""

from pathlib import Path

import cv2
import numpy as np

from detector.analysis.training.face_data import INNER, Face

SIDE = 320
CENTRE = np.float32([160, 170])
RADII = np.float32([70, 90])


def landmarks(shift: float = 0.0) -> np.ndarray:
    """Inner-face points fill an ellipse (so their hull is that ellipse); the rest lie outside."""
    points = np.zeros((189, 2), np.float32)
    inner = set(INNER.tolist())
    angles = np.linspace(0, 2 * np.pi, len(inner), endpoint=False)
    reach = np.where(np.arange(len(inner)) % 2 == 0, 1.0, 0.5)
    ring = np.stack([np.cos(angles), np.sin(angles)], 1) * RADII * reach[:, None]
    points[sorted(inner)] = CENTRE + shift + ring
    others = [i for i in range(189) if i not in inner]
    angles = np.linspace(0, 2 * np.pi, len(others), endpoint=False)
    points[others] = CENTRE + np.stack([np.cos(angles), np.sin(angles)], 1) * RADII * 1.25
    return points


def face_image(skin=(200, 150, 120), seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    image = np.full((SIDE, SIDE, 3), 180, np.uint8)
    centre = tuple(int(v) for v in CENTRE)
    cv2.ellipse(image, centre, tuple(int(v) for v in RADII), 0, 0, 360, skin, -1)
    for dx in (-28, 28):  # eyes and a mouth give the texture some structure
        cv2.circle(image, (centre[0] + dx, centre[1] - 20), 9, (40, 30, 30), -1)
    cv2.ellipse(image, (centre[0], centre[1] + 40), (25, 8), 0, 0, 360, (150, 60, 60), -1)
    noise = rng.normal(0, 4, image.shape)
    return np.clip(image + noise, 0, 255).astype(np.uint8)


def face(person: str = "001", skin=(200, 150, 120), seed: int = 0) -> Face:
    box = (float(CENTRE[0] - 60), float(CENTRE[1] - 60), 120.0, 120.0)
    return Face(person, "neutral", face_image(skin, seed), landmarks(), box)


def london_folder(root: Path, people: int = 4) -> Path:
    """A folder laid out like the London set: neutral JPEGs with .tem templates, a CSV."""
    (root / "neutral").mkdir(parents=True)
    rows = ["face_id,face_age,face_gender,face_eth"]
    for i in range(1, people + 1):
        person = f"{i:03d}"
        skin = (190 + 10 * (i % 3), 140 + 8 * i, 110 + 5 * i)
        rgb = face_image(skin, seed=i)
        cv2.imwrite(
            str(root / "neutral" / f"{person}_03.jpg"), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
        )
        points = landmarks(shift=float(i))
        lines = ["189"] + [f"{x:.1f}\t{y:.1f}" for x, y in points]
        (root / "neutral" / f"{person}_03.tem").write_text("\n".join(lines) + "\n")
        rows.append(f"{person},30,{'female' if i % 2 else 'male'},white")
    (root / "london_info.csv").write_text("\n".join(rows) + "\n")
    return root
