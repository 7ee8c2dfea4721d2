"""decode -> run the applicable analyzers side by side (each time-boxed) -> fuse -> explain."""

from __future__ import annotations

import concurrent.futures
import logging
import os
import time
from collections.abc import Callable

from .decode import media_from_bytes
from .fusion import fuse
from .interrupt import STOP
from .registry import Analyzer, analyzers_for
from .threads import one_blas_thread
from .types import Evidence, Media, Report

log = logging.getLogger(__name__)

Progress = Callable[[str, int], None]


def _timed(analyzer: Analyzer, media: Media) -> tuple[Evidence, float]:
    started = time.perf_counter()
    evidence = analyzer.analyze(media)
    return evidence, (time.perf_counter() - started) * 1000


def analyze(
    media: Media, *, names: list[str] | None = None, on_progress: Progress | None = None
) -> Report:
    analyzers = analyzers_for(media.kind, names)
    evidence: list[Evidence] = []
    failures: list[dict[str, str]] = []
    timings: dict[str, float] = {}
    if on_progress is not None:
        on_progress("decoding", 0)
    one_blas_thread()
    # Most analyzers read pixels and OpenCV/numpy release the GIL, so they share the cores.
    # Decoding first means they share one decode instead of racing to make it.
    try:
        media.rgb  # noqa: B018
    except STOP:
        raise
    except Exception:
        log.info("pixels could not be decoded; analyzers that need them will say so")
    workers = max(1, min(len(analyzers), os.cpu_count() or 1))
    pool = concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="analyzer")
    try:
        # Slowest first, so none is left running alone at the end; results are then read in
        # registry order, so the report does not depend on scheduling.
        submitted = {
            id(a): pool.submit(_timed, a, media)
            for a in sorted(analyzers, key=lambda a: -a.typical_ms)
        }
        futures = [(a, submitted[id(a)]) for a in analyzers]
        for done, (analyzer, future) in enumerate(futures, start=1):
            try:
                result, elapsed_ms = future.result(timeout=analyzer.time_budget_s)
            except concurrent.futures.TimeoutError:
                failures.append(
                    {
                        "analyzer": analyzer.name,
                        "reason": f"did not finish within its {analyzer.time_budget_s:g} s budget",
                    }
                )
            except STOP:
                raise
            except Exception as exc:
                log.exception("analyzer %s failed", analyzer.name)
                failures.append(
                    {"analyzer": analyzer.name, "reason": f"{type(exc).__name__}: {exc}"}
                )
            else:
                evidence.append(result)
                timings[analyzer.name] = round(elapsed_ms, 1)
            if on_progress is not None:
                on_progress(analyzer.name, round(95 * done / max(len(analyzers), 1)))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    if on_progress is not None:
        on_progress("explaining", 99)
    return fuse(media, evidence, failures=failures, timings_ms=timings)


def analyze_bytes(data: bytes, *, name: str = "", **kwargs) -> Report:
    return analyze(media_from_bytes(data, name=name), **kwargs)
