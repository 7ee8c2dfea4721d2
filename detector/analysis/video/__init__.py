"""Video analysis: probe, sample, track faces, score, check over time, fuse. No Django here."""

from .probe import Limits, VideoProbe, probe_video, sniff_video

__all__ = ["Limits", "VideoProbe", "analyze_video", "probe_video", "sniff_video"]


def analyze_video(*args, **kwargs):
    # Imported on use: the web process probes uploads but never analyses them (no OpenCV there).
    from .pipeline import analyze_video as run

    return run(*args, **kwargs)
