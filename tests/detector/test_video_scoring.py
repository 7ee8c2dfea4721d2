"""Per-track scores from the face model: one batch per video, median, top-k mean, share above."""

import numpy as np
import pytest

from detector.analysis.video.scoring import TrackScore, score_tracks
from detector.analysis.video.tracking import track_faces
from tests.detector.video_fixtures import stand_in_face_model


def frames(count: int) -> list[np.ndarray]:
    # Each frame's brightness encodes its index, so the stand-in model can score per frame.
    return [np.full((120, 160, 3), 10 * i, np.uint8) for i in range(count)]


def test_every_face_of_a_video_goes_to_the_model_in_one_call():
    model, calls = stand_in_face_model(lambda crop: 0.2)
    tracks = track_faces([[(10, 10, 30, 30), (100, 10, 30, 30)]] * 5)
    scores = score_tracks(tracks, frames(5), [i * 0.5 for i in range(5)], model)
    assert calls == [10]
    assert [len(s.probabilities) for s in scores] == [5, 5]


def test_each_track_gets_its_own_frames_scores_in_order():
    model, _ = stand_in_face_model(lambda crop: float(crop.mean()) / 100)
    tracks = track_faces([[(10, 10, 30, 30)]] * 4)
    (score,) = score_tracks(tracks, frames(4), [0.0, 0.5, 1.0, 1.5], model)
    assert score.probabilities == pytest.approx([0.0, 0.1, 0.2, 0.3])
    assert score.times == [0.0, 0.5, 1.0, 1.5]


def track(probabilities, threshold=0.5) -> TrackScore:
    n = len(probabilities)
    return TrackScore(
        1, list(range(n)), [i / 2 for i in range(n)], [(0, 0, 10, 10)] * n,
        list(probabilities), [np.zeros((2, 2))] * n, threshold,
    )  # fmt: skip


def test_track_summary_uses_median_top_three_mean_and_share_above_threshold():
    scored = track([0.1, 0.2, 0.9, 0.8, 0.7, 0.3])
    assert scored.median == pytest.approx(0.5)
    assert scored.top_k_mean == pytest.approx(0.8)
    assert scored.share_above == pytest.approx(0.5)
    summary = scored.summary()
    assert summary["top_k"] == 3 and summary["peak"] == 0.9
    assert len(summary["points"]) == 6


def test_a_model_that_answers_the_wrong_number_of_scores_is_an_error():
    model, _ = stand_in_face_model(lambda crop: 0.2)
    broken = type(model)(score=lambda crops: [], crop=model.crop, threshold=0.5)
    with pytest.raises(ValueError, match="0 scores for 2 faces"):
        score_tracks(track_faces([[(0, 0, 20, 20)]] * 2), frames(2), [0, 1], broken)
