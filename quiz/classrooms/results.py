"""Results of an assignment: students x items, per item, per cue, calibration, pre/post gains.

A fixed number of queries whatever the class size; the tables feed the pages and the CSVs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch

from ..cues import CUES, Cue
from ..models import Attempt, Item, Response
from ..scoring import ANSWER_LABELS, Calibration, calibration
from ..selectors import faq_links
from .models import Assignment
from .selectors import task_status


@dataclass(frozen=True)
class Cell:
    correct: bool
    confidence: int
    answer: str


@dataclass
class StudentRow:
    student: object
    attempt: Attempt | None
    status: str
    cells: list[Cell | None]
    score: int = 0
    answered: int = 0
    calibration: Calibration | None = None

    @property
    def accuracy(self) -> float | None:
        return None if not self.answered else round(100 * self.score / self.answered, 1)


@dataclass(frozen=True)
class ItemStat:
    position: int
    item: Item
    answered: int
    correct_percent: float | None
    common_wrong: str
    mean_confidence: float | None


@dataclass(frozen=True)
class CueStat:
    cue: Cue
    answered: int
    missed: int
    faq: list[dict] = field(default_factory=list)

    @property
    def miss_percent(self) -> float:
        return round(100 * self.missed / self.answered, 1) if self.answered else 0.0


@dataclass
class AssignmentResults:
    assignment: Assignment
    items: list[Item]
    rows: list[StudentRow]
    item_stats: list[ItemStat]
    cue_stats: list[CueStat]
    calibration: Calibration | None

    @property
    def finished(self) -> int:
        return sum(1 for r in self.rows if r.status == "done")

    @property
    def average_score(self) -> float | None:
        done = [r for r in self.rows if r.status == "done" and self.items]
        if not done:
            return None
        return round(sum(100 * r.score / len(self.items) for r in done) / len(done), 1)


def _rows(assignment: Assignment, items: list[Item]) -> list[StudentRow]:
    responses = Prefetch("responses", queryset=Response.objects.only(
        "attempt_id", "item_id", "answer", "confidence", "correct",
        "revised_answer", "revised_confidence", "revised_correct",
    ))  # fmt: skip
    attempts = {
        a.student_id: a for a in assignment.attempts.prefetch_related(responses).order_by("pk")
    }
    rows = []
    for student in assignment.classroom.students.order_by("nickname", "pk"):
        attempt = attempts.get(student.pk)
        by_item = {r.item_id: r for r in attempt.responses.all()} if attempt else {}
        cells = [
            Cell(r.final_correct, r.final_confidence, r.final_answer) if r else None
            for r in (by_item.get(i.pk) for i in items)
        ]
        given = [c for c in cells if c is not None]
        rows.append(
            StudentRow(
                student=student,
                attempt=attempt,
                status=task_status(assignment, attempt),
                cells=cells,
                score=sum(1 for c in given if c.correct),
                answered=len(given),
                calibration=calibration([(c.confidence, c.correct) for c in given]),
            )
        )
    return rows


def _item_stats(items: list[Item], rows: list[StudentRow]) -> list[ItemStat]:
    stats = []
    for n, item in enumerate(items):
        cells = [r.cells[n] for r in rows if r.cells[n] is not None]
        wrong = Counter(c.answer for c in cells if not c.correct).most_common(1)
        stats.append(
            ItemStat(
                position=n + 1,
                item=item,
                answered=len(cells),
                correct_percent=(
                    round(100 * sum(c.correct for c in cells) / len(cells), 1) if cells else None
                ),
                common_wrong=ANSWER_LABELS.get(wrong[0][0], wrong[0][0]) if wrong else "",
                mean_confidence=(
                    round(sum(c.confidence for c in cells) / len(cells), 1) if cells else None
                ),
            )
        )
    return stats


def _cue_stats(items: list[Item], rows: list[StudentRow]) -> list[CueStat]:
    answered, missed = Counter(), Counter()
    for n, item in enumerate(items):
        for row in rows:
            cell = row.cells[n]
            if cell is None:
                continue
            for cue in item.cues:
                if cue in CUES:
                    answered[cue] += 1
                    missed[cue] += not cell.correct
    faq = faq_links(slugs=[s for cue in answered for s in CUES[cue].faq])
    stats = [
        CueStat(CUES[c], answered[c], missed[c], [faq[s] for s in CUES[c].faq if s in faq])
        for c in answered
    ]
    return sorted(stats, key=lambda s: (-s.miss_percent, -s.missed, s.cue.name))


def assignment_results(*, assignment: Assignment) -> AssignmentResults:
    items = list(assignment.quiz.items.order_by("order", "pk"))
    rows = _rows(assignment, items)
    every = [(c.confidence, c.correct) for r in rows for c in r.cells if c is not None]
    return AssignmentResults(
        assignment=assignment,
        items=items,
        rows=rows,
        item_stats=_item_stats(items, rows),
        cue_stats=_cue_stats(items, rows),
        calibration=calibration(every),
    )


@dataclass(frozen=True)
class Gain:
    student: object
    pre_accuracy: float | None
    post_accuracy: float | None
    pre_brier: float | None
    post_brier: float | None

    @property
    def accuracy_gain(self) -> float | None:
        if self.pre_accuracy is None or self.post_accuracy is None:
            return None
        return round(self.post_accuracy - self.pre_accuracy, 1)

    @property
    def brier_change(self) -> float | None:
        """Negative is better: the post-test's confidence matched being right more closely."""
        if self.pre_brier is None or self.post_brier is None:
            return None
        return round(self.post_brier - self.pre_brier, 3)


@dataclass(frozen=True)
class Gains:
    pre: Assignment
    post: Assignment
    students: list[Gain]
    class_pre: Calibration | None
    class_post: Calibration | None

    @property
    def compared(self) -> list[Gain]:
        return [g for g in self.students if g.accuracy_gain is not None]

    @property
    def mean_accuracy_gain(self) -> float | None:
        both = self.compared
        return round(sum(g.accuracy_gain for g in both) / len(both), 1) if both else None


def _finished(results: AssignmentResults) -> dict[int, StudentRow]:
    return {r.student.pk: r for r in results.rows if r.status == "done"}


def assignment_gains(*, post: Assignment, post_results: AssignmentResults) -> Gains | None:
    """Pre/post discernment per student and for the class; None without a linked pre-test."""
    if post.pretest is None:
        return None
    pre_results = assignment_results(assignment=post.pretest)
    pre, done_post = _finished(pre_results), _finished(post_results)

    def brier(rows: dict[int, StudentRow], pk: int) -> float | None:
        row = rows.get(pk)
        return row.calibration.brier if row and row.calibration else None

    def accuracy(rows: dict[int, StudentRow], pk: int) -> float | None:
        return rows[pk].accuracy if pk in rows else None

    students = [
        Gain(
            row.student,
            accuracy(pre, row.student.pk),
            accuracy(done_post, row.student.pk),
            brier(pre, row.student.pk),
            brier(done_post, row.student.pk),
        )
        for row in post_results.rows
    ]

    def class_cal(rows):
        return calibration([(c.confidence, c.correct) for r in rows for c in r.cells if c])

    return Gains(
        pre=post.pretest,
        post=post,
        students=students,
        class_pre=class_cal(pre.values()),
        class_post=class_cal(done_post.values()),
    )
