"""The evidence cards a video adds: faces followed through it, and consistency over time."""

from __future__ import annotations

from ..analyzers import faces as face_finder
from ..face_model import percent
from ..types import Evidence, Hint, Strength
from .fusion import MIN_TRACK_FRAMES, STRONG_SHARE
from .scoring import TrackScore
from .temporal import APPEARANCE_JUMP, COLOUR_JUMP, FLICKER_L, Jump


def temporal_evidence(jumps: list[Jump], pairs: int) -> Evidence:
    kinds = {k: sum(j.kind == k for j in jumps) for k in ("flicker", "colour", "appearance")}
    if pairs == 0:
        summary = "No face was seen in two neighbouring frames, so nothing could be compared."
        hint, strength = Hint.NOT_APPLICABLE, Strength.WEAK
    elif jumps:
        listed = ", ".join(f"{n} {k}" for k, n in kinds.items() if n)
        summary = (
            f"A face changed suddenly between neighbouring frames {len(jumps)} time"
            f"{'s' if len(jumps) != 1 else ''} ({listed}) while its surroundings did not: "
            "pasted faces often do this."
        )
        hint = Hint.MANIPULATED
        strength = Strength.MODERATE if len(jumps) >= 3 else Strength.WEAK
    else:
        summary = (
            f"Faces stayed consistent with their surroundings across {pairs} pairs of "
            "neighbouring frames."
        )
        hint, strength = Hint.NEUTRAL, Strength.WEAK
    return Evidence(
        analyzer="video_temporal",
        title="Consistency over time",
        verdict_hint=hint,
        score=None,
        strength=strength,
        summary=summary,
        details=(
            f"Compared {pairs} pairs of samples of the same face at most 1.5 s apart: face "
            f"lightness against a ring around it (flicker over {FLICKER_L:g} L*), face colour "
            f"against the ring (shift over {COLOUR_JUMP:g} ΔE), and the face's own look "
            f"(1 − correlation over {APPEARANCE_JUMP:g}). Found: "
            + (", ".join(f"{j.kind} at {j.time_s:.1f} s ({j.value})" for j in jumps[:12]) or "none")
        ),
        reliability=(
            "Thresholds were set on synthetic test clips, not measured on real footage; fast "
            "head turns, lighting changes and hands passing in front of a face also trigger it, "
            "so it only adds weight to the face model, never decides alone."
        ),
        data={"pairs": pairs, "jumps": len(jumps), "by_kind": kinds},
    )


def tracks_evidence(scores: list[TrackScore], sampled: int) -> Evidence:
    usable = [s for s in scores if len(s.frames) >= MIN_TRACK_FRAMES]
    if not scores:
        return Evidence(
            analyzer="video_faces",
            title="Faces through the video",
            verdict_hint=Hint.NOT_APPLICABLE,
            score=None,
            strength=Strength.WEAK,
            summary=f"No face was found in the {sampled} frames we sampled.",
            details="Faces are searched with OpenCV's cascades in every sampled frame.",
            reliability=face_finder.RELIABILITY,
            data={"tracks": 0},
        )
    top = max(usable or scores, key=lambda s: s.median)
    strong = top.median >= top.threshold and top.share_above >= STRONG_SHARE
    summary = (
        f"We followed {len(scores)} face{'s' if len(scores) != 1 else ''} through the video. "
        f"The most suspicious one scored {percent(top.median)} on a typical frame and "
        f"{percent(top.top_k_mean)} on its worst, above our threshold in {top.share_above:.0%} of "
        "its frames."
    )
    return Evidence(
        analyzer="video_faces",
        title="Faces through the video",
        verdict_hint=Hint.MANIPULATED if strong else Hint.NEUTRAL,
        score=round(top.median, 4),
        strength=Strength.STRONG if strong and usable else Strength.MODERATE,
        summary=summary,
        details="; ".join(
            f"face {s.track_id}: {len(s.frames)} frames, median {s.median:.3f}, top-"
            f"{min(3, len(s.frames))} mean {s.top_k_mean:.3f}, share ≥ {s.threshold:.2f}: "
            f"{s.share_above:.2f}"
            for s in scores
        ),
        reliability=(
            "Each face is scored by our face model (see its model card for measured accuracy); "
            "following a face through many frames steadies the score but shares the model's "
            "blind spots."
        ),
        data={"tracks": len(scores), "usable_tracks": len(usable)},
    )
