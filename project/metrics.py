"""GET /metrics in the Prometheus text format, and the middleware that counts requests.

Request counters live in each web process. Under gunicorn, deploy/gunicorn.conf.py sets
PROMETHEUS_MULTIPROC_DIR before any worker imports this module, so prometheus_client keeps the
counters in files there and one scrape sums every worker of the machine. Analyses by state,
queue lengths and job durations are read from the database and the broker at scrape time:
they are the same whichever process answers.
"""

from __future__ import annotations

import hmac
import os
import time

if os.environ.get("PROMETHEUS_MULTIPROC_DIR") == "":
    # Empty means off, but prometheus_client would take it as a folder (the working directory)
    # as soon as it is imported, so it goes before that import.
    del os.environ["PROMETHEUS_MULTIPROC_DIR"]

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric

if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    # Normally made by gunicorn's master (deploy/gunicorn.conf.py); a missing one would fail
    # every request, so make it here too.
    os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)

REQUESTS = Counter(
    "unveiled_http_requests",
    "HTTP responses served by the web processes of this machine, by method and status class.",
    ["method", "code"],
)
LATENCY = Histogram(
    "unveiled_http_request_seconds",
    "Time from request to response in the web processes of this machine.",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class RequestMetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        LATENCY.observe(time.perf_counter() - started)
        method = request.method if request.method in _METHODS else "other"
        REQUESTS.labels(method=method, code=f"{response.status_code // 100}xx").inc()
        return response


def queue_length(queue: str) -> int | None:
    """Messages waiting in a broker queue, or None when the broker cannot say."""
    from kombu.exceptions import ChannelError

    from project.celery import app

    try:
        with app.connection_for_read() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            try:
                return conn.default_channel.queue_declare(queue=queue, passive=True).message_count
            except ChannelError:
                # Redis keeps no key for an empty queue, and RabbitMQ has none until a worker
                # declares it: either way nothing is waiting.
                return 0
    except Exception:
        return None


class AnalysisCollector:
    """Figures shared by the whole deployment, read when Prometheus scrapes."""

    def collect(self):
        from django.db.models import Count

        from detector.models import Analysis
        from detector.selectors import recent_job_durations

        states = GaugeMetricFamily(
            "unveiled_analyses", "Analyses by status (rows not yet purged).", labels=["status"]
        )
        counts = dict(Analysis.objects.values_list("status").annotate(n=Count("pk")))
        for status in Analysis.Status.values:
            states.add_metric([status], counts.get(status, 0))
        yield states

        queues = GaugeMetricFamily(
            "unveiled_queue_length", "Messages waiting in each broker queue.", labels=["queue"]
        )
        for queue in dict.fromkeys((settings.ANALYSIS_QUEUE, settings.VIDEO_QUEUE)):
            length = queue_length(queue)
            if length is not None:
                queues.add_metric([queue], length)
        yield queues

        durations = Metric(
            "unveiled_job_seconds",
            "Run time of analyses finished in the last hour, by media kind.",
            "summary",
        )
        for kind in Analysis.Kind.values:
            seconds = sorted(recent_job_durations(media_kind=kind))
            labels = {"kind": kind}
            durations.add_sample("unveiled_job_seconds_count", labels, len(seconds))
            durations.add_sample("unveiled_job_seconds_sum", labels, round(sum(seconds), 3))
            for q in (0.5, 0.95) if seconds else ():
                value = seconds[min(int(q * len(seconds)), len(seconds) - 1)]
                durations.add_sample("unveiled_job_seconds", {**labels, "quantile": str(q)}, value)
        yield durations


def _registry() -> CollectorRegistry:
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(REQUESTS)
        registry.register(LATENCY)
    registry.register(AnalysisCollector())
    return registry


@never_cache
@require_GET
def metrics(request):
    token = settings.METRICS_TOKEN
    if token:
        sent = request.headers.get("Authorization", "").encode()
        if not hmac.compare_digest(sent, f"Bearer {token}".encode()):
            response = HttpResponse(
                "/metrics needs the header 'Authorization: Bearer <METRICS_TOKEN>'.\n",
                status=401,
                content_type="text/plain; charset=utf-8",
            )
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
