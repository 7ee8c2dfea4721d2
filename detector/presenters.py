"""Shape a stored report for templates and the API (labels, ordering, overlay URLs)."""

from __future__ import annotations

from django.urls import reverse

from .models import Analysis
from .timeline import timeline_for_display

VERDICT_TONE = {
    "declared_ai": "alert",
    "likely_manipulated": "alert",
    "inconclusive": "neutral",
    "no_signs_found": "calm",
    "verified_capture": "calm",
}

STRENGTH_LABEL = {
    "decisive": "Decisive",
    "strong": "Strong",
    "moderate": "Moderate",
    "weak": "Weak",
}


def overlay_url(analysis: Analysis, name: str) -> str:
    return reverse("detector:overlay", args=[analysis.public_id, name])


def regions_for_display(analysis: Analysis, report: dict) -> list[dict]:
    """Every region of every card as percentages of the image, so boxes scale with it."""
    width, height = analysis.width or 0, analysis.height or 0
    if not width or not height or analysis.media_kind == Analysis.Kind.VIDEO:
        return []
    boxes, seen = [], set()
    for evidence in report["evidence"]:
        for region in evidence.get("regions", []):
            label = region.get("label") or evidence["title"]
            # Two checks often mark the same thing (the face finder and the face model both
            # outline a face): list it once, or readers count two faces where there is one.
            key = (region["x"], region["y"], region["w"], region["h"], label)
            if key in seen:
                continue
            seen.add(key)
            boxes.append(
                {
                    "left": round(100 * region["x"] / width, 3),
                    "top": round(100 * region["y"] / height, 3),
                    "width": round(100 * region["w"] / width, 3),
                    "height": round(100 * region["h"] / height, 3),
                    "label": label,
                    "analyzer": evidence["analyzer"],
                }
            )
    return boxes


def report_for_display(analysis: Analysis) -> dict | None:
    report = analysis.report
    if not report:
        return None
    cards = []
    for evidence in report["evidence"]:
        card = dict(evidence)
        card["strength_label"] = STRENGTH_LABEL.get(evidence["strength"], evidence["strength"])
        card["overlays"] = [
            {**o, "url": overlay_url(analysis, o["name"])}
            for o in evidence.get("overlays", [])
            if o["name"] in (analysis.overlays or {})
        ]
        cards.append(card)
    probability = report.get("probability")
    timeline = None
    if report.get("video") is not None:
        stored = analysis.overlays or {}
        timeline = timeline_for_display(
            {
                **report["video"],
                # A frame whose picture was not stored (or has expired) is not offered.
                "frames": [f for f in report["video"].get("frames", []) if f["overlay"] in stored],
            },
            lambda name: overlay_url(analysis, name),
        )
    return {
        **report,
        "timeline": timeline,
        "regions": regions_for_display(analysis, report),
        "layers": [o for card in cards for o in card["overlays"]] if timeline is None else [],
        "tone": VERDICT_TONE.get(report["verdict"], "neutral"),
        "cards": cards,
        "percent": None if probability is None else round(probability * 100),
    }
