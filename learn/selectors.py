"""Read-only queries for the learning pages."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django.db.models import Q, QuerySet

from .models import FaqEntry, GlossaryTerm


@dataclass(frozen=True)
class FaqGroup:
    key: str
    label: str
    entries: list[FaqEntry]


def faq_search(*, query: str = "") -> QuerySet[FaqEntry]:
    entries = FaqEntry.objects.filter(published=True)
    for word in query.split()[:8]:
        entries = entries.filter(Q(question__icontains=word) | Q(answer__icontains=word))
    return entries.order_by("category", "order", "question")


def faq_groups(*, query: str = "") -> list[FaqGroup]:
    """Published entries grouped by category, in the order the categories are declared."""
    by_category = {
        key: list(items) for key, items in groupby(faq_search(query=query), lambda e: e.category)
    }
    return [
        FaqGroup(key, label, by_category[key])
        for key, label in FaqEntry.Category.choices
        if key in by_category
    ]


def glossary_by_letter() -> list[tuple[str, list[GlossaryTerm]]]:
    terms = (
        GlossaryTerm.objects.filter(published=True)
        .prefetch_related("related_faq", "see_also")
        .order_by("term")
    )
    return [(letter, list(items)) for letter, items in groupby(terms, lambda t: t.letter)]
