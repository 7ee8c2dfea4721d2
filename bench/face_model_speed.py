"""Face model speed and memory: per-face latency, batched latency, first call, peak RSS.

Scores face crops from scikit-image's astronaut (found by the analyzer's own face search) with
the committed weights, in this process, on the threads torch is given (default 2, the worker's
share of a 2-core machine). Prints the figures; no pass/fail here (targets: <= 100 ms per face,
worker RSS <= 1 GB).

    .venv/bin/python bench/face_model_speed.py [--runs 30] [--threads 2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()

    from skimage import data

    from detector.analysis import face_model
    from detector.analysis.analyzers.face_model import FaceModelAnalyzer, candidate_faces
    from detector.analysis.datasets import encode_jpeg
    from detector.analysis.decode import media_from_bytes

    media = media_from_bytes(encode_jpeg(data.astronaut(), 92))
    boxes, _ = candidate_faces(media)
    crop = face_model.crop_face(media.rgb, boxes[0])

    started = time.perf_counter()
    import torch

    torch.set_num_threads(args.threads)
    first = face_model.score_faces([crop])[0].probability
    first_ms = (time.perf_counter() - started) * 1000

    single, cpu = [], []
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        face_model.score_faces([crop])
        single.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    batched = []
    for _ in range(max(3, args.runs // 4)):
        t = time.perf_counter()
        face_model.score_faces([crop] * 4)
        batched.append((time.perf_counter() - t) * 1000 / 4)
    analyzer = []
    for _ in range(max(3, args.runs // 6)):
        fresh = media_from_bytes(media.data)
        t = time.perf_counter()
        FaceModelAnalyzer().analyze(fresh)
        analyzer.append((time.perf_counter() - t) * 1000)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"threads {args.threads}; astronaut face crop {crop.shape[0]} px; p = {first:.3f}")
    print(f"first call (import torch + load weights + score): {first_ms:.0f} ms")
    print(
        f"per face, one at a time: p50 {np.percentile(single, 50):.1f} ms, "
        f"p95 {np.percentile(single, 95):.1f} ms ({args.runs} runs)"
    )
    # CPU time barely depends on what else runs on the machine; wall time on a shared machine
    # does. On idle cores wall time is about CPU time divided by the threads that got used.
    print(f"per face, CPU time summed over threads: p50 {np.percentile(cpu, 50):.1f} ms")
    print(f"per face, batches of 4: p50 {np.percentile(batched, 50):.1f} ms")
    print(
        f"whole analyzer on a 512 px photo (face search + eye check + score + heat-map): "
        f"p50 {np.percentile(analyzer, 50):.0f} ms"
    )
    print(f"peak RSS of this process: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
