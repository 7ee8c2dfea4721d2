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

        from detector.analysis.training.train_face_model import train

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
        names = (
            "data",
            "out",
            "seed",
            "steps",
            "pairs",
            "size",
            "lr",
            "donor_share",
            "extra_untouched",
            "backdrop_share",
            "camera_share",
            "freeze",
            "eval_every",
            "threads",
            "max_minutes",
            "init",
            "stop_after_step",
        )
        train(argparse.Namespace(**{n: options[n] for n in names}))
