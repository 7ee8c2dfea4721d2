"""Evaluate the face model on held-out people only, and set its "likely" threshold.

    python -m detector.analysis.training.evaluate_face_model --data ../shared/data/faces/london \
        --other-camera ../shared/data/faces/other_camera \
        --calibrate-on ../shared/data/dev/ai_vs_real/real --markdown var/face_eval.md

Sets (each at full size + JPEG 95 and at half size + JPEG 75, fakes and untouched encoded alike):
self-blends and classic swaps of the 20 test people; untouched photos of a person from another
camera (their landmark templates use other layouts, so no swaps there). Swaps and self-blends
are compared with their own untouched targets (neutral photos); smiling photos are reported on
their own and in a second table. Intervals resample *people*, not photos.
With `--set-threshold` the threshold is raised until at most `--real-fpr` of the real
development photos (animals, food, street scenes, people) have a face that reaches it.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
from pathlib import Path

import numpy as np

from .. import face_model
from ..evaluation import auc, expected_calibration_error, threshold_for_fpr
from . import face_data, face_sets
from .face_eval_sets import (
    cached_samples,
    other_camera_samples,
    real_photo_faces,
    real_photo_scores,
    score,
)

log = logging.getLogger(__name__)


def grouped_interval(people, labels, scores, rounds: int = 1000, seed: int = 0):
    """AUC and a 95 % bootstrap interval that resamples people (all of a person's photos)."""
    people, labels, scores = np.asarray(people), np.asarray(labels, bool), np.asarray(scores)
    unique = np.unique(people)
    rows = {p: np.flatnonzero(people == p) for p in unique}
    rng = np.random.default_rng(seed)
    samples = []
    for _ in range(rounds):
        idx = np.concatenate([rows[p] for p in rng.choice(unique, len(unique))])
        samples.append(auc(labels[idx], scores[idx]))
    low, high = np.nanpercentile(samples, [2.5, 97.5])
    return auc(labels, scores), float(low), float(high)


def summarise(samples, probs, threshold: float, negatives: str = "neutral") -> list[dict]:
    """One row per fake set and variant, against the untouched photos: by default the
    fakes' own targets (neutral photos), with `negatives="all"` smiling photos too."""
    kinds = np.array([s.kind for s in samples])
    variants = np.array([s.variant for s in samples])
    people = np.array([s.person for s in samples])
    expressions = np.array([s.expression for s in samples])
    untouched = (kinds == "untouched") & ((expressions == "neutral") | (negatives == "all"))
    rows = []
    for kind in ("self_blend", "swap"):
        for name in face_sets.VARIANTS:
            keep = ((kinds == kind) | untouched) & (variants == name)
            if not (kinds[keep] == kind).any():
                continue
            labels = kinds[keep] == kind
            value, low, high = grouped_interval(people[keep], labels, probs[keep])
            rows.append(
                {
                    "set": kind if negatives == "neutral" else f"{kind} vs all untouched",
                    "variant": name,
                    "untouched": int((~labels).sum()),
                    "fakes": int(labels.sum()),
                    "auc": round(value, 3),
                    "auc_95": [round(low, 3), round(high, 3)],
                    "fakes_at_likely": round(float((probs[keep][labels] >= threshold).mean()), 3),
                    "untouched_at_likely": round(
                        float((probs[keep][~labels] >= threshold).mean()), 3
                    ),
                    "untouched_mean_p": round(float(probs[keep][~labels].mean()), 3),
                }
            )
    return rows


def _ceil(value: float) -> float:
    return math.ceil(value * 10_000) / 10_000


def _untouched_stats(probs: list[float], threshold: float) -> dict:
    return {
        "faces": len(probs),
        "mean_p": round(float(np.mean(probs)), 3) if probs else None,
        "at_likely": int(sum(p >= threshold for p in probs)),
    }


def evaluate(args: argparse.Namespace) -> dict:
    model_dir = args.model_dir
    meta = {} if args.build_only else face_model.metadata(model_dir)
    size = int(meta.get("input_size", args.size))
    groups = face_data.split(args.data)
    genders = face_data.genders(args.data)
    test_faces: list[face_data.Face] = []

    def london():
        test_faces.extend(face_data.load_faces(args.data, groups["test"]))
        return face_sets.build(test_faces, genders, size, seed=args.seed)

    def cached(name, make):
        # Crops are stored at the network's input size: one cache per size.
        return cached_samples(args.cache, f"{name}_{size}px", make)

    samples = cached("london_test", london)
    if args.build_only:
        if args.calibrate_on:
            cached("real_photos", lambda: real_photo_faces(args.calibrate_on, size))
        if args.other_camera:
            cached("other_camera", lambda: other_camera_samples(args.other_camera, size))
        return {}
    other, other_probs = [], np.zeros(0)
    if args.other_camera:
        other = cached("other_camera", lambda: other_camera_samples(args.other_camera, size))
        other_probs = score([s.crop for s in other], model_dir)
    probs = score([s.crop for s in samples], model_dir)
    result: dict = {"model": {k: meta[k] for k in ("temperature", "chosen_step", "validation")}}

    if args.calibrate_on:
        photos = cached("real_photos", lambda: real_photo_faces(args.calibrate_on, size))
        real_best, counts = real_photo_scores(photos, model_dir)
        dev_threshold = threshold_for_fpr(np.array(real_best), args.real_fpr)
        threshold = max(float(meta["likely_threshold"]), dev_threshold)
        result["real_photos"] = {
            **counts,
            "threshold_for_fpr": round(dev_threshold, 4),
            "scores_over_0.5": sorted(round(s, 3) for s in real_best if s > 0.5),
        }
    else:
        threshold = float(meta["likely_threshold"])
    if args.threshold_above_other_camera and len(other_probs):
        # No untouched face from the other camera may reach it: that set then stops being a
        # test of the false-positive rate (the figure is 0 by construction).
        result["threshold_before_other_camera"] = _ceil(threshold)
        result["other_camera_at_that_threshold"] = int((other_probs >= threshold).sum())
        threshold = max(threshold, threshold_for_fpr(other_probs, 0.0))
    threshold = _ceil(threshold)  # rounded up, so a face that did not reach it still does not
    result["likely_threshold"] = threshold
    result["london_test"] = summarise(samples, probs, threshold)
    result["london_test_all_untouched"] = summarise(samples, probs, threshold, negatives="all")
    result["london_untouched"] = {
        f"{expression}, {name}": _untouched_stats(
            [
                p
                for s, p in zip(samples, probs, strict=True)
                if s.kind == "untouched" and s.expression == expression and s.variant == name
            ],
            threshold,
        )
        for expression in ("neutral", "smiling")
        for name in face_sets.VARIANTS
    }
    if len(other_probs):
        result["other_camera_untouched"] = {
            name: _untouched_stats(
                [p for s, p in zip(other, other_probs, strict=True) if s.variant == name],
                threshold,
            )
            for name in face_sets.VARIANTS
        }
    labels = np.array([s.kind != "untouched" for s in samples], float)
    result["london_test_ece"] = round(expected_calibration_error(labels, probs), 3)

    if args.set_threshold:
        path = face_model._model_dir(model_dir) / face_model.META
        written = json.loads(path.read_text())
        written["likely_threshold"] = threshold
        written["threshold_basis"] = (
            f"at most {args.real_fpr:.1%} of real development photos and 2.5 % of untouched "
            "validation faces reach it"
            + (", and no untouched other-camera face" if args.threshold_above_other_camera else "")
        )
        path.write_text(json.dumps(written, indent=1) + "\n")
    return result


def markdown(result: dict) -> str:
    lines = [
        f"'likely' threshold: {result['likely_threshold']}",
        "",
        "| set | variant | untouched / fakes | AUC (95 % CI, people resampled) | fakes at 'likely' "
        "| untouched at 'likely' | untouched mean p |",
        "|---|---|---|---|---|---|---|",
    ]
    for section in ("london_test", "london_test_all_untouched"):
        for row in result.get(section, []):
            low, high = row["auc_95"]
            lines.append(
                f"| {section}: {row['set']} | {row['variant']} | {row['untouched']} / "
                f"{row['fakes']} | {row['auc']:.3f} ({low:.3f}-{high:.3f}) | "
                f"{row['fakes_at_likely']:.1%} | {row['untouched_at_likely']:.1%} | "
                f"{row['untouched_mean_p']:.3f} |"
            )
    lines.append("")
    lines.append(f"Expected calibration error, London test: {result['london_test_ece']}")
    lines.append(f"London untouched faces: {json.dumps(result['london_untouched'])}")
    if "threshold_before_other_camera" in result:
        lines.append(
            f"Threshold before the other-camera rule: {result['threshold_before_other_camera']} "
            f"({result['other_camera_at_that_threshold']} other-camera faces reached it)"
        )
    if "other_camera_untouched" in result:
        lines.append(f"Other camera, untouched: {json.dumps(result['other_camera_untouched'])}")
    if "real_photos" in result:
        lines.append(f"Real development photos: {json.dumps(result['real_photos'])}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--model-dir", type=Path, default=None)
    p.add_argument("--other-camera", type=Path)
    p.add_argument("--calibrate-on", type=Path, help="a folder of real photos (any subject)")
    p.add_argument("--real-fpr", type=float, default=0.025)
    p.add_argument("--set-threshold", action="store_true")
    p.add_argument(
        "--threshold-above-other-camera",
        action="store_true",
        help="also keep every untouched other-camera face below the threshold",
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--cache", type=Path, help="keep the built sets' crops here between runs")
    p.add_argument("--build-only", action="store_true", help="build the cached sets and stop")
    p.add_argument("--size", type=int, default=224, help="crop size when building only")
    p.add_argument("--markdown", type=Path)
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)
    result = evaluate(args)
    if args.build_only:
        return
    text = markdown(result)
    print(text)
    if args.markdown:
        args.markdown.write_text(text)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
