"""CSV tables of an assignment's results, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from .results import AssignmentResults, Gains

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Text a spreadsheet shows as text: a leading = + - @ would start a formula (a nickname
    like "=HYPERLINK(...)" is an attack), so such cells get a leading apostrophe."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value) -> str:
    return "" if value is None else str(value)


def to_csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) if isinstance(v, str) else _number(v) for v in row])
    return buffer.getvalue()


def students_csv(results: AssignmentResults) -> str:
    header = ["student", "status", "score", "answered", "accuracy %", "brier"]
    for n in range(1, len(results.items) + 1):
        header += [f"item {n} correct", f"item {n} confidence"]
    rows = []
    for row in results.rows:
        line = [
            row.student.nickname,
            row.status,
            row.score,
            row.answered,
            row.accuracy,
            row.calibration.brier if row.calibration else None,
        ]
        for cell in row.cells:
            line += ["", ""] if cell is None else [int(cell.correct), cell.confidence]
        rows.append(line)
    return to_csv(header, rows)


def items_csv(results: AssignmentResults) -> str:
    header = ["item", "prompt", "answered", "correct %", "common wrong answer", "mean confidence"]
    rows = [
        [s.position, s.item.prompt, s.answered, s.correct_percent, s.common_wrong,
         s.mean_confidence]
        for s in results.item_stats
    ]  # fmt: skip
    return to_csv(header, rows)


def cues_csv(results: AssignmentResults) -> str:
    header = ["cue", "answers", "missed", "missed %"]
    rows = [[s.cue.name, s.answered, s.missed, s.miss_percent] for s in results.cue_stats]
    return to_csv(header, rows)


def gains_csv(gains: Gains) -> str:
    header = ["student", "pre accuracy %", "post accuracy %", "gain (points)", "pre brier",
              "post brier", "brier change"]  # fmt: skip
    rows = [
        [g.student.nickname, g.pre_accuracy, g.post_accuracy, g.accuracy_gain, g.pre_brier,
         g.post_brier, g.brier_change]
        for g in gains.students
    ]  # fmt: skip
    return to_csv(header, rows)
