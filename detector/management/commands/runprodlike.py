"""Run the production layout on this machine until Ctrl-C (what `make run-prod-like` starts).

PostgreSQL and Redis are the ones already running here; moto in server mode stands in for the
S3 bucket. Every start begins from an empty database, Redis databases and bucket.
"""

import secrets
import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from project.devstack import Stack
from project.localservices import (
    REDIS_HOST_URL,
    MotoServer,
    postgres_recreate,
    redis_empty,
)


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # stop the children the same way on SIGTERM as on Ctrl-C


class Command(BaseCommand):
    help = (
        "Start gunicorn (2 workers), one Celery worker per queue and beat against the local "
        "PostgreSQL and Redis and a moto S3 server; Ctrl-C stops everything."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--database", default="unveiled_prodlike")
        parser.add_argument("--redis-db", type=int, default=1, help="the broker's database")
        parser.add_argument("--cache-redis-db", type=int, default=2, help="the cache's database")
        parser.add_argument("--bucket", default="unveiled-media")
        parser.add_argument("--web-workers", type=int, default=2)

    def handle(
        self, *args, port, database, redis_db, cache_redis_db, bucket, web_workers, **options
    ):
        # Also for SIGINT: a shell that starts us in the background would have it ignored.
        signal.signal(signal.SIGTERM, _interrupt)
        signal.signal(signal.SIGINT, _interrupt)
        var = settings.VAR_DIR / "prodlike"
        logs = var / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        moto = MotoServer(log_path=logs / "moto.log")
        stack = None
        try:
            self.stdout.write(
                f"Starting the S3 emulator, database {database}, Redis db {redis_db}…"
            )
            moto.start()
            moto.create_bucket(bucket)
            broker = f"{REDIS_HOST_URL}/{redis_db}"
            cache = f"{REDIS_HOST_URL}/{cache_redis_db}"
            redis_empty(broker)
            redis_empty(cache)
            env = {
                "DEBUG": "0",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "SECURE_SSL_REDIRECT": "0",
                "SECURE_COOKIES": "0",  # plain HTTP on this machine
                "UNVEILED_VAR_DIR": str(var),
                "DATABASE_URL": postgres_recreate(database),
                "CELERY_BROKER_URL": broker,
                "CACHE_URL": cache,
                "STATIC_FILES_MANIFEST": "1",
                "WHITENOISE_USE_FINDERS": "0",
                **moto.storage_env(bucket),
            }
            stack = Stack(env=env, port=port, web="gunicorn", web_workers=web_workers)
            stack.log_dir = logs
            stack.manage("migrate", "--noinput", "-v", "0")
            stack.manage("collectstatic", "--noinput", "-v", "0")
            stack.manage("load_starter_content")
            stack.start_web()
            for index, queue in enumerate((settings.ANALYSIS_QUEUE, settings.VIDEO_QUEUE)):
                stack.start_worker(index, queues=queue, name=f"worker-{queue}")
            stack.start_beat()
            stack.wait_for_web(timeout=120, path="/healthz")
            self.stdout.write(
                self.style.SUCCESS(f"\nready: {stack.url}/  (health {stack.url}/healthz, ")
                + self.style.SUCCESS(f"metrics {stack.url}/metrics)")
                + f"\nS3 emulator {moto.url} bucket {bucket}; logs in {logs}; Ctrl-C stops.\n"
            )
            while True:
                stack.check_alive()
                time.sleep(0.5)
        except KeyboardInterrupt:
            self.stdout.write("\nStopping web, workers (each finishes its job) and beat…")
        finally:
            if stack is not None:
                stack.stop(grace=30)
            moto.stop()
        self.stdout.write("Stopped.")
