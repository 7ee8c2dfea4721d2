"""Choosing and decoding the frames of a video that the checks look at."""

import numpy as np
import pytest

from detector.analysis.decode import MediaError
from detector.analysis.video import probe_video
from detector.analysis.video.sampling import even_times, sample_frames, upright
from tests.detector.video_fixtures import astronaut, encode_video, panning_frames


def sampled(data: bytes, **kwargs):
    return sample_frames(data, probe_video(data), **kwargs)


def test_even_samples_are_at_most_two_a_second_and_64_in_all():
    assert len(even_times(10)) == 20
    assert len(even_times(120)) == 64
    assert len(even_times(0.2)) == 1
    times = even_times(10)
    assert times[0] == pytest.approx(0.25) and times[-1] == pytest.approx(9.75)


def test_it_keeps_the_even_samples_of_a_clip_in_order():
    result = sampled(encode_video(panning_frames(90)))
    assert [f.reason for f in result.frames] == ["even"] * 6
    times = [f.time_s for f in result.frames]
    assert times == sorted(times)
    assert times[0] == pytest.approx(0.25, abs=0.04)
    assert result.frames[0].rgb.shape == (240, 320, 3)


def test_a_hard_scene_cut_adds_the_first_frame_after_it():
    from skimage import data as samples

    coffee = np.ascontiguousarray(samples.coffee())
    frames = panning_frames(40) + panning_frames(35, source=coffee)
    result = sampled(encode_video(frames))
    cuts = [f for f in result.frames if f.reason == "cut"]
    assert len(cuts) == 1
    assert cuts[0].time_s == pytest.approx(40 / 30, abs=0.02)


def test_frames_nothing_refers_to_are_not_decoded_while_the_next_sample_is_far():
    # x265's fast presets use B-frames that no other frame refers to.
    frames = panning_frames(120, size=(160, 120), step=1)
    data = encode_video(frames, codec="hevc")
    result = sampled(data, per_second=1)
    assert len(result.frames) == 4
    assert result.decoded < 120


def test_a_portrait_clip_comes_out_upright():
    marked = astronaut()[:240, :320].copy()
    marked[:20, :] = (255, 0, 0)  # a red band along the top of the scene
    # A phone stores the picture on its side and says in the display matrix how to turn it.
    stored_sideways = np.ascontiguousarray(np.rot90(marked, k=-1))
    result = sampled(encode_video([stored_sideways] * 15, rotation=90))
    frame = result.frames[0].rgb
    assert frame.shape == (240, 320, 3)
    assert frame[:15, :, 0].mean() > 200 and frame[:15, :, 1].mean() < 60


def test_upright_turns_counter_clockwise_by_the_stated_degrees():
    picture = np.arange(6).reshape(2, 3)[..., None]
    assert upright(picture, 0) is picture
    assert upright(picture, 90)[..., 0].tolist() == [[2, 5], [1, 4], [0, 3]]
    assert upright(picture, 270)[..., 0].tolist() == [[3, 0], [4, 1], [5, 2]]


def test_a_clip_whose_pictures_stop_early_fails_as_incomplete():
    data = encode_video(panning_frames(60), container="matroska", codec="vp9")
    probe = probe_video(data)
    with pytest.raises(MediaError) as error:
        sample_frames(data[: len(data) * 2 // 3], probe)
    assert error.value.code == "incomplete_file"
    assert "cut short" in error.value.message


def test_times_count_from_the_first_picture_when_the_file_starts_its_clock_late():
    import io

    import av

    buffer = io.BytesIO()
    with av.open(buffer, "w", format="matroska") as out:
        stream = out.add_stream("libvpx-vp9", rate=30)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        stream.options = {"deadline": "realtime", "cpu-used": "8"}
        for i, array in enumerate(panning_frames(60)):
            frame = av.VideoFrame.from_ndarray(array, format="rgb24")
            frame.pts = 45 + i  # the first picture is stamped 1.5 s
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    assert probe_video(buffer.getvalue()).duration_s == pytest.approx(2.0, abs=0.05)
    result = sampled(buffer.getvalue())
    assert [f.time_s for f in result.frames] == pytest.approx(
        [0.233, 0.733, 1.233, 1.733], abs=0.04
    )


def test_a_long_sparse_sampled_video_jumps_to_keyframes_instead_of_decoding_everything():
    import io

    import av

    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        stream.options = {"g": "10", "preset": "ultrafast"}  # a keyframe every second
        for array in panning_frames(400, size=(160, 120), step=1):
            for packet in stream.encode(av.VideoFrame.from_ndarray(array, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    result = sampled(buffer.getvalue(), per_second=0.25)
    assert [f.time_s for f in result.frames] == pytest.approx([2.0 + 4 * i for i in range(10)])
    assert result.decoded < 100  # of 400
