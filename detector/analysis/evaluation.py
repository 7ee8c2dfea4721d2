"""Metrics for the detector: AUC with a bootstrap interval, TPR at a fixed FPR, calibration.

Pure numpy, so the same code serves `manage.py evaluate_detector`, the fusion fitting script
and the tests.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np


def auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve (probability a random fake outscores a random real; ties 1/2)."""
    labels = np.asarray(labels, bool)
    scores = np.asarray(scores, float)
    positives, negatives = scores[labels], scores[~labels]
    if len(positives) == 0 or len(negatives) == 0:
        return float("nan")
    order = np.argsort(np.concatenate([negatives, positives]), kind="mergesort")
    ranks = np.empty(len(order))
    combined = np.concatenate([negatives, positives])[order]
    # Average ranks over ties.
    start = 0
    for end in range(1, len(combined) + 1):
        if end == len(combined) or combined[end] != combined[start]:
            ranks[order[start:end]] = (start + end + 1) / 2
            start = end
    positive_ranks = ranks[len(negatives) :].sum()
    return float(
        (positive_ranks - len(positives) * (len(positives) + 1) / 2)
        / (len(positives) * len(negatives))
    )


def bootstrap_auc(
    labels: np.ndarray, scores: np.ndarray, *, rounds: int = 1000, seed: int = 0
) -> tuple[float, float, float]:
    """AUC and a 95 % percentile bootstrap interval (resampling within each class)."""
    labels = np.asarray(labels, bool)
    scores = np.asarray(scores, float)
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(labels), np.flatnonzero(~labels)
    samples = []
    for _ in range(rounds):
        idx = np.concatenate([rng.choice(pos, len(pos)), rng.choice(neg, len(neg))])
        samples.append(auc(labels[idx], scores[idx]))
    low, high = np.nanpercentile(samples, [2.5, 97.5])
    return auc(labels, scores), float(low), float(high)


def tpr_at_fpr(labels: np.ndarray, scores: np.ndarray, fpr: float = 0.05) -> tuple[float, float]:
    """True-positive rate at the threshold where at most `fpr` of reals score at or above it."""
    labels = np.asarray(labels, bool)
    scores = np.asarray(scores, float)
    threshold = threshold_for_fpr(scores[~labels], fpr)
    return float((scores[labels] >= threshold).mean()), threshold


def threshold_for_fpr(real_scores: np.ndarray, fpr: float) -> float:
    """The lowest threshold that at most `fpr` of the real scores reach."""
    ordered = np.sort(np.asarray(real_scores, float))[::-1]
    allowed = int(np.floor(fpr * len(ordered)))
    if allowed >= len(ordered):
        return float(ordered[-1])
    # Strictly above the (allowed+1)-th highest real score.
    return float(np.nextafter(ordered[allowed], np.inf))


def expected_calibration_error(labels: np.ndarray, probs: np.ndarray, bins: int = 10) -> float:
    labels = np.asarray(labels, float)
    probs = np.asarray(probs, float)
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(probs, edges[1:-1]), 0, bins - 1)
    error = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            error += inside.mean() * abs(probs[inside].mean() - labels[inside].mean())
    return float(error)


@dataclass
class Row:
    file: str
    label: int
    probability: float
    verdict: str
    scores: dict[str, float | None] = field(default_factory=dict)
    group: str = ""


def summarise(rows: list[Row], *, title: str, seed: int = 0) -> dict:
    labels = np.array([r.label for r in rows], bool)
    probs = np.array([r.probability for r in rows], float)
    value, low, high = bootstrap_auc(labels, probs, seed=seed)
    tpr, threshold = tpr_at_fpr(labels, probs, 0.05)
    verdicts = {
        name: dict(Counter(r.verdict for r in rows if r.label == label))
        for name, label in (("real", 0), ("fake", 1))
    }
    analyzers = sorted({name for r in rows for name in r.scores})
    per_analyzer = {}
    for name in analyzers:
        covered = [r for r in rows if r.scores.get(name) is not None]
        if covered:
            per_analyzer[name] = {
                "auc": auc(
                    np.array([r.label for r in covered], bool),
                    np.array([r.scores[name] for r in covered], float),
                ),
                "covered": len(covered),
            }
    groups = sorted({r.group for r in rows if r.label == 1})
    per_group = {}
    if len(groups) > 1:
        # Each kind of fake against all the real photos: one mixed AUC hides which kinds fail.
        for group in groups:
            chosen = [r for r in rows if r.label == 0 or r.group == group]
            part = summarise(chosen, title=group, seed=seed)
            part["verdicts"] = part["verdicts"]["fake"]
            per_group[group] = {
                k: part[k]
                for k in ("auc", "auc_ci", "tpr_at_5pct_fpr", "ece", "verdicts", "per_analyzer")
            }
    return {
        "title": title,
        "n_real": int((~labels).sum()),
        "n_fake": int(labels.sum()),
        "auc": value,
        "auc_ci": [low, high],
        "tpr_at_5pct_fpr": tpr,
        "threshold_at_5pct_fpr": threshold,
        "ece": expected_calibration_error(labels, probs),
        "verdicts": verdicts,
        "per_analyzer": per_analyzer,
        "per_group": per_group,
    }


def markdown_report(summary: dict) -> str:
    fmt = lambda x: "n/a" if x != x else f"{x:.3f}"  # noqa: E731 (NaN-safe formatting)
    lines = [
        f"## {summary['title']}",
        "",
        f"{summary['n_real']} real, {summary['n_fake']} fake.",
        "",
        "| metric | value |",
        "|---|---|",
        f"| AUC (95 % bootstrap CI) | {fmt(summary['auc'])} "
        f"({fmt(summary['auc_ci'][0])}–{fmt(summary['auc_ci'][1])}) |",
        f"| TPR at 5 % FPR | {fmt(summary['tpr_at_5pct_fpr'])} |",
        f"| expected calibration error | {fmt(summary['ece'])} |",
        "",
        "| verdict | real | fake |",
        "|---|---|---|",
    ]
    names = sorted(set(summary["verdicts"]["real"]) | set(summary["verdicts"]["fake"]))
    for name in names:
        lines.append(
            f"| {name} | {summary['verdicts']['real'].get(name, 0)} | "
            f"{summary['verdicts']['fake'].get(name, 0)} |"
        )
    lines += ["", "| analyzer | AUC | images scored |", "|---|---|---|"]
    for name, item in summary["per_analyzer"].items():
        lines.append(f"| {name} | {fmt(item['auc'])} | {item['covered']} |")
    if summary.get("per_group"):
        lines += [
            "",
            "Each kind of fake against all the real photos:",
            "",
            "| set | AUC (95 % CI) | TPR at 5 % FPR | ECE | fakes' verdicts | best analyzer |",
            "|---|---|---|---|---|---|",
        ]
        for group, item in summary["per_group"].items():
            verdicts = ", ".join(f"{k} {v}" for k, v in sorted(item["verdicts"].items()))
            best = max(item["per_analyzer"].items(), key=lambda kv: kv[1]["auc"], default=None)
            best_text = f"{best[0]} {fmt(best[1]['auc'])}" if best else "n/a"
            lines.append(
                f"| {group} | {fmt(item['auc'])} ({fmt(item['auc_ci'][0])}–"
                f"{fmt(item['auc_ci'][1])}) | {fmt(item['tpr_at_5pct_fpr'])} | "
                f"{fmt(item['ece'])} | {verdicts} | {best_text} |"
            )
    return "\n".join(lines) + "\n"
