"""Score face crops with the trained face-manipulation network (models/face_model.pt).

Public interface (the image analyzer and the video analysis both use it):
- `crop_face(image, box)`: the square crop with margin that the network was trained on;
- `score_faces(crops)`: one `FaceScore` per crop (calibrated probability that the face was
  blended in, plus a blend-boundary heat-map);
- `likely_threshold()`: the probability at or above which a face counts as likely manipulated.

torch is imported inside functions only: the web process imports this package's neighbours and
must never pay for torch. The network loads once per process, on first use.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import config, model_files

MODEL_DIR = Path(__file__).resolve().parent / "models"
WEIGHTS = "face_model.pt"
META = "face_model.json"
MARGIN = 0.2  # added on each side of the face box, as a share of its side
_lock = threading.Lock()


@dataclass(frozen=True)
class FaceScore:
    probability: float
    heatmap: np.ndarray  # float32 0..1, coarser than the crop; scale it up to draw it


def crop_square(image: np.ndarray, box, margin: float = MARGIN) -> tuple[np.ndarray, tuple]:
    """The square crop around `box` (x, y, w, h) with margin, and its top-left corner.

    Parts outside the picture are mirrored in rather than left black: a black band would be an
    edge the network never saw in training.
    """
    import cv2

    x, y, w, h = (float(v) for v in box[:4])
    side = max(2, round(max(w, h) * (1 + 2 * margin)))
    x0 = round(x + w / 2 - side / 2)
    y0 = round(y + h / 2 - side / 2)
    height, width = image.shape[:2]
    pad = max(0, -x0, -y0, x0 + side - width, y0 + side - height)
    if pad:
        pad = min(pad, 4 * max(height, width))
        image = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_REFLECT_101)
    crop = image[y0 + pad : y0 + pad + side, x0 + pad : x0 + pad + side]
    if crop.shape[0] != side or crop.shape[1] != side:  # a box far outside the picture
        crop = cv2.resize(np.ascontiguousarray(crop), (side, side))
    return np.ascontiguousarray(crop), (x0, y0)


def crop_face(image: np.ndarray, box) -> np.ndarray:
    """RGB uint8 square crop of the face in `box` (x, y, w, h, ...) with the model's margin."""
    return crop_square(image, box)[0]


def percent_value(p: float) -> int | float:
    """A face score in percent: whole, but two decimals near the top, where the 'likely' level
    sits (99.93); never 100, which would claim a certainty the model does not have."""
    return round(p * 100) if p < 0.99 else round(min(p, 0.9999) * 100, 2)


def percent(p: float) -> str:
    """`percent_value` as text, e.g. "42%" or "99.93%"."""
    return f"{percent_value(p):g}%"


def _model_dir(model_dir: Path | str | None) -> Path:
    # Read at call time: the worker's FACE_MODEL_DIR (detector config) or a test can point
    # images and videos alike at other weights.
    if model_dir is None:
        model_dir = config.current().face_model_dir or MODEL_DIR
    return Path(model_dir).resolve()


def available(model_dir: Path | str | None = None) -> bool:
    folder = _model_dir(model_dir)
    return (folder / WEIGHTS).exists() and (folder / META).exists()


def metadata(model_dir: Path | str | None = None) -> dict:
    return model_files.metadata(_model_dir(model_dir) / META)


def likely_threshold(model_dir: Path | str | None = None) -> float:
    """Probability at or above which a face counts as likely manipulated (from validation)."""
    return float(metadata(model_dir)["likely_threshold"])


@functools.cache
def _network(folder: Path):
    from .models.face_net import FaceNet

    return model_files.network(FaceNet, folder / WEIGHTS)


def network(model_dir: Path | str | None = None):
    """The network, loaded once per process (a worker calls this at start)."""
    with _lock:
        return _network(_model_dir(model_dir))


def prepare(crops: list[np.ndarray], size: int) -> np.ndarray:
    """Crops resized to the network's input: N x S x S x 3 uint8."""
    import cv2

    return np.stack(
        [
            crop
            if crop.shape[:2] == (size, size)
            else cv2.resize(crop, (size, size), interpolation=cv2.INTER_AREA)
            for crop in crops
        ]
    )


def run_network(net, images: np.ndarray, temperature: float = 1.0):
    """Calibrated probabilities (N) and boundary heat-maps (N x s x s) for uint8 images."""
    import torch

    with torch.inference_mode():
        x = torch.from_numpy(images).permute(0, 3, 1, 2).float().div_(255)
        logits, boundary = net(x)
        probabilities = torch.sigmoid(logits / temperature).numpy()
        heat = torch.sigmoid(boundary[:, 0]).numpy().astype(np.float32)
    return probabilities, heat


def score_faces(crops: list[np.ndarray], model_dir: Path | str | None = None) -> list[FaceScore]:
    """One score per RGB uint8 face crop (as `crop_face` returns them), in the same order."""
    if not crops:
        return []
    meta = metadata(model_dir)
    net = network(model_dir)
    images = prepare(crops, int(meta["input_size"]))
    probabilities, heat = run_network(net, images, float(meta["temperature"]))
    return [
        FaceScore(probability=float(p), heatmap=h) for p, h in zip(probabilities, heat, strict=True)
    ]
