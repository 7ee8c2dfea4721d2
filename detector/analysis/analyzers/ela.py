"""Error level analysis (ELA): save the picture again as JPEG and show what changed most.

Areas that were pasted in or retouched sometimes respond differently to a new save than the
rest of the picture. It is a pointer for a human eye, never a vote: edges, fine texture and
flat colours light up for ordinary reasons, so this analyzer gives no score.
"""

from __future__ import annotations

import cv2
import numpy as np

from .. import render
from ..registry import Analyzer, register
from ..types import Evidence, Hint, Media, MediaKind, Overlay, Strength

TITLE = "Error level analysis"
WORK_SIDE = 2048
QUALITY = 90
RELIABILITY = (
    "Error level analysis has no agreed error rate: studies and forensic examiners warn that "
    "it is easy to misread. Sharp edges, fine textures and smooth areas differ naturally, an "
    "image saved many times looks evenly dark, and resizing (we look at a copy at most "
    f"{WORK_SIDE} pixels wide) changes the pattern. We show it to help you look, and it does "
    "not count towards the verdict."
)


def error_levels(rgb: np.ndarray, quality: int = QUALITY) -> np.ndarray:
    """Per-pixel largest channel difference between the picture and its JPEG re-save."""
    bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    ok, encoded = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG re-encoding failed")
    resaved = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    blue, green, red = cv2.split(cv2.absdiff(bgr, resaved))
    return cv2.max(cv2.max(blue, green), red)


@register("ela")
class ErrorLevelAnalyzer(Analyzer):
    applies_to = frozenset({MediaKind.IMAGE})
    time_budget_s = 10.0
    typical_ms = 105

    def analyze(self, media: Media) -> Evidence:
        rgb = media.downscaled(WORK_SIDE)
        levels = error_levels(rgb)
        counts = np.bincount(levels.ravel(), minlength=256)
        # Judge brightness against the picture's own spread, so one hot pixel cannot wash
        # out the map; a light blur turns pixel noise into readable areas.
        mean = float(counts @ np.arange(256) / counts.sum())
        p99 = float(np.searchsorted(np.cumsum(counts), 0.99 * counts.sum()))
        smoothed = cv2.blur(render.fit(levels.astype(np.float32), render.MAX_SIDE), (3, 3))
        heat = np.clip(smoothed / max(p99, 1.0), 0, 1)
        blocks = _block_means(levels.astype(np.float32), 32)
        data = {
            "quality": QUALITY,
            "analysed_size": [int(rgb.shape[1]), int(rgb.shape[0])],
            "mean_error": round(mean, 3),
            "p99_error": round(p99, 3),
            "max_error": int(levels.max()),
            # How uneven the map is: bright blocks relative to the typical block.
            "block_p95_over_median": round(
                float(np.percentile(blocks, 95) / max(np.median(blocks), 0.1)), 3
            ),
        }
        details = (
            f"Re-saved a {rgb.shape[1]}x{rgb.shape[0]} copy as JPEG quality {QUALITY} and took "
            f"the largest per-channel absolute difference: mean {mean:.2f}, 99th percentile "
            f"{p99:.1f}, maximum {data['max_error']} (of 255). The 95th-percentile 32 px block "
            f"is {data['block_p95_over_median']:.2f}x the median block. The map is scaled so "
            "that the 99th percentile is full brightness."
        )
        overlay = Overlay(
            name="ela",
            caption="Error levels: brighter areas changed more when we re-saved the picture",
            alt=(
                "A dimmed copy of the picture where areas that changed more on re-saving glow "
                "orange to yellow. Edges and detailed textures usually glow; a pasted area may "
                "glow more or less than similar surroundings."
            ),
            png=render.heatmap(rgb, heat),
        )
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=Hint.NEUTRAL,
            score=None,
            strength=Strength.WEAK,
            summary=(
                "This map shows which parts changed most when we saved the picture again: "
                "compare areas that should look alike (a pasted object may glow more or less "
                "than its surroundings), but remember that edges and busy textures always "
                "glow, so it proves nothing on its own."
            ),
            details=details,
            reliability=RELIABILITY,
            overlays=[overlay],
            data=data,
        )


def _block_means(levels: np.ndarray, size: int) -> np.ndarray:
    h, w = levels.shape[0] // size * size, levels.shape[1] // size * size
    if h == 0 or w == 0:
        return np.array([levels.mean()])
    return cv2.resize(levels[:h, :w], (w // size, h // size), interpolation=cv2.INTER_AREA).ravel()
