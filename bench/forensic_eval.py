"""One forensic analyzer against one generated manipulation set: AUC and false positives.

    .venv/bin/python bench/forensic_eval.py noise splice --size 512
    .venv/bin/python bench/forensic_eval.py copy_move copy_move --size full
    .venv/bin/python bench/forensic_eval.py noise splice --data-key peak_contrast

Hosts are the development set's real photos; each gives the untouched photo and one fake of
the chosen kind (`manipulations.py`), both saved as JPEG q90. Sizes: 512 = centre square at
512 px (what `evaluate_detector --generate` uses), 1024 = longer side shrunk to 1024 px,
full = as photographed. Prints the AUC with a bootstrap 95 % interval, and how many real
photos and fakes reach the analyzer's "moderate" score (0.5). Target (issue 3): AUC >= 0.9,
real photos at moderate <= 5 %.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MODERATE = 0.5


def hosts(data: Path, size: str, limit: int | None) -> list[tuple[str, np.ndarray]]:
    from detector.analysis import render
    from detector.analysis.datasets import labelled_files, normalise, to_rgb

    found = []
    for path, label in labelled_files(data):
        if label != 0:
            continue
        rgb = to_rgb(path.read_bytes())
        if size == "512":
            rgb = normalise(rgb, 512)
        elif size == "1024":
            rgb = render.fit(rgb, 1024)
        found.append((path.stem, np.ascontiguousarray(rgb)))
    return found[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("analyzer")
    parser.add_argument("kind", help="splice, copy_move, object_removal, retouch or upsample")
    parser.add_argument("--size", choices=["512", "1024", "full"], default="512")
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev/ai_vs_real"))
    parser.add_argument("--limit", type=int, help="use only the first N real photos")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--data-key",
        help="rank by this number from the evidence's data (e.g. peak_contrast: the noise "
        "analyzer's grain network alone) instead of its score; moderate counts are then skipped",
    )
    args = parser.parse_args()

    from detector.analysis import media_from_bytes
    from detector.analysis.datasets import generated_samples
    from detector.analysis.evaluation import bootstrap_auc
    from detector.analysis.registry import registered

    analyzer = registered()[args.analyzer]()
    started = time.perf_counter()
    labels, scores, flagged_reals = [], [], []
    for sample in generated_samples(
        hosts(args.data, args.size, args.limit), [args.kind], seed=args.seed
    ):
        evidence = analyzer.analyze(media_from_bytes(sample.data, name=sample.name))
        if args.data_key:
            score = float(evidence.data.get(args.data_key, 0.0))
        else:
            score = evidence.score if evidence.score is not None else 0.0
        labels.append(sample.label)
        scores.append(score)
        if sample.label == 0 and score >= MODERATE and not args.data_key:
            flagged_reals.append(sample.name)
    labels, scores = np.array(labels, bool), np.array(scores, float)
    value, low, high = bootstrap_auc(labels, scores)
    reals, fakes = scores[~labels], scores[labels]
    if args.data_key:
        highest = ", ".join(f"{v:.2f}" for v in np.sort(reals)[::-1][:3])
        print(
            f"forensic_eval {args.analyzer} {args.data_key} on {args.kind} at {args.size}: "
            f"AUC {value:.3f} (95 % CI {low:.3f}-{high:.3f}); highest on real photos {highest}; "
            f"median on fakes {np.median(fakes):.2f}"
        )
        return
    fp, tp = int((reals >= MODERATE).sum()), int((fakes >= MODERATE).sum())
    print(
        f"forensic_eval {args.analyzer} on {args.kind} at {args.size}: "
        f"AUC {value:.3f} (95 % CI {low:.3f}-{high:.3f}); "
        f"real photos at moderate {fp}/{len(reals)} ({fp / len(reals):.0%}); "
        f"fakes at moderate {tp}/{len(fakes)} ({tp / len(fakes):.0%}); "
        f"{time.perf_counter() - started:.0f} s"
    )
    if flagged_reals:
        print("  real photos flagged: " + ", ".join(flagged_reals))


if __name__ == "__main__":
    main()
