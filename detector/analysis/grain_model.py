"""Which 8x8 blocks of a JPEG carry grain that does not belong there (models/grain_model.pt).

A piece pasted in from another photo brings that photo's grain. Once the picture is saved as
JPEG, grain shows in each 8x8 block of brightness as high-frequency DCT coefficients that
survive quantisation: how many of them are not zero, and how large they are, for the block's
content. `GrainNet` (models/grain_net.py) reads those quantised coefficients and gives every
block a probability of lying in a pasted-in area. It was trained by
`training/train_grain_model.py` on splices that `manipulations.splice` made from the London
faces and the scikit-image sample photos, never on the development photos it is measured on.

Public interface:
- `block_probabilities(data, rgb)`: a `GrainMap` for the file's bytes; files that are not
  JPEGs (or are CMYK JPEGs) are encoded as JPEG quality 90 in memory first (the training
  splices were saved at quality 85-95), so the map still means something for PNG and WebP.
- `luma_blocks` and `block_features`: the input the network reads (training uses them too).

torch is imported inside functions only, so the web process never pays for it.
"""

from __future__ import annotations

import functools
import io
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from . import block_dct, model_files
from .datasets import encode_jpeg

MODEL_DIR = Path(__file__).resolve().parent / "models"
WEIGHTS = "grain_model.pt"
META = "grain_model.json"
BLOCK = block_dct.BLOCK
REENCODE_QUALITY = 90
STRIP_ROWS = 64  # block rows per pass: 50 megapixels stay within a few hundred MB
_lock = threading.Lock()


@dataclass(frozen=True)
class GrainMap:
    probability: np.ndarray  # float32, one value per 8x8 block of the stored pixels
    reencoded: bool  # True when the file was not a JPEG and was encoded at quality 90 first
    quality_table: list[int]  # the luma quantisation table read (natural order)


def luma_blocks(data: bytes) -> tuple[np.ndarray, np.ndarray] | None:
    """The decoded brightness (Y) plane, cut to whole blocks, and the luma quantisation table
    (64 steps, natural order); None when `data` is not a JPEG with a luma table."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.format != "JPEG" or img.mode not in ("L", "RGB"):
                return None  # CMYK and other rare JPEGs: re-encoded like a PNG
            table = getattr(img, "quantization", {}).get(0)
            if table is None or len(table) != 64:
                return None
            img.draft("L", img.size)  # libjpeg decodes Y only: no colour conversion to undo
            luma = np.asarray(img.convert("L"))
    except (OSError, ValueError):
        return None
    rows, cols = luma.shape[0] // BLOCK, luma.shape[1] // BLOCK
    return luma[: rows * BLOCK, : cols * BLOCK], np.asarray(table, np.float32)


def block_features(luma: np.ndarray, table: np.ndarray) -> np.ndarray:
    """126 x rows x cols float32: log(1 + |q|) and [|q| == 1] for the 63 AC coefficients q of
    each block, recomputed from the decoded pixels (rounding recovers the stored integers)."""
    rows, cols = luma.shape[0] // BLOCK, luma.shape[1] // BLOCK
    levels = np.abs(np.rint(block_dct.blocks(luma) @ (block_dct.basis() / table[:, None]).T))
    levels = levels[:, 1:]
    features = np.concatenate([np.log1p(levels), (levels == 1).astype(np.float32)], axis=1)
    return np.ascontiguousarray(features.reshape(rows, cols, -1).transpose(2, 0, 1))


def _model_dir(model_dir: Path | str | None) -> Path:
    return Path(model_dir or MODEL_DIR).resolve()


@functools.cache
def _network(folder: Path):
    from .models.grain_net import GrainNet

    meta = model_files.metadata(folder / META)
    width, context = int(meta["width"]), int(meta.get("context", 0))
    return model_files.network(lambda: GrainNet(width, context), folder / WEIGHTS)


def network(model_dir: Path | str | None = None):
    """The network, loaded once per process."""
    with _lock:
        return _network(_model_dir(model_dir))


def probabilities(net, features: np.ndarray) -> np.ndarray:
    """Block probabilities for a 126 x rows x cols feature array (as `block_features` gives)."""
    import torch

    with torch.inference_mode():
        logits = net(torch.from_numpy(features)[None])[0, 0]
        return torch.sigmoid(logits).numpy().astype(np.float32)


def block_probabilities(
    data: bytes, rgb: np.ndarray | None = None, model_dir: Path | str | None = None
) -> GrainMap | None:
    """Per-block probabilities for a file (see the module docstring); None when the picture
    is smaller than one block or neither `data` nor `rgb` can be read."""
    read = luma_blocks(data)
    reencoded = read is None
    if read is None:
        if rgb is None:
            return None
        read = luma_blocks(encode_jpeg(rgb, REENCODE_QUALITY))
        if read is None:
            return None
    luma, table = read
    rows, cols = luma.shape[0] // BLOCK, luma.shape[1] // BLOCK
    if rows == 0 or cols == 0:
        return None
    net = network(model_dir)
    reach = net.reach
    out = np.empty((rows, cols), np.float32)
    for top in range(0, rows, STRIP_ROWS):
        bottom = min(rows, top + STRIP_ROWS)
        # Extra rows above and below so every kept row sees the same neighbours as it would
        # in one pass over the whole picture.
        first, last = max(0, top - reach), min(rows, bottom + reach)
        strip = block_features(luma[first * BLOCK : last * BLOCK], table)
        out[top:bottom] = probabilities(net, strip)[top - first : top - first + bottom - top]
    return GrainMap(out, reencoded, [int(v) for v in table])
