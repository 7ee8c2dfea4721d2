"""Noise inconsistency: does one area carry a different grain from the rest of the picture?

Every camera photo carries fine grain (sensor noise, then JPEG). An area pasted in from another
photo often brings a different grain; an area painted over often has too little. Two checks:

- pasted-in grain: a small trained network (`grain_model.py`) reads the JPEG blocks and gives
  each 8x8 block a probability of lying in a pasted-in area; compact areas where the average
  stays high are outlined;
- too smooth: blocks with less grain than their detail predicts (`smoothness.py`), which is
  what erasing and filling in, or a beauty filter, leave.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from scipy import ndimage

from .. import grain_model, render
from ..registry import Analyzer, register
from ..smoothness import deficit_map
from ..types import Evidence, Hint, Media, MediaKind, Overlay, Region, Strength

TITLE = "Noise consistency"
WORK_SIDE = 1536
# Pasted-in grain: the learned block map (grain_model.py) as logits, averaged over a window of
# blocks (5 x 5 at 512 px; wider on big pictures, where a pasted area covers more blocks), minus
# the picture's median block logit: a pasted area stands out from its own picture, while a
# picture grainy all over (high ISO, film-grain filters) lifts its median too.
WINDOW_SHARE = 0.08  # window side as a share of the block grid's geometric mean side
MIN_WINDOW = 5
FLOOR = 1e-4  # probabilities are clipped to FLOOR .. 1 - FLOOR: logits stay within +-9.2
# Calibration on the 50 real development photos (JPEG q90; the network never saw them): their
# three highest contrasts were 9.36, 8.19, 8.13 at 512 px, 12.26, 9.53, 8.44 at 1024 px and
# 5.86, 5.74, 5.01 as photographed. The centre lets none of the 50 reach "moderate" at 512 px
# and full size, and 1 at 1024 px, leaving room for the smoother check's one.
# The slope puts both checks on one scale: per spread of the real photos' values (about 1.6 in
# contrast, 0.4 in deficit z) both rise by about 1 in logit, so the larger of the two scores
# is not decided by whichever check happens to be steeper.
CENTRE_CONTRAST, SLOPE = 9.6, 0.6
FLAG_CONTRAST = 6.0  # contrast from which an area is outlined (when the score is moderate)
MIN_BLOCKS = 9
MODERATE_SCORE = 0.5
# The other direction: areas smoother than their detail predicts (erased and filled-in objects,
# beauty filters), centred per size. On the 50 real development photos the strongest deficits
# (z) were 2.03, 2.15, 3.11 at 512 px (16 px blocks; erased objects: median about 2.1),
# 2.91, 3.56, 3.66 at 1024 px (16 px blocks, four times as many as at 512: the highest of more
# blocks is higher), and 3.81, 5.32, 5.49, 8.11 at full size (32 px blocks on a 1536 px copy:
# shallow depth of field looks smooth there). Each centre lets 1 of the 50 reach "moderate";
# between 512 and 1024 px the centre is interpolated on the longer side.
SMOOTH_CENTRE_Z = {512: 2.2, 1024: 3.62}
SMOOTH_CENTRE_LARGE = 5.6  # 32 px blocks
SMOOTH_SLOPE = 2.5
FLAG_Z = 2.0  # smoothed deficit z at which a smoother area is outlined
RELIABILITY = (
    'On our 50 real development photos (at 512 px) this check reached "moderate" on {fp}. '
    "It ranked a pasted-in piece of another photo with added grain above the real photo in "
    "{splice}, an object erased and filled in in {removal}, and a beauty-filter retouch in "
    "{retouch}, no better than chance (development sets made by this project; the grain "
    "network never saw those photos). Fine texture such as fur, grass or text can look like "
    "grain, and mist or out-of-focus areas look smooth. Resizing, heavy or repeated JPEG "
    "compression erase the grain; a pasted area whose grain matches its new surroundings is "
    "invisible to it."
)
# bench/forensic_eval.py noise {object_removal,splice,retouch} --size {512,1024,full}
MEASURED = {
    "fp": "1 (2 %; 2 at 1024 px, 1 at full size)",
    "splice": "93 % of pairs at full size (75 % at 1024 px, 65 % at 512 px)",
    "removal": "77 % at 512 px (62 % at full size)",
    "retouch": "49 %",
}


def grain_contrast(probability: np.ndarray) -> tuple[np.ndarray, int]:
    """Per block: the window-averaged logit minus the picture's median logit; the window side."""
    p = np.clip(probability, FLOOR, 1 - FLOOR)
    logit = np.log(p / (1 - p))
    side = max(MIN_WINDOW, round(WINDOW_SHARE * float(np.sqrt(probability.size))))
    side = min(side, *probability.shape) | 1
    averaged = cv2.blur(logit, (side, side), borderType=cv2.BORDER_REFLECT)
    return averaged - float(np.median(logit)), side


