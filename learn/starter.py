"""Starter FAQ and glossary, loaded by `manage.py load_starter_content` (idempotent)."""

from __future__ import annotations

from django.db import transaction

from .models import FaqEntry, GlossaryTerm
from .starter_data import FAQ, GLOSSARY


@transaction.atomic
def load() -> dict[str, int]:
    faq_by_slug = {}
    for row in FAQ:
        entry, _ = FaqEntry.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "question": row["question"],
                "answer": row["answer"].strip(),
                "category": row["category"],
                "order": row["order"],
            },
        )
        faq_by_slug[entry.slug] = entry
    terms = {}
    for row in GLOSSARY:
        term, _ = GlossaryTerm.objects.update_or_create(
            slug=row["slug"],
            defaults={"term": row["term"], "definition": row["definition"].strip()},
        )
        terms[term.slug] = term
    for row in GLOSSARY:
        term = terms[row["slug"]]
        term.related_faq.set([faq_by_slug[s] for s in row.get("related_faq", [])])
        term.see_also.set([terms[s] for s in row.get("see_also", [])])
    return {"FAQ entries": len(faq_by_slug), "glossary terms": len(terms)}
