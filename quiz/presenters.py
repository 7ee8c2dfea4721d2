"""Shape items, reveals and results for templates and the API (labels, detector view, stats)."""

from __future__ import annotations

import functools

from django.urls import reverse

from detector.models import Analysis

from .cues import CUES
from .models import Item, Response
from .scoring import (
    ANSWER_LABELS,
    CHOICES,
    SPOT_GRID,
    Calibration,
    detector_call,
    detector_pair_call,
)
from .selectors import CrowdStats

TRUTH_SENTENCE = {
    "real": "This picture is real: nobody changed it.",
    "fake": "This picture is fake: it was changed.",
    "a": "Picture A is the fake one.",
    "b": "Picture B is the fake one.",
    "true": "This statement is true.",
    "false": "This statement is false.",
}

CALL_LABEL = {"fake": "fake or edited", "real": "real", "a": "picture A", "b": "picture B"}


def _analysis_state(analysis: Analysis | None) -> str:
    if analysis is None:
        return "none"
    if analysis.status == Analysis.Status.DONE and analysis.report:
        return "done"
    if analysis.status == Analysis.Status.FAILED:
        return "failed"
    return "pending"


def detector_view(item: Item) -> dict | None:
    """What the detector said about the item's media and whether it was right."""
    if item.kind == Item.Kind.STATEMENT or not item.media:
        return None
    sides = [item.analysis] + ([item.analysis_b] if item.kind == Item.Kind.PAIR else [])
    states = [_analysis_state(a) for a in sides]
    if "none" in states:
        return {"state": "none"}
    if "failed" in states:
        return {"state": "failed"}
    if "pending" in states:
        return {"state": "pending"}
    reports = [a.report for a in sides]
    if item.kind == Item.Kind.PAIR:
        call = detector_pair_call(
            reports[0]["verdict"],
            reports[0].get("probability"),
            reports[1]["verdict"],
            reports[1].get("probability"),
        )
        headlines = [f"Picture A: {reports[0]['headline']}", f"Picture B: {reports[1]['headline']}"]
    else:
        call = detector_call(reports[0]["verdict"])
        headlines = [reports[0]["headline"]]
    expected = item.truth
    right = None if call is None else call == expected
    return {
        "state": "done",
        "verdicts": [r["verdict"] for r in reports],
        "headlines": headlines,
        "explanation": reports[0].get("explanation", "") if len(reports) == 1 else "",
        "call": call,
        "call_label": CALL_LABEL.get(call, ""),
        "right": right,
        "report_urls": [a.get_absolute_url() for a in sides],
    }


def crowd_sentence(stats: CrowdStats) -> str:
    if stats.plays == 0:
        return "You are the first player to answer this one."
    players = "player" if stats.plays == 1 else "players"
    return (
        f"{stats.correct_percent} % of {stats.plays} {players} got this right; "
        f"average confidence {stats.mean_confidence} %."
    )


def cue_links(cues: list[str]) -> list[dict]:
    return [{"slug": c, "name": CUES[c].name} for c in cues if c in CUES]


def answer_label(answer: str) -> str:
    return ANSWER_LABELS.get(answer, answer)


def item_media(item: Item) -> list[dict]:
    if not item.media:
        return []
    sides = [("a", item.media)] + ([("b", item.media_b)] if item.kind == Item.Kind.PAIR else [])
    return [
        {
            "side": side,
            "label": f"Picture {side.upper()}" if item.kind == Item.Kind.PAIR else "",
            "url": item.media_url(side),
            "kind": item.media_kind,
            "width": item.media_width,
            "height": item.media_height,
        }
        for side, _ in sides
    ]


