"""decode -> run each applicable analyzer (time-boxed) -> fuse -> explain."""

from __future__ import annotations

import concurrent.futures
import logging
import time
from collections.abc import Callable

from .decode import media_from_bytes
from .fusion import fuse
from .registry import Analyzer, analyzers_for
from .types import Evidence, Media, Report

log = logging.getLogger(__name__)

Progress = Callable[[str, int], None]


def _run_boxed(analyzer: Analyzer, media: Media) -> Evidence:
    """Run one analyzer in a worker thread and stop waiting once its time budget is spent."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix=analyzer.name)
    try:
        return pool.submit(analyzer.analyze, media).result(timeout=analyzer.time_budget_s)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def analyze(
    media: Media, *, names: list[str] | None = None, on_progress: Progress | None = None
) -> Report:
    analyzers = analyzers_for(media.kind, names)
    evidence: list[Evidence] = []
    failures: list[dict[str, str]] = []
    timings: dict[str, float] = {}
    for done, analyzer in enumerate(analyzers):
        if on_progress is not None:
            on_progress(analyzer.name, round(100 * done / max(len(analyzers), 1)))
        started = time.perf_counter()
        try:
            evidence.append(_run_boxed(analyzer, media))
        except concurrent.futures.TimeoutError:
            failures.append(
                {
                    "analyzer": analyzer.name,
                    "reason": f"did not finish within its {analyzer.time_budget_s:g} s budget",
                }
            )
        except Exception as exc:
            log.exception("analyzer %s failed", analyzer.name)
            failures.append({"analyzer": analyzer.name, "reason": f"{type(exc).__name__}: {exc}"})
        timings[analyzer.name] = round((time.perf_counter() - started) * 1000, 1)
    if on_progress is not None:
        on_progress("explaining", 100)
    return fuse(media, evidence, failures=failures, timings_ms=timings)


def analyze_bytes(data: bytes, *, name: str = "", **kwargs) -> Report:
    return analyze(media_from_bytes(data, name=name), **kwargs)
