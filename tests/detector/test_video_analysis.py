"""A whole video through the detector: real frames, real face finding, tracking and temporal
checks; the face model is a stand-in whose scores the test sets (the model is not under test)."""

import functools
import hashlib

import numpy as np
import pytest

from detector.analysis.video import pipeline
from detector.analysis.video.pipeline import analyze_video
from detector.analysis.video.temporal import find_jumps
from detector.analysis.video.tracking import track_faces
from tests.detector.video_fixtures import (
    encode_video,
    panning_frames,
    stand_in_face_model,
    swapped_face_frames,
)

_FOUND: dict[str, list] = {}


@pytest.fixture(autouse=True)
def _faces_found_once(monkeypatch):
    """Face finding is real but slow; the same frame decoded again is not searched twice."""
    real = pipeline.find_faces

    def remembered(rgb):
        key = hashlib.sha1(rgb.tobytes()).hexdigest()
        if key not in _FOUND:
            _FOUND[key] = real(rgb)
        return list(_FOUND[key])

    monkeypatch.setattr(pipeline, "find_faces", remembered)


@functools.cache
def clean_mp4() -> bytes:
    return encode_video(panning_frames(60, size=(480, 360)))


@functools.cache
def swapped_mp4() -> bytes:
    return encode_video(swapped_face_frames(60))


def test_an_untouched_face_stays_consistent_with_its_surroundings():
    frames = panning_frames(60, size=(480, 360))[7::15]
    tracks = track_faces([pipeline.find_faces(f) for f in frames])
    jumps, pairs = find_jumps(tracks, frames, [i * 0.5 for i in range(len(frames))])
    assert pairs >= 3
    assert jumps == []


def test_a_pasted_face_that_flickers_against_its_surroundings_is_caught():
    frames = swapped_face_frames(60)[7::15]
    tracks = track_faces([pipeline.find_faces(f) for f in frames])
    jumps, _ = find_jumps(tracks, frames, [i * 0.5 for i in range(len(frames))])
    assert sum(j.kind == "flicker" for j in jumps) >= 3


def test_low_scores_on_a_consistent_face_give_no_signs_found():
    model, calls = stand_in_face_model(lambda crop: 0.05)
    report = analyze_video(clean_mp4(), face_model=model)
    assert str(report.verdict) == "no_signs_found"
    assert len(calls) == 1
    assert "Face 1" in report.reasons[0]


def test_low_scores_do_not_clear_a_face_that_jumps_between_frames():
    model, _ = stand_in_face_model(lambda crop: 0.05)
    report = analyze_video(swapped_mp4(), face_model=model)
    assert str(report.verdict) == "inconclusive"
    temporal = next(e for e in report.evidence if e.analyzer == "video_temporal")
    assert str(temporal.verdict_hint) == "manipulated"


def test_high_scores_across_a_track_give_likely_manipulated_with_moments_and_frames():
    model, _ = stand_in_face_model(lambda crop: 0.9)
    progress = []
    report = analyze_video(
        swapped_mp4(), face_model=model, on_progress=lambda s, p: progress.append((s, p))
    )
    assert str(report.verdict) == "likely_manipulated"
    video = report.video
    assert 2 <= len(video["moments"]) <= 4
    assert all(m["time_s"] <= 2.0 for m in video["moments"])
    assert 1 <= len(video["frames"]) <= 12
    assert {o.name for o in report.frame_overlays} == {f["overlay"] for f in video["frames"]}
    assert all(o.png.startswith(b"\x89PNG") for o in report.frame_overlays)
    assert any(s.startswith("finding faces: frame 4 of 4") for s, _ in progress)
    percents = [p for _, p in progress]
    assert percents == sorted(percents)
    assert report.to_dict()["video"]["tracks"][0]["median"] == pytest.approx(0.9)


def test_a_video_without_faces_is_inconclusive_and_says_why():
    from skimage import data as samples

    coffee = np.ascontiguousarray(samples.coffee())
    model, calls = stand_in_face_model(lambda crop: 0.9)
    report = analyze_video(encode_video(panning_frames(30, source=coffee)), face_model=model)
    assert str(report.verdict) == "inconclusive"
    assert any("no face" in r for r in report.reasons)
    assert calls == []


def test_without_a_face_model_the_video_is_inconclusive_not_failed():
    report = analyze_video(clean_mp4(), face_model=None)
    assert str(report.verdict) == "inconclusive"
    assert any("face model could not run" in r for r in report.reasons)
    assert report.video["tracks"][0]["points"][0]["probability"] is None


def test_a_face_model_that_breaks_is_listed_as_a_failure_and_the_rest_still_reports():
    def broken(crops):
        raise RuntimeError("weights missing")

    model, _ = stand_in_face_model(lambda crop: 0.1)
    model = type(model)(score=broken, crop=model.crop, threshold=0.5)
    report = analyze_video(clean_mp4(), face_model=model)
    assert str(report.verdict) == "inconclusive"
    assert report.failures[0]["analyzer"] == "face model"
    assert any("weights missing" in r for r in report.reasons)


def test_the_real_face_model_interface_scores_every_tracked_face_in_one_batch(
    tmp_path, monkeypatch
):
    """The project's face model (a network whose classifier is pinned for the test) plugged in
    through `load_face_model`, as a worker does it."""
    pytest.importorskip("torch")
    from detector.analysis import face_model
    from tests.detector.test_face_model import write_weights

    monkeypatch.setattr(face_model, "MODEL_DIR", write_weights(tmp_path, bias=4.0))
    batches = []
    real_score = face_model.score_faces

    def counting(crops, *args, **kwargs):
        batches.append(len(crops))
        return real_score(crops, *args, **kwargs)

    monkeypatch.setattr(face_model, "score_faces", counting)
    report = analyze_video(clean_mp4())
    faces = sum(t["frames"] for t in report.video["tracks"])
    assert batches == [faces]
    assert str(report.verdict) == "likely_manipulated"
    assert report.video["threshold"] == 0.5
    assert report.frame_overlays


def test_without_weights_the_real_loader_leaves_faces_unscored(tmp_path, monkeypatch):
    from detector.analysis import face_model
    from detector.analysis.video.scoring import load_face_model

    monkeypatch.setattr(face_model, "MODEL_DIR", tmp_path)
    assert load_face_model() is None
