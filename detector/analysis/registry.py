"""Analyzers register themselves by name; the pipeline asks the registry which ones apply."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from .types import Evidence, Media, MediaKind

_ANALYZERS: dict[str, type[Analyzer]] = {}


class Analyzer:
    """Base class: subclasses set `applies_to` and implement `analyze`."""

    name: str = ""
    applies_to: frozenset[MediaKind] = frozenset({MediaKind.IMAGE})
    time_budget_s: float = 20.0
    # Typical milliseconds on a 1-megapixel photo: the pipeline starts the slowest first, so
    # they are not the last ones left running on one core while the other idles.
    typical_ms: float = 50.0

    def analyze(self, media: Media) -> Evidence:
        raise NotImplementedError


def register(name: str) -> Callable[[type[Analyzer]], type[Analyzer]]:
    def decorator(cls: type[Analyzer]) -> type[Analyzer]:
        if name in _ANALYZERS and _ANALYZERS[name] is not cls:
            raise ValueError(f"analyzer {name!r} is already registered")
        cls.name = name
        _ANALYZERS[name] = cls
        return cls

    return decorator


def registered() -> dict[str, type[Analyzer]]:
    from . import analyzers  # noqa: F401  (importing the package registers every analyzer)
    from .config import current

    for module in current().extra_analyzer_modules:
        importlib.import_module(module)

    return dict(_ANALYZERS)


def analyzers_for(kind: MediaKind, names: list[str] | None = None) -> list[Analyzer]:
    available = registered()
    if names is not None:
        unknown = sorted(set(names) - set(available))
        if unknown:
            raise KeyError(f"unknown analyzers: {', '.join(unknown)}")
        chosen = [available[n] for n in names]
    else:
        chosen = list(available.values())
    return [cls() for cls in chosen if kind in cls.applies_to]
