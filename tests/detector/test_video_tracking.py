"""Following faces from one sampled frame to the next."""

from detector.analysis.video.tracking import centre_distance, iou, track_faces


def test_overlapping_boxes_in_neighbouring_frames_are_one_face():
    tracks = track_faces([[(100, 100, 50, 50)], [(105, 102, 50, 50)], [(110, 104, 50, 50)]])
    assert len(tracks) == 1
    assert tracks[0].frames == [0, 1, 2]


def test_two_people_side_by_side_stay_two_tracks_even_when_they_cross_order():
    left, right = (20, 50, 40, 40), (200, 50, 40, 40)
    tracks = track_faces([[left, right], [(205, 52, 40, 40), (24, 50, 40, 40)]])
    assert len(tracks) == 2
    by_start = {t.boxes[0]: t for t in tracks}
    assert by_start[left].boxes[1] == (24, 50, 40, 40)
    assert by_start[right].boxes[1] == (205, 52, 40, 40)


def test_a_face_that_moved_past_any_overlap_is_followed_by_its_centre():
    # Moving 20 px between samples leaves little overlap for a 25 px face; it is the same face.
    a, b = (100, 100, 25, 25), (120, 100, 25, 25)
    assert iou(a, b) < 0.3
    assert centre_distance(a, b) == 0.8
    tracks = track_faces([[a], [b]])
    assert len(tracks) == 1


def test_a_face_far_away_starts_a_new_track():
    tracks = track_faces([[(10, 10, 30, 30)], [(300, 200, 30, 30)]])
    assert len(tracks) == 2


def test_a_track_survives_two_missed_detections_but_not_three():
    face = (100, 100, 50, 50)
    assert len(track_faces([[face], [], [], [face]])) == 1
    assert len(track_faces([[face], [], [], [], [face]])) == 2


def test_a_scene_cut_ends_every_track():
    face = (100, 100, 50, 50)
    tracks = track_faces([[face], [face], [face]], cuts={2})
    assert [t.frames for t in tracks] == [[0, 1], [2]]
