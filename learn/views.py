"""Home, FAQ, glossary, about and privacy pages."""

import json

from django.conf import settings
from django.shortcuts import render

from .markup import markdown_to_text
from .selectors import faq_groups, glossary_by_letter


def home(request):
    return render(request, "learn/home.html")


def index(request):
    return render(request, "learn/index.html", {"groups": faq_groups()})


def _faq_json_ld(groups) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": markdown_to_text(entry.answer)},
            }
            for group in groups
            for entry in group.entries
        ],
    }
    # Escape "<" so no text can close the surrounding <script> element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def faq(request):
    query = request.GET.get("q", "").strip()[:100]
    groups = faq_groups(query=query)
    return render(
        request,
        "learn/faq.html",
        {
            "groups": groups,
            "query": query,
            "result_count": sum(len(g.entries) for g in groups),
            "json_ld": _faq_json_ld(groups),
        },
    )


def glossary(request):
    letters = glossary_by_letter()
    return render(request, "learn/glossary.html", {"letters": letters})


def about_detector(request):
    return render(request, "learn/about.html")


def privacy(request):
    return render(
        request, "learn/privacy.html", {"retention_hours": settings.ANALYSIS_RETENTION_HOURS}
    )
