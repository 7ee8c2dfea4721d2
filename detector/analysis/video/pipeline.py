"""A video from bytes to an explained report: probe, sample, find and follow faces, score them
in one batch, check them over time, read the container's provenance, and fuse."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import numpy as np

from ..analyzers import faces as face_finder
from ..interrupt import STOP
from ..threads import one_blas_thread
from ..types import Media, MediaKind, Report
from . import frames as kept
from .evidence import temporal_evidence, tracks_evidence
from .fusion import fuse_video
from .panels import audio_panel, blink_panel
from .probe import Limits, VideoProbe, probe_video
from .provenance import container_tags, content_credentials
from .sampling import sample_frames
from .scoring import FaceModel, TrackScore, load_face_model, score_tracks
from .temporal import find_jumps
from .tracking import Box, track_faces

log = logging.getLogger(__name__)

Progress = Callable[[str, int], None]
MIN_SIDE = 160  # below this, faces are too small for any of our checks


def _frame_media(rgb: np.ndarray) -> Media:
    media = Media(MediaKind.IMAGE, b"", "image/x-raw", rgb.shape[1], rgb.shape[0])
    media.__dict__["rgb"] = rgb  # the frame is already decoded: prime the cached property
    return media


def find_faces(rgb: np.ndarray) -> list[Box]:
    return [tuple(float(v) for v in box[:4]) for box in face_finder.detect(_frame_media(rgb))]


def analyze_video(
    data: bytes,
    *,
    probe: VideoProbe | None = None,
    limits: Limits | None = None,
    face_model: FaceModel | str | None = "default",
    on_progress: Progress | None = None,
    per_second: float = 2.0,
    max_samples: int = 64,
) -> Report:
    report_progress = on_progress or (lambda step, percent: None)
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        timings[name] = round((now - started) * 1000, 1)
        started = now

    report_progress("checking the file", 1)
    one_blas_thread()
    probe = probe or probe_video(data, limits=limits or Limits())
    evidence = []
    credentials = content_credentials(data, probe)
    if credentials is not None:
        evidence.append(credentials)
    evidence.append(container_tags(probe))
    lap("provenance")

    def decoding(done: int, total: int) -> None:
        report_progress(
            f"decoding: frame {min(done, total)} of {total}", 2 + 38 * done // max(total, 1)
        )

    sampled = sample_frames(
        data, probe, per_second=per_second, max_samples=max_samples, on_frame=decoding
    )
    lap("decode")
    frames = [s.rgb for s in sampled.frames]
    times = [s.time_s for s in sampled.frames]
    total = len(frames)
    detections: list[list[Box]] = []
    for done, rgb in enumerate(frames, start=1):
        detections.append(find_faces(rgb))
        report_progress(f"finding faces: frame {done} of {total}", 40 + 30 * done // total)
    lap("faces")
    cuts = {s.index for s in sampled.frames if s.new_scene}
    tracks = track_faces(detections, cuts)

    model = load_face_model() if face_model == "default" else face_model
    failures: list[dict[str, str]] = []
    scores: list[TrackScore] | None = None
    if model is not None:
        faces_total = sum(len(t.frames) for t in tracks)
        report_progress(f"scoring faces: {faces_total} faces in {total} frames", 72)
        try:
            scores = score_tracks(tracks, frames, times, model)
        except STOP:
            raise
        except Exception as exc:  # a broken model must not lose the rest of the report
            log.exception("the face model failed on a video")
            failures.append({"analyzer": "face model", "reason": f"{type(exc).__name__}: {exc}"})
    lap("face_model")
    report_progress(f"checking faces over time: {total} frames", 90)
    jumps, pairs = find_jumps(tracks, frames, times)
    jumps_by_track: dict[int, int] = {}
    for jump in jumps:
        jumps_by_track[jump.track_id] = jumps_by_track.get(jump.track_id, 0) + 1
    evidence.append(temporal_evidence(jumps, pairs))
    if scores is not None:
        evidence.append(tracks_evidence(scores, total))
    evidence.append(blink_panel(tracks, frames, times))
    evidence.append(audio_panel(probe.has_audio))
    lap("temporal")

    report_progress("drawing the kept frames", 95)
    faces_in_frame, heat = _faces_by_frame(tracks, scores)
    moments = kept.strongest_moments(scores or [])
    keep = kept.frames_to_keep(total, sorted(faces_in_frame), moments)
    margin = model.heat_margin if model is not None else 0.0
    described, overlays = kept.kept_frames(frames, times, keep, faces_in_frame, heat, margin)
    lap("render")
    scope = []
    if min(probe.width, probe.height) < MIN_SIDE:
        scope.append(
            f"The video is only {probe.width}×{probe.height} pixels: faces in it are too small "
            "for our checks to mean much."
        )
    video = {
        "bytes": len(data),
        "duration_s": round(probe.duration_s, 3),
        "sampled": total,
        "decoded": sampled.decoded,
        "cuts": sampled.cuts,
        "samples": [
            {"index": s.index, "time_s": s.time_s, "reason": s.reason} for s in sampled.frames
        ],
        "threshold": None if model is None else round(float(model.threshold), 4),
        "tracks": [t.summary() for t in scores] if scores is not None else _unscored(tracks, times),
        "moments": moments,
        "frames": described,
        "jumps": [j.__dict__ for j in jumps],
    }
    return fuse_video(
        probe,
        evidence,
        scores,
        jumps_by_track=jumps_by_track,
        failures=failures,
        video=video,
        frame_overlays=overlays,
        timings_ms=timings,
        scope=scope,
    )


def _unscored(tracks, times) -> list[dict]:
    return [
        {
            "track": t.id,
            "frames": len(t.frames),
            "start_s": times[t.frames[0]],
            "end_s": times[t.frames[-1]],
            "points": [
                {"frame": f, "time_s": times[f], "probability": None, "box": [round(v) for v in b]}
                for f, b in zip(t.frames, t.boxes, strict=True)
            ],
        }
        for t in tracks
    ]


def _faces_by_frame(tracks, scores):
    faces: dict[int, list[dict]] = {}
    heat: dict[tuple[int, int], np.ndarray] = {}
    by_id = {s.track_id: s for s in scores or []}
    for track in tracks:
        scored = by_id.get(track.id)
        for i, (frame, box) in enumerate(zip(track.frames, track.boxes, strict=True)):
            probability = None if scored is None else round(scored.probabilities[i], 4)
            faces.setdefault(frame, []).append(
                {"track": track.id, "box": [round(v) for v in box], "probability": probability}
            )
            if scored is not None:
                heat[(track.id, frame)] = scored.heatmaps[i]
    return faces, heat
