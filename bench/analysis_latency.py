"""Submit-to-verdict latency through the real API, web process and Celery worker.

Starts its own web server and worker (on a throwaway database), submits N images one after
another (one in flight, so the figure is latency, not queueing) and prints p50/p95.

    .venv/bin/python bench/analysis_latency.py [--count 50] [--broker redis://127.0.0.1:6379/0]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import requests
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from project.devstack import Stack, free_port, throwaway_env


def sample_image(seed: int, size: int) -> bytes:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size]
    base = np.stack([x, y, (x + y) / 2], -1) * (200 / size) + rng.normal(0, 8, (size, size, 3))
    buffer = io.BytesIO()
    Image.fromarray(np.clip(base, 0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--size", type=int, default=1000, help="image side in pixels")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="unveiled-bench-") as tmp:
        tmp_path = Path(tmp)
        stack = Stack(
            env=throwaway_env(tmp_path, broker_url=args.broker, queue_prefix="bench"),
            port=free_port(),
            log_dir=tmp_path / "logs",
        )
        stack.manage("migrate", "--noinput", "-v", "0")
        with stack:
            session = requests.Session()
            # Warm-up: the first job pays for imports in the worker.
            images = [sample_image(i, args.size) for i in range(args.count + 1)]
            latencies, verdicts = [], {}
            for index, data in enumerate(images):
                started = time.perf_counter()
                response = session.post(
                    stack.url + "/api/v1/analyses/", files={"file": ("b.jpg", data)}, timeout=30
                )
                response.raise_for_status()
                location = stack.url + response.headers["Location"]
                while True:
                    body = session.get(location, timeout=10).json()
                    if body["status"] in {"done", "failed"}:
                        break
                    time.sleep(0.01)
                elapsed = time.perf_counter() - started
                if index == 0:
                    continue
                latencies.append(elapsed)
                verdicts[body["verdict"] or body["status"]] = (
                    verdicts.get(body["verdict"] or body["status"], 0) + 1
                )

    print(
        f"analysis_latency: {len(latencies)} images of {args.size}x{args.size} px, broker "
        f"{args.broker.split('://')[0]}"
    )
    p50, p95 = percentile(latencies, 50) * 1000, percentile(latencies, 95) * 1000
    mean, worst = statistics.mean(latencies) * 1000, max(latencies) * 1000
    print(f"  p50 {p50:.0f} ms   p95 {p95:.0f} ms   mean {mean:.0f} ms   max {worst:.0f} ms")
    print(f"  outcomes: {verdicts}")


if __name__ == "__main__":
    main()
