"""Hostile, damaged and cut-short videos: only ever a readable MediaError, and quickly.

The fuzz test is bounded (a fixed number of examples, derandomised so CI runs the same set)
and checks the whole path a worker takes: probe, then decode the samples.
"""

import functools
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detector.analysis.decode import MediaError
from detector.analysis.video import probe_video
from detector.analysis.video.sampling import sample_frames
from tests.detector.video_fixtures import clip

SECONDS_PER_FILE = 5.0


@functools.cache
def seeds() -> dict[str, bytes]:
    small = {"size": (64, 48), "step": 1}
    return {
        "mp4": clip(12, **small),
        "mp4-faststart": clip(12, container_options={"movflags": "faststart"}, **small),
        "mov": clip(12, container="mov", audio=True, **small),
        "webm": clip(12, codec="vp9", **small),
        "mkv": clip(12, codec="vp8", container="matroska", **small),
        "webm-live": clip(12, codec="vp9", container_options={"live": "1"}, **small),
    }


def probe_and_decode(data: bytes) -> None:
    """What a worker does with a file: raises MediaError or succeeds, nothing else."""
    probe = probe_video(data)
    sample_frames(data, probe)


def assert_readable_failure_or_success(data: bytes) -> None:
    started = time.monotonic()
    try:
        probe_and_decode(data)
    except MediaError as exc:
        assert exc.message and exc.code
    assert time.monotonic() - started < SECONDS_PER_FILE


@pytest.mark.parametrize("name", sorted(seeds()))
@pytest.mark.parametrize("share", [0.05, 0.3, 0.6, 0.95])
def test_a_video_cut_anywhere_fails_readably_or_still_reads(name, share):
    data = seeds()[name]
    assert_readable_failure_or_success(data[: max(8, int(len(data) * share))])


@pytest.mark.parametrize("name", ["mp4", "mov", "webm", "mkv"])
def test_a_video_cut_to_its_header_is_refused(name):
    data = seeds()[name]
    with pytest.raises(MediaError):
        probe_and_decode(data[:200])


@pytest.mark.parametrize(
    "payload",
    [
        b"\x00\x00\x00\x18ftypisom" + b"\x00" * 200,  # an MP4 signature and nothing else
        b"\x1a\x45\xdf\xa3" + b"\xff" * 200,  # an EBML header of junk
        b"\x00\x00\x00\x08moov" + b"<html><script>alert(1)</script></html>",
        b"\x00\x00\x00\x18ftypisom" + b"\xff\xff\xff\xffmdat" * 50,  # absurd box sizes
    ],
    ids=["signature-only", "ebml-junk", "moov-html", "huge-boxes"],
)
def test_junk_behind_a_video_signature_is_refused(payload):
    with pytest.raises(MediaError):
        probe_and_decode(payload)


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(sorted(seeds())),
    patches=st.lists(
        st.tuples(st.integers(0, 20_000), st.binary(min_size=1, max_size=8)), max_size=6
    ),
    truncate=st.integers(16, 20_000),
)
def test_fuzzed_video_containers_only_ever_fail_with_a_readable_error(name, patches, truncate):
    data = bytearray(seeds()[name])
    for position, junk in patches:
        position %= len(data)
        data[position : position + len(junk)] = junk
    assert_readable_failure_or_success(bytes(data[:truncate]))
