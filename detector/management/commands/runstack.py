"""Run the web server and one detector worker together until Ctrl-C (what `make run` starts)."""

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from project.celery import ensure_broker_folders
from project.devstack import Stack


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # stop the children the same way on SIGTERM as on Ctrl-C


class Command(BaseCommand):
    help = "Start the web server and a Celery detector worker; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, host, port, **options):
        ensure_broker_folders()
        # Also for SIGINT: a shell that starts us in the background would have it ignored.
        signal.signal(signal.SIGTERM, _interrupt)
        signal.signal(signal.SIGINT, _interrupt)
        stack = Stack(host=host, port=port, quiet=False, beat=True)
        broker = settings.CELERY_BROKER_URL.split("://", 1)[0]
        database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        try:
            stack.start()
            self.stdout.write(
                self.style.SUCCESS(f"\nUnveiled is running at {stack.url}/")
                + f"  (database: {database}, broker: {broker}; press Ctrl-C to stop)\n"
            )
            while True:
                stack.check_alive()
                time.sleep(0.5)
        except KeyboardInterrupt:
            self.stdout.write("\nStopping the web server and the worker…")
        finally:
            stack.stop()
        self.stdout.write("Stopped.")
