"""gunicorn settings for Unveiled: `gunicorn -c deploy/gunicorn.conf.py project.wsgi`.

Every value can be changed through the environment, so the same file serves a laptop and a
machine behind a load balancer. Request metrics are summed over all workers of this machine
through prometheus_client's multiprocess mode (see project/metrics.py).
"""

import contextlib
import glob
import os
import tempfile

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Sync workers: the pages are short database reads; uploads are bounded in size.
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
# The worker's pid at the end tells which process served a request (and a slow one's twin).
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" pid=%(p)s'
errorlog = "-"
# Lets an upgrade send HUP (reload code and configuration, one worker at a time) to the master.
pidfile = os.environ.get("GUNICORN_PIDFILE") or None
# The proxy in front sets X-Forwarded-*; trust only the addresses listed here.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# prometheus_client reads this variable when a worker first imports it, so it is set here, in
# the master, before any worker starts. Set it empty to let each worker count on its own:
# prometheus_client takes any value, even an empty one, as a folder, so it is removed then.
if os.environ.get("PROMETHEUS_MULTIPROC_DIR") == "":
    del os.environ["PROMETHEUS_MULTIPROC_DIR"]
    _metrics_dir = ""
else:
    _metrics_dir = os.environ.setdefault(
        "PROMETHEUS_MULTIPROC_DIR",
        os.path.join(tempfile.gettempdir(), f"unveiled-metrics-{os.getpid()}"),
    )


def _clear_metrics() -> None:
    # Only prometheus_client's own files: the folder may have been chosen by the operator.
    for path in glob.glob(os.path.join(_metrics_dir, "*.db")):
        os.remove(path)


def on_starting(server):
    if _metrics_dir:
        # Counters from an earlier run of the master would be added to this run's.
        os.makedirs(_metrics_dir, exist_ok=True)
        _clear_metrics()


def child_exit(server, worker):
    if _metrics_dir:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if _metrics_dir:
        _clear_metrics()
        with contextlib.suppress(OSError):
            os.rmdir(_metrics_dir)  # only if nothing else was kept there
