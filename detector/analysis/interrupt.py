"""A job's time limit must stop the job, not pass for a broken file or a failed analyzer.

Celery stops a job that outlives its soft time limit by raising `SoftTimeLimitExceeded` in
it, and that exception is an `Exception`. Every broad `except Exception` on a job's path
(decoding hostile files, a failing analyzer, a damaged video stream) re-raises `STOP` first:
otherwise the limit could land inside one of them, be taken for a damaged stream or a failed
analyzer, and the job would finish "done" with part of its work silently missing.
"""

from __future__ import annotations

try:
    from celery.exceptions import SoftTimeLimitExceeded
except ImportError:  # the analysis package also runs without Celery (manage.py analyze)

    class SoftTimeLimitExceeded(Exception):  # type: ignore[no-redef]
        """Stand-in: never raised where Celery is absent."""


STOP = SoftTimeLimitExceeded
