"""Fold the analyzers' evidence into one verdict, a probability and the reasons behind it.

Provenance decides when present: a file that declares itself AI-generated (or carries a trusted
capture signature) is reported as such. Otherwise a logistic model, fitted by
`training/fit_fusion.py` on development data and stored in `models/fusion.json`, combines the
analyzers' scores. Its high threshold is chosen so that at most 5 % of real development images
reach "likely manipulated" by any route (this sum, a strong edit finding, or a face over the face
model's own threshold). Out-of-scope media and thin coverage lean to "inconclusive", and say why.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from .types import Evidence, Hint, Media, Report, Strength, Verdict

MODEL_PATH = Path(__file__).resolve().parent / "models" / "fusion.json"
MIN_SIDE = 256  # below this, the statistical checks have too few pixels to mean anything
MIN_JPEG_QUALITY = 50  # below this, compression has wiped out the fine traces the checks read

HEADLINES = {
    Verdict.DECLARED_AI: "This file says it was made with AI",
    Verdict.LIKELY_MANIPULATED: "Strong signs of manipulation",
    Verdict.INCONCLUSIVE: "We can't tell",
    Verdict.NO_SIGNS_FOUND: "No signs of manipulation found — that is not proof it is real",
    Verdict.VERIFIED_CAPTURE: "Signed by the capture device",
}

EXPLANATIONS = {
    Verdict.DECLARED_AI: (
        "Information stored inside the file says an AI tool made or changed it. We quote it "
        "below. People rarely add such labels by mistake, but they can be copied or faked, so "
        "treat it as the file's own statement, not a lab result."
    ),
    Verdict.LIKELY_MANIPULATED: (
        "Several of our checks found patterns that edited or generated images usually leave. "
        "This is a probability, not proof: on real photos we tested, about 1 in 20 reach this "
        "level too."
    ),
    Verdict.INCONCLUSIVE: (
        "None of our checks found anything that decides the question either way. That is the "
        "most common answer, and an honest one: many fakes leave no trace we can measure, and "
        "many real photos carry no proof of where they came from."
    ),
    Verdict.NO_SIGNS_FOUND: (
        "Our checks looked for the traces that manipulation usually leaves and found none. "
        "Good fakes can pass every check, so this is not proof that the picture is real."
    ),
    Verdict.VERIFIED_CAPTURE: (
        "The file carries a valid digital signature from a device or service on our trust "
        "list, saying it was captured and not edited afterwards."
    ),
}

GENERAL_LIMITS = [
    "No automatic check can prove that a picture is real or fake; every result is a "
    "probability with known error rates, measured on pictures the detector was not built on.",
    "Metadata is easy to remove or forge: missing labels prove nothing, and a label can be "
    "copied onto another file.",
    "Screenshots, heavy compression and resizing (as on social media) wipe out many traces.",
]

TIPS = [
    "Search for the picture with a reverse image search to find older or original copies.",
    "Find who first posted it and whether they were in a position to take it.",
    "Check the context: does the place, weather, date and news around it fit?",
    "Look for Content Credentials on the original (for example with a C2PA viewer).",
    "Ask whether the picture is made to provoke a strong feeling; pause before you share.",
]

_STRENGTH_ORDER = {Strength.DECISIVE: 0, Strength.STRONG: 1, Strength.MODERATE: 2, Strength.WEAK: 3}


@dataclass(frozen=True)
class FusionModel:
    weights: dict[str, float]
    bias: float
    high: float  # at or above: likely_manipulated
    low: float  # at or below (with coverage): no_signs_found
    required: tuple[str, ...]  # analyzers that must have scored for "no signs found"

    def logit_contributions(self, evidence: list[Evidence]) -> dict[str, float]:
        return {
            e.analyzer: self.weights[e.analyzer] * _logit(e.score)
            for e in evidence
            if e.score is not None and e.analyzer in self.weights
        }

    def probability(self, evidence: list[Evidence]) -> float:
        total = self.bias + sum(self.logit_contributions(evidence).values())
        return 1 / (1 + math.exp(-total))


def _logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


@functools.cache
def load_model(path: Path = MODEL_PATH) -> FusionModel:
    if not path.exists():
        # No fitted model: every score counts equally and nothing is ever decided by it.
        return FusionModel({}, 0.0, high=1.01, low=-0.01, required=())
    raw = json.loads(path.read_text())
    return FusionModel(
        # A negative weight would read an analyzer backwards (its "looks edited" making a file
        # look more real): such a weight is a quirk of a small fitting set, so it is dropped.
        weights={k: float(v) for k, v in raw["weights"].items() if float(v) > 0},
        bias=float(raw["bias"]),
        high=float(raw["high_threshold"]),
        low=float(raw["low_threshold"]),
        required=tuple(raw.get("required", ())),
    )


def _decisive(evidence: list[Evidence], hint: Hint) -> list[Evidence]:
    return [e for e in evidence if e.verdict_hint == hint and e.strength == Strength.DECISIVE]


def _strong_edits(evidence: list[Evidence]) -> list[Evidence]:
    """Strong edit findings: each sets a floor under the fused probability."""
    return [
        e
        for e in evidence
        if e.verdict_hint == Hint.MANIPULATED and e.strength == Strength.STRONG and e.score
    ]


def _deciding_faces(evidence: list[Evidence]) -> list[Evidence]:
    """Faces the face-swap model scores at or above its own "likely" threshold: they decide."""
    return [e for e in evidence if e.analyzer == "face_model" and e.data.get("decides")]


def floor_before_threshold(evidence: list[Evidence]) -> float:
    """What `fuse` puts under the weighted sum before comparing it with `high`: the strongest
    strong edit finding's score, or 1 where a face decides on its own (as it does unless the
    file is out of scope). `fit_fusion` sets `high` on the sum raised to this floor."""
    if _deciding_faces(evidence):
        return 1.0
    return max([0.0] + [e.score for e in _strong_edits(evidence)])


def _out_of_scope(media: Media, evidence: list[Evidence]) -> list[str]:
    reasons = []
    if min(media.width, media.height) < MIN_SIDE:
        reasons.append(
            f"The picture is only {media.width}×{media.height} pixels: too small for our "
            "statistical checks to mean much."
        )
    quality = next(
        (
            e.data["quantisation"].get("quality")
            for e in evidence
            if isinstance(e.data.get("quantisation"), dict)
        ),
        None,
    )
    if quality is not None and quality < MIN_JPEG_QUALITY:
        reasons.append(
            f"The picture was saved as a low-quality JPEG (about {quality} of 100): heavy "
            "compression wipes out the fine traces our checks look for."
        )
    for e in evidence:
        reasons += [str(r) for r in e.data.get("out_of_scope", [])]
    return reasons


def fuse(
    media: Media,
    evidence: list[Evidence],
    *,
    failures: list[dict[str, str]] | None = None,
    timings_ms: dict[str, float] | None = None,
    model: FusionModel | None = None,
) -> Report:
    model = model or load_model()
    failures = failures or []
    declared = _decisive(evidence, Hint.SYNTHETIC)
    captured = _decisive(evidence, Hint.AUTHENTIC)
    contributions = model.logit_contributions(evidence)
    probability = model.probability(evidence)
    strong_edits = _strong_edits(evidence)
    if strong_edits:
        probability = max([probability] + [e.score for e in strong_edits])
    scope = _out_of_scope(media, evidence)
    covered = all(name in contributions for name in model.required)
    face_findings = _deciding_faces(evidence)

    if declared:
        verdict = Verdict.DECLARED_AI
        probability = max([probability] + [e.score or 0.99 for e in declared])
        drivers = [e.summary for e in declared]
    elif captured:
        verdict = Verdict.VERIFIED_CAPTURE
        probability = min([probability] + [e.score or 0.01 for e in captured])
        drivers = [e.summary for e in captured]
    elif face_findings and not scope:
        verdict = Verdict.LIKELY_MANIPULATED
        probability = max([probability] + [e.score for e in face_findings])
        drivers = [e.summary for e in face_findings]
    elif probability >= model.high and (not scope or strong_edits):
        verdict = Verdict.LIKELY_MANIPULATED
        pushing = sorted(contributions, key=contributions.get, reverse=True)
        by_name = {e.analyzer: e for e in evidence}
        drivers = [e.summary for e in strong_edits]
        drivers += [by_name[n].summary for n in pushing if contributions[n] > 0]
    elif probability <= model.low and covered and not scope and not failures:
        verdict = Verdict.NO_SIGNS_FOUND
        by_name = {e.analyzer: e for e in evidence}
        drivers = [by_name[n].summary for n in sorted(contributions, key=contributions.get)]
    else:
        verdict = Verdict.INCONCLUSIVE
        drivers = list(scope)
        if probability >= model.high and scope:
            drivers.append(
                "Some checks scored high, but this file is outside what they were built for."
            )
        elif not covered:
            missing = [n for n in model.required if n not in contributions]
            drivers.append(f"Key checks could not score this file: {', '.join(missing)}.")
        checked = ", ".join(e.title for e in evidence) or "nothing"
        drivers.append(
            f"Checked: {checked}. Together they give {probability:.0%}, between our "
            f"'no signs' ({model.low:.0%}) and 'strong signs' ({model.high:.0%}) levels."
            if model.low < probability < model.high
            else f"Checked: {checked}. None of these decides the question for this file."
        )

    reasons = drivers[:4]
    for failure in failures:
        reasons.append(f"The {failure['analyzer']} check could not run: {failure['reason']}.")

    return Report(
        verdict=verdict,
        probability=round(probability, 4),
        headline=HEADLINES[verdict],
        explanation=EXPLANATIONS[verdict],
        reasons=reasons[:6],
        evidence=sorted(evidence, key=lambda e: _STRENGTH_ORDER[e.strength]),
        limits=list(GENERAL_LIMITS) + scope,
        tips=list(TIPS),
        media={
            "kind": str(media.kind),
            "mime": media.mime,
            "width": media.width,
            "height": media.height,
            "bytes": len(media.data),
        },
        failures=failures,
        timings_ms=timings_ms or {},
    )
