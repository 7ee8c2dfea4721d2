"""Invisible generator watermarks: the `dwtDct` mark that Stable Diffusion's reference code adds.

The mark is positive-only evidence. Finding it is very unlikely by chance, but ordinary JPEG
saving, resizing or cropping erases it, so not finding it says nothing about the picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import dwtdct
from ..registry import Analyzer, register
from ..types import Evidence, Hint, Media, MediaKind, Strength

TITLE = "Invisible AI watermark (Stable Diffusion)"
RELIABILITY = (
    "Stable Diffusion's reference code hides this mark in every picture it makes, but many "
    "popular apps switch it off, and ordinary JPEG saving (with reduced colour resolution), "
    "resizing or cropping a few pixels erases it; even untouched files sometimes fail to read "
    "for some picture contents. Ordinary photos match at most about 31 of the 48 SDXL bits, so "
    "a match by chance is practically impossible — but anyone with the free encoder can stamp "
    "the mark onto any picture. (Scheme: invisible-watermark `dwtDct`; decoder checked bit for "
    "bit against that package.)"
)


@dataclass(frozen=True)
class Payload:
    key: str
    family: str
    bits: np.ndarray
    # Matching bits needed: every bit for byte payloads, fewer for the SDXL bit pattern, whose
    # producers disagree on details; unmarked pictures reach about 31 of its 48 bits.
    required: int


def _bytes(text: bytes) -> np.ndarray:
    return np.unpackbits(np.frombuffer(text, dtype=np.uint8)).astype(bool)


def _number(value: int, width: int) -> np.ndarray:
    return np.array([(value >> (width - 1 - i)) & 1 for i in range(width)], dtype=bool)


PAYLOADS = (
    Payload("sd1", "Stable Diffusion 1.x", _bytes(b"StableDiffusionV1"), 136),
    Payload("sd2", "Stable Diffusion 2.x", _bytes(b"SDV2"), 32),
    Payload("sdxl", "Stable Diffusion XL", _number(0xB3EC907BB19E, 48), 42),
)


@register("watermark")
class WatermarkAnalyzer(Analyzer):
    applies_to = frozenset({MediaKind.IMAGE})
    # About 0.2 s on a 12-megapixel picture after decoding; the budget allows slow workers.
    time_budget_s = 10.0
    typical_ms = 25

    def analyze(self, media: Media) -> Evidence:
        rgb = media.rgb
        height, width = rgb.shape[:2]
        if height * width < dwtdct.MIN_PIXELS:
            return self._absent(
                {"checked": False, "width": width, "height": height},
                summary=(
                    "This picture is too small to carry the Stable Diffusion watermark, so we "
                    "did not look for it. That says nothing either way."
                ),
                details=f"{width}×{height} px is under the encoder's minimum of 256×256 px.",
            )

        readings = {order: dwtdct.block_bits(rgb, order) for order in dwtdct.ORDERS}
        results = [_match(payload, readings) for payload in PAYLOADS]
        data: dict[str, Any] = {
            "checked": True,
            "width": width,
            "height": height,
            "blocks": int(readings[dwtdct.ORDERS[0]].size),
            "payloads": results,
        }
        found = next((r for r in results if r["found"]), None)
        if found is None:
            return self._absent(
                data,
                summary=(
                    "No Stable Diffusion watermark was found. That means nothing: most "
                    "generators add none, and JPEG saving with reduced colour detail, resizing "
                    "or cropping erases this one."
                ),
                details=_details(data),
            )
        data["found"] = found["key"]
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=Hint.SYNTHETIC,
            score=0.99,
            strength=Strength.DECISIVE,
            summary=(
                f"The picture carries an invisible watermark that {found['family']}'s reference "
                f"code adds to the images it generates ({found['matching']} of "
                f"{found['length']} hidden bits match)."
            ),
            details=_details(data),
            reliability=RELIABILITY,
            data=data,
        )

    def _absent(self, data: dict[str, Any], *, summary: str, details: str) -> Evidence:
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=Hint.NOT_APPLICABLE,
            score=None,
            strength=Strength.WEAK,
            summary=summary,
            details=details,
            reliability=RELIABILITY,
            data=data,
        )


def _match(payload: Payload, readings: dict[str, np.ndarray]) -> dict[str, Any]:
    length = payload.bits.size
    matching = {
        order: int((dwtdct.vote(blocks, length) == payload.bits).sum())
        for order, blocks in readings.items()
    }
    best = max(matching, key=matching.__getitem__)
    return {
        "key": payload.key,
        "family": payload.family,
        "length": length,
        "required": payload.required,
        "matching": matching[best],
        "order": best,
        "matching_by_order": matching,
        "found": matching[best] >= payload.required,
    }


def _details(data: dict[str, Any]) -> str:
    lines = [
        f"dwtDct decoder (U channel, Haar approximation band, 4×4 blocks, step 36) over "
        f"{data['blocks']} blocks of a {data['width']}×{data['height']} px picture, read with "
        "the pixels in BGR and in RGB order."
    ]
    for r in data["payloads"]:
        orders = ", ".join(f"{o.upper()} {n}" for o, n in r["matching_by_order"].items())
        verdict = "found" if r["found"] else "not found"
        lines.append(
            f"{r['family']}: {orders} of {r['length']} bits match (needs {r['required']}): "
            f"{verdict}."
        )
    return "\n".join(lines)
