"""Follow faces from one sampled frame to the next, so each person is judged on all their frames.

Greedy matching: first by overlap (intersection over union) with where a track was last seen,
then, for faces that moved further between samples, by how far their centres are apart relative
to the face size. A track survives a few samples without a detection (a blink of the detector),
and every track ends at a scene cut: the same spot after a cut is usually someone else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # x, y, w, h in frame pixels

MIN_IOU = 0.3
MAX_CENTRE_DISTANCE = 1.0  # in face widths: a face moves this far in half a second
MAX_MISSED = 2  # samples a track may go unseen before it ends


@dataclass
class Track:
    id: int
    frames: list[int] = field(default_factory=list)  # sampled-frame indices, ascending
    boxes: list[Box] = field(default_factory=list)
    missed: int = 0

    @property
    def last(self) -> Box:
        return self.boxes[-1]

    def add(self, frame: int, box: Box) -> None:
        self.frames.append(frame)
        self.boxes.append(box)
        self.missed = 0


def iou(a: Box, b: Box) -> float:
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def centre_distance(a: Box, b: Box) -> float:
    """Distance between centres in units of the larger face's width."""
    dx = (a[0] + a[2] / 2) - (b[0] + b[2] / 2)
    dy = (a[1] + a[3] / 2) - (b[1] + b[3] / 2)
    return (dx * dx + dy * dy) ** 0.5 / max(a[2], b[2], 1e-9)


def _match(active: list[Track], boxes: list[Box], taken: set[int], used: set[int], score, keep):
    pairs = sorted(
        ((score(t.last, b), ti, bi) for ti, t in enumerate(active) for bi, b in enumerate(boxes)),
        key=lambda p: p[0],
        reverse=score is iou,
    )
    matches = []
    for value, ti, bi in pairs:
        if ti in taken or bi in used or not keep(value):
            continue
        taken.add(ti)
        used.add(bi)
        matches.append((ti, bi))
    return matches


def track_faces(
    detections: list[list[Box]], cuts: set[int] | frozenset[int] = frozenset()
) -> list[Track]:
    """Tracks from per-frame face boxes; `cuts` are frame indices that start a new scene."""
    tracks: list[Track] = []
    active: list[Track] = []
    for frame, boxes in enumerate(detections):
        if frame in cuts:
            active = []
        taken: set[int] = set()
        used: set[int] = set()
        matches = _match(active, boxes, taken, used, iou, lambda v: v >= MIN_IOU)
        matches += _match(
            active, boxes, taken, used, centre_distance, lambda v: v <= MAX_CENTRE_DISTANCE
        )
        for ti, bi in matches:
            active[ti].add(frame, boxes[bi])
        survivors = [t for i, t in enumerate(active) if i in taken]
        for i, track in enumerate(active):
            if i not in taken:
                track.missed += 1
                if track.missed <= MAX_MISSED:
                    survivors.append(track)
        for bi, box in enumerate(boxes):
            if bi not in used:
                track = Track(id=len(tracks) + 1)
                track.add(frame, box)
                tracks.append(track)
                survivors.append(track)
        active = survivors
    return tracks
