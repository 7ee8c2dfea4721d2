"""Operational endpoints: /healthz (dependencies answer?) and /metrics (Prometheus text)."""

from __future__ import annotations

import os
import time
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_broker() -> None:
    from project.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def _check_storage() -> None:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name, "rb") as handle:
            if handle.read() != b"ok":
                raise OSError("storage returned different bytes")
    finally:
        default_storage.delete(name)


CHECKS = {"database": _check_database, "broker": _check_broker, "storage": _check_storage}


@never_cache
@require_GET
def healthz(request):
    results, healthy = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as exc:
            healthy = False
            results[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        else:
            results[name] = {"ok": True}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )


def _queue_length(queue: str) -> int | None:
    from project.celery import app

    try:
        with app.connection_for_read() as conn:
            return conn.default_channel.queue_declare(queue=queue, passive=True).message_count
    except Exception:
        return None


@never_cache
@require_GET
def metrics(request):
    from django.conf import settings
    from django.db.models import Count

    from detector.models import Analysis
    from detector.selectors import recent_job_durations

    lines = [
        "# HELP unveiled_analyses Analyses by status (rows not yet purged).",
        "# TYPE unveiled_analyses gauge",
    ]
    counts = dict(Analysis.objects.values_list("status").annotate(n=Count("pk")))
    for status in Analysis.Status.values:
        lines.append(f'unveiled_analyses{{status="{status}"}} {counts.get(status, 0)}')
    length = _queue_length(settings.ANALYSIS_QUEUE)
    lines += ["# HELP unveiled_queue_length Messages waiting in the broker queue.",
              "# TYPE unveiled_queue_length gauge"]  # fmt: skip
    if length is not None:
        lines.append(f'unveiled_queue_length{{queue="{settings.ANALYSIS_QUEUE}"}} {length}')
    durations = recent_job_durations()
    lines += [
        "# HELP unveiled_job_seconds Run time of analyses finished in the last hour.",
        "# TYPE unveiled_job_seconds summary",
        f"unveiled_job_seconds_count {len(durations)}",
        f"unveiled_job_seconds_sum {sum(durations):.3f}",
    ]
    if durations:
        ordered = sorted(durations)
        for q in (0.5, 0.95):
            value = ordered[min(int(q * len(ordered)), len(ordered) - 1)]
            lines.append(f'unveiled_job_seconds{{quantile="{q}"}} {value:.3f}')
    lines += [
        "# HELP unveiled_http_responses Responses served by this process, by status class.",
        "# TYPE unveiled_http_responses counter",
    ]
    for status_class, n in sorted(RESPONSES.items()):
        lines.append(f'unveiled_http_responses{{pid="{os.getpid()}",code="{status_class}"}} {n}')
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; version=0.0.4")


RESPONSES: dict[str, int] = {}


class ResponseCounterMiddleware:
    """Counts responses by status class in this process (scrape every process, then sum)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = f"{response.status_code // 100}xx"
        RESPONSES[key] = RESPONSES.get(key, 0) + 1
        return response
