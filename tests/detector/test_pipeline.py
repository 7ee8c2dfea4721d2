"""The pipeline: slow analyzers start first, so no core waits on the last slow one."""

import threading
import time

import threadpoolctl

from detector.analysis import media_from_bytes, pipeline
from detector.analysis.registry import Analyzer
from detector.analysis.types import Evidence, Hint, Strength
from tests.detector.media_fixtures import pixels, save


def recording(name: str, typical_ms: float, started: list[str], lock: threading.Lock):
    class Recorder(Analyzer):
        def analyze(self, media):
            with lock:
                started.append(name)
            time.sleep(0.01)
            return Evidence(name, name, Hint.NEUTRAL, 0.5, Strength.WEAK, "", "", "")

    Recorder.name, Recorder.typical_ms = name, typical_ms
    return Recorder()


def test_the_slowest_analyzers_start_first(monkeypatch):
    started: list[str] = []
    lock = threading.Lock()
    chosen = [
        recording(name, ms, started, lock)
        for name, ms in [("quick", 1), ("slowest", 400), ("medium", 80), ("slow", 120)]
    ]
    monkeypatch.setattr(pipeline, "analyzers_for", lambda kind, names: chosen)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 1)
    report = pipeline.analyze(media_from_bytes(save(pixels(), "JPEG")))
    assert started == ["slowest", "slow", "medium", "quick"]
    assert set(report.timings_ms) == {"quick", "slowest", "medium", "slow"}


def test_the_report_lists_evidence_in_registry_order_whatever_ran_first(monkeypatch):
    started: list[str] = []
    lock = threading.Lock()
    chosen = [recording(name, ms, started, lock) for name, ms in [("a", 1), ("b", 400), ("c", 80)]]
    monkeypatch.setattr(pipeline, "analyzers_for", lambda kind, names: chosen)
    report = pipeline.analyze(media_from_bytes(save(pixels(), "JPEG")))
    assert [e.analyzer for e in report.evidence] == ["a", "b", "c"]


def test_an_analysis_leaves_every_blas_library_at_one_thread(monkeypatch):
    # The analyzers already share the cores; BLAS pools of their own only spin against them.
    threadpoolctl.threadpool_limits(2, user_api="blas")
    monkeypatch.setattr(pipeline, "analyzers_for", lambda kind, names: [])
    pipeline.analyze(media_from_bytes(save(pixels(), "JPEG")))
    blas = [lib for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
    assert blas, "numpy's BLAS should be loaded"
    assert {lib["num_threads"] for lib in blas} == {1}
