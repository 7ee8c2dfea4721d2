"""Evaluation maths and the analyze / evaluate_detector commands."""

import json

import numpy as np
import pytest
from django.core.management import call_command

from detector.analysis.evaluation import (
    Row,
    auc,
    bootstrap_auc,
    expected_calibration_error,
    markdown_report,
    summarise,
    threshold_for_fpr,
    tpr_at_fpr,
)
from tests.conftest import encode, photo_array
from tests.detector.media_fixtures import png_with_text


def test_auc_counts_ties_as_half():
    assert auc([0, 0, 1, 1], [0.1, 0.5, 0.5, 0.9]) == pytest.approx(0.875)
    assert auc([0, 1], [0.2, 0.8]) == 1.0
    assert auc([0, 1], [0.8, 0.2]) == 0.0


def test_the_bootstrap_interval_brackets_the_estimate():
    rng = np.random.default_rng(1)
    labels = np.r_[np.zeros(200), np.ones(200)].astype(bool)
    scores = np.r_[rng.normal(0, 1, 200), rng.normal(1, 1, 200)]
    value, low, high = bootstrap_auc(labels, scores, rounds=200)
    assert low < value < high
    assert 0.68 < value < 0.84  # theory: Phi(1/sqrt 2) = 0.76


def test_the_threshold_lets_at_most_five_percent_of_reals_through():
    reals = np.linspace(0, 1, 100)
    threshold = threshold_for_fpr(reals, 0.05)
    assert (reals >= threshold).mean() <= 0.05
    tpr, _ = tpr_at_fpr(np.r_[np.zeros(100), np.ones(2)], np.r_[reals, 1.0, 0.0])
    assert tpr == 0.5


def test_calibration_error_is_zero_for_calibrated_bins_and_large_for_overconfidence():
    assert expected_calibration_error([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]) == 0
    assert expected_calibration_error([0, 0, 0, 0], [0.95] * 4) == pytest.approx(0.95)


def test_the_analyze_command_prints_one_json_line_per_file_and_survives_bad_ones(tmp_path, capsys):
    good = tmp_path / "gen.png"
    good.write_bytes(png_with_text({"parameters": "a cat\nSteps: 5, Model: m1"}))
    bad = tmp_path / "notes.jpg"
    bad.write_text("not an image")
    call_command("analyze", str(good), str(bad), str(tmp_path / "missing.png"), "--json")
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["file"].rsplit("/", 1)[1] for line in lines] == [
        "gen.png", "notes.jpg", "missing.png",
    ]  # fmt: skip
    assert lines[0]["verdict"] == "declared_ai"
    assert isinstance(lines[0]["probability"], float)
    assert "provenance" in lines[0]["evidence"]
    assert "JPEG, PNG and WebP" in lines[1]["error"]
    assert "error" in lines[2]


def test_evaluate_detector_reports_auc_and_verdict_counts(tmp_path, capsys):
    (tmp_path / "real").mkdir()
    (tmp_path / "fake").mkdir()
    for i in range(3):
        (tmp_path / "real" / f"{i}.jpg").write_bytes(encode(photo_array(seed=i), "JPEG"))
        (tmp_path / "fake" / f"{i}.png").write_bytes(
            png_with_text({"parameters": f"prompt {i}\nSteps: 9, Model: m"})
        )
    report_path = tmp_path / "report.md"
    call_command(
        "evaluate_detector", str(tmp_path), "--analyzers", "provenance",
        "--markdown", str(report_path),
    )  # fmt: skip
    text = report_path.read_text()
    assert "3 real, 3 fake." in text
    assert "| AUC (95 % bootstrap CI) | 1.000" in text
    assert "| declared_ai | 0 | 3 |" in text


def test_a_report_with_several_kinds_of_fake_measures_each_kind_against_the_real_photos():
    rows = [
        Row(f"r{i}.jpg", 0, 0.1 + i / 100, "inconclusive", {"noise": 0.2}, "real") for i in range(5)
    ]
    rows += [
        Row(f"s{i}.jpg", 1, 0.9, "likely_manipulated", {"noise": 0.9}, "splice") for i in range(5)
    ]
    rows += [
        Row(f"c{i}.jpg", 1, 0.05, "no_signs_found", {"noise": 0.1}, "copy_move") for i in range(5)
    ]
    summary = summarise(rows, title="mixed")
    assert summary["per_group"]["splice"]["auc"] == 1.0
    assert summary["per_group"]["copy_move"]["auc"] == 0.0
    assert summary["per_group"]["splice"]["verdicts"] == {"likely_manipulated": 5}
    text = markdown_report(summary)
    assert "| splice | 1.000 (1.000–1.000) | 1.000 |" in text
    assert "no_signs_found 5 | noise 0.000 |" in text
