"""Run the detector on files in this process (no database, no broker) and print JSON lines."""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


def evidence_summary(report) -> dict:
    return {
        e.analyzer: {
            "summary": e.summary,
            "score": e.score,
            "hint": str(e.verdict_hint),
            "strength": str(e.strength),
        }
        for e in report.evidence
    }


class Command(BaseCommand):
    help = "Analyse image or video files with the detector and print one JSON object per file."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--json", action="store_true", help="one JSON object per line (the default output)"
        )
        parser.add_argument("--analyzers", help="comma-separated analyzer names (default: all)")

    def handle(self, *args, files, analyzers, **options):
        from detector.analysis import MediaError, analyze, media_from_bytes
        from detector.analysis.video import analyze_video, sniff_video
        from detector.services import configure_detector
        from detector.validation import video_limits

        configure_detector()
        names = analyzers.split(",") if analyzers else None
        failed = 0
        for path in files:
            try:
                data = path.read_bytes()
                if sniff_video(data[:64]) is not None:
                    # Videos run their own fixed set of checks; --analyzers applies to images.
                    report = analyze_video(data, limits=video_limits())
                else:
                    media = media_from_bytes(
                        data, name=path.name, max_pixels=settings.ANALYSIS_MAX_PIXELS
                    )
                    report = analyze(media, names=names)
                line = {
                    "file": str(path),
                    "verdict": str(report.verdict),
                    "probability": report.probability,
                    "headline": report.headline,
                    "reasons": report.reasons,
                    "evidence": evidence_summary(report),
                    "timings_ms": report.timings_ms,
                }
                if report.video is not None:
                    line["video"] = {
                        "sampled": report.video["sampled"],
                        "tracks": [
                            {k: v for k, v in t.items() if k != "points"}
                            for t in report.video["tracks"]
                        ],
                        "moments": report.video["moments"],
                    }
            except (OSError, MediaError, KeyError) as exc:
                failed += 1
                message = exc.message if isinstance(exc, MediaError) else str(exc)
                line = {"file": str(path), "error": message}
            self.stdout.write(json.dumps(line, ensure_ascii=False))
        if failed:
            sys.stderr.write(f"{failed} of {len(files)} files could not be analysed\n")
