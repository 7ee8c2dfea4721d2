"""Video fusion: provenance first, then the face tracks, into the same five verdicts."""

import numpy as np

from detector.analysis.types import Evidence, Hint, Strength
from detector.analysis.video.fusion import fuse_video
from detector.analysis.video.probe import VideoProbe
from detector.analysis.video.scoring import TrackScore

PROBE = VideoProbe("video/mp4", "mp4", "MP4", "h264", 640, 360, 0, 10.0, 30.0, 300, False)


def track(track_id, probabilities, threshold=0.6) -> TrackScore:
    n = len(probabilities)
    return TrackScore(
        track_id, list(range(n)), [i / 2 for i in range(n)], [(0, 0, 50, 50)] * n,
        list(probabilities), [np.zeros((2, 2))] * n, threshold,
    )  # fmt: skip


def fuse(tracks, evidence=(), jumps=None, failures=()):
    return fuse_video(
        PROBE, list(evidence), tracks, jumps_by_track=jumps or {}, failures=list(failures),
        video={"bytes": 1}, frame_overlays=[], timings_ms={}, scope=[],
    )  # fmt: skip


def credentials(hint, strength=Strength.DECISIVE):
    return Evidence("content_credentials", "C2PA", hint, 0.99, strength, "signed says so", "", "")


def test_a_face_above_threshold_in_most_frames_is_likely_manipulated():
    report = fuse([track(1, [0.1, 0.1]), track(2, [0.7, 0.8, 0.65, 0.3, 0.9])])
    assert str(report.verdict) == "likely_manipulated"
    assert report.probability == 0.7
    assert report.reasons[0].startswith("Face 2")


def test_one_bad_frame_does_not_make_a_track_manipulated():
    report = fuse([track(1, [0.1, 0.95, 0.1, 0.1, 0.1])])
    assert str(report.verdict) == "inconclusive"


def test_jumps_between_frames_tip_a_borderline_track():
    borderline = [track(1, [0.7, 0.65, 0.62, 0.2, 0.2, 0.2, 0.2, 0.3])]
    assert str(fuse(borderline).verdict) == "inconclusive"
    assert str(fuse(borderline, jumps={1: 2}).verdict) == "likely_manipulated"


def test_every_track_well_under_the_threshold_gives_no_signs_found():
    report = fuse([track(1, [0.05, 0.1, 0.2]), track(2, [0.1, 0.1, 0.1, 0.1])])
    assert str(report.verdict) == "no_signs_found"


def test_a_short_track_keeps_the_video_from_being_cleared():
    report = fuse([track(1, [0.05, 0.1, 0.2]), track(2, [0.1])])
    assert str(report.verdict) == "inconclusive"


def test_no_faces_or_no_model_is_inconclusive():
    assert str(fuse([]).verdict) == "inconclusive"
    assert str(fuse(None).verdict) == "inconclusive"
    assert "face model could not run" in fuse(None).reasons[0]


def test_content_credentials_decide_before_the_faces():
    low = [track(1, [0.05, 0.05, 0.05])]
    high = [track(1, [0.9, 0.9, 0.9])]
    assert str(fuse(high, [credentials(Hint.SYNTHETIC)]).verdict) == "declared_ai"
    assert str(fuse(low, [credentials(Hint.AUTHENTIC)]).verdict) == "verified_capture"
    changed = credentials(Hint.MANIPULATED, Strength.STRONG)
    assert str(fuse(low, [changed]).verdict) == "likely_manipulated"


def test_a_failed_check_keeps_the_video_from_being_cleared():
    failures = [{"analyzer": "face model", "reason": "boom"}]
    report = fuse([track(1, [0.05, 0.05, 0.05])], failures=failures)
    assert str(report.verdict) == "inconclusive"
    assert "face model check could not run: boom" in report.reasons[-1]
