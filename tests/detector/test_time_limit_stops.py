"""A job's soft time limit (Celery raises SoftTimeLimitExceeded inside the job) must end the job,
not be taken for a failed analyzer or a damaged video stream by a broad `except Exception`.

Celery's signal is outside our control, so these tests raise its exception where the signal
can land: inside an analyzer's result (the image pipeline waits there) and inside demuxing."""

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from detector.analysis import analyze_bytes
from detector.analysis.analyzers.ela import ErrorLevelAnalyzer
from detector.analysis.video import sampling

from .media_fixtures import pixels, save


def test_the_limit_stops_an_image_analysis_instead_of_becoming_an_analyzer_failure(monkeypatch):
    def out_of_time(self, media):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(ErrorLevelAnalyzer, "analyze", out_of_time)
    with pytest.raises(SoftTimeLimitExceeded):
        analyze_bytes(save(pixels(), "JPEG"), names=["ela", "noise"])


def test_any_other_analyzer_error_is_still_reported_and_the_rest_goes_on(monkeypatch):
    def broken(self, media):
        raise ValueError("broken analyzer")

    monkeypatch.setattr(ErrorLevelAnalyzer, "analyze", broken)
    report = analyze_bytes(save(pixels(), "JPEG"), names=["ela", "noise"])
    assert [f["analyzer"] for f in report.failures] == ["ela"]
    assert "noise" in {e.analyzer for e in report.evidence}


class Container:
    def __init__(self, error: Exception):
        self.error = error

    def demux(self, stream):
        yield "packet 1"
        raise self.error


def test_the_limit_stops_demuxing_instead_of_passing_for_a_damaged_stream():
    with pytest.raises(SoftTimeLimitExceeded):
        list(sampling._packets(Container(SoftTimeLimitExceeded()), None))
    # A damaged stream still just ends where the damage is.
    assert list(sampling._packets(Container(OSError("bad packet")), None)) == ["packet 1"]
