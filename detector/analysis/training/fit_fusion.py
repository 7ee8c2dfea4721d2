"""Fit the fusion model (`models/fusion.json`) on development data. Deterministic.

    python -m detector.analysis.training.fit_fusion --data ../shared/data/dev/ai_vs_real

Data: the development set's photos, normalised as its README demands (centre square, 512 px,
JPEG q90), as the real class; as the fake class, its AI images plus splices, clones, object
removals and retouches that `manipulations.py` makes from those same real photos. Weights come
from an L2-regularised logistic regression on the logits of the analyzers' scores. Thresholds
come from out-of-fold probabilities (5 folds grouped by host photo), so they describe images
the fitted weights did not see: `high` lets at most 5 % of real photos through. That budget is
for the verdict, not the fused number alone: a real photo that reaches "likely manipulated" by
another route (a strong edit finding, which `fuse` lets set the probability, or the face model's
own threshold) uses up part of it, so the threshold is set on what `fuse` would actually do.
It also holds for the real photos saved once more as JPEG q90 (as the generated fakes are):
scores near the threshold move by a few thousandths with one more save, and a threshold that
only the originals respect once let a third real photo of 50 through their re-saved copies.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

from detector.analysis import analyze_bytes
from detector.analysis.datasets import folder_samples, generated_samples, normalise, to_rgb
from detector.analysis.evaluation import auc, expected_calibration_error, threshold_for_fpr
from detector.analysis.fusion import MODEL_PATH, FusionModel, _logit, floor_before_threshold

KINDS = ["splice", "copy_move", "object_removal", "retouch"]
DECIDED_BY_PROVENANCE = {"provenance", "content_credentials", "watermark"}
# The face model decides through its own threshold. Its score is not a calibrated probability on
# faces from everyday cameras (MODEL_CARD.md: untouched ones score 0.98-0.999), so as a fusion
# input it would mostly learn "this picture has a face", which the AI pictures here often do.
DECIDES_ON_ITS_OWN = {"face_model"}


def collect(
    data: Path, seed: int, analyzers: list[str] | None = None
) -> tuple[list[dict], list[str]]:
    samples = list(folder_samples(data, normalised=True))
    hosts = [(s.name.rsplit(".", 1)[0], normalise(to_rgb(s.data))) for s in samples if s.label == 0]
    # The generated set's own real photos are those photos saved once more: they only set the
    # threshold (`resaved`), the weights are fitted on the photos as given.
    generated = [(s.label == 0, s) for s in generated_samples(hosts, KINDS, seed=seed)]
    rows = []
    for resaved, sample in [(False, s) for s in samples] + generated:
        report = analyze_bytes(sample.data, name=sample.name, names=analyzers)
        host = sample.name.split("-")[0].rsplit(".", 1)[0]
        rows.append(
            {
                "name": sample.name,
                "label": sample.label,
                "group": sample.group,
                "host": host,
                "resaved": resaved,
                "scores": {
                    e.analyzer: e.score
                    for e in report.evidence
                    if e.score is not None
                    and e.analyzer not in DECIDED_BY_PROVENANCE | DECIDES_ON_ITS_OWN
                },
                "floor": floor_before_threshold(report.evidence),
            }
        )
        print(f"{sample.name}: {rows[-1]['scores']}", flush=True)
    names = sorted({n for r in rows for n in r["scores"]})
    return rows, names


def features(rows: list[dict], names: list[str]) -> np.ndarray:
    return np.array(
        [[_logit(r["scores"][n]) if n in r["scores"] else 0.0 for n in names] for r in rows]
    )


def fit_logistic(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, steps: int = 50):
    """Newton's method with balanced class weights and an L2 penalty (bias not penalised)."""
    weights = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    design = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(design.shape[1])
    penalty = np.diag([0.0] + [l2] * x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (weights * (p - y)) + penalty @ beta
        hessian = design.T @ (design * (weights * p * (1 - p))[:, None]) + penalty
        beta -= np.linalg.solve(hessian + 1e-9 * np.eye(len(beta)), gradient)
    return beta[0], beta[1:]


def fit_nonnegative(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """`fit_logistic`, refitted without any analyzer that came out with a negative weight.

    A negative weight reads an analyzer backwards ("looks cloned" -> "looks real"); with a
    small set that is a fitting accident, never something to show people.
    """
    keep = np.ones(x.shape[1], bool)
    while True:
        bias, coef = fit_logistic(x[:, keep], y)
        if keep.sum() == 0 or (coef >= 0).all():
            break
        keep[np.flatnonzero(keep)[coef < 0]] = False
    full = np.zeros(x.shape[1])
    full[keep] = coef
    return bias, full


def _predict(bias: float, coef: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(bias + x @ coef)))


def as_verdict_sees_it(probabilities: np.ndarray, rows: list[dict]) -> np.ndarray:
    """The fused probabilities as `fuse` compares them with `high`: raised to each row's
    `floor_before_threshold`."""
    return np.maximum(probabilities, np.array([r["floor"] for r in rows]))


def high_threshold(out_of_fold_real: np.ndarray, fitted_real: np.ndarray) -> float:
    """The "likely manipulated" threshold: at most 5 % of real photos reach it out of fold, and
    also with the weights that ship (fitted on all of them; a marginal out-of-fold threshold
    once let 3 of 50 through those). Rounded up to 4 decimals, as stored, so storing it does
    not let one more through."""
    high = max(threshold_for_fpr(out_of_fold_real, 0.05), threshold_for_fpr(fitted_real, 0.05))
    return math.ceil(high * 1e4) / 1e4


def high_threshold_for(*real_sets: tuple[np.ndarray, np.ndarray]) -> float:
    """`high_threshold` that holds for every set of real photos given as (out of fold, fitted):
    the photos as given and the same photos saved once more."""
    return max(high_threshold(out_of_fold, fitted) for out_of_fold, fitted in real_sets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--analyzers", help="comma-separated: run only these (those without a score add nothing)"
    )
    parser.add_argument(
        "--rows", type=Path, help="scores per file: read from here if it exists, else saved here"
    )
    args = parser.parse_args()

    if args.rows and args.rows.exists():
        rows = json.loads(args.rows.read_text())
        if any("resaved" not in r for r in rows):
            raise SystemExit(f"{args.rows} predates the verdict routes: delete it to rescore")
        names = sorted({n for r in rows for n in r["scores"]})
    else:
        chosen = args.analyzers.split(",") if args.analyzers else None
        rows, names = collect(args.data, args.seed, chosen)
        if args.rows:
            args.rows.write_text(json.dumps(rows))
    resaved = [r for r in rows if r["resaved"]]
    rows = [r for r in rows if not r["resaved"]]
    x, y = features(rows, names), np.array([r["label"] for r in rows], float)
    x_resaved = features(resaved, names)
    hosts = sorted({r["host"] for r in rows})
    rng = np.random.default_rng(args.seed)
    fold_of_host = {h: i % 5 for i, h in enumerate(rng.permutation(hosts))}
    folds = np.array([fold_of_host[r["host"]] for r in rows])
    folds_resaved = np.array([fold_of_host[r["host"]] for r in resaved])
    out_of_fold = np.zeros(len(rows))
    out_of_fold_resaved = np.zeros(len(resaved))
    for fold in range(5):
        train, test = folds != fold, folds == fold
        bias, coef = fit_nonnegative(x[train], y[train])
        out_of_fold[test] = _predict(bias, coef, x[test])
        chosen = folds_resaved == fold
        out_of_fold_resaved[chosen] = _predict(bias, coef, x_resaved[chosen])

    low = float(np.percentile(out_of_fold[y == 1], 10))
    bias, coef = fit_nonnegative(x, y)
    # As stored (4 decimals), so the thresholds are checked on the numbers the site computes.
    bias, coef = round(float(bias), 4), np.round(coef, 4)
    fitted = as_verdict_sees_it(_predict(bias, coef, x), rows)
    out_of_fold_verdict = as_verdict_sees_it(out_of_fold, rows)
    real, fake = out_of_fold_verdict[y == 0], out_of_fold_verdict[y == 1]
    real_resaved = as_verdict_sees_it(out_of_fold_resaved, resaved)
    fitted_resaved = as_verdict_sees_it(_predict(bias, coef, x_resaved), resaved)
    high = high_threshold_for((real, fitted[y == 0]), (real_resaved, fitted_resaved))
    model = FusionModel(dict(zip(names, coef, strict=True)), bias, high, low, ())
    groups = sorted({r["group"] for r in rows if r["label"] == 1})
    per_group = {}
    for group in groups:
        chosen = np.array([r["label"] == 0 or r["group"] == group for r in rows])
        per_group[group] = {
            "auc": auc(y[chosen].astype(bool), out_of_fold[chosen]),
            "share_flagged": float((out_of_fold_verdict[chosen & (y == 1)] >= high).mean()),
        }
    result = {
        "weights": {n: round(float(w), 4) for n, w in model.weights.items()},
        "bias": round(float(bias), 4),
        "high_threshold": high,
        "low_threshold": round(low, 4),
        "required": [n for n in ("noise", "copy_move", "spectrum") if n in names],
        "fitted_on": (
            f"{args.data.name}: {int((y == 0).sum())} real photos (normalised), "
            f"{int((y == 1).sum())} fakes ({', '.join(groups)}); threshold also held on the "
            f"{len(resaved)} real photos saved once more; seed {args.seed}"
        ),
        "out_of_fold": {
            "auc": auc(y.astype(bool), out_of_fold),
            "ece": expected_calibration_error(y, out_of_fold),
            "real_at_or_above_high": float((real >= high).mean()),
            "resaved_real_at_or_above_high": float((real_resaved >= high).mean()),
            "fake_at_or_above_high": float((fake >= high).mean()),
            "real_at_or_below_low": float((out_of_fold[y == 0] <= low).mean()),
            "per_group": per_group,
        },
        "fitted": {
            "real_at_or_above_high": float((fitted[y == 0] >= high).mean()),
            "fake_at_or_above_high": float((fitted[y == 1] >= high).mean()),
            "resaved_real_at_or_above_high": float((fitted_resaved >= high).mean()),
        },
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    if not math.isfinite(result["out_of_fold"]["auc"]):
        raise SystemExit("fit failed: no usable scores")


if __name__ == "__main__":
    main()
