"""Item media and their detector analyses; publishing and duplicating quizzes."""

from __future__ import annotations

import hashlib
import io
import logging
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

from detector.errors import UploadRejected
from detector.models import Analysis
from detector.services import analysis_submit_bytes

from ..models import Item, Quiz

log = logging.getLogger(__name__)

# Item media stay as long as the item: the analysis lives until the media changes.
ITEM_ANALYSIS_RETENTION = timedelta(days=365 * 100)


# --- item media and the detector ----------------------------------------------------------------


def _image_size(data: bytes) -> tuple[int, int] | None:
    try:
        with Image.open(io.BytesIO(data)) as img:
            return img.size
    except Exception:
        return None


def item_set_media(*, item: Item, data: bytes, extension: str, side: str = "a") -> None:
    """Store new media bytes for side "a" (the main picture), "b" (pair) or "mask"."""
    field = {"a": item.media, "b": item.media_b, "mask": item.mask}[side]
    old = field.name
    field.save(f"media.{extension}", ContentFile(data), save=False)
    if old:
        transaction.on_commit(lambda: field.storage.delete(old))
    if side == "a":
        size = _image_size(data)
        item.media_width, item.media_height = size if size else (None, None)


def _video_size(data: bytes) -> tuple[int, int] | None:
    import av  # only saving a video item pays for the import

    try:
        with av.open(io.BytesIO(data)) as container:
            frame = next(container.decode(video=0), None)
    except (av.FFmpegError, ValueError):
        return None
    return (frame.width, frame.height) if frame is not None else None


def item_refresh_dimensions(*, item: Item) -> None:
    if not item.media:
        item.media_width = item.media_height = None
        return
    with item.media.open("rb") as handle:
        data = handle.read()
    size = _video_size(data) if item.media_kind == Item.MediaKind.VIDEO else _image_size(data)
    item.media_width, item.media_height = size if size else (None, None)


def _retire(analysis: Analysis | None) -> None:
    """Let the periodic purge delete an analysis no item points at any more."""
    if analysis is None:
        return
    in_use = Item.objects.filter(Q(analysis=analysis) | Q(analysis_b=analysis)).exists()
    if not in_use:
        Analysis.objects.filter(pk=analysis.pk).update(expires_at=timezone.now())


def item_analyse(*, item: Item, force: bool = False) -> int:
    """Queue a detector analysis (after commit) for each picture of the item whose bytes have
    no current analysis; `force` recomputes all of them. Returns how many were queued."""
    queued = 0
    for field_name, fk_name in (("media", "analysis"), ("media_b", "analysis_b")):
        media = getattr(item, field_name)
        current = getattr(item, fk_name)
        if not media or item.media_kind != Item.MediaKind.IMAGE:
            if current is not None:
                setattr(item, fk_name, None)
                item.save(update_fields=[fk_name])
                _retire(current)
            continue
        with media.open("rb") as handle:
            data = handle.read()
        digest = hashlib.sha256(data).hexdigest()
        fresh = (
            current is not None
            and current.sha256 == digest
            and current.status != Analysis.Status.FAILED
        )
        if fresh and not force:
            continue
        try:
            analysis = analysis_submit_bytes(data=data, retention=ITEM_ANALYSIS_RETENTION)
        except UploadRejected as exc:
            log.warning("item %s: the detector cannot analyse its media: %s", item.pk, exc)
            analysis = None
        setattr(item, fk_name, analysis)
        item.save(update_fields=[fk_name])
        _retire(current)
        queued += analysis is not None
    return queued


@transaction.atomic
def item_save(*, item: Item, analyse: bool = True) -> Item:
    """Validate and save an item, refresh its picture size and queue the detector on changed
    media (after commit)."""
    item.full_clean()
    item.save()  # stores new files first, so they are read from storage below
    item_refresh_dimensions(item=item)
    item.save(update_fields=["media_width", "media_height"])
    if analyse:
        item_analyse(item=item)
    return item


# --- quizzes ------------------------------------------------------------------------------------


def quiz_set_published(*, quizzes, published: bool) -> int:
    return Quiz.objects.filter(pk__in=[q.pk for q in quizzes]).update(published=published)


def _free_slug(base: str) -> str:
    base = slugify(base)[:70] or "quiz"
    slug, n = base, 1
    while Quiz.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def quiz_duplicate(*, quiz: Quiz) -> Quiz:
    """An unpublished copy with copies of every item and its media files."""
    copy = Quiz.objects.get(pk=quiz.pk)
    copy.pk = None
    copy.slug = _free_slug(f"{quiz.slug}-copy")
    copy.title = f"{quiz.title} (copy)"
    copy.published = False
    if quiz.cover:
        with quiz.cover.open("rb") as handle:
            copy.cover.save(
                "cover." + quiz.cover.name.rsplit(".", 1)[-1],
                ContentFile(handle.read()),
                save=False,
            )
    copy.save()
    for item in quiz.items.order_by("order", "pk"):
        item.pk = None
        item._state.adding = True
        item.quiz = copy
        for name in ("media", "media_b", "mask"):
            field = getattr(item, name)
            if field:
                with field.open("rb") as handle:
                    data = handle.read()
                field.save("copy." + field.name.rsplit(".", 1)[-1], ContentFile(data), save=False)
        item.public_id = uuid.uuid4()
        item.save()
    return copy
