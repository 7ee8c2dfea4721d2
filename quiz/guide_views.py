"""The "How to spot it" cue guide and the item media stream (pages outside the play flow)."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from learn.markup import render_markdown

from . import presenters
from .cues import CUES, cue_get
from .errors import ItemNotFound
from .selectors import cue_example_item, faq_links, item_for_media

MEDIA_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp",
               "mp4": "video/mp4", "webm": "video/webm"}  # fmt: skip


@require_GET
def cue_index(request):
    return render(request, "quiz/cue_index.html", {"cues": CUES.values()})


@require_GET
def cue_detail(request, cue):
    found = cue_get(cue)
    if found is None:
        raise Http404("No such cue.")
    example = cue_example_item(cue=cue)
    faq = faq_links(slugs=found.faq)
    return render(
        request,
        "quiz/cue_detail.html",
        {
            "cue": found,
            "faq": [faq[s] for s in found.faq if s in faq],
            "example": example,
            "media": presenters.item_media(example)[:1] if example else [],
            "explanation_html": render_markdown(example.explanation) if example else "",
        },
    )


@require_GET
def media(request, public_id, side):
    if side not in {"a", "b"}:
        raise Http404("No such picture.")
    try:
        item = item_for_media(public_id=public_id, include_unpublished=request.user.is_staff)
    except ItemNotFound:
        raise Http404("No such picture.") from None
    field = item.media if side == "a" else item.media_b
    if not field:
        raise Http404("No such picture.")
    extension = field.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        default_storage.open(field.name, "rb"),
        content_type=MEDIA_TYPES.get(extension, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400" if item.quiz.published else "private"
    return response
