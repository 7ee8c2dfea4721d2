"""The frames a result page shows: the strongest moments and a spread of the rest, each with
its faces outlined and the face model's heat-map laid over them."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from .. import render
from ..types import Overlay
from .scoring import TrackScore, heat_square

MAX_KEPT = 12
MAX_MOMENTS = 4
MOMENT_GAP_S = 1.0
FRAME_SIDE = 640
TRACK_COLOURS = [(255, 210, 0), (0, 200, 255), (120, 255, 80), (255, 120, 200), (230, 40, 40)]


def strongest_moments(tracks: Sequence[TrackScore]) -> list[dict]:
    """Up to four (track, frame) points with the highest scores, at least a second apart."""
    points = sorted(
        (
            (p, t.track_id, f, time)
            for t in tracks
            for p, f, time in zip(t.probabilities, t.frames, t.times, strict=True)
        ),
        reverse=True,
    )
    chosen: list[dict] = []
    for probability, track, frame, time_s in points:
        if all(abs(time_s - m["time_s"]) >= MOMENT_GAP_S for m in chosen):
            chosen.append(
                {
                    "time_s": time_s,
                    "track": track,
                    "frame": frame,
                    "probability": round(probability, 4),
                }
            )
        if len(chosen) == MAX_MOMENTS:
            break
    return sorted(chosen, key=lambda m: m["time_s"])


def frames_to_keep(
    frame_count: int, with_faces: Sequence[int], moments: Sequence[dict]
) -> list[int]:
    """Moment frames first, then an even spread of frames with faces (or of all frames)."""
    kept = [m["frame"] for m in moments]
    pool = list(with_faces) or list(range(frame_count))
    if pool:
        step = max(1, len(pool) / max(1, MAX_KEPT - len(kept)))
        for i in range(MAX_KEPT):
            index = int(i * step)
            if index >= len(pool) or len(kept) >= MAX_KEPT:
                break
            if pool[index] not in kept:
                kept.append(pool[index])
    return sorted(set(kept))[:MAX_KEPT]


def render_frame(
    rgb: np.ndarray,
    faces: Sequence[tuple[int, tuple, np.ndarray | None]],
    heat_margin: float = 0.0,
) -> bytes:
    """`faces`: (track id, box in frame pixels, heat-map over the face crop or None); the crop
    is the box grown to a square with `heat_margin` per side, as the face model cuts it."""
    canvas = render.fit(rgb, FRAME_SIDE).astype(np.float32)
    scale = canvas.shape[1] / rgb.shape[1]
    thickness = max(2, round(max(canvas.shape[:2]) / 320))
    for _track, box, heat in faces:
        if heat is None:
            continue
        sx, sy, side, _ = heat_square(box, heat_margin)
        full = round(side * scale)
        if full < 3:
            continue
        values = np.clip(np.nan_to_num(np.asarray(heat, np.float32)), 0, 1)
        values = cv2.resize(values, (full, full), interpolation=cv2.INTER_LINEAR)
        left, top = round(sx * scale), round(sy * scale)
        x0, y0 = max(0, left), max(0, top)
        x1, y1 = min(canvas.shape[1], left + full), min(canvas.shape[0], top + full)
        if x1 - x0 > 2 and y1 - y0 > 2:
            values = values[y0 - top : y1 - top, x0 - left : x1 - left]
            coloured = cv2.applyColorMap((values * 255).astype(np.uint8), cv2.COLORMAP_INFERNO)
            coloured = cv2.cvtColor(coloured, cv2.COLOR_BGR2RGB).astype(np.float32)
            weight = (0.6 * np.sqrt(values))[..., None]
            patch = canvas[y0:y1, x0:x1]
            canvas[y0:y1, x0:x1] = patch * (1 - weight) + coloured * weight
    out = np.clip(canvas, 0, 255).astype(np.uint8)
    for track_id, box, _ in faces:
        colour = TRACK_COLOURS[(track_id - 1) % len(TRACK_COLOURS)]
        top_left = (round(box[0] * scale), round(box[1] * scale))
        bottom_right = (round((box[0] + box[2]) * scale), round((box[1] + box[3]) * scale))
        cv2.rectangle(out, top_left, bottom_right, colour, thickness)
        cv2.putText(
            out, str(track_id), (top_left[0] + 3, max(14, top_left[1] - 4)),
            cv2.FONT_HERSHEY_SIMPLEX, 0.6, colour, 2, cv2.LINE_AA,
        )  # fmt: skip
    return render.png(out)


def kept_frames(
    frames: Sequence[np.ndarray],
    times: Sequence[float],
    keep: Sequence[int],
    faces_in_frame: dict[int, list[dict]],
    heat: dict[tuple[int, int], np.ndarray],
    heat_margin: float = 0.0,
) -> tuple[list[dict], list[Overlay]]:
    """Descriptions for the page and the PNG overlays to store, one per kept frame."""
    described, overlays = [], []
    for frame in keep:
        faces = faces_in_frame.get(frame, [])
        name = f"frame-{frame:03d}"
        png = render_frame(
            frames[frame],
            [(f["track"], f["box"], heat.get((f["track"], frame))) for f in faces],
            heat_margin,
        )
        scored = [f for f in faces if f.get("probability") is not None]
        if scored:
            alt = f"Frame at {times[frame]:.1f} s with " + ", ".join(
                f"face {f['track']} outlined ({f['probability']:.0%})" for f in scored
            )
        elif faces:
            alt = f"Frame at {times[frame]:.1f} s with {len(faces)} face(s) outlined"
        else:
            alt = f"Frame at {times[frame]:.1f} s; no face found in it"
        overlays.append(
            Overlay(name=name, caption=f"Frame at {times[frame]:.1f} s", alt=alt + ".", png=png)
        )
        described.append(
            {"frame": frame, "time_s": times[frame], "overlay": name, "faces": faces, "alt": alt}
        )
    return described, overlays
