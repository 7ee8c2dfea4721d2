"""Where is a picture smoother than its own detail predicts? (Used by the noise analyzer.)

Erasing an object and filling the gap ("magic eraser", inpainting) or a beauty filter leaves an
area with less fine grain than areas of the picture with the same amount of coarse detail. Per
block we measure coarse detail (gradients of a blurred copy, which grain barely reaches) and
fine grain (what a light blur removes), fit how grain follows detail across the whole picture
with a robust line, and map how far each block falls below that line.
"""

from __future__ import annotations

import cv2
import numpy as np

SMOOTH_BLOCKS = 1.5
ROUNDS = 5  # iteratively reweighted least squares: a few rounds settle the line


def _block_median(values: np.ndarray, block: int) -> np.ndarray:
    rows, cols = values.shape[0] // block, values.shape[1] // block
    tiles = values[: rows * block, : cols * block].reshape(rows, block, cols, block)
    return np.median(tiles.transpose(0, 2, 1, 3).reshape(rows, cols, -1), axis=2)


def deficit_map(grey: np.ndarray, block: int) -> tuple[np.ndarray, np.ndarray]:
    """Smoothed robust z of each block's grain against the picture's grain-detail line
    (negative = smoother than predicted), and the mask of usable blocks."""
    g = grey.astype(np.float32)
    blurred = cv2.GaussianBlur(g, (0, 0), 2.0)
    detail = np.hypot(cv2.Sobel(blurred, cv2.CV_32F, 1, 0), cv2.Sobel(blurred, cv2.CV_32F, 0, 1))
    texture = np.log(_block_median(detail, block) + 0.5)
    grain = np.log(_block_median(np.abs(g - cv2.GaussianBlur(g, (0, 0), 0.8)), block) + 0.1)
    bright = _block_median(g, block) / 255
    # Clipped highlights and crushed shadows hold no grain at all.
    valid = (bright > 0.04) & (bright < 0.96)
    z = np.zeros_like(grain)
    if valid.sum() < 16:
        return z, valid
    design = np.stack([np.ones(valid.sum()), texture[valid]], 1)
    target, weight = grain[valid], np.ones(valid.sum())
    for _ in range(ROUNDS):
        coef = np.linalg.lstsq(design * weight[:, None], target * weight, rcond=None)[0]
        residual = target - design @ coef
        spread = max(1.4826 * np.median(np.abs(residual)), 0.05)
        weight = 1 / np.maximum(1, np.abs(residual) / (1.5 * spread))
    z[valid] = residual / spread
    kept = cv2.GaussianBlur(valid.astype(np.float32), (0, 0), SMOOTH_BLOCKS)
    summed = cv2.GaussianBlur(z.astype(np.float32), (0, 0), SMOOTH_BLOCKS)
    return np.where(kept > 0.3, summed / np.maximum(kept, 1e-6), 0), valid
