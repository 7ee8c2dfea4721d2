"""Everything that changes quiz data (services write, selectors read)."""

from .items import (
    ITEM_ANALYSIS_RETENTION,
    item_analyse,
    item_refresh_dimensions,
    item_save,
    item_set_media,
    quiz_duplicate,
    quiz_set_published,
)
from .play import (
    attempt_answer,
    attempt_finish,
    attempt_revise,
    attempt_start,
    item_detector_verdict,
    item_score,
)

__all__ = [
    "ITEM_ANALYSIS_RETENTION",
    "attempt_answer",
    "attempt_finish",
    "attempt_revise",
    "attempt_start",
    "item_analyse",
    "item_detector_verdict",
    "item_refresh_dimensions",
    "item_save",
    "item_score",
    "item_set_media",
    "quiz_duplicate",
    "quiz_set_published",
]
