"""A deliberately slow analyzer, loaded only by fault tests (DETECTOR_EXTRA_ANALYZERS)."""

import os
import time

from detector.analysis.registry import Analyzer, register
from detector.analysis.types import Evidence, Hint, MediaKind, Strength


@register("slow_for_tests")
class SlowAnalyzer(Analyzer):
    applies_to = frozenset({MediaKind.IMAGE})
    time_budget_s = 120.0

    def analyze(self, media) -> Evidence:
        time.sleep(float(os.environ.get("SLOW_ANALYZER_SECONDS", "30")))
        return Evidence(
            analyzer=self.name,
            title="Slow test analyzer",
            verdict_hint=Hint.NOT_APPLICABLE,
            score=None,
            strength=Strength.WEAK,
            summary="Waited on purpose.",
            details="",
            reliability="",
        )
