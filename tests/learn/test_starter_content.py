"""The starter FAQ and glossary cover CONTENT.md and load idempotently."""

import re

import pytest
from django.core.management import call_command

from learn.models import FaqEntry, GlossaryTerm

pytestmark = pytest.mark.django_db

REQUIRED_TERMS = [
    "deepfake", "artificial intelligence", "machine learning", "deep learning", "neural network",
    "training", "realism", "ethics", "deception", "weaponization", "risk", "gan",
    "diffusion model", "face swap", "lip-sync", "provenance", "content credentials", "watermark",
    "metadata", "compression", "error level analysis", "false positive", "confidence",
]  # fmt: skip


def test_loading_twice_gives_the_same_content():
    call_command("load_starter_content")
    counts = (FaqEntry.objects.count(), GlossaryTerm.objects.count())
    call_command("load_starter_content")
    assert (FaqEntry.objects.count(), GlossaryTerm.objects.count()) == counts
    assert counts[0] >= 12
    assert counts[1] >= 25


def test_every_category_has_an_entry():
    call_command("load_starter_content")
    used = set(FaqEntry.objects.values_list("category", flat=True))
    assert used == set(FaqEntry.Category.values)


def test_every_required_glossary_term_is_present_and_linked():
    call_command("load_starter_content")
    terms = {t.term.lower(): t for t in GlossaryTerm.objects.prefetch_related("related_faq")}
    for required in REQUIRED_TERMS:
        match = [t for name, t in terms.items() if name.startswith(required)]
        assert match, f"missing glossary term: {required}"
        assert match[0].related_faq.exists(), f"{required} links to no FAQ entry"


def test_faq_links_to_glossary_terms_resolve():
    call_command("load_starter_content")
    slugs = set(GlossaryTerm.objects.values_list("slug", flat=True))
    faq_slugs = set(FaqEntry.objects.values_list("slug", flat=True))
    for entry in FaqEntry.objects.all():
        for slug in re.findall(r"/learn/glossary/#([\w-]+)", entry.answer):
            assert slug in slugs, (entry.slug, slug)
        for slug in re.findall(r"/learn/faq/#([\w-]+)", entry.answer):
            assert slug in faq_slugs, (entry.slug, slug)
