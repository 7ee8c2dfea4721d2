"""Load or refresh the starter content of every app that ships a `starter` module."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the starter content (FAQ, glossary, quizzes). Safe to run again."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            module_name = f"{config.name}.starter"
            if find_spec(config.name) is None or find_spec(module_name) is None:
                continue
            counts = import_module(module_name).load()
            summary = ", ".join(f"{n} {label}" for label, n in counts.items())
            self.stdout.write(f"{config.label}: {summary}")
