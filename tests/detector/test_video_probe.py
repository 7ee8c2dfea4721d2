"""Probing videos before they are stored: what we accept, what we refuse, and why."""

import pytest

from detector.analysis.decode import MediaError
from detector.analysis.video import Limits, probe_video, sniff_video
from tests.detector.video_fixtures import clip, encode_video, panning_frames

LIVE_WEBM = {"live": "1"}  # a live-recorded WebM states no duration, like MediaRecorder's


@pytest.mark.parametrize(
    ("codec", "container", "label", "codec_label"),
    [
        ("h264", "mp4", "MP4", "H.264"),
        ("hevc", "mp4", "MP4", "H.265"),
        ("h264", "mov", "MOV", "H.264"),
        ("vp8", "webm", "WebM", "VP8"),
        ("vp9", "webm", "WebM", "VP9"),
        ("vp9", "matroska", "MKV", "VP9"),
        ("av1", "mp4", "MP4", "AV1"),
    ],
)
def test_it_accepts_the_containers_and_codecs_we_decode(codec, container, label, codec_label):
    probe = probe_video(clip(12, codec=codec, container=container))
    assert (probe.container, probe.codec_label) == (label, codec_label)
    assert (probe.width, probe.height) == (320, 240)
    assert probe.duration_s == pytest.approx(12 / 30, abs=0.05)
    assert probe.fps == pytest.approx(30)


def test_the_type_comes_from_the_bytes():
    assert sniff_video(clip(4)[:64]) == "video/mp4"
    assert sniff_video(clip(4, container="mov")[:64]) == "video/quicktime"
    assert sniff_video(clip(4, codec="vp9")[:64]) == "video/webm"
    assert sniff_video(clip(4, codec="vp9", container="matroska")[:64]) == "video/x-matroska"
    assert sniff_video(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic") is None
    assert sniff_video(b"<html><body>not a video</body></html>" + b" " * 40) is None


def test_a_portrait_phone_clip_is_reported_upright():
    probe = probe_video(clip(6, rotation=90))
    assert probe.rotation == 90
    assert (probe.width, probe.height) == (240, 320)


def test_a_webm_without_a_stated_length_is_measured_from_its_packets():
    probe = probe_video(clip(15, codec="vp9", container_options=LIVE_WEBM))
    assert probe.duration_measured
    assert probe.duration_s == pytest.approx(0.5, abs=0.05)


def test_it_notices_the_sound_track():
    assert probe_video(clip(6, audio=True)).has_audio
    assert not probe_video(clip(6)).has_audio


def test_a_video_over_the_length_limit_is_refused_with_its_length():
    with pytest.raises(MediaError) as error:
        probe_video(clip(30), limits=Limits(max_seconds=0.5))
    assert error.value.code == "too_long"
    assert "1 s" in error.value.message and "0.5 s" in error.value.message


def test_frames_over_the_pixel_limit_are_refused_before_decoding():
    with pytest.raises(MediaError) as error:
        probe_video(clip(4), limits=Limits(max_frame_pixels=320 * 200))
    assert error.value.code == "too_many_pixels"
    assert "320×240" in error.value.message


def test_a_codec_we_do_not_decode_is_refused_by_name():
    data = encode_video(panning_frames(6), codec="mpeg4")
    with pytest.raises(MediaError) as error:
        probe_video(data)
    assert error.value.code == "unsupported_codec"
    assert "MPEG4" in error.value.message and "H.264" in error.value.message


def test_an_mp4_cut_short_is_called_incomplete():
    data = clip(30)  # the index (moov) comes last: cutting the end removes it
    with pytest.raises(MediaError) as error:
        probe_video(data[: len(data) // 2])
    assert error.value.code == "incomplete_file"
    assert "incomplete" in error.value.message


def test_an_mp4_whose_frames_run_past_its_end_is_called_incomplete():
    data = clip(30, container_options={"movflags": "faststart"})  # index first, frames after
    with pytest.raises(MediaError) as error:
        probe_video(data[: len(data) - 2000])
    assert error.value.code == "incomplete_file"