def reveal(item: Item, response: Response, stats: CrowdStats) -> dict:
    regions = [
        {"x": r["x"], "y": r["y"], "w": r["w"], "h": r["h"]}
        for r in (item.regions or [])
        if item.kind in (Item.Kind.SPOT, Item.Kind.SINGLE, Item.Kind.PAIR)
    ]
    return {
        "correct": response.final_correct,
        "first_correct": response.correct,
        "truth": item.truth,
        "truth_sentence": TRUTH_SENTENCE.get(item.truth, item.truth),
        "your_answer": answer_label(response.final_answer),
        "your_confidence": response.final_confidence,
        "revised": bool(response.revised_answer),
        "changed_mind": bool(response.revised_answer)
        and response.revised_answer != response.answer,
        "first_answer": answer_label(response.answer),
        "first_confidence": response.confidence,
        "regions": regions,
        "regions_side": "b" if item.kind == Item.Kind.PAIR and item.truth == "b" else "a",
        "click": (
            {"x": response.click_x, "y": response.click_y} if response.click_x is not None else None
        ),
        "explanation": item.explanation,
        "cues": cue_links(item.cues or []),
        "detector": detector_view(item),
        "crowd": {
            "plays": stats.plays,
            "correct_percent": stats.correct_percent,
            "mean_confidence": stats.mean_confidence,
            "difficulty": stats.difficulty,
            "sentence": crowd_sentence(stats),
        },
    }


def continue_link(attempt) -> dict:
    """Where an unfinished attempt (from selectors.attempts_to_continue) picks up again."""
    if attempt.answered >= attempt.total:
        url = reverse("quiz:finish", args=[attempt.public_id])
    else:
        url = reverse("quiz:play", args=[attempt.public_id, attempt.answered + 1])
    return {"url": url, "answered": attempt.answered, "total": attempt.total}


def choices_for(item: Item) -> list:
    return CHOICES[item.kind]


# Strings, so rendering the grid does not localise 36 numbers on every page view.
GRID_CELLS = [
    (str(n), str(n // SPOT_GRID + 1), str(n % SPOT_GRID + 1)) for n in range(SPOT_GRID * SPOT_GRID)
]


def play_context(*, quiz, total: int, item: Item, position: int, form, shown: str) -> dict:
    """Everything the play (and revise) template shows; the page cache keys on these inputs."""
    bound = form is not None and form.is_bound
    return {
        "quiz": quiz,
        "item": item,
        "position": position,
        "total": total,
        "form": form,
        "choices": choices_for(item),
        # Called by the template only when its cached fragment is missing.
        "media": functools.partial(item_media, item),
        "shown": shown,
        "grid": GRID_CELLS,
        "grid_size": str(SPOT_GRID),
        "is_spot": item.kind == Item.Kind.SPOT,
        "grid_required": True,
        "confidence": (form["confidence"].value() if bound else None) or 75,
    }


def calibration_words(cal: Calibration | None) -> str:
    if cal is None:
        return ""
    conf, acc = round(cal.mean_confidence), round(cal.accuracy)
    if cal.verdict == "overconfident":
        return (
            f"On average you said you were {conf} % sure, but you were right {acc} % of the "
            "time. You trusted your eyes more than they deserved. That is very common with "
            "deepfakes: they are made to look convincing. Slow down, and when you cannot check "
            "the source, say you are less sure."
        )
    if cal.verdict == "underconfident":
        return (
            f"On average you said you were {conf} % sure, but you were right {acc} % of the "
            "time. You knew more than you thought! You can trust your judgement a little more."
        )
    return (
        f"On average you said you were {conf} % sure and you were right {acc} % of the time. "
        "Your confidence matched how often you were right: that is called being well "
        "calibrated, and it is rarer than a high score."
    )


def brier_words(cal: Calibration | None) -> str:
    if cal is None:
        return ""
    comparison = (
        "better than"
        if cal.brier < 0.24
        else "about the same as"
        if cal.brier <= 0.26
        else "worse than"
    )
    return (
        f"Your Brier score is {cal.brier:.2f}. It measures how far your confidence was from "
        "what really happened: 0 would be perfect, 0.25 is what you get by always saying "
        "“50 %, just guessing”, and 1 means being completely sure and always wrong. "
        f"Yours is {comparison} pure guessing."
    )
