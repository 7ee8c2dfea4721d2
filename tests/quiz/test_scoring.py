"""Scoring rules: every item kind, spot guesses with tolerance, Brier score and calibration."""

import numpy as np
import pytest

from quiz.scoring import (
    Box,
    brier_score,
    calibration,
    detector_call,
    detector_pair_call,
    grid_cell_box,
    is_correct,
    spot_hit,
)

REGION = [{"x": 100, "y": 100, "w": 20, "h": 20}]


@pytest.mark.parametrize(
    ("kind", "truth", "answer", "expected"),
    [
        ("single", "fake", "fake", True),
        ("single", "fake", "real", False),
        ("single", "real", "real", True),
        ("pair", "a", "a", True),
        ("pair", "a", "b", False),
        ("statement", "false", "false", True),
        ("statement", "false", "true", False),
    ],
)
def test_answers_are_right_only_when_they_match_the_truth(kind, truth, answer, expected):
    assert is_correct(kind, truth, answer) is expected


def test_a_click_inside_a_changed_area_hits():
    assert spot_hit(Box(110, 110, 0, 0), regions=REGION, mask=None, tolerance=0)


def test_a_click_just_outside_hits_only_within_the_tolerance():
    near = Box(125, 110, 0, 0)  # 5 px right of the box
    assert not spot_hit(near, regions=REGION, mask=None, tolerance=4)
    assert spot_hit(near, regions=REGION, mask=None, tolerance=5)


def test_a_click_far_away_misses():
    assert not spot_hit(Box(10, 10, 0, 0), regions=REGION, mask=None, tolerance=16)


def test_a_mask_is_scored_pixel_by_pixel():
    mask = np.zeros((200, 200), bool)
    mask[50:60, 50:60] = True
    assert spot_hit(Box(55, 55, 0, 0), regions=[], mask=mask, tolerance=0)
    assert not spot_hit(Box(70, 55, 0, 0), regions=[], mask=mask, tolerance=5)
    assert spot_hit(Box(70, 55, 0, 0), regions=[], mask=mask, tolerance=11)


def test_a_grid_cell_hits_when_the_changed_area_overlaps_it():
    cell = grid_cell_box(0, 600, 600, grid=6)  # the top-left 100 x 100 square
    assert cell == Box(0, 0, 99, 99)
    assert spot_hit(cell, regions=[{"x": 90, "y": 90, "w": 5, "h": 5}], mask=None, tolerance=0)
    assert not spot_hit(
        cell, regions=[{"x": 300, "y": 300, "w": 5, "h": 5}], mask=None, tolerance=0
    )


def test_brier_score_is_zero_for_sure_and_right_and_one_for_sure_and_wrong():
    assert brier_score([(100, True)]) == 0
    assert brier_score([(100, False)]) == 1
    assert brier_score([(50, True), (50, False)]) == pytest.approx(0.25)
    assert brier_score([(80, True), (70, False)]) == pytest.approx((0.04 + 0.49) / 2)
    assert brier_score([]) is None


def test_a_player_sure_of_everything_but_often_wrong_is_overconfident():
    result = calibration([(100, True), (100, False), (90, False), (90, True)])
    assert result.verdict == "overconfident"
    assert result.accuracy == 50
    assert result.mean_confidence == 95


def test_a_player_right_every_time_but_unsure_is_underconfident():
    assert calibration([(60, True), (55, True), (60, True)]).verdict == "underconfident"


def test_a_player_whose_confidence_matches_their_accuracy_is_well_calibrated():
    assert calibration([(80, True), (80, True), (80, True), (80, True), (80, False)]).verdict == (
        "well_calibrated"
    )


def test_the_detector_call_maps_verdicts_to_answers():
    assert detector_call("declared_ai") == "fake"
    assert detector_call("likely_manipulated") == "fake"
    assert detector_call("no_signs_found") == "real"
    assert detector_call("inconclusive") is None
    assert detector_pair_call("likely_manipulated", 0.9, "inconclusive", 0.4) == "a"
    assert detector_pair_call("inconclusive", 0.5, "inconclusive", 0.45) is None
