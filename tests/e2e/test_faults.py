"""Faults with real processes: a worker killed mid-job, a broker that is down at submit time."""

import subprocess
import time

import pytest
import requests

from project.devstack import free_port
from tests.conftest import encode, photo_array
from tests.e2e.conftest import REDIS_URL, require_redis, stack_env, wait_until_finished

pytestmark = pytest.mark.e2e


def submit(url: str) -> requests.Response:
    data = encode(photo_array(), "JPEG")
    return requests.post(url + "/api/v1/analyses/", files={"file": ("a.jpg", data)}, timeout=15)


def wait_for_status(url: str, status: str, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = requests.get(url, timeout=5).json()
        if body["status"] == status:
            return body
        time.sleep(0.1)
    raise AssertionError(f"never reached {status}: {body}")


def test_a_worker_killed_mid_job_leaves_the_job_failed_with_a_reason_not_running(tmp_path):
    from project.devstack import Stack

    require_redis()
    env = stack_env(tmp_path, REDIS_URL) | {
        "DETECTOR_EXTRA_ANALYZERS": "tests.e2e.slow_analyzer",
        "SLOW_ANALYZER_SECONDS": "30",
        "ANALYSIS_SOFT_TIME_LIMIT": "5",
        "ANALYSIS_TIME_LIMIT": "6",
        "ANALYSIS_SWEEP_GRACE": "0",
        "SWEEP_INTERVAL_SECONDS": "1",
    }
    stack = Stack(env=env, port=free_port(), log_dir=tmp_path / "logs", pool="solo")
    stack.manage("migrate", "--noinput", "-v", "0")
    try:
        stack.start_web()
        doomed = stack.start_worker(0, beat=False)
        stack.wait_for_web()
        location = stack.url + submit(stack.url).headers["Location"]
        wait_for_status(location, "running")
        stack.kill(doomed)
        stack.start_worker(1, beat=True)  # a healthy worker whose beat runs the sweeper
        body = wait_for_status(location, "failed", timeout=40)
        assert "stopped while analysing" in body["error"]
    finally:
        stack.stop()


def test_a_file_submitted_while_the_broker_is_down_is_kept_and_analysed_when_it_returns(
    tmp_path,
):
    from project.devstack import Stack

    port = free_port()
    broker = f"redis://127.0.0.1:{port}/0"
    env = stack_env(tmp_path, broker) | {"SWEEP_INTERVAL_SECONDS": "1"}
    stack = Stack(env=env, port=free_port(), log_dir=tmp_path / "logs")
    stack.manage("migrate", "--noinput", "-v", "0")
    redis_server = None
    try:
        stack.start_web()
        stack.wait_for_web()
        response = submit(stack.url)
        assert response.status_code == 202
        location = response.headers["Location"]
        assert requests.get(stack.url + location, timeout=5).json()["status"] == "queued"
        redis_server = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        stack.start_worker(0, beat=True)
        body = wait_until_finished(stack, location, timeout=60)
        assert body["status"] == "done", body["error"]
    finally:
        stack.stop()
        if redis_server is not None:
            redis_server.terminate()
            redis_server.wait()
