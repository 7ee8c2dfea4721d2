"""Thread pools of the numeric libraries under the analyzers.

The image pipeline already runs its analyzers side by side, one per core. numpy, SciPy and
OpenCV each bring an OpenBLAS whose pool spreads every matrix product over all cores too, and
whose idle threads then spin for a while waiting for the next one: on 2 cores they took CPU
from the analyzer running beside them. With one BLAS thread a 1 MP analysis used 490 ms of CPU
instead of 740 ms and its p50 went from 380 to 255 ms (bench/detector_speed.py, 2026-12-07).
"""

from __future__ import annotations

import threadpoolctl


def one_blas_thread() -> None:
    """Limit every loaded BLAS library to one thread (about 1 ms, so callers may repeat it:
    a library loaded later is only limited from the next call on)."""
    threadpoolctl.threadpool_limits(1, user_api="blas")
