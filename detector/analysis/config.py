"""Run-time options for the detector, set by whoever embeds it (the worker, the CLI, tests).

The package stays free of Django: the Django side calls `configure()` with values from its
settings before it runs an analysis; tests call `configure()` or use `override()`.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Config:
    # Folder of PEM certificates whose signatures count as trusted Content Credentials.
    c2pa_trust_anchors_dir: Path | None = None
    # Modules outside analyzers/ that register analyzers too (plugins).
    extra_analyzer_modules: tuple[str, ...] = ()
    # Folder holding the face model's weights and metadata (None: the copy in models/).
    face_model_dir: Path | None = None


_current = Config()


def configure(**changes) -> Config:
    global _current
    _current = dataclasses.replace(_current, **changes)
    return _current


def current() -> Config:
    return _current


@contextlib.contextmanager
def override(**changes) -> Iterator[Config]:
    global _current
    saved = _current
    _current = dataclasses.replace(saved, **changes)
    try:
        yield _current
    finally:
        _current = saved
