"""Measure the detector on a labelled folder or on manipulation sets generated in code."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from detector.analysis.manipulations import GENERATORS


class Command(BaseCommand):
    help = (
        "Evaluate the detector: AUC with a bootstrap 95 % interval, TPR at 5 % FPR, calibration "
        "error, verdict counts per class and per-analyzer AUC, as a Markdown report."
    )

    def add_arguments(self, parser):
        parser.add_argument("dir", type=Path, help="folder with real/ and fake/ (or ai/)")
        parser.add_argument("--labels", type=Path, help="CSV with file,label columns")
        parser.add_argument(
            "--normalise",
            action="store_true",
            help="centre-crop, resize to 512 px and re-encode as JPEG q90 before analysing",
        )
        parser.add_argument(
            "--generate",
            help="instead of the folder's fakes, make these manipulations of its real photos "
            f"(comma-separated: {', '.join(GENERATORS)})",
        )
        parser.add_argument("--analyzers", help="comma-separated analyzer names (default: all)")
        parser.add_argument("--markdown", type=Path, help="also write the report here")
        parser.add_argument("--rows", type=Path, help="write per-file results as JSON here")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, **options):
        from detector.analysis import analyze_bytes
        from detector.analysis.datasets import (
            folder_samples,
            generated_samples,
            normalise,
            to_rgb,
        )
        from detector.analysis.evaluation import Row, markdown_report, summarise
        from detector.services import configure_detector

        configure_detector()

        root = options["dir"]
        if not root.is_dir():
            raise CommandError(f"{root} is not a folder")
        samples = folder_samples(root, options["labels"], normalised=options["normalise"])
        title = f"{root.name}{' (normalised)' if options['normalise'] else ''}"
        if options["generate"]:
            kinds = options["generate"].split(",")
            unknown = set(kinds) - set(GENERATORS)
            if unknown:
                raise CommandError(f"unknown manipulations: {', '.join(sorted(unknown))}")
            hosts = [
                (s.name.rsplit(".", 1)[0], normalise(to_rgb(s.data)))
                for s in samples
                if s.label == 0
            ]
            samples = generated_samples(hosts, kinds, seed=options["seed"])
            title = f"{root.name}: generated {', '.join(kinds)}"
        names = options["analyzers"].split(",") if options["analyzers"] else None

        rows = []
        for sample in samples:
            report = analyze_bytes(sample.data, name=sample.name, names=names)
            rows.append(
                Row(
                    file=sample.name,
                    label=sample.label,
                    probability=report.probability,
                    verdict=str(report.verdict),
                    scores={e.analyzer: e.score for e in report.evidence},
                    group=sample.group,
                )
            )
            self.stderr.write(f"{sample.name}: {report.verdict} {report.probability:.3f}")
        summary = summarise(rows, title=title, seed=options["seed"])
        text = markdown_report(summary)
        self.stdout.write(text)
        if options["markdown"]:
            options["markdown"].write_text(text)
        if options["rows"]:
            options["rows"].write_text(json.dumps([r.__dict__ for r in rows], indent=1))
