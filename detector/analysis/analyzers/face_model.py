"""Face model: a trained network scores each face for signs that it was pasted in (face swap).

It finds faces with the faces analyzer's search, keeps those big enough and with an eye in the
upper half (the face search also boxes patterns that are not faces, and those must not count),
and scores each crop with `detector.analysis.face_model`. A face at or above the model's
"likely" threshold decides the verdict on its own (see fusion).
"""

from __future__ import annotations

import functools

import cv2
import numpy as np

from .. import face_model, render
from ..registry import Analyzer, register
from ..types import Evidence, Hint, Media, MediaKind, Overlay, Region, Strength
from . import faces

TITLE = "Face-swap model"
MIN_FACE_PX = 48  # smaller faces have lost the fine seams the network reads
HEAT_FLOOR = 0.3
EYE_SIDE = 160  # the eye check runs on a crop this wide
RELIABILITY = (
    "A neural network trained only on real faces blended with altered copies of themselves or "
    "of other people (no real deepfakes were used). On held-out people it separates classic "
    "face swaps from untouched faces well but not perfectly (it ranked a swapped studio "
    "portrait above an untouched one 91 % of the time). "
    "Untouched photos from everyday cameras often get high scores too, so only a score at its "
    "very high 'likely' level counts, and even that is a pointer, not proof. Modern generators "
    "that make the whole face at once may leave no seam for it to find. See the model card "
    "(MODEL_CARD.md) for the figures."
)


@functools.cache
def eye_cascade() -> cv2.CascadeClassifier:
    classifier = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_eye.xml")
    if classifier.empty():
        raise RuntimeError("OpenCV eye cascade could not be loaded")
    return classifier


def has_eye(rgb: np.ndarray, box) -> bool:
    """An eye in the top half of the face box: rules out most false boxes on fur, food, cloth."""
    x, y, w, h = (round(float(v)) for v in box[:4])
    top = rgb[max(0, y) : max(0, y) + max(1, h * 6 // 10), max(0, x) : max(0, x) + max(1, w)]
    if top.size == 0:
        return False
    grey = cv2.cvtColor(render.fit(top, EYE_SIDE), cv2.COLOR_RGB2GRAY)
    side = grey.shape[1]
    min_eye = max(8, side // 10)
    found = eye_cascade().detectMultiScale(grey, 1.1, 3, 0, (min_eye, min_eye))
    return len(found) > 0


def candidate_faces(media: Media) -> tuple[list[tuple], int]:
    """Face boxes worth scoring, and how many found boxes were set aside."""
    boxes = faces.detect(media)
    kept = [b for b in boxes if min(b[2], b[3]) >= MIN_FACE_PX and has_eye(media.rgb, b)]
    return kept, len(boxes) - len(kept)


@register("face_model")
class FaceModelAnalyzer(Analyzer):
    applies_to = frozenset({MediaKind.IMAGE})
    time_budget_s = 20.0  # the first call in a worker also loads torch and the weights
    typical_ms = 300.0  # face search + eye check + one face on a 1 MP photo (shared machine)

    def analyze(self, media: Media) -> Evidence:
        if not face_model.available():
            return self._not_applicable("The face model's weights are not installed here.", {})
        boxes, skipped = candidate_faces(media)
        if not boxes:
            reason = "No clear face found, so the face-swap model did not apply."
            return self._not_applicable(reason, {"faces": [], "set_aside": skipped})
        scores = face_model.score_faces([face_model.crop_face(media.rgb, b) for b in boxes])
        threshold = face_model.likely_threshold()
        top = max(s.probability for s in scores)
        decides = top >= threshold
        regions = [
            Region(
                x=max(0, round(b[0])),
                y=max(0, round(b[1])),
                w=round(b[2]),
                h=round(b[3]),
                label="face",
                score=round(s.probability, 4),
            )
            for b, s in zip(boxes, scores, strict=True)
        ]
        data = {
            "faces": [{"box": [r.x, r.y, r.w, r.h], "probability": r.score} for r in regions],
            "likely_threshold": threshold,
            "set_aside": skipped,
            "decides": decides,
        }
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=Hint.MANIPULATED if decides else Hint.NEUTRAL,
            score=round(top, 4),
            strength=Strength.STRONG if decides else Strength.WEAK,
            summary=_summary(len(regions), top, threshold),
            details=(
                f"Scored {len(regions)} face(s) ({skipped} other box(es) set aside: under "
                f"{MIN_FACE_PX} px or no eye found). Probabilities: "
                + ", ".join(face_model.percent(r.score) for r in regions)
                + f". 'Likely' threshold: {face_model.percent(threshold)}."
            ),
            reliability=RELIABILITY,
            regions=regions,
            overlays=[_overlay(media, boxes, scores)],
            data=data,
        )

    def _not_applicable(self, summary: str, data: dict) -> Evidence:
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=Hint.NOT_APPLICABLE,
            score=None,
            strength=Strength.WEAK,
            summary=summary,
            details=summary,
            reliability=RELIABILITY,
            data=data,
        )


def _summary(count: int, top: float, threshold: float) -> str:
    faces_text = "the face" if count == 1 else f"{count} faces"
    if top >= threshold:
        return (
            f"The face-swap model gives {face_model.percent(top)} that a face here was blended "
            f"in, at or above its 'likely' level of {face_model.percent(threshold)}."
        )
    text = (
        f"The face-swap model checked {faces_text}: highest {face_model.percent(top)}, below its "
        f"'likely' level of {face_model.percent(threshold)}."
    )
    if top >= 0.5:
        text += (
            " Untouched photos from everyday cameras often score this high, so this decides "
            "nothing."
        )
    return text


def _overlay(media: Media, boxes: list[tuple], scores) -> Overlay:
    base = media.downscaled(render.MAX_SIDE)
    scale = base.shape[1] / media.rgb.shape[1]
    heat = np.zeros(base.shape[:2], np.float32)
    for box, score in zip(boxes, scores, strict=True):
        crop, (x0, y0) = face_model.crop_square(media.rgb, box)
        side = max(1, round(crop.shape[0] * scale))
        patch = cv2.resize(score.heatmap, (side, side), interpolation=cv2.INTER_LINEAR)
        # The boundary head gives 0.15-0.3 almost everywhere on untouched faces (held-out
        # London crops): only what rises above that is drawn.
        patch = np.clip((patch - HEAT_FLOOR) / (1 - HEAT_FLOOR), 0, 1)
        left, top = round(x0 * scale), round(y0 * scale)
        x1, y1 = max(0, left), max(0, top)
        x2, y2 = min(heat.shape[1], left + side), min(heat.shape[0], top + side)
        if x2 > x1 and y2 > y1:
            window = patch[y1 - top : y2 - top, x1 - left : x2 - left]
            heat[y1:y2, x1:x2] = np.maximum(heat[y1:y2, x1:x2], window)
    return Overlay(
        name="face_model",
        caption="Where the face-swap model sees a blending seam (brighter = stronger)",
        alt="The picture with the face areas tinted where the model found a possible seam.",
        png=render.heatmap(base, heat),
    )
