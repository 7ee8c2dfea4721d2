"""Compression history: how a JPEG was saved, whether it was saved twice, and by what.

Four clues, each cheap: the quantisation tables (quality and encoder family), periodic gaps in
the DCT-coefficient histograms that a second JPEG save leaves, a camera thumbnail in EXIF that
no longer matches the picture, and editor names in the metadata. Re-saving is not faking, so
the score stays weak; the point is to explain "re-saved" and "edited after capture".
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

import cv2
import numpy as np
from PIL import ExifTags, Image

from .. import block_dct
from .. import metadata as md
from ..interrupt import STOP
from ..registry import Analyzer, register
from ..types import Evidence, Hint, Media, MediaKind, Strength
from .provenance import EDITORS, name_in

TITLE = "Compression history"
# Annex K of the JPEG standard: the tables libjpeg scales by its quality setting.
IJG_LUMA = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40,
            57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35,
            55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112,
            100, 103, 99]  # fmt: skip
IJG_CHROMA = [17, 18, 24, 47] + [99] * 4 + [18, 21, 26, 66] + [99] * 4 + [24, 26, 56] + [99] * 5
IJG_CHROMA += [47, 66] + [99] * 6 + [99] * 32
# Low-frequency AC coefficients (row, column): they carry enough blocks with non-zero values.
COEFFICIENTS = [(0, 1), (1, 0), (2, 0), (1, 1), (0, 2), (0, 3), (1, 2), (2, 1), (3, 0), (4, 0)]
DCT_CROP = 1024  # pixels of the full-size image around its centre: ~16 000 blocks is plenty
DOUBLE_GAIN = 0.3  # single saves of test photos stayed below 0.04, second saves reached 0.37+
RELIABILITY = (
    "A second JPEG save is found when the second quality is higher than the first and the "
    "picture was not resized or cropped off the 8-pixel grid in between; saving twice at the "
    "same quality leaves no trace. Re-saving is normal (apps and websites do it) and is not "
    "manipulation: {dq_real} of our 50 real development photos, which were downloaded from the "
    "web, show it (development set, measured by this project). Thumbnails and software names "
    "can be removed or forged."
)
REAL_WITH_DOUBLE_SAVE = "3 (6 %)"


def ijg_table(base: list[int], quality: int) -> np.ndarray:
    scale = 5000 / quality if quality < 50 else 200 - 2 * quality
    return np.clip((np.array(base) * scale + 50) // 100, 1, 255)


def estimate_quality(tables: dict[int, list[int]]) -> dict[str, Any]:
    """Closest IJG quality and the mean absolute table difference at it (0 = standard tables)."""
    luma = np.array(tables[0], float)
    chroma = np.array(tables[1], float) if 1 in tables else None
    best = (np.inf, 0)
    for quality in range(1, 101):
        error = np.abs(luma - ijg_table(IJG_LUMA, quality)).mean()
        if chroma is not None:
            error = (error + np.abs(chroma - ijg_table(IJG_CHROMA, quality)).mean()) / 2
        best = min(best, (float(error), quality))
    error, quality = best
    return {"quality": quality, "fit_error": round(error, 3), "standard": error == 0}


def dct_coefficients(luma: np.ndarray, positions: list[tuple[int, int]]) -> np.ndarray:
    """Chosen coefficients of the orthonormal 8x8 DCT (the JPEG transform) of every block.

    Returns (blocks, len(positions)); one matrix product instead of full transforms.
    """
    kernels = block_dct.basis()[[8 * r + c for r, c in positions]].T
    return block_dct.blocks(luma) @ kernels


def _reachable(q1: int, q2: int, top: int) -> np.ndarray:
    """How many multiples of step q1 land in each bin 1..top after requantising with q2."""
    bins = np.round(np.arange(0, (top + 2) * q2 // q1 + 3) * q1 / q2).astype(int)
    return np.bincount(bins[bins <= top], minlength=top + 1)[1:].astype(float)


def _deviances(counts: np.ndarray, shapes: np.ndarray) -> np.ndarray:
    """Poisson deviance of counts ≈ shape x exp(a + b j) for each row of `shapes`.

    The log-linear envelope (coefficient histograms decay roughly exponentially) is fitted by
    weighted least squares, solved in closed form for all rows at once.
    """
    j = np.arange(1, counts.shape[0] + 1, dtype=float)
    w = counts + 1  # squared weights: busy bins count more
    target = np.log((counts + 0.5) / shapes)
    s0, s1, s2 = w.sum(), (w * j).sum(), (w * j * j).sum()
    t0, t1 = (w * target).sum(1), (w * j * target).sum(1)
    det = s0 * s2 - s1 * s1
    a, b = (s2 * t0 - s1 * t1) / det, (s0 * t1 - s1 * t0) / det
    model = np.maximum(shapes * np.exp(a[:, None] + b[:, None] * j), 1e-3)
    terms = np.where(counts > 0, counts * np.log(np.maximum(counts, 1e-9) / model), 0)
    return 2 * np.sum(terms - (counts - model), axis=1)


def double_quantisation(coefficients: np.ndarray, q2: int) -> tuple[float, int]:
    """How much better a first save with step q1 explains the histogram than one save alone.

    A value quantised with q1, then with q2 < q1, can only land on some bins: the histogram of
    |coefficient / q2| gets regular gaps (or, for q1 < q2, regular double peaks). The gain is
    the drop in deviance per coefficient; (gain, best q1).
    """
    bins = np.abs(np.round(coefficients / q2)).astype(int)
    counts = np.bincount(bins[(bins >= 1) & (bins <= 40)], minlength=41)[1:].astype(float)
    filled = np.flatnonzero(counts >= 5)
    if len(filled) < 6:
        return 0.0, q2
    counts = counts[: filled[-1] + 1]
    # Low first qualities use steps far above q2. A step that reaches every bin evenly (or
    # none) looks exactly like one save, so it cannot be told apart.
    steps, reachable = [], []
    for q1 in range(1, 64):
        row = _reachable(q1, q2, len(counts))
        if q1 != q2 and row.max() > row.min():
            steps.append(q1)
            reachable.append(row)
    if not steps:
        return 0.0, q2
    reachable = np.array(reachable)
    # Decoding noise spills a little into bins a first save could not reach.
    shapes = reachable + 0.1 * reachable.mean(1, keepdims=True)
    single = _deviances(counts, np.ones((1, len(counts))))[0]
    gains = (single - _deviances(counts, shapes)) / counts.sum()
    best = int(np.argmax(gains))
    if gains[best] <= 0:
        return 0.0, q2
    return round(float(gains[best]), 4), steps[best]


def double_compression(rgb: np.ndarray, luma_table: list[int]) -> dict[str, Any]:
    height, width = rgb.shape[:2]
    ch, cw = min(height, DCT_CROP) // 8 * 8, min(width, DCT_CROP) // 8 * 8
    # The crop starts on the 8-pixel grid, or the blocks would not be the encoder's blocks.
    top, left = (height - ch) // 16 * 8, (width - cw) // 16 * 8
    crop = rgb[top : top + ch, left : left + cw].astype(np.float32)
    luma = crop @ np.array([0.299, 0.587, 0.114], np.float32)
    dct = dct_coefficients(luma, COEFFICIENTS)
    table = np.array(luma_table).reshape(8, 8)
    found = []
    for index, (row, col) in enumerate(COEFFICIENTS):
        gain, q1 = double_quantisation(dct[:, index], int(table[row, col]))
        found.append({"coefficient": [row, col], "q2": int(table[row, col]), "gain": gain})
        found[-1]["q1"] = q1
    gains = sorted((c["gain"] for c in found), reverse=True)
    strength = gains[2] if len(gains) >= 3 else 0.0  # one lucky coefficient is not enough
    strength = round(float(strength), 4)
    return {
        "strength": strength,
        "detected": strength >= DOUBLE_GAIN,
        "first_quality": _first_quality(found) if strength >= DOUBLE_GAIN else None,
        "per": found,
    }


def _first_quality(found: list[dict[str, Any]]) -> int | None:
    """The IJG quality whose table explains most per-coefficient first steps, if most."""
    clear = [c for c in found if c["gain"] >= 0.1]
    votes = []
    for quality in range(1, 101):
        table = ijg_table(IJG_LUMA, quality).reshape(8, 8)
        votes.append(sum(table[tuple(c["coefficient"])] == c["q1"] for c in clear))
    tied = np.flatnonzero(np.array(votes) == max(votes))  # neighbouring qualities share steps
    best = int(tied[len(tied) // 2])
    return best + 1 if clear and votes[best] * 2 > len(clear) else None


def exif_thumbnail(payload: bytes) -> bytes | None:
    """The JPEG thumbnail that IFD1 of an EXIF block ("Exif\\0\\0" + TIFF) points to."""
    tiff = payload[6:] if payload.startswith(b"Exif\x00\x00") else payload
    exif = Image.Exif()
    try:
        exif.load(payload)
        ifd1 = exif.get_ifd(ExifTags.IFD.IFD1)
    except STOP:
        raise
    except Exception:  # Pillow raises many types for broken EXIF
        return None
    start, length = ifd1.get(0x0201), ifd1.get(0x0202)  # JPEGInterchangeFormat(Length)
    if not isinstance(start, int) or not isinstance(length, int) or length <= 0:
        return None
    return tiff[start : start + length] if start + length <= len(tiff) else None


def thumbnail_check(thumbnail: bytes, main: np.ndarray) -> dict[str, Any]:
    """Does the camera's thumbnail still show this picture? Compares shape and content."""
    try:
        with Image.open(io.BytesIO(thumbnail), formats=["JPEG"]) as img:
            if img.width * img.height > 1_000_000:
                return {"usable": False, "reason": "thumbnail too large"}
            thumb = np.asarray(img.convert("L"), np.float32)
    except STOP:
        raise
    except Exception:  # Pillow raises many types for broken files
        return {"usable": False, "reason": "thumbnail could not be decoded"}
    # Cameras pad thumbnails of wide pictures with black bars: compare what is inside them.
    rows, cols = np.flatnonzero(thumb.max(1) > 16), np.flatnonzero(thumb.max(0) > 16)
    if len(rows) < 8 or len(cols) < 8:
        return {"usable": False, "reason": "thumbnail is blank"}
    thumb = thumb[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    grey = cv2.cvtColor(main, cv2.COLOR_RGB2GRAY).astype(np.float32)
    best = ("different", -1.0)
    for turns, label in ((0, "same"), (1, "rotated"), (3, "rotated")):
        view = np.rot90(grey, turns)
        ratio = (view.shape[1] / view.shape[0]) / (thumb.shape[1] / thumb.shape[0])
        if abs(np.log(ratio)) > 0.05:
            continue
        small = cv2.resize(view, thumb.shape[::-1], interpolation=cv2.INTER_AREA)
        a, b = cv2.GaussianBlur(small, (3, 3), 0), cv2.GaussianBlur(thumb, (3, 3), 0)
        corr = float(np.corrcoef(a.ravel(), b.ravel())[0, 1])
        best = max(best, (label if corr >= 0.8 else "different", corr), key=lambda x: x[1])
    if best[1] < -0.5:
        best = ("different", None)  # no orientation has the main picture's shape
    aspect = round((grey.shape[1] / grey.shape[0]) / (thumb.shape[1] / thumb.shape[0]), 3)
    return {
        "usable": True,
        "match": best[0],
        "correlation": best[1] and round(best[1], 3),
        "aspect": aspect,
    }


def editors_named(found: md.Found) -> tuple[list[str], list[str]]:
    """Editor names in EXIF Software, XMP CreatorTool and PNG text (names, raw values)."""
    values: list[str] = []
    for _, raw in found.exif:
        with contextlib.suppress(ValueError):
            values.append(md.read_exif(raw).get("software", ""))
    for _, packet in found.xmp:
        with contextlib.suppress(ValueError):
            values += md.read_xmp(packet)["creator_tools"]
    values += [value for _, key, value in found.text if key == "Software"]
    values = [md.shorten(v, 120) for v in dict.fromkeys(values) if v]
    return sorted({name for v in values if (name := name_in(v, EDITORS))}), values


@register("compression")
class CompressionAnalyzer(Analyzer):
    applies_to = frozenset({MediaKind.IMAGE})
    time_budget_s = 10.0
    typical_ms = 40

    def analyze(self, media: Media) -> Evidence:
        found = md.read_container(media.data, media.mime)
        editors, software = editors_named(found)
        data: dict[str, Any] = {"format": media.mime, "editors": editors, "software": software}
        findings: list[str] = []  # plain-language clues, strongest first
        details: list[str] = []
        score = 0.4
        strength = Strength.WEAK

        if media.mime == "image/jpeg":
            with Image.open(io.BytesIO(media.data)) as img:
                tables = {int(k): list(v) for k, v in (img.quantization or {}).items()}
            if tables:
                data["quantisation"] = estimate_quality(tables)
                data["double_compression"] = double_compression(media.rgb, tables[0])
            thumbs = [t for _, raw in found.exif if (t := exif_thumbnail(raw))]
            if thumbs:
                data["thumbnail"] = thumbnail_check(thumbs[0], media.downscaled(768))
            score = round(self._judge_jpeg(data, findings, details), 2)
            if data.get("thumbnail", {}).get("match") == "different":
                strength = Strength.MODERATE
        else:
            score = None
            details.append(
                f"{media.mime} is not JPEG: quantisation tables, double-compression and EXIF "
                "thumbnail checks do not apply."
            )
        if editors:
            findings.append(f"the file names editing software ({', '.join(editors)})")
            score = max(score or 0.0, 0.55)
        if software:
            details.append("Software fields: " + "; ".join(software) + ".")

        if findings:
            summary = (
                "This picture was probably changed after it was first saved: "
                + "; ".join(findings)
                + ". That often happens for harmless reasons, so it is only a hint."
            )
            hint = Hint.MANIPULATED
        elif media.mime == "image/jpeg":
            summary = (
                "We found no sign that this JPEG was re-saved or edited after it was made, "
                "though many edits leave no such trace."
            )
            hint = Hint.NEUTRAL
        else:
            summary = (
                "This is not a JPEG file, so the compression checks do not apply; no editing "
                "software is named in it."
            )
            hint = Hint.NOT_APPLICABLE
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=hint,
            score=score,
            strength=strength,
            summary=summary,
            details="\n".join(details),
            reliability=RELIABILITY.format(dq_real=REAL_WITH_DOUBLE_SAVE),
            data=data,
        )

    @staticmethod
    def _judge_jpeg(data: dict, findings: list[str], details: list[str]) -> float:
        score = 0.4
        if quant := data.get("quantisation"):
            family = (
                "standard IJG tables (libjpeg: Pillow, OpenCV, GIMP, most web services)"
                if quant["standard"]
                else "custom tables (typical of cameras, phones and Photoshop)"
            )
            details.append(
                f"Quantisation: {family}; closest IJG quality {quant['quality']} "
                f"(mean table difference {quant['fit_error']})."
            )
        if dq := data.get("double_compression"):
            per = ", ".join(
                f"{tuple(c['coefficient'])} q2={c['q2']} gain={c['gain']:.2f} q1≈{c['q1']}"
                for c in dq["per"]
            )
            details.append(
                f"Double quantisation (8x8 DCT of the luminance in a {DCT_CROP} px centre crop): "
                f"third-best gain {dq['strength']:.2f} (flagged from {DOUBLE_GAIN}); {per}."
            )
            if dq["detected"]:
                first = f" (first at about quality {dq['first_quality']})" * bool(
                    dq["first_quality"]
                )
                findings.append(f"it was saved as a JPEG at least twice{first}")
                score = 0.6
        if thumb := data.get("thumbnail"):
            if not thumb["usable"]:
                details.append(f"EXIF thumbnail: {thumb['reason']}.")
            else:
                details.append(
                    f"EXIF thumbnail: {thumb['match']} (correlation {thumb['correlation']}, "
                    f"aspect ratio main/thumbnail {thumb['aspect']})."
                )
                if thumb["match"] == "different":
                    findings.insert(
                        0,
                        "the small preview picture stored inside the file by "
                        "the camera shows something different",
                    )
                    score = 0.7
                elif thumb["match"] == "rotated":
                    findings.append("it was turned sideways after the camera saved it")
                    score = max(score, 0.45)
                else:
                    score -= 0.05  # an intact camera thumbnail: slightly less likely edited
        return score
