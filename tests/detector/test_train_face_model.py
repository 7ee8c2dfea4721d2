"""Training the face model end to end on a tiny synthetic set: it runs, writes, and repeats."""

import json

import pytest

from detector.analysis import face_model
from detector.analysis.training import face_data, train_face_model

from .face_fixtures import london_folder

torch = pytest.importorskip("torch")


def run(data, out, *extra: str):
    args = train_face_model.parse(
        [
            "--data",
            str(data),
            "--out",
            str(out),
            "--seed",
            "0",
            "--steps",
            "2",
            "--pairs",
            "1",
            "--size",
            "64",
            "--eval-every",
            "2",
            "--threads",
            "1",
            "--init",
            "random",
            *extra,
        ]
    )
    return train_face_model.train(args)


def test_two_runs_with_the_same_seed_write_the_same_weights(tmp_path, monkeypatch):
    monkeypatch.setattr(face_data, "N_VALIDATION", 2)
    monkeypatch.setattr(face_data, "N_TEST", 1)
    data = london_folder(tmp_path / "london", people=5)
    meta = run(data, tmp_path / "a")
    run(data, tmp_path / "b")
    first = torch.load(tmp_path / "a" / face_model.WEIGHTS, weights_only=True)
    second = torch.load(tmp_path / "b" / face_model.WEIGHTS, weights_only=True)
    assert first.keys() == second.keys()
    assert all(torch.equal(first[k], second[k]) for k in first)
    assert all(v.dtype == torch.float16 for v in first.values() if v.is_floating_point())
    written = json.loads((tmp_path / "a" / face_model.META).read_text())
    assert written["input_size"] == 64 and written["temperature"] > 0
    assert 0.5 <= written["likely_threshold"] <= 1.0
    assert len(written["split"]["train"]) == 2 and meta["chosen_step"] == 2


def test_the_management_command_passes_every_training_option_on(tmp_path, monkeypatch):
    from django.core.management import call_command

    monkeypatch.setattr(face_data, "N_VALIDATION", 2)
    monkeypatch.setattr(face_data, "N_TEST", 1)
    data = london_folder(tmp_path / "london", people=5)
    call_command(
        "train_face_model",
        "--data",
        str(data),
        "--out",
        str(tmp_path / "cmd"),
        "--steps",
        "2",
        "--pairs",
        "1",
        "--size",
        "64",
        "--eval-every",
        "2",
        "--threads",
        "1",
        "--init",
        "random",
        "--extra-untouched",
        "0",
        "--backdrop-share",
        "0.25",
    )
    written = json.loads((tmp_path / "cmd" / face_model.META).read_text())
    assert written["input_size"] == 64
    assert written["training"]["extra_untouched"] == 0
    assert written["training"]["backdrop_share"] == 0.25
    assert written["training"]["steps_planned"] == 2


def test_the_moving_average_blends_weights_and_copies_counters():
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.BatchNorm1d(2))
    average = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.BatchNorm1d(2))
    before = {k: v.clone() for k, v in average.state_dict().items()}
    net[1].num_batches_tracked += 7
    train_face_model.update_average(average, net, 0.9)
    now, current = average.state_dict(), net.state_dict()
    for name in ("0.weight", "0.bias", "1.running_mean", "1.running_var"):
        assert torch.allclose(now[name], 0.9 * before[name] + 0.1 * current[name])
    assert now["1.num_batches_tracked"].item() == 7


def test_with_a_moving_average_validation_judges_and_keeps_the_average(tmp_path, monkeypatch):
    monkeypatch.setattr(face_data, "N_VALIDATION", 2)
    monkeypatch.setattr(face_data, "N_TEST", 1)
    data = london_folder(tmp_path / "london", people=5)
    trained = run(data, tmp_path / "plain")
    averaged = run(data, tmp_path / "ema", "--ema", "0.5")
    assert averaged["training"]["ema"] == 0.5
    # Logged beside the average's own figures: how the weights as trained did.
    assert averaged["validation"]["as_trained"] == trained["validation"]["choice"]
    plain = torch.load(tmp_path / "plain" / face_model.WEIGHTS, weights_only=True)
    kept = torch.load(tmp_path / "ema" / face_model.WEIGHTS, weights_only=True)
    assert any(not torch.equal(plain[k], kept[k]) for k in plain if plain[k].is_floating_point())
