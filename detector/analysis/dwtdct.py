"""A reader for the `dwtDct` invisible watermark that Stable Diffusion's reference code embeds.

The scheme comes from the open-source invisible-watermark package; this is our own decoder,
written from its description and checked bit for bit against that package in the tests:

1. the picture (which the encoder takes in OpenCV's BGR order) is converted to YUV with OpenCV
   and only the U channel is used;
2. a one-level Haar wavelet transform of U gives an approximation band at half resolution;
3. that band is cut into 4 × 4 blocks in raster order, and block `n` carries payload bit
   `n mod length`;
4. in each block the largest coefficient other than the block's first was rounded so that its
   remainder modulo 36 is 9 (bit 0) or 27 (bit 1); reading compares the remainder with 18;
5. each payload bit is the majority over all the blocks that carry it (ties read as 1).

A block's reading does not depend on the payload length, so one pass over the picture serves
every payload: only the vote at the end differs.
"""

from __future__ import annotations

import functools

import numpy as np

STEP = 36.0
BLOCK = 4
# The reference encoder refuses smaller pictures, so nothing smaller can carry the mark.
MIN_PIXELS = 256 * 256
# Pixel rows converted at a time: keeps the float64 work small enough to stay in cache.
STRIP_ROWS = 256

# How a producer handed its pixels to the encoder. "bgr" is the library's own convention (the
# SD 1.x/2.x scripts convert first); "rgb" means RGB pixels were passed unchanged (SDXL code).
ORDERS = ("bgr", "rgb")


@functools.cache
def _pair_table() -> np.ndarray:
    """The first Haar step for every pair of vertically adjacent 8-bit values, scaled by c.

    Entry 256·a + b is c·(c·b + c·a) with each product and sum rounded as PyWavelets rounds
    them (c is its Haar coefficient), so that remainders sitting exactly on a decision boundary
    fall the same way as in the reference decoder. A table lookup per pair is also faster than
    doing the arithmetic on every pixel.
    """
    import pywt

    c = pywt.Wavelet("haar").dec_lo[0]
    scaled = c * np.arange(256, dtype=np.float64)
    return (c * (scaled[None, :] + scaled[:, None])).ravel()


def usable_shape(height: int, width: int) -> tuple[int, int]:
    """Block rows and columns the reference decoder reads (it drops edges that fill no block)."""
    return height // (2 * BLOCK), width // (2 * BLOCK)


def block_bits(rgb: np.ndarray, order: str) -> np.ndarray:
    """The bit each 4 × 4 block of the approximation band reads as, in raster order."""
    import cv2

    if order not in ORDERS:
        raise ValueError(f"unknown channel order {order!r}")
    # Converting RGB pixels with RGB2YUV equals converting the BGR copy with BGR2YUV.
    code = cv2.COLOR_RGB2YUV if order == "bgr" else cv2.COLOR_BGR2YUV
    rows, cols = usable_shape(*rgb.shape[:2])
    table = _pair_table()
    strips = []
    for top in range(0, rows * 2 * BLOCK, STRIP_ROWS):
        pixels = np.ascontiguousarray(rgb[top : min(top + STRIP_ROWS, rows * 2 * BLOCK)])
        u = cv2.cvtColor(pixels[:, : cols * 2 * BLOCK], code)[:, :, 1]
        pairs = u[0::2].astype(np.uint16) << 8
        pairs |= u[1::2]
        half = table[pairs]
        # The second Haar step, added in the same order as pywt.dwt2(u, "haar")[0].
        band = half[:, 1::2] + half[:, 0::2]
        h, w = band.shape
        blocks = band.reshape(h // BLOCK, BLOCK, w // BLOCK, BLOCK).swapaxes(1, 2)
        blocks = blocks.reshape(-1, BLOCK * BLOCK)
        # Coefficients of 8-bit input are never negative: the largest is the largest magnitude.
        strongest = blocks[:, 1:].argmax(axis=1) + 1
        values = np.take_along_axis(blocks, strongest[:, None], axis=1)[:, 0]
        strips.append(np.remainder(values, STEP) > STEP / 2)
    return np.concatenate(strips) if strips else np.zeros(0, dtype=bool)


def vote(blocks: np.ndarray, length: int) -> np.ndarray:
    """The payload of `length` bits that the block readings spell out, by majority."""
    position = np.arange(blocks.size) % length
    ones = np.bincount(position, weights=blocks, minlength=length)
    counts = np.bincount(position, minlength=length)
    with np.errstate(invalid="ignore", divide="ignore"):
        # The reference's threshold, written the same way so a tie also reads as 1.
        return (ones / counts) * 255 > 127


def decode(rgb: np.ndarray, length: int, order: str = "bgr") -> np.ndarray:
    """The `length`-bit payload read from an H × W × 3 uint8 RGB picture."""
    return vote(block_bits(rgb, order), length)
