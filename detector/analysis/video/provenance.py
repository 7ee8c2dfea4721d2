"""Where the container says it came from: Content Credentials (C2PA) and its own tags.

C2PA in MP4 and MOV is read with the same offline checks as for images. The encoder, creation
time and camera tags are shown as facts; they are easy to forge or strip, so they never vote.
"""

from __future__ import annotations

import dataclasses

from ..analyzers.content_credentials import ContentCredentialsAnalyzer
from ..types import Evidence, Hint, Media, MediaKind, Strength
from .probe import VideoProbe

C2PA_MIMES = {"video/mp4", "video/quicktime"}
TAG_LABELS = {
    "encoder": "encoder",
    "video:encoder": "video encoder",
    "video:handler_name": "handler",
    "creation_time": "created",
    "com.apple.quicktime.make": "camera make",
    "com.apple.quicktime.model": "camera model",
    "com.apple.quicktime.software": "software",
    "com.android.manufacturer": "phone make",
    "com.android.model": "phone model",
    "software": "software",
    "make": "camera make",
    "model": "camera model",
}


def content_credentials(data: bytes, probe: VideoProbe) -> Evidence | None:
    if probe.mime not in C2PA_MIMES:
        return None
    media = Media(MediaKind.VIDEO, data, probe.mime, probe.width, probe.height)
    evidence = ContentCredentialsAnalyzer().analyze(media)
    if evidence.verdict_hint == Hint.NOT_APPLICABLE:
        summary = "No Content Credentials found — most videos have none, so this says nothing."
        evidence = dataclasses.replace(evidence, summary=summary)
    return evidence


def container_tags(probe: VideoProbe) -> Evidence:
    facts = {label: probe.tags[key] for key, label in TAG_LABELS.items() if key in probe.tags}
    if facts:
        listed = "; ".join(f"{k}: {v}" for k, v in facts.items())
        summary = f"The {probe.container} file names {listed}."
    else:
        summary = f"The {probe.container} file names no encoder, camera or creation time."
    return Evidence(
        analyzer="video_container",
        title="Container tags",
        verdict_hint=Hint.NEUTRAL,
        score=None,
        strength=Strength.WEAK,
        summary=summary,
        details=(
            f"{probe.container}, {probe.codec_label}, {probe.width}×{probe.height}, "
            f"{probe.fps:.2f} frames/s, {probe.duration_s:.2f} s"
            + (
                " (length measured from packets: the file states none)"
                if probe.duration_measured
                else ""
            )
            + (f", turned {probe.rotation}° by its display matrix" if probe.rotation else "")
            + ". All tags: "
            + (", ".join(f"{k}={v}" for k, v in sorted(probe.tags.items())) or "none")
        ),
        reliability=(
            "Tags are written by whatever program saved the file last and are trivial to change "
            "or strip; they are shown as facts, never as proof."
        ),
        data={"tags": dict(probe.tags), "facts": facts, **probe.to_dict()},
    )
