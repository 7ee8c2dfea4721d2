"""Analyses per minute with 1 and then 2 image workers, in the production layout.

gunicorn, PostgreSQL, Redis and an S3 bucket (moto), all throwaway and removed at the end.
Each round starts its workers (concurrency 1 each), warms them up with one job per worker
(models load lazily), then submits `--jobs` 1-megapixel JPEGs through the API and waits for
all of them. Throughput is jobs / (last finish - first start), read from the database. It also
prints the CPU the workers got (CPU seconds of each worker's process tree / wall seconds), so a
ceiling can be explained: on a machine with C cores, workers cannot together use more than C,
and analyses per core-minute staying flat shows that the database, broker and bucket cost
nothing measurable.

    .venv/bin/python bench/scaling.py [--jobs 40] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.analysis_latency import sample_image
from project.devstack import Stack, free_port, stop_process, throwaway_env
from project.localservices import scratch_services

TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and all its live descendants (threads included)."""
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def submit_all(stack: Stack, images: list[bytes]) -> list[str]:
    def submit(data: bytes) -> str:
        response = requests.post(
            stack.url + "/api/v1/analyses/", files={"file": ("p.jpg", data)}, timeout=60
        )
        response.raise_for_status()
        return response.json()["id"]

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(submit, images))


def wait_done(database_url: str, ids: list[str], timeout: float) -> tuple[float, int]:
    """Seconds from the first start to the last finish of `ids`, and how many failed."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(database_url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            row = conn.execute(
                "SELECT count(*) FILTER (WHERE status IN ('done', 'failed')), "
                "count(*) FILTER (WHERE status = 'failed'), "
                "extract(epoch FROM max(finished_at) - min(started_at)) "
                "FROM detector_analysis WHERE public_id::text = ANY(%s)",
                (ids,),
            ).fetchone()
            if row[0] == len(ids):
                return float(row[2]), int(row[1])
            time.sleep(0.2)
    raise TimeoutError(f"{len(ids)} analyses did not finish within {timeout} s")


def run_round(stack: Stack, database_url: str, workers: int, jobs: int) -> dict:
    procs = [
        stack.start_worker(100 + i, queues="analysis", name=f"round{workers}-{i}")
        for i in range(workers)
    ]
    try:
        warm = [sample_image(900 + i, 1000) for i in range(workers * 2)]
        wait_done(database_url, submit_all(stack, warm), timeout=300)
        images = [sample_image(seed, 1000) for seed in range(jobs)]
        load_before = os.getloadavg()[0]
        cpu_before = [tree_cpu_seconds(p.pid) for p in procs]
        wall_start = time.monotonic()
        ids = submit_all(stack, images)
        span, failed = wait_done(database_url, ids, timeout=900)
        wall = time.monotonic() - wall_start
        cores = [
            (tree_cpu_seconds(p.pid) - c) / wall for p, c in zip(procs, cpu_before, strict=True)
        ]
        return {
            "workers": workers,
            "per_minute": jobs / span * 60,
            "failed": failed,
            "cores": cores,
            "cpu_per_job": sum(cores) * wall / jobs,
            "load": (load_before, os.getloadavg()[0]),
        }
    finally:
        for proc in procs:
            stack.processes.remove(proc)
            proc.terminate()
        for proc in procs:
            stop_process(proc, grace=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=40)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="unveiled-scaling-") as tmp:
        tmp_path = Path(tmp)
        with scratch_services(tmp_path, prefix="unveiled_bench") as services:
            env = throwaway_env(tmp_path, queue_prefix=None) | services.env()
            stack = Stack(
                env=env, port=free_port(), log_dir=tmp_path / "logs", web="gunicorn", web_workers=2
            )
            try:
                stack.manage("migrate", "--noinput", "-v", "0")
                stack.start_web()
                stack.wait_for_web(timeout=120, path="/healthz")
                results = [
                    run_round(stack, services.database_url, int(n), args.jobs)
                    for n in args.workers.split(",")
                ]
            finally:
                stack.stop()

    print(f"\n{args.jobs} JPEGs of 1000x1000 px per round, {os.cpu_count()} CPU cores")
    print(
        "workers  analyses/min  failed  CPU s/job  cores each worker got  "
        "per core-minute  load before->after"
    )
    for r in results:
        cores = " / ".join(f"{c:.2f}" for c in r["cores"])
        per_core = r["per_minute"] / max(sum(r["cores"]), 1e-9)
        print(
            f"{r['workers']:>7}  {r['per_minute']:>12.1f}  {r['failed']:>6}  "
            f"{r['cpu_per_job']:>9.2f}  {cores:>21}  {per_core:>15.1f}  "
            f"{r['load'][0]:.1f} -> {r['load'][1]:.1f}"
        )
    if len(results) > 1:
        gain = results[-1]["per_minute"] / results[0]["per_minute"] - 1
        print(
            f"throughput gain from {results[0]['workers']} to {results[-1]['workers']}: {gain:+.0%}"
        )


if __name__ == "__main__":
    main()
