"""Face-model evaluation helpers: person-level intervals, cached sets, temperature fitting."""

import numpy as np

from detector.analysis.training import evaluate_face_model, face_sets, train_face_model


def test_a_perfectly_separated_set_has_auc_one_and_a_tight_interval():
    people = ["a", "a", "b", "b", "c", "c"]
    labels = [0, 1, 0, 1, 0, 1]
    scores = [0.1, 0.9, 0.2, 0.8, 0.3, 0.7]
    assert evaluate_face_model.grouped_interval(people, labels, scores, rounds=50) == (1, 1, 1)


def test_resampling_people_widens_the_interval_when_one_person_is_wrong():
    rng = np.random.default_rng(0)
    people = np.repeat([f"p{i}" for i in range(10)], 4)
    labels = np.tile([0, 0, 1, 1], 10)
    scores = labels + rng.normal(0, 0.1, 40)
    scores[people == "p0"] = 1 - labels[people == "p0"]  # one person scored backwards
    value, low, high = evaluate_face_model.grouped_interval(people, labels, scores, rounds=200)
    assert low < value < high and value < 1


def test_built_sets_survive_the_cache_unchanged(tmp_path):
    crops = [np.full((8, 8, 3), i, np.uint8) for i in range(3)]
    made = [face_sets.Sample(f"00{i}", "swap", "original", c) for i, c in enumerate(crops)]
    first = evaluate_face_model.cached_samples(tmp_path, "set", lambda: made)
    again = evaluate_face_model.cached_samples(tmp_path, "set", lambda: [])
    assert [(s.person, s.kind, s.variant) for s in again] == [
        (s.person, s.kind, s.variant) for s in first
    ]
    assert all(np.array_equal(a.crop, b.crop) for a, b in zip(first, again, strict=True))


def test_temperature_softens_overconfident_logits():
    labels = np.array([0, 1] * 20, float)
    logits = np.where(labels == 1, 6.0, -6.0)
    logits[:4] = -logits[:4]  # 10 % confidently wrong
    assert train_face_model.fit_temperature(labels, logits) > 2
