"""Score every tracked face with the learned face model, in one batch, and sum up each track.

The face model (`detector.analysis.face_model`) is handed in as a `FaceModel` so that tests can
stand in scores they construct, and so that a missing model makes the video "not scored"
instead of failing it. All faces of a video go to the model in one call: batching is several
times faster on CPU than one call per frame.
"""

from __future__ import annotations

import functools
import logging
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .tracking import Box, Track

log = logging.getLogger(__name__)

TOP_K = 3


@dataclass(frozen=True)
class FaceModel:
    score: Callable[[list[np.ndarray]], Sequence]  # crops -> objects with .probability, .heatmap
    crop: Callable[[np.ndarray, Box], np.ndarray]
    threshold: float  # at or above: this face looks manipulated
    # The heat-map covers the crop: the face box grown to a square with this margin per side.
    heat_margin: float = 0.0


def load_face_model() -> FaceModel | None:
    """The project's face model, or None where it is not installed (its weights missing)."""
    from .. import config

    try:
        from .. import face_model
    except ImportError:
        face_model = None
    folder = config.current().face_model_dir
    if face_model is None or not face_model.available(folder):
        log.warning("the face model is not available; video faces will not be scored")
        return None
    return FaceModel(
        score=functools.partial(face_model.score_faces, model_dir=folder),
        crop=face_model.crop_face,
        threshold=face_model.likely_threshold(folder),
        heat_margin=face_model.MARGIN,
    )


def heat_square(box: Box, margin: float) -> Box:
    """Where a face's heat-map lies in the frame: the model's square crop around the box."""
    x, y, w, h = box[:4]
    side = max(w, h) * (1 + 2 * margin)
    return (x + w / 2 - side / 2, y + h / 2 - side / 2, side, side)


@dataclass(frozen=True)
class TrackScore:
    track_id: int
    frames: list[int]
    times: list[float]
    boxes: list[Box]
    probabilities: list[float]
    heatmaps: list[np.ndarray]
    threshold: float

    @property
    def median(self) -> float:
        return float(statistics.median(self.probabilities))

    @property
    def top_k_mean(self) -> float:
        top = sorted(self.probabilities, reverse=True)[:TOP_K]
        return float(sum(top) / len(top))

    @property
    def share_above(self) -> float:
        above = sum(p >= self.threshold for p in self.probabilities)
        return above / len(self.probabilities)

    @property
    def peak(self) -> float:
        return max(self.probabilities)

    def summary(self) -> dict:
        return {
            "track": self.track_id,
            "frames": len(self.frames),
            "start_s": self.times[0],
            "end_s": self.times[-1],
            "median": round(self.median, 4),
            "top_k_mean": round(self.top_k_mean, 4),
            "top_k": min(TOP_K, len(self.probabilities)),
            "share_above": round(self.share_above, 4),
            "peak": round(self.peak, 4),
            "points": [
                {"frame": f, "time_s": t, "probability": round(p, 4), "box": [round(v) for v in b]}
                for f, t, p, b in zip(
                    self.frames, self.times, self.probabilities, self.boxes, strict=True
                )
            ],
        }


def score_tracks(
    tracks: list[Track],
    frames: Sequence[np.ndarray],
    times: Sequence[float],
    model: FaceModel,
) -> list[TrackScore]:
    """One model call for every face of every track."""
    crops, owners = [], []
    for track in tracks:
        for frame, box in zip(track.frames, track.boxes, strict=True):
            crops.append(model.crop(frames[frame], box))
            owners.append(track.id)
    results = list(model.score(crops)) if crops else []
    if len(results) != len(crops):
        raise ValueError(f"the face model answered {len(results)} scores for {len(crops)} faces")
    out, cursor = [], 0
    for track in tracks:
        mine = results[cursor : cursor + len(track.frames)]
        cursor += len(track.frames)
        out.append(
            TrackScore(
                track_id=track.id,
                frames=list(track.frames),
                times=[float(times[f]) for f in track.frames],
                boxes=list(track.boxes),
                probabilities=[float(r.probability) for r in mine],
                heatmaps=[np.asarray(r.heatmap) for r in mine],
                threshold=model.threshold,
            )
        )
    return out
