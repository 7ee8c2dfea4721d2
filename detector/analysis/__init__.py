"""The detector: media in, explained report out. No Django imports anywhere in this package."""

from .decode import MediaError, media_from_bytes, probe_image, sniff
from .pipeline import analyze, analyze_bytes
from .types import Evidence, Hint, Media, MediaKind, Overlay, Region, Report, Strength, Verdict

__all__ = [
    "Evidence",
    "Hint",
    "Media",
    "MediaError",
    "MediaKind",
    "Overlay",
    "Region",
    "Report",
    "Strength",
    "Verdict",
    "analyze",
    "analyze_bytes",
    "media_from_bytes",
    "probe_image",
    "sniff",
]
