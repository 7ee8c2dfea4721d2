"""The transform JPEG stores: the orthonormal 2-D DCT of 8x8 blocks, for numpy.

Shared by the compression analyzer (a few coefficients, for double-compression histograms) and
the grain model (all 64, quantised, as the network's input).
"""

from __future__ import annotations

import functools

import numpy as np

BLOCK = 8


@functools.cache
def basis() -> np.ndarray:
    """64 x 64 float32: coefficients = basis() @ block, both flattened row-major, so row
    8 * u + v is the coefficient of vertical frequency u and horizontal frequency v."""
    k = np.arange(BLOCK)[:, None]
    n = np.arange(BLOCK)[None, :]
    one = np.sqrt(2 / BLOCK) * np.cos(np.pi * (2 * n + 1) * k / (2 * BLOCK))
    one[0] /= np.sqrt(2)
    return np.kron(one, one).astype(np.float32)


def blocks(plane: np.ndarray) -> np.ndarray:
    """(rows * cols) x 64 float32: the whole 8x8 blocks of `plane`, level-shifted by 128 as
    JPEG does, in reading order (row by row of blocks)."""
    rows, cols = plane.shape[0] // BLOCK, plane.shape[1] // BLOCK
    pixels = plane[: rows * BLOCK, : cols * BLOCK].astype(np.float32) - 128
    return pixels.reshape(rows, BLOCK, cols, BLOCK).transpose(0, 2, 1, 3).reshape(-1, 64)
