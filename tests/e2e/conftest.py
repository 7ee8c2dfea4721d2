"""A real web server and a real Celery worker in child processes, on a throwaway database."""

import time

import pytest
import redis
import requests

from project.devstack import Stack, free_port, throwaway_env
from tests.e2e.browser import CHROMIUM_ARGS

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Every browser test drives the system Chromium (Playwright's own download is offline)."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium",
            "args": CHROMIUM_ARGS}  # fmt: skip


def stack_env(tmp_path, broker_url: str) -> dict[str, str]:
    return throwaway_env(tmp_path, broker_url=broker_url, queue_prefix="e2e")


def require_redis() -> None:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis must answer on {REDIS_URL} for this test (see README): {exc}")


@pytest.fixture
def start_stack(tmp_path):
    stacks = []

    def start(broker_url: str, *, env: dict[str, str] | None = None, **kwargs) -> Stack:
        stack = Stack(
            env={**stack_env(tmp_path, broker_url), **(env or {})},
            port=free_port(),
            log_dir=tmp_path / "logs",
            **kwargs,
        )
        stack.manage("migrate", "--noinput", "-v", "0")
        stacks.append(stack)
        return stack.start()

    yield start
    for stack in stacks:
        stack.stop()


def wait_until_finished(stack: Stack, location: str, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stack.check_alive()
        body = requests.get(stack.url + location, timeout=5).json()
        if body["status"] in {"done", "failed"}:
            return body
        time.sleep(0.1)
    logs = "\n".join(p.read_text()[-3000:] for p in (stack.log_dir or []).glob("*.log"))
    raise AssertionError(f"analysis did not finish within {timeout} s; logs:\n{logs}")
