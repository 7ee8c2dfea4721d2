"""Training and evaluation samples for the face model: blends, pairs, swaps, the split."""

import numpy as np
import pytest

from detector.analysis.training import face_data, face_samples, face_sets

from .face_fixtures import face, london_folder


def test_a_training_batch_is_the_same_for_the_same_seed():
    faces = [face("001"), face("002", skin=(150, 110, 90), seed=1)]
    first = face_samples.batch(faces, 64, np.random.default_rng([0, 1]), 2, 0.5)
    again = face_samples.batch(faces, 64, np.random.default_rng([0, 1]), 2, 0.5)
    other = face_samples.batch(faces, 64, np.random.default_rng([0, 2]), 2, 0.5)
    for a, b in zip(first, again, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[0], other[0])


def test_a_batch_alternates_untouched_and_fake_with_boundary_targets_only_on_fakes():
    images, labels, maps = face_samples.batch([face()], 64, np.random.default_rng(3), 3, 0.0)
    assert images.shape == (6, 64, 64, 3) and images.dtype == np.uint8
    assert labels.tolist() == [0, 1, 0, 1, 0, 1]
    assert maps.shape == (6, 4, 4)
    assert maps[labels == 0].max() == 0
    assert (maps[labels == 1].reshape(3, -1).max(1) > 0.3).all()


def test_faces_without_landmarks_join_a_batch_only_as_extra_untouched_crops():
    smiling = face("001", seed=5)
    smiling = face_data.Face("001", "smiling", smiling.rgb, None, smiling.box)
    images, labels, maps = face_samples.batch(
        [face(), smiling], 64, np.random.default_rng(4), 2, 0.0, extra_untouched=3
    )
    assert images.shape == (7, 64, 64, 3)
    assert labels.tolist() == [0, 1, 0, 1, 0, 0, 0]
    assert maps[4:].max() == 0
    # Without such faces the extra crops are simply left out.
    images, labels, _ = face_samples.batch(
        [face()], 64, np.random.default_rng(4), 2, 0.0, extra_untouched=3
    )
    assert labels.tolist() == [0, 1, 0, 1]


@pytest.mark.parametrize("seed", range(4))
def test_a_blend_changes_the_face_and_leaves_the_far_background_alone(seed):
    target = face()
    fake, weights = face_data.blend(target.rgb, target.points, np.random.default_rng(seed))
    assert fake.shape == target.rgb.shape and weights.shape == target.rgb.shape[:2]
    corner = (slice(0, 30), slice(0, 30))
    np.testing.assert_array_equal(fake[corner], target.rgb[corner])
    inside = weights > 0.5
    diff = np.abs(fake.astype(int) - target.rgb.astype(int)).mean(-1)
    assert inside.any() and diff[inside].mean() > 1.0


def test_a_classic_swap_puts_the_donors_colour_inside_the_targets_face():
    target = face("001", skin=(210, 160, 130))
    donor = face("002", skin=(120, 80, 60), seed=1)
    swapped = face_sets.face_swap(target, donor)
    assert swapped.shape == target.rgb.shape
    assert not np.array_equal(swapped, target.rgb)
    np.testing.assert_array_equal(swapped[:20, :20], target.rgb[:20, :20])


def test_the_boundary_target_peaks_where_the_weights_cross_one_half():
    weights = np.zeros((64, 64), np.float32)
    weights[:, 32:] = 1
    boundary = face_data.boundary_map(weights, 4)
    assert boundary[:, 0].max() == 0 and boundary[:, 3].max() == 0
    assert boundary.max() == 0  # a seam exactly on a cell edge gives pure cells
    weights[:, 24:] = 1
    assert face_data.boundary_map(weights, 4)[:, 1].min() > 0.5


def test_people_are_split_without_overlap_and_the_split_ignores_the_training_seed(tmp_path):
    root = tmp_path / "london"
    (root / "neutral").mkdir(parents=True)
    for i in range(1, 41):
        (root / "neutral" / f"{i:03d}_03.jpg").write_bytes(b"")
    groups = face_data.split(root)
    assert [len(groups[k]) for k in ("train", "validation", "test")] == [10, 10, 20]
    assert not set(groups["train"]) & set(groups["validation"])
    assert not set(groups["train"]) & set(groups["test"])
    assert not set(groups["validation"]) & set(groups["test"])
    assert face_data.split(root) == groups


def test_templates_are_read_as_189_points(tmp_path):
    root = london_folder(tmp_path / "london", people=1)
    points = face_data.read_template(root / "neutral" / "001_03.tem")
    assert points.shape == (189, 2) and points.dtype == np.float32


def test_the_backdrop_mask_covers_the_plain_background_and_never_the_inner_face():
    subject = face()
    mask = face_data.backdrop_mask(subject.rgb, subject.points)
    assert mask.shape == subject.rgb.shape[:2] and mask.dtype == np.uint8
    assert mask[5, 5] == 255 and mask[5, -5] == 255
    assert mask[170, 160] == 0  # the face's centre
    # A face the colour of the backdrop is still protected by its landmark hull.
    grey = face(skin=(180, 180, 180))
    inner = face_data.hull_mask(grey.rgb.shape[:2], grey.points[face_data.INNER]) > 0
    assert face_data.backdrop_mask(grey.rgb, grey.points)[inner].max() == 0


def test_a_new_backdrop_replaces_only_the_masked_part():
    image = np.full((8, 8, 3), 100, np.uint8)
    scene = np.full((8, 8, 3), (0, 0, 250), np.uint8)
    backdrop = np.zeros((8, 8), np.uint8)
    backdrop[:, :4] = 255
    backdrop[:, 4] = 128
    out = face_samples.replace_backdrop(image, backdrop, scene)
    assert (out[:, :4] == (0, 0, 250)).all() and (out[:, 5:] == 100).all()
    assert (out[:, 4] == (50, 50, 175)).all()  # the soft edge mixes the two


def test_both_crops_of_a_pair_get_the_same_new_backdrop():
    subject = face()
    subject.backdrop = face_data.backdrop_mask(subject.rgb, subject.points)
    for seed in range(3):
        real, fake = face_samples.batch(
            [subject], 64, np.random.default_rng(seed), 1, 0.0, backdrop_share=1.0
        )[0]
        corner = (slice(0, 6), slice(0, 6))
        assert np.abs(real[corner].astype(int) - fake[corner]).mean() < 4


def test_the_camera_look_treats_both_crops_of_a_pair_alike():
    crop = face().rgb
    first, second = face_samples.camera_look([crop, crop.copy()], np.random.default_rng(5))
    assert first.dtype == np.uint8 and first.shape == crop.shape
    np.testing.assert_array_equal(first, second)
    assert np.abs(first.astype(int) - crop).mean() > 1  # noise, smoothing and sharpening
