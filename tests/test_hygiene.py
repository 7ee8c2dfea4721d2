"""The run's safety net: real-time children are put back on the normal policy, leftovers stop."""

import os
import subprocess
import sys
import time

import pytest

from tests.hygiene import descendants, normal_scheduling_tree, stop_leftovers

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def sleeper() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def test_a_real_time_child_is_put_back_on_the_normal_policy():
    child = sleeper()
    try:
        try:
            os.sched_setscheduler(child.pid, os.SCHED_FIFO, os.sched_param(1))
        except PermissionError:
            pytest.skip("setting a real-time policy needs root")
        normal_scheduling_tree()
        assert os.sched_getscheduler(child.pid) == os.SCHED_OTHER
    finally:
        child.kill()
        child.wait(timeout=10)


def test_a_process_left_running_is_stopped_and_named():
    parent = subprocess.Popen(
        [sys.executable, "-c", "import subprocess, sys, time; "
         "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
         "time.sleep(60)"]
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while not descendants(parent.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        grandchild = descendants(parent.pid)[0]
        names = stop_leftovers(parent.pid, grace=2)
        assert any(str(grandchild) in name and "sleep(60)" in name for name in names)
        assert not os.path.exists(f"/proc/{grandchild}") or _is_zombie(grandchild)
    finally:
        parent.kill()
        parent.wait(timeout=10)


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True
