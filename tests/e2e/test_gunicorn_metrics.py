"""One scrape of /metrics counts the requests of every gunicorn worker on the machine."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from project.devstack import Stack, free_port
from tests.e2e.conftest import stack_env

pytestmark = pytest.mark.e2e

NOT_FOUND = "/analyze/00000000-0000-0000-0000-000000000000/"
COUNTER = 'unveiled_http_requests_total{code="4xx",method="GET"}'


def not_found_count(stack: Stack) -> float:
    text = requests.get(stack.url + "/metrics", timeout=10).text
    for line in text.splitlines():
        if line.startswith(COUNTER):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def pids_that_answered(stack: Stack) -> set[str]:
    log = (stack.log_dir / "web.log").read_text(errors="replace")
    return set(re.findall(rf'"GET {re.escape(NOT_FOUND)} HTTP/1.1" 404 .* pid=<(\d+)>', log))


@pytest.fixture
def gunicorn_stack(tmp_path):
    env = {
        **stack_env(tmp_path, "memory://"),
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
    }
    (tmp_path / "metrics").mkdir()
    stack = Stack(env=env, port=free_port(), log_dir=tmp_path / "logs", workers=0)
    stack.web, stack.web_workers = "gunicorn", 2
    try:
        stack.manage("migrate", "--noinput", "-v", "0")
        yield stack.start(timeout=60)
    finally:
        stack.stop()


def test_request_counts_from_both_gunicorn_workers_add_up_in_one_scrape(gunicorn_stack):
    before = not_found_count(gunicorn_stack)
    sent = 0
    with ThreadPoolExecutor(max_workers=8) as pool:
        # Concurrent requests keep both workers busy; repeat until each has answered some.
        for _ in range(5):
            statuses = list(
                pool.map(
                    lambda _: requests.get(gunicorn_stack.url + NOT_FOUND, timeout=10).status_code,
                    range(40),
                )
            )
            assert statuses == [404] * 40
            sent += 40
            if len(pids_that_answered(gunicorn_stack)) == 2:
                break
    assert len(pids_that_answered(gunicorn_stack)) == 2, "both workers must have served"
    assert not_found_count(gunicorn_stack) - before == sent
