"""Fold the analyzers' evidence into one verdict, a probability and the reasons behind it.

Provenance decides when present: a file that declares itself AI-generated is reported as such.
Scored analyzers are combined only when they cover the media; otherwise the honest answer is
"inconclusive", with what was checked and why it does not decide.
"""

from __future__ import annotations

from .types import Evidence, Hint, Media, Report, Strength, Verdict

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
        "This is a probability, not proof: real photos sometimes trigger them too."
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
    "probability with known error rates.",
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

_HINT_ORDER = {Strength.DECISIVE: 0, Strength.STRONG: 1, Strength.MODERATE: 2, Strength.WEAK: 3}


def _decisive(evidence: list[Evidence], hint: Hint) -> list[Evidence]:
    return [e for e in evidence if e.verdict_hint == hint and e.strength == Strength.DECISIVE]


def fuse(
    media: Media,
    evidence: list[Evidence],
    *,
    failures: list[dict[str, str]] | None = None,
    timings_ms: dict[str, float] | None = None,
) -> Report:
    failures = failures or []
    declared = _decisive(evidence, Hint.SYNTHETIC)
    captured = _decisive(evidence, Hint.AUTHENTIC)
    scored = [e.score for e in evidence if e.score is not None]

    if declared:
        verdict = Verdict.DECLARED_AI
        probability = max(e.score if e.score is not None else 0.99 for e in declared)
        drivers = declared
    elif captured:
        verdict = Verdict.VERIFIED_CAPTURE
        probability = min(e.score if e.score is not None else 0.01 for e in captured)
        drivers = captured
    else:
        verdict = Verdict.INCONCLUSIVE
        probability = round(sum(scored) / len(scored), 4) if scored else None
        drivers = sorted(
            (e for e in evidence if e.verdict_hint != Hint.NOT_APPLICABLE),
            key=lambda e: _HINT_ORDER[e.strength],
        )

    reasons = [e.summary for e in drivers[:4]]
    if verdict == Verdict.INCONCLUSIVE:
        checked = ", ".join(e.title for e in evidence) or "nothing"
        reasons.append(f"Checked: {checked}. None of these decides the question for this file.")
    for failure in failures:
        reasons.append(f"The {failure['analyzer']} check could not run: {failure['reason']}.")

    return Report(
        verdict=verdict,
        probability=probability,
        headline=HEADLINES[verdict],
        explanation=EXPLANATIONS[verdict],
        reasons=reasons[:6],
        evidence=sorted(evidence, key=lambda e: _HINT_ORDER[e.strength]),
        limits=list(GENERAL_LIMITS),
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
