"""Start the web server and a detector worker as child processes, and stop them cleanly.

Used by `manage.py runstack` (what `make run` starts), by the end-to-end tests and by the
benchmarks, so all three exercise the same processes a developer runs.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def stop_process(proc: subprocess.Popen, *, grace: float = 10) -> None:
    """SIGTERM, wait up to `grace` seconds, then SIGKILL: nothing outlives its owner."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    log = getattr(proc, "log", None)
    if log not in (None, subprocess.DEVNULL):
        log.close()


def throwaway_env(
    folder: Path, *, broker_url: str = "memory://", queue_prefix: str | None = "scratch"
) -> dict[str, str]:
    """Settings for a private site kept in `folder` (tests and benchmarks): its own SQLite
    database, media and var folders, its own queues unless `queue_prefix` is None, and rate
    limits far above what a machine-speed client sends (the limits have tests of their own)."""
    env = {
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "DEBUG": "1",
        "UNVEILED_VAR_DIR": str(folder / "var"),
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "CELERY_BROKER_URL": broker_url,
        "RATE_LIMIT_ANALYSIS": "1000000/1m",
        "RATE_LIMIT_API": "10000000/1m",
    }
    if queue_prefix is not None:
        # Queues of its own, so no other worker on the same broker takes its jobs.
        tag = uuid.uuid4().hex[:10]
        env |= {
            "ANALYSIS_QUEUE": f"{queue_prefix}-{tag}",
            "VIDEO_QUEUE": f"{queue_prefix}-video-{tag}",
        }
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Stack:
    env: dict[str, str] = field(default_factory=dict)
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    concurrency: int = 1
    beat: bool = False
    pool: str = "prefork"
    web: str = "runserver"  # or "gunicorn"
    web_workers: int = 2
    log_dir: Path | None = None
    quiet: bool = True
    processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _environ(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {**os.environ, "PYTHONUNBUFFERED": "1", **self.env, **(extra or {})}

    def _spawn(
        self, name: str, args: list[str], env: dict[str, str] | None = None
    ) -> subprocess.Popen:
        out = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            out = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 (closed in stop)
        elif self.quiet:
            out = subprocess.DEVNULL
        proc = subprocess.Popen(
            args, cwd=ROOT, env=self._environ(env), stdout=out, stderr=subprocess.STDOUT
        )
        proc.name = name  # type: ignore[attr-defined]
        proc.log = out  # type: ignore[attr-defined]
        self.processes.append(proc)
        return proc

    def manage(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self._environ(), check=True
        )

    def start_web(self) -> None:
        if self.web == "gunicorn":
            # The production configuration, with this stack's address and worker count; no
            # worker recycling, which would show up as pauses in benchmarks.
            args = [
                sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
                "--bind", f"{self.host}:{self.port}", "--workers", str(self.web_workers),
                "--graceful-timeout", "5", "--max-requests", "0", "project.wsgi",
            ]  # fmt: skip
        else:
            args = [
                sys.executable,
                "manage.py",
                "runserver",
                f"{self.host}:{self.port}",
                "--noreload",
            ]
        self._spawn("web", args)

    def start_worker(
        self,
        index: int = 0,
        *,
        queues: str | None = None,
        beat: bool | None = None,
        env: dict[str, str] | None = None,
        name: str | None = None,
    ) -> subprocess.Popen:
        args = [
            sys.executable, "-m", "celery", "-A", "project", "worker",
            "--loglevel", "INFO", "--concurrency", str(self.concurrency), "--pool", self.pool,
            "--hostname", f"detector{index}-{os.getpid()}@%h", "--without-gossip",
            "--without-mingle",
        ]  # fmt: skip
        if queues:
            args += ["--queues", queues]
        if beat if beat is not None else (self.beat and index == 0):
            var = Path(self._environ().get("UNVEILED_VAR_DIR", ROOT / "var"))
            args += ["--beat", "--schedule", str(var / "celerybeat-schedule")]
        return self._spawn(name or f"worker{index}", args, env)

    def start_beat(self) -> subprocess.Popen:
        """The one scheduler of the deployment (purge and sweep), as its own process."""
        var = Path(self._environ().get("UNVEILED_VAR_DIR", ROOT / "var"))
        args = [
            sys.executable, "-m", "celery", "-A", "project", "beat", "--loglevel", "INFO",
            "--schedule", str(var / "celerybeat-schedule"),
        ]  # fmt: skip
        return self._spawn("beat", args)

    def start(self, *, timeout: float = 60) -> Stack:
        self.start_web()
        for index in range(self.workers):
            self.start_worker(index)
        self.wait_for_web(timeout=timeout)
        return self

    def wait_for_web(self, *, timeout: float = 60, path: str = "/") -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                with urllib.request.urlopen(self.url + path, timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"web server did not answer on {self.url} within {timeout} s")

    def check_alive(self) -> None:
        for proc in self.processes:
            if proc.poll() is not None:
                raise RuntimeError(f"{proc.name} exited with code {proc.returncode}")

    def kill(self, proc: subprocess.Popen) -> None:
        """SIGKILL a process, as the kernel's out-of-memory killer would; no clean-up runs."""
        proc.kill()
        proc.wait()
        self.processes.remove(proc)

    def stop(self, *, grace: float = 10) -> None:
        # Signal everyone first so they wind down together, then wait for each in turn.
        for proc in self.processes:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + grace
        for proc in self.processes:
            stop_process(proc, grace=max(deadline - time.monotonic(), 0.1))
        self.processes.clear()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
