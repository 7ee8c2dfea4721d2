"""Committed model files, read once per process: metadata JSON and torch weights.

torch is imported inside functions only: the web process imports this package's
neighbours and must never pay for torch.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path


@functools.cache
def metadata(path: Path) -> dict:
    """The JSON file at `path` (callers pass resolved paths, so each file is read once)."""
    return json.loads(path.read_text())


def _float_weights(path: Path) -> dict:
    """A saved state dict with every floating tensor as float32 (fp16 files run on CPU too)."""
    import torch

    state = torch.load(path, map_location="cpu", weights_only=True)
    return {k: v.float() if v.is_floating_point() else v for k, v in state.items()}


def network(build, weights: Path):
    """`build()`'s module with the weights at `weights`, in evaluation mode.

    Sets torch to one thread: the pipeline already runs analyzers side by side on the cores,
    and torch's own thread pool only fought them (face model at 1 MP: 884 -> 562 ms p50 with
    one thread, bench/detector_speed.py).
    """
    import torch

    torch.set_num_threads(1)
    net = build()
    net.load_state_dict(_float_weights(weights))
    net.eval()
    return net
