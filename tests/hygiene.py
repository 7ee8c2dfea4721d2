"""Keep a test run from hanging: no real-time children, no leftovers, no stuck exit.

A CI run of this suite once never finished: the runner had been switched to a real-time
scheduling policy from outside, the Chromium and workers it started inherited it and starved the
machine, and the run hung at exit. This plugin (loaded from tests/conftest.py) makes such a run
end instead: it keeps the runner and everything it starts on the normal policy, stops any child
process a test left behind, and ends the interpreter if it is still waiting on a stray thread a
minute after the report.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

WATCH_SECONDS = 2.0
EXIT_GRACE_SECONDS = 60.0
_REALTIME = {getattr(os, "SCHED_FIFO", -1), getattr(os, "SCHED_RR", -1)}
_exit_status = 0


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            # The command name is in parentheses and may contain spaces: split after it.
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def descendants(pid: int) -> list[int]:
    children = _children_map()
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _drop_realtime(tid: int) -> None:
    with contextlib.suppress(OSError, AttributeError):
        if os.sched_getscheduler(tid) in _REALTIME:
            os.sched_setscheduler(tid, os.SCHED_OTHER, os.sched_param(0))


def normal_scheduling_tree(pid: int | None = None) -> None:
    """Put a process, its threads and all its descendants back on the normal policy."""
    root = os.getpid() if pid is None else pid
    for process in [root, *descendants(root)]:
        try:
            threads = [int(t) for t in os.listdir(f"/proc/{process}/task")]
        except OSError:
            threads = [process]
        for tid in threads:
            _drop_realtime(tid)


def _watch() -> None:
    while True:
        normal_scheduling_tree()
        time.sleep(WATCH_SECONDS)


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
    except OSError:
        return "?"


def stop_leftovers(pid: int | None = None, *, grace: float = 5.0) -> list[str]:
    """Terminate, then kill, every process still running under this one; return their names."""
    leftovers = descendants(os.getpid() if pid is None else pid)
    names = [f"{child} {_name(child)}" for child in leftovers]
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for child in leftovers:
            with contextlib.suppress(OSError):
                os.kill(child, sig)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and any(Path(f"/proc/{c}").exists() for c in leftovers):
            for child in leftovers:
                with contextlib.suppress(OSError):
                    os.waitpid(child, os.WNOHANG)
            time.sleep(0.1)
    return names


def _exit_if_stuck() -> None:
    time.sleep(EXIT_GRACE_SECONDS)
    stuck = [t.name for t in threading.enumerate() if not t.daemon and t.is_alive()]
    sys.stderr.write(f"\ntest run still waiting on threads {stuck} after its report; stacks:\n")
    faulthandler.dump_traceback(all_threads=True)
    sys.stderr.flush()
    os._exit(_exit_status or 1)


def pytest_configure(config: pytest.Config) -> None:
    if sys.platform.startswith("linux"):
        normal_scheduling_tree()
        threading.Thread(target=_watch, name="normal-scheduling", daemon=True).start()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    global _exit_status
    _exit_status = int(exitstatus)
    if not sys.platform.startswith("linux"):
        return
    names = stop_leftovers()
    if names:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = "processes left running by tests were stopped:\n  " + "\n  ".join(names)
        if reporter is not None:
            reporter.write_line(message, yellow=True)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    threading.Thread(target=_exit_if_stuck, name="exit-guard", daemon=True).start()
