"""Load on loopback: pages (quiz play included) under gunicorn (2 workers), then 200 analyses.

    .venv/bin/python bench/load.py [--seconds 10] [--analyses 200] [--database postgres]

Starts its own stack (gunicorn with 2 workers, 2 Celery workers, Redis broker, and a
throwaway SQLite file or PostgreSQL database), then prints requests per second and errors per
page, and for the analyses: submitted = done + failed (nothing lost), p95 submit-to-verdict.
Every loop is bounded in count and time and talks only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import re
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.analysis_latency import sample_image
from project.devstack import Stack, free_port, throwaway_env
from project.localservices import postgres_drop, postgres_recreate


def hammer(
    url: str, seconds: float, threads: int, cookies: dict | None = None
) -> tuple[float, int, int]:
    """GET `url` from several threads for a while; (requests/s, ok, errors)."""
    stop = time.monotonic() + seconds
    counts = {"ok": 0, "error": 0}
    lock = threading.Lock()

    def loop() -> None:
        session = requests.Session()
        session.cookies.update(cookies or {})
        while time.monotonic() < stop:
            try:
                ok = session.get(url, timeout=10).status_code == 200
            except requests.RequestException:
                ok = False
            with lock:
                counts["ok" if ok else "error"] += 1

    started = time.monotonic()
    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    return (counts["ok"] + counts["error"]) / elapsed, counts["ok"], counts["error"]


def quiz_play(stack: Stack) -> tuple[str, dict]:
    """Open an attempt on a starter quiz as a browser does: (play page path, its cookies)."""
    browser = requests.Session()
    listing = browser.get(stack.url + "/quizzes/", timeout=10).text
    slug = re.search(r'href="/quizzes/([a-z0-9-]+)/"', listing).group(1)
    intro = browser.get(f"{stack.url}/quizzes/{slug}/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', intro).group(1)
    reply = browser.post(
        f"{stack.url}/quizzes/{slug}/start/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{stack.url}/quizzes/{slug}/"},
        timeout=10,
    )
    reply.raise_for_status()
    return urlsplit(reply.url).path, browser.cookies.get_dict()


def postgres_database() -> tuple[str, Callable[[], None]]:
    name = f"unveiled_bench_{uuid.uuid4().hex[:8]}"
    return postgres_recreate(name), lambda: postgres_drop(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--analyses", type=int, default=200)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="unveiled-load-") as tmp:
        tmp_path = Path(tmp)
        drop = None
        database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
        if args.database == "postgres":
            database, drop = postgres_database()
        stack = Stack(
            env=throwaway_env(tmp_path, broker_url=args.broker, queue_prefix="load")
            | {"DATABASE_URL": database},
            port=free_port(),
            workers=2,
            web="gunicorn",
            log_dir=tmp_path / "logs",
        )
        try:
            stack.manage("migrate", "--noinput", "-v", "0")
            stack.manage("load_starter_content")
            with stack:
                run(stack, args)
        finally:
            if drop is not None:
                drop()


def run(stack: Stack, args) -> None:
    session = requests.Session()
    sample = session.post(
        stack.url + "/api/v1/analyses/", files={"file": ("s.jpg", sample_image(0, 800))}
    ).json()
    time.sleep(2)
    pages = {
        "home": "/",
        "faq": "/learn/faq/",
        "result": sample["result_page"],
        "hello (static file)": "/static/css/site.css",
    }
    play_path, play_cookies = quiz_play(stack)
    pages["quiz play"] = play_path
    print(f"load: gunicorn 2 workers, {args.threads} client threads, {args.seconds:g} s per page")
    for label, path in pages.items():
        cookies = play_cookies if label == "quiz play" else None
        rps, ok, errors = hammer(stack.url + path, args.seconds, args.threads, cookies)
        print(f"  {label:20s} {rps:7.1f} req/s   ok {ok}   errors {errors}")

    images = [sample_image(i, 1000) for i in range(8)]
    submitted, submit_errors = {}, 0

    def submit(index: int) -> tuple[str | None, float]:
        started = time.perf_counter()
        try:
            response = requests.post(
                stack.url + "/api/v1/analyses/",
                files={"file": (f"{index}.jpg", images[index % len(images)])},
                timeout=30,
            )
        except requests.RequestException:
            return None, started
        return (response.headers.get("Location") if response.status_code == 202 else None), started

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for location, started in pool.map(submit, range(args.analyses)):
            if location is None:
                submit_errors += 1
            else:
                submitted[location] = started
    finished, latencies, deadline = {}, [], time.monotonic() + 600
    while len(finished) < len(submitted) and time.monotonic() < deadline:
        for location, started in submitted.items():
            if location in finished:
                continue
            body = session.get(stack.url + location, timeout=10).json()
            if body["status"] in {"done", "failed"}:
                finished[location] = body["status"]
                latencies.append(time.perf_counter() - started)
        time.sleep(0.2)
    done = sum(1 for s in finished.values() if s == "done")
    failed = sum(1 for s in finished.values() if s == "failed")
    lost = len(submitted) - len(finished)
    print(
        f"  analyses: submitted {len(submitted)} (submit errors {submit_errors}) = done {done} "
        f"+ failed {failed} + unfinished {lost}"
    )
    if latencies:
        p50, p95 = np.percentile(latencies, [50, 95])
        print(f"  submit-to-verdict with 2 workers: p50 {p50:.2f} s, p95 {p95:.2f} s")


if __name__ == "__main__":
    main()
