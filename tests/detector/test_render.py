"""Overlay pictures: PNG that gives back exactly the pixels drawn, colour and grey."""

import io

import numpy as np
from PIL import Image

from detector.analysis import render


def test_overlays_are_lossless_png_in_rgb_order():
    rgb = np.random.default_rng(1).integers(0, 256, (120, 160, 3), dtype=np.uint8)
    rgb[:10] = (230, 40, 40)  # a flat red band: channel order shows
    decoded = Image.open(io.BytesIO(render.png(rgb)))
    assert decoded.format == "PNG" and decoded.mode == "RGB"
    assert (np.asarray(decoded) == rgb).all()


def test_grey_overlays_stay_grey():
    grey = np.random.default_rng(2).integers(0, 256, (64, 48), dtype=np.uint8)
    decoded = Image.open(io.BytesIO(render.png(grey)))
    assert decoded.mode == "L" and (np.asarray(decoded) == grey).all()
