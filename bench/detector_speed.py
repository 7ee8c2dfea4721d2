"""Time the whole analyzer set on a 12-megapixel and a 1-megapixel JPEG, in this process.

    .venv/bin/python bench/detector_speed.py [--runs 7]

Prints p50/p95 per size, the slowest analyzers and the peak RSS of the process that analysed
(a fresh one, like a worker). Targets (issue 3): 12 MP p50 <= 1.5 s, 1 MP p50 <= 0.4 s, RSS <= 1 GB.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def photo_like(width: int, height: int, seed: int) -> bytes:
    """A large natural photo (scikit-image's astronaut, tiled and jittered) as JPEG q90."""
    import cv2
    import skimage.data

    base = cv2.resize(skimage.data.astronaut(), (width, height), interpolation=cv2.INTER_CUBIC)
    rng = np.random.default_rng(seed)
    noisy = np.clip(base + rng.normal(0, 3, base.shape), 0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(noisy).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def measure(jobs: list[tuple[str, list[bytes]]]) -> tuple[dict, float]:
    """Runs in a fresh process, like a worker: timings per size and the peak RSS in MB."""
    from detector.analysis import analyze_bytes

    analyze_bytes(photo_like(640, 480, 0))  # warm-up: imports, cascades, models
    results = {}
    for label, files in jobs:
        totals, cpu, per_analyzer = [], [], {}
        for data in files:
            started, cpu_started = time.perf_counter(), time.process_time()
            report = analyze_bytes(data)
            totals.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
            for name, ms in report.timings_ms.items():
                per_analyzer.setdefault(name, []).append(ms)
        results[label] = (totals, cpu, per_analyzer)
    # VmHWM, not ru_maxrss: the latter keeps the high-water mark of the parent we forked from.
    status = Path("/proc/self/status").read_text()
    peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    return results, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    sizes = {"12 MP": (4000, 3000), "1 MP": (1155, 866)}
    jobs = [
        (label, [photo_like(w, h, run) for run in range(args.runs)])
        for label, (w, h) in sizes.items()
    ]
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        results, peak_mb = pool.apply(measure, (jobs,))
    for label, (totals, cpu, per_analyzer) in results.items():
        width, height = sizes[label]
        p50 = statistics.median(totals) * 1000
        p95 = float(np.percentile(totals, 95)) * 1000
        slowest = sorted(per_analyzer.items(), key=lambda kv: -statistics.median(kv[1]))
        detail = ", ".join(f"{n} {statistics.median(v):.0f}" for n, v in slowest)
        print(f"detector_speed {label} ({width}x{height}): p50 {p50:.0f} ms, p95 {p95:.0f} ms")
        # On a busy machine wall time mostly measures the other processes: CPU time of all
        # threads, halved, is what two otherwise idle cores would need at least.
        print(f"  CPU time of all threads, median: {statistics.median(cpu) * 1000:.0f} ms")
        print(f"  per analyzer, median ms: {detail}")
    print(f"peak RSS of the analysing process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
