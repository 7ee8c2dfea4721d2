"""Plain data passed between the pipeline, the analyzers and the fusion step.

Nothing here knows about Django: a `Media` goes in, `Evidence` comes out of each analyzer, and
the pipeline folds them into one `Report` that serialises to JSON with `Report.to_dict()`.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"


class Hint(StrEnum):
    """What one analyzer's evidence points to, before fusion."""

    SYNTHETIC = "synthetic"
    MANIPULATED = "manipulated"
    AUTHENTIC = "authentic"
    NEUTRAL = "neutral"
    NOT_APPLICABLE = "not_applicable"


class Strength(StrEnum):
    DECISIVE = "decisive"
    STRONG = "strong"
    MODERATE = "moderate"
    WEAK = "weak"


class Verdict(StrEnum):
    DECLARED_AI = "declared_ai"
    LIKELY_MANIPULATED = "likely_manipulated"
    INCONCLUSIVE = "inconclusive"
    NO_SIGNS_FOUND = "no_signs_found"
    VERIFIED_CAPTURE = "verified_capture"


@dataclass(frozen=True)
class Media:
    """A decoded upload. `data` is the file exactly as received; pixels decode on first use."""

    kind: MediaKind
    data: bytes
    mime: str
    width: int
    height: int
    name: str = ""
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @functools.cached_property
    def rgb(self) -> np.ndarray:
        """The first (or only) frame as an H x W x 3 uint8 RGB array."""
        from .decode import decode_rgb

        return decode_rgb(self.data)

    def downscaled(self, max_side: int) -> np.ndarray:
        """`rgb` shrunk (area interpolation) so its longer side is at most `max_side`; cached."""
        key = ("downscaled", max_side)
        if key not in self._cache:
            import cv2  # not imported by the web process, which only validates uploads

            rgb = self.rgb
            scale = max_side / max(rgb.shape[:2])
            if scale >= 1:
                self._cache[key] = rgb
            else:
                size = (max(1, round(rgb.shape[1] * scale)), max(1, round(rgb.shape[0] * scale)))
                self._cache[key] = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
        return self._cache[key]


@dataclass(frozen=True)
class Region:
    """A box in image coordinates (pixels of the full-size image)."""

    x: int
    y: int
    w: int
    h: int
    label: str = ""
    score: float | None = None


@dataclass(frozen=True)
class Overlay:
    """A rendered picture that explains a finding (a heat-map, say), with its text alternative."""

    name: str
    caption: str
    alt: str
    png: bytes = field(repr=False)


@dataclass(frozen=True)
class Evidence:
    analyzer: str
    title: str
    verdict_hint: Hint
    score: float | None
    strength: Strength
    summary: str
    details: str
    reliability: str
    regions: list[Region] = field(default_factory=list)
    overlays: list[Overlay] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["verdict_hint"] = str(self.verdict_hint)
        out["strength"] = str(self.strength)
        out["overlays"] = [
            {"name": o.name, "caption": o.caption, "alt": o.alt} for o in self.overlays
        ]
        return out


@dataclass(frozen=True)
class Report:
    verdict: Verdict
    probability: float | None
    headline: str
    explanation: str
    reasons: list[str]
    evidence: list[Evidence]
    limits: list[str]
    tips: list[str]
    media: dict[str, Any]
    failures: list[dict[str, str]] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    # Videos only: per-track timeline, strongest moments and kept frames (JSON-serialisable).
    video: dict[str, Any] | None = None
    # Videos only: the kept frames with face boxes and heat-maps, named in `video["frames"]`.
    frame_overlays: list[Overlay] = field(default_factory=list)

    @property
    def overlays(self) -> list[Overlay]:
        return [o for e in self.evidence for o in e.overlays] + list(self.frame_overlays)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "verdict": str(self.verdict),
            "probability": self.probability,
            "headline": self.headline,
            "explanation": self.explanation,
            "reasons": list(self.reasons),
            "evidence": [e.to_dict() for e in self.evidence],
            "limits": list(self.limits),
            "tips": list(self.tips),
            "media": dict(self.media),
            "failures": list(self.failures),
            "timings_ms": dict(self.timings_ms),
        }
        if self.video is not None:
            out["video"] = self.video
        return out
