"""Read-only queries for quiz pages, each a fixed number of queries whatever the quiz size."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    When,
)

from .cues import CUES, Cue
from .errors import AttemptNotFound, ItemNotFound, QuizNotFound
from .models import Attempt, Item, Quiz, Response
from .scoring import Calibration, calibration

CROWD_MIN_PLAYS = 10  # below this, a difficulty label would be noise


def quiz_list() -> QuerySet[Quiz]:
    return (
        Quiz.objects.filter(published=True)
        .annotate(item_count=Count("items"))
        .order_by("level", "title")
    )


def quiz_get(*, slug: str, include_unpublished: bool = False) -> Quiz:
    quizzes = Quiz.objects.annotate(item_count=Count("items"))
    if not include_unpublished:
        quizzes = quizzes.filter(published=True)
    try:
        return quizzes.get(slug=slug)
    except Quiz.DoesNotExist:
        raise QuizNotFound(slug) from None


def quiz_items(*, quiz: Quiz) -> QuerySet[Item]:
    return quiz.items.select_related("analysis", "analysis_b").order_by("order", "pk")


def attempt_get(*, public_id: str, session_key: str | None = None) -> Attempt:
    """An attempt by its public id; with `session_key`, only if it belongs to that session."""
    attempts = Attempt.objects.select_related("quiz").annotate(
        item_count=Count("quiz__items", distinct=True)
    )
    if session_key is not None:
        attempts = attempts.filter(session_key=session_key)
    try:
        return attempts.get(public_id=public_id)
    except Attempt.DoesNotExist:
        raise AttemptNotFound(public_id) from None


def item_at(
    *, quiz: Quiz, position: int, with_analyses: bool = True, answered_in: Attempt | None = None
) -> Item:
    """The item at 1-based `position` in the quiz; optionally with its detector analyses and
    an `answered` flag for an attempt (so the play page needs no second query)."""
    if position < 1:
        raise ItemNotFound(position)
    items = quiz.items.order_by("order", "pk")
    if with_analyses:
        items = items.select_related("analysis", "analysis_b")
    if answered_in is not None:
        answers = Response.objects.filter(attempt=answered_in, item=OuterRef("pk"))
        items = items.annotate(answered=Exists(answers))
    item = items[position - 1 : position].first()
    if item is None:
        raise ItemNotFound(position)
    return item


# The item columns the unanswered play page shows (and nothing else: its cache key hashes them).
PLAY_ITEM_COLUMNS = ("id", "public_id", "kind", "prompt", "media", "media_b", "media_kind",
                     "media_width", "media_height", "alt_text")  # fmt: skip


@dataclass(frozen=True)
class PlayRow:
    """What the play page needs about an attempt and the item at one position."""

    finished: bool
    quiz: tuple  # id, title, slug
    total: int
    item: tuple | None  # PLAY_ITEM_COLUMNS, or None past the last item
    answered: bool


@cache
def _play_row_sql(vendor: str) -> str:
    q = connection.ops.quote_name
    attempt, quiz = Attempt._meta.db_table, Quiz._meta.db_table
    item, response = Item._meta.db_table, Response._meta.db_table
    columns = ", ".join(f"i.{q(c)}" for c in PLAY_ITEM_COLUMNS)
    return (
        f"SELECT a.{q('finished_at')}, qz.{q('id')}, qz.{q('title')}, qz.{q('slug')}, "
        f"(SELECT COUNT(*) FROM {q(item)} c WHERE c.{q('quiz_id')} = a.{q('quiz_id')}), "
        f"EXISTS(SELECT 1 FROM {q(response)} r WHERE r.{q('attempt_id')} = a.{q('id')} "
        f"AND r.{q('item_id')} = i.{q('id')}), {columns} "
        f"FROM {q(attempt)} a JOIN {q(quiz)} qz ON qz.{q('id')} = a.{q('quiz_id')} "
        f"LEFT JOIN {q(item)} i ON i.{q('id')} = (SELECT p.{q('id')} FROM {q(item)} p "
        f"WHERE p.{q('quiz_id')} = a.{q('quiz_id')} ORDER BY p.{q('order')}, p.{q('id')} "
        f"LIMIT 1 OFFSET %(offset)s) "
        f"WHERE a.{q('public_id')} = %(public_id)s AND a.{q('session_key')} = %(session_key)s"
    )


def play_page_row(*, public_id: str, session_key: str, position: int) -> PlayRow | None:
    """The attempt (if it belongs to this session) and the item at 1-based `position`, in one
    query. Hand-written SQL because this is the hottest page of the site: compiling the same
    query with the ORM costs more than running it (see bench/quiz_play.py). Same answers as
    attempt_get + item_at (tests/quiz/test_play_page_cache.py checks them side by side)."""
    if position < 1:
        return None
    with connection.cursor() as cursor:
        # Named parameters: on SQLite, Django rewrites positional ones with a regular expression
        # over the whole statement, which costs more than running it.
        params = {"offset": position - 1, "public_id": public_id, "session_key": session_key}
        cursor.execute(_play_row_sql(connection.vendor), params)
        row = cursor.fetchone()
    if row is None:
        return None
    item = row[6:] if row[6] is not None else None
    return PlayRow(
        finished=row[0] is not None,
        quiz=row[1:4],
        total=row[4],
        item=item,
        answered=bool(row[5]),
    )


def item_get(*, quiz: Quiz, public_id) -> tuple[Item, int]:
    """An item of the quiz by public id, with its 1-based position."""
    ids = list(quiz.items.order_by("order", "pk").values_list("public_id", flat=True))
    try:
        position = [str(i) for i in ids].index(str(public_id)) + 1
    except ValueError:
        raise ItemNotFound(public_id) from None
    return item_at(quiz=quiz, position=position), position


def item_for_media(*, public_id, include_unpublished: bool = False) -> Item:
    items = Item.objects.select_related("quiz")
    if not include_unpublished:
        items = items.filter(quiz__published=True)
    try:
        return items.get(public_id=public_id)
    except (Item.DoesNotExist, ValueError):
        raise ItemNotFound(public_id) from None


def response_for(*, attempt: Attempt, item: Item) -> Response | None:
    return Response.objects.filter(attempt=attempt, item=item).first()


def attempts_to_continue(*, session_key: str | None) -> dict[int, Attempt]:
    """This browser's latest unfinished attempt of each quiz, annotated with `answered` and
    `total` (one query; none without a session)."""
    if not session_key:
        return {}
    attempts = (
        Attempt.objects.filter(session_key=session_key, finished_at__isnull=True)
        .annotate(
            answered=Count("responses", distinct=True),
            total=Count("quiz__items", distinct=True),
        )
        .order_by("started_at", "pk")
    )
    return {attempt.quiz_id: attempt for attempt in attempts}  # the latest one wins


def attempt_progress(*, attempt: Attempt) -> set[int]:
    """Ids of the items this attempt has answered."""
    return set(attempt.responses.values_list("item_id", flat=True))


@dataclass(frozen=True)
class CrowdStats:
    plays: int
    correct_percent: int | None
    mean_confidence: int | None

    @property
    def difficulty(self) -> str | None:
        """ "easy" / "medium" / "hard" from how many players got it right; None if too few."""
        if self.plays < CROWD_MIN_PLAYS or self.correct_percent is None:
            return None
        if self.correct_percent >= 75:
            return "easy"
        if self.correct_percent >= 45:
            return "medium"
        return "hard"


def crowd_stats(*, item_ids: list[int]) -> dict[int, CrowdStats]:
    """Share correct and mean confidence of every first answer to each item (one query)."""
    rows = (
        Response.objects.filter(item_id__in=item_ids)
        .values("item_id")
        .annotate(
            plays=Count("pk"),
            right=Avg(Case(When(correct=True, then=100), default=0, output_field=IntegerField())),
            confidence=Avg("confidence"),
        )
    )
    stats = {i: CrowdStats(0, None, None) for i in item_ids}
    for row in rows:
        stats[row["item_id"]] = CrowdStats(
            row["plays"], round(row["right"]), round(row["confidence"])
        )
    return stats


@dataclass(frozen=True)
class AttemptSummary:
    attempt: Attempt
    responses: list[Response]
    score: int
    total: int
    calibration: Calibration | None
    first_calibration: Calibration | None
    missed_cues: list[tuple[Cue, int]]
    revisions: int
    revisions_helped: int
    revisions_hurt: int


def attempt_summary(*, attempt: Attempt) -> AttemptSummary:
    responses = list(attempt.responses.select_related("item").order_by("item__order", "item__pk"))
    final = [(r.final_confidence, r.final_correct) for r in responses]
    first = [(r.confidence, r.correct) for r in responses]
    missed = Counter(
        cue for r in responses if not r.final_correct for cue in r.item.cues if cue in CUES
    )
    revised = [r for r in responses if r.revised_answer and r.revised_answer != r.answer]
    return AttemptSummary(
        attempt=attempt,
        responses=responses,
        score=sum(1 for _, ok in final if ok),
        total=getattr(attempt, "item_count", None) or len(responses),
        calibration=calibration(final),
        first_calibration=calibration(first) if attempt.machine_informed else None,
        missed_cues=[(CUES[c], n) for c, n in missed.most_common(3)],
        revisions=len(revised),
        revisions_helped=sum(1 for r in revised if r.revised_correct and not r.correct),
        revisions_hurt=sum(1 for r in revised if r.correct and not r.revised_correct),
    )


def cue_example_item(*, cue: str) -> Item | None:
    """A published item with marked areas that teaches this cue (for the cue guide)."""
    items = (
        Item.objects.filter(quiz__published=True, media_kind=Item.MediaKind.IMAGE)
        .exclude(regions=[])
        .order_by("quiz__slug", "order")
    )
    if connection.features.supports_json_field_contains:
        return items.filter(cues__contains=[cue]).first()
    return next((item for item in items.iterator() if cue in item.cues), None)


def items_prefetch() -> Prefetch:
    return Prefetch("items", queryset=Item.objects.order_by("order", "pk"))


def faq_links(*, slugs: list[str]) -> dict[str, dict]:
    """Question and URL of each published FAQ entry among `slugs` (one query)."""
    from learn.models import FaqEntry

    entries = FaqEntry.objects.filter(slug__in=set(slugs), published=True)
    return {e.slug: {"url": e.get_absolute_url(), "question": e.question} for e in entries}