def flagged_areas(values: np.ndarray, threshold: float) -> list[dict[str, Any]]:
    """Connected areas where `values` (grain contrast, or a grain deficit z) is at
    least `threshold`, strongest first."""
    areas = []
    labels, _ = ndimage.label(values >= threshold)
    for index, slices in enumerate(ndimage.find_objects(labels), start=1):
        inside = labels[slices] == index
        if inside.sum() < MIN_BLOCKS:
            continue
        inner = values[slices][inside]
        areas.append(
            {
                "blocks": int(inside.sum()),
                "peak": round(float(inner.max()), 2),
                "mean": round(float(inner.mean()), 2),
                "rows": [slices[0].start, slices[0].stop],
                "cols": [slices[1].start, slices[1].stop],
            }
        )
    return sorted(areas, key=lambda a: -a["peak"])


def smoother_centre(side: int, block: int) -> float:
    """The smoother check's logistic centre for a grey copy whose longer side is `side`."""
    if block != 16:
        return SMOOTH_CENTRE_LARGE
    (low, at_low), (high, at_high) = sorted(SMOOTH_CENTRE_Z.items())
    share = min(max((side - low) / (high - low), 0.0), 1.0)
    return round(at_low + share * (at_high - at_low), 2)


def score_from_peak(peak: float, centre: float, slope: float) -> float:
    return round(float(1 / (1 + np.exp(-slope * (peak - centre)))), 3)


@register("noise")
class NoiseAnalyzer(Analyzer):
    applies_to = frozenset({MediaKind.IMAGE})
    time_budget_s = 10.0
    typical_ms = 150

    def analyze(self, media: Media) -> Evidence:
        rgb = render.fit(media.downscaled(2048), WORK_SIDE)  # shares ELA's cached copy
        grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        block = 16 if max(grey.shape) <= 1024 else 32
        grey = grey[: grey.shape[0] // block * block, : grey.shape[1] // block * block]
        if min(grey.shape) < 4 * block:
            return self._too_small(media)
        grain = grain_model.block_probabilities(media.data, media.rgb)
        if grain is None:  # pragma: no cover - the picture decoded, so it re-encodes
            return self._too_small(media)
        contrast, window = grain_contrast(grain.probability)
        peak = float(contrast.max())
        noisier = score_from_peak(peak, CENTRE_CONTRAST, SLOPE)
        areas = flagged_areas(contrast, FLAG_CONTRAST) if noisier >= MODERATE_SCORE else []
        deficit, _ = deficit_map(grey, block)
        smooth_peak = float(-deficit.min())
        smooth_centre = smoother_centre(max(grey.shape), block)
        smoother = score_from_peak(smooth_peak, smooth_centre, SMOOTH_SLOPE)
        score = max(noisier, smoother)
        smooth_areas = flagged_areas(-deficit, FLAG_Z) if smoother >= MODERATE_SCORE else []
        scale = media.rgb.shape[1] / grey.shape[1]  # work pixels -> full-image pixels
        regions = [_region(a, grain_model.BLOCK, media.rgb.shape) for a in areas[:5]]
        regions += [
            _region(a, block * scale, media.rgb.shape, "smoother than similar areas")
            for a in smooth_areas[:3]
        ]
        data = {
            "grain_blocks": list(grain.probability.shape[::-1]),
            "reencoded": grain.reencoded,
            "window_blocks": window,
            "peak_contrast": round(peak, 2),
            "noisier_score": noisier,
            "block_px": block,
            "analysed_size": [int(grey.shape[1]), int(grey.shape[0])],
            "smooth_peak_z": round(smooth_peak, 2),
            "smoother_score": smoother,
            "smoother_centre": smooth_centre,
            "areas": areas[:10],
            "smooth_areas": smooth_areas[:5],
        }
        strength = Strength.MODERATE if score >= MODERATE_SCORE else Strength.WEAK
        if areas:
            summary = (
                "One area has a different fine grain from the rest of the picture: that can "
                "happen when a piece of another photo is pasted in, but also with unusual "
                "textures, so it is only a hint."
            )
            hint = Hint.MANIPULATED
        elif smooth_areas:
            summary = (
                "One area is smoother than parts of the picture with as much detail: that can "
                "happen when something was erased and filled in, or a beauty filter was used, "
                "but also with mist, motion blur or out-of-focus areas, so it is only a hint."
            )
            hint = Hint.MANIPULATED
        else:
            summary = (
                "The fine grain looks similar across the picture, so we found no sign of a "
                "pasted-in area this way (good fakes can still match the grain)."
            )
            hint = Hint.NEUTRAL
        heat = np.maximum(
            cv2.resize(
                np.clip(contrast / (2 * FLAG_CONTRAST), 0, 1),
                deficit.shape[::-1],
                interpolation=cv2.INTER_AREA,
            ),
            np.clip(-deficit / (2 * FLAG_Z), 0, 1),
        )
        overlay = Overlay(
            name="noise",
            caption="Grain map: brighter areas have a grain unlike the rest of the picture, "
            "or less grain than their detail predicts",
            alt=(
                "A dimmed copy of the picture with glowing patches where the fine grain "
                "differs from the rest; "
                + (f"{len(regions)} area(s) are outlined." if regions else "none stands out.")
            ),
            png=render.heatmap(rgb, heat),
        )
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=hint,
            score=score,
            strength=strength,
            summary=summary,
            details=_details(data),
            reliability=RELIABILITY.format(**MEASURED),
            regions=regions,
            overlays=[overlay],
            data=data,
        )

    def _too_small(self, media: Media) -> Evidence:
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=Hint.NOT_APPLICABLE,
            score=None,
            strength=Strength.WEAK,
            summary="The picture is too small to compare its grain area by area.",
            details=f"{media.width}x{media.height} px gives fewer than 4 blocks per side.",
            reliability=RELIABILITY.format(**MEASURED),
            data={},
        )


