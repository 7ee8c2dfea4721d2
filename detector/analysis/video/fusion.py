"""Fold a video's evidence into the same five verdicts as for images.

Provenance decides when present (declared AI, a trusted capture, content changed after
signing). Otherwise the face tracks decide: a track is "strong" when its median frame is at or
above the face model's threshold and most of its frames are; flicker and jumps between frames
add weight to a borderline track but never decide alone. "No signs found" needs every track,
even at its worst frames, to be well under the threshold and no jumps at all.
"""

from __future__ import annotations

from ..fusion import EXPLANATIONS, GENERAL_LIMITS, HEADLINES, TIPS
from ..types import Evidence, Hint, Report, Strength, Verdict
from .probe import VideoProbe
from .scoring import TrackScore

MIN_TRACK_FRAMES = 3  # fewer sampled frames of a face say too little
STRONG_SHARE = 0.5  # share of a track's frames at or above the threshold
BORDERLINE_SHARE = 0.3  # with temporal jumps, a track this often above counts as strong
CLEAR_MARGIN = 0.5  # "well under": top-k mean below this share of the threshold

VIDEO_LIMITS = [
    "We look at no more than two frames a second (at most 64, plus scene cuts): an edit that "
    "lasts only a moment between them can be missed.",
    "Only faces are checked frame by frame; edits elsewhere in the picture and the sound are "
    "not analysed.",
]
VIDEO_EXPLANATIONS = {
    Verdict.LIKELY_MANIPULATED: (
        "The face checks found, across many frames of the same face, the patterns that "
        "face swaps and face edits usually leave. This is a probability, not proof."
    ),
    Verdict.NO_SIGNS_FOUND: (
        "Every face we followed through the video scored well under our 'manipulated' level in "
        "every frame, and stayed consistent from frame to frame. Good fakes can pass every "
        "check, so this is not proof that the video is real."
    ),
}


def _decisive(evidence: list[Evidence], hint: Hint) -> list[Evidence]:
    return [e for e in evidence if e.verdict_hint == hint and e.strength == Strength.DECISIVE]


def fuse_video(
    probe: VideoProbe,
    evidence: list[Evidence],
    tracks: list[TrackScore] | None,
    *,
    jumps_by_track: dict[int, int],
    failures: list[dict[str, str]],
    video: dict,
    frame_overlays: list,
    timings_ms: dict[str, float],
    scope: list[str],
) -> Report:
    """`tracks` is None when the face model could not run; [] when no face was tracked."""
    declared = _decisive(evidence, Hint.SYNTHETIC)
    captured = _decisive(evidence, Hint.AUTHENTIC)
    # Content Credentials whose signed hash no longer matches: the file changed after signing.
    changed = [
        e
        for e in evidence
        if e.analyzer == "content_credentials"
        and e.verdict_hint == Hint.MANIPULATED
        and e.strength == Strength.STRONG
    ]
    usable = [t for t in (tracks or []) if len(t.frames) >= MIN_TRACK_FRAMES]
    strong = [
        t
        for t in usable
        if (t.median >= t.threshold and t.share_above >= STRONG_SHARE)
        or (
            jumps_by_track.get(t.track_id, 0) >= 2
            and t.top_k_mean >= t.threshold
            and t.share_above >= BORDERLINE_SHARE
        )
    ]
    clear = bool(usable) and all(
        t.top_k_mean < CLEAR_MARGIN * t.threshold and not jumps_by_track.get(t.track_id)
        for t in usable
    )
    probability = max((t.median for t in usable), default=None)
    drivers: list[str] = []
    if declared:
        verdict = Verdict.DECLARED_AI
        probability = max([probability or 0.0] + [e.score or 0.99 for e in declared])
        drivers = [e.summary for e in declared]
    elif captured:
        verdict = Verdict.VERIFIED_CAPTURE
        probability = min(probability if probability is not None else 1.0, 0.02)
        drivers = [e.summary for e in captured]
    elif changed or strong:
        verdict = Verdict.LIKELY_MANIPULATED
        drivers = [e.summary for e in changed]
        for t in sorted(strong, key=lambda t: t.median, reverse=True):
            drivers.append(_track_reason(t, jumps_by_track.get(t.track_id, 0)))
        probability = max([probability or 0.0] + [e.score or 0.9 for e in changed])
    elif clear and len(usable) == len(tracks or []) and not failures and not scope:
        verdict = Verdict.NO_SIGNS_FOUND
        drivers = [_track_reason(t, 0) for t in usable]
    else:
        verdict = Verdict.INCONCLUSIVE
        drivers = list(scope)
        if tracks is None:
            drivers.append("Our face model could not run on this video, so faces were not scored.")
        elif not tracks:
            drivers.append(
                "We found no face to follow through the video; our video checks look at faces."
            )
        elif not usable:
            drivers.append(
                f"No face was visible in at least {MIN_TRACK_FRAMES} of the frames we sampled: "
                "too few to judge."
            )
        else:
            top = max(usable, key=lambda t: t.median)
            drivers.append(
                f"The most suspicious face (track {top.track_id}) scored {top.median:.0%} on a "
                f"typical frame and {top.top_k_mean:.0%} on its worst ones: between our 'no "
                f"signs' and 'strong signs' levels (threshold {top.threshold:.0%})."
            )
            jumpy = sum(jumps_by_track.values())
            if jumpy:
                drivers.append(
                    f"We saw {jumpy} sudden change{'s' if jumpy != 1 else ''} of a face between "
                    "neighbouring frames, not enough on its own to decide."
                )
    reasons = drivers[:4]
    for failure in failures:
        reasons.append(f"The {failure['analyzer']} check could not run: {failure['reason']}.")
    return Report(
        verdict=verdict,
        probability=None if probability is None else round(float(probability), 4),
        headline=HEADLINES[verdict],
        explanation=VIDEO_EXPLANATIONS.get(verdict, EXPLANATIONS[verdict]),
        reasons=reasons[:6],
        evidence=evidence,
        limits=list(GENERAL_LIMITS) + VIDEO_LIMITS + scope,
        tips=list(TIPS),
        media={
            "kind": "video",
            "mime": probe.mime,
            "width": probe.width,
            "height": probe.height,
            "bytes": video.get("bytes"),
            **probe.to_dict(),
        },
        failures=failures,
        timings_ms=timings_ms,
        video=video,
        frame_overlays=frame_overlays,
    )


def _track_reason(track: TrackScore, jumps: int) -> str:
    start, end = track.times[0], track.times[-1]
    text = (
        f"Face {track.track_id} ({_clock(start)}–{_clock(end)}, {len(track.frames)} frames): "
        f"{track.median:.0%} on a typical frame, {track.top_k_mean:.0%} on its worst "
        f"{min(3, len(track.frames))}, {track.share_above:.0%} of frames at or above our "
        f"threshold of {track.threshold:.0%}."
    )
    if jumps:
        text += f" It also changed suddenly {jumps} time{'s' if jumps != 1 else ''} between frames."
    return text


def _clock(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)}:{rest:04.1f}"
