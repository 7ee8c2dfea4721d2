"""`make run-prod-like` (manage.py runprodlike) says ready once /healthz answers, and Ctrl-C
stops every process it started: web, workers, beat and the S3 emulator."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
import requests

from project.devstack import ROOT, free_port
from project.localservices import (
    postgres_answers,
    postgres_drop,
    redis_claim_database,
    redis_flush,
)
from tests.e2e.conftest import require_redis

pytestmark = pytest.mark.e2e


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def test_run_prod_like_comes_up_healthy_and_ctrl_c_stops_every_process(tmp_path):
    require_redis()
    if not postgres_answers():
        pytest.fail("PostgreSQL must answer on 127.0.0.1:5432 for this test (.ci/run starts it)")
    database = f"unveiled_e2e_{uuid.uuid4().hex[:10]}"
    broker = cache = proc = None
    port = free_port()
    log_path = tmp_path / "runprodlike.log"
    try:
        broker, cache = redis_claim_database(), redis_claim_database()
        with open(log_path, "wb") as log:
            # Its own session, so the Ctrl-C below reaches the command and its children the
            # way a terminal's would, and nothing else.
            command = [
                sys.executable, "manage.py", "runprodlike", "--port", str(port),
                "--database", database, "--redis-db", broker.rsplit("/", 1)[1],
                "--cache-redis-db", cache.rsplit("/", 1)[1],
            ]  # fmt: skip
            proc = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**os.environ, "UNVEILED_VAR_DIR": str(tmp_path / "var")},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 240
        while b"ready:" not in log_path.read_bytes():
            assert proc.poll() is None, log_path.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "no 'ready' within 240 s"
            time.sleep(0.5)
        health = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10)
        assert health.status_code == 200, health.text
        assert health.json()["checks"]["storage"]["ok"] is True

        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=90) == 0, log_path.read_text(errors="replace")[-3000:]
        stopped_by = time.monotonic() + 10
        while group_alive(proc.pid) and time.monotonic() < stopped_by:
            time.sleep(0.2)
        assert not group_alive(proc.pid), "a child of runprodlike outlived it"
        assert "Stopped." in log_path.read_text(errors="replace")
    finally:
        if proc is not None:
            if group_alive(proc.pid):
                os.killpg(proc.pid, signal.SIGKILL)
            if proc.poll() is None:
                proc.wait(timeout=10)
        for url in (broker, cache):
            if url is not None:
                redis_flush(url)
        postgres_drop(database)