def _region(
    area: dict[str, Any], block_px: float, shape: tuple[int, ...], label: str = "different grain"
) -> Region:
    (top, bottom), (left, right) = area["rows"], area["cols"]
    x, y = round(left * block_px), round(top * block_px)
    w = min(round((right - left) * block_px), shape[1] - x)
    h = min(round((bottom - top) * block_px), shape[0] - y)
    return Region(x=x, y=y, w=w, h=h, label=label, score=area["peak"])


def _details(data: dict[str, Any]) -> str:
    columns, rows = data["grain_blocks"]
    source = (
        "the file is not a JPEG, so a quality-90 JPEG copy was read"
        if data["reencoded"]
        else "read from the file's own JPEG blocks"
    )
    lines = [
        f"Grain network: {columns}x{rows} blocks of 8x8 px ({source}); each block's quantised "
        "DCT coefficients and those of its neighbours give a probability of lying in a "
        f"pasted-in area; its logit is averaged over {data['window_blocks']}x"
        f"{data['window_blocks']} blocks and the picture's median logit subtracted (contrast).",
        f"Highest contrast {data['peak_contrast']:.2f} → {data['noisier_score']:.2f} "
        f"(logistic, centre {CENTRE_CONTRAST:g}, slope {SLOPE:g}); areas outlined from "
        f"{FLAG_CONTRAST:g}.",
        f"Smoother than predicted (grey copy {data['analysed_size'][0]}x"
        f"{data['analysed_size'][1]} px, {data['block_px']} px blocks): grain (what a 0.8 px "
        "blur removes) against detail (gradients after a 2 px blur), robust line over all "
        f"blocks; strongest deficit z {data['smooth_peak_z']:.2f} → "
        f"{data['smoother_score']:.2f} (centre {data['smoother_centre']:g}). "
        "Score = the larger of the two.",
    ]
    for area in data["areas"][:5]:
        lines.append(
            f"- {area['blocks']} blocks, contrast up to {area['peak']} (mean {area['mean']})."
        )
    return "\n".join(lines)
