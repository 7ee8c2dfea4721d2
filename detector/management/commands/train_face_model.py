"""Train the face-manipulation network (see detector/analysis/training/train_face_model.py)."""

import logging

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Train the face model on self-blended faces; write weights and face_model.json."

    def add_arguments(self, parser):
        from detector.analysis.training.train_face_model import add_arguments

        add_arguments(parser)

    def handle(self, *args, **options):
        import argparse

        from detector.analysis.training.train_face_model import parse, train

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
        # The options the training parser defines, and only those (not Django's own): one list,
        # kept by `add_arguments`.
        defined = parse(["--data", str(options["data"]), "--out", str(options["out"])])
        train(argparse.Namespace(**{name: options[name] for name in vars(defined)}))
