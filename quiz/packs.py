"""Content packs: a quiz as a zip (manifest.json + media/) and back, validated, all-or-nothing.

Imports never trust the archive: entry names (zip-slip), entry count, sizes actually read (zip
bombs), the manifest's shape and every media file's type sniffed from its bytes (images, and
MP4 videos decoded with PyAV) are checked,
and either the whole quiz is created or nothing is left behind, files included.
"""

from __future__ import annotations

import io
import json
import posixpath
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image

from detector.analysis.decode import MediaError, probe_image

from .errors import PackRejected
from .models import Item, Quiz
from .services import item_analyse

FORMAT = "unveiled-quiz-pack"
VERSION = 1
MAX_ENTRIES = 300
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed; ordinary JPEG/PNG/JSON stay far below
QUIZ_FIELDS = ["title", "slug", "description", "level", "estimated_minutes", "machine_informed"]
ITEM_FIELDS = {
    "key": str, "order": int, "kind": str, "prompt": str, "truth": str, "explanation": str,
    "cues": list, "regions": list, "tolerance": int, "credit": str, "licence": str,
    "source_url": str, "alt_text": str, "media_kind": str,
}  # fmt: skip
FILE_FIELDS = ["media", "media_b", "mask"]
MAX_VIDEO_SECONDS = 120


def pack_export(*, quiz: Quiz) -> bytes:
    buffer = io.BytesIO()
    items = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, item in enumerate(quiz.items.order_by("order", "pk"), 1):
            row = {name: getattr(item, name) for name in ITEM_FIELDS}
            for name in FILE_FIELDS:
                field = getattr(item, name)
                row[name] = None
                if field:
                    extension = field.name.rsplit(".", 1)[-1].lower()
                    path = f"media/{n:03d}-{name}.{extension}"
                    with field.open("rb") as handle:
                        archive.writestr(path, handle.read())
                    row[name] = path
            items.append(row)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "quiz": {name: getattr(quiz, name) for name in QUIZ_FIELDS},
            "items": items,
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
    return buffer.getvalue()


def _safe_name(name: str) -> bool:
    if not name or "\\" in name or name.startswith("/") or ":" in name.split("/")[0]:
        return False
    normal = posixpath.normpath(name)
    return not (normal.startswith("..") or "/../" in f"/{name}/" or normal != name.rstrip("/"))


def _open_archive(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise PackRejected("This is not a zip file.") from None
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackRejected(f"The pack has {len(infos)} files; at most {MAX_ENTRIES} are allowed.")
    declared = 0
    for info in infos:
        if not _safe_name(info.filename):
            raise PackRejected(
                f"The pack contains an unsafe file name ({info.filename!r}): names must stay "
                "inside the pack."
            )
        declared += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise PackRejected(
                f"{info.filename} expands far more than normal files do; the pack looks like "
                "a zip bomb and was refused."
            )
    if declared > MAX_TOTAL_BYTES:
        raise PackRejected(
            f"The pack would unpack to {declared / 1_048_576:.0f} MB; at most "
            f"{MAX_TOTAL_BYTES / 1_048_576:.0f} MB are allowed."
        )
    return archive


class _Reader:
    """Reads entries with hard limits on what is really decompressed, whatever the headers say."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.total = 0
        self.names = set(archive.namelist())

    def read(self, name: str, limit: int) -> bytes:
        if name not in self.names:
            raise PackRejected(f"The manifest refers to {name}, which is not in the pack.")
        with self.archive.open(name) as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise PackRejected(f"{name} is larger than {limit / 1_048_576:g} MB.")
        self.total += len(data)
        if self.total > MAX_TOTAL_BYTES:
            raise PackRejected("The pack unpacks to more than the allowed total size.")
        return data


def _manifest(reader: _Reader) -> dict:
    raw = reader.read("manifest.json", MAX_MANIFEST_BYTES)
    try:
        manifest = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackRejected(f"manifest.json is not valid JSON ({exc}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackRejected(f'manifest.json must have "format": "{FORMAT}".')
    if manifest.get("version") != VERSION:
        raise PackRejected(f"This pack has version {manifest.get('version')!r}; we read {VERSION}.")
    quiz = manifest.get("quiz")
    if not isinstance(quiz, dict) or not isinstance(quiz.get("title"), str):
        raise PackRejected('manifest.json needs a "quiz" object with at least a title.')
    items = manifest.get("items")
    if not isinstance(items, list) or not items:
        raise PackRejected('manifest.json needs a non-empty "items" list.')
    for n, row in enumerate(items, 1):
        if not isinstance(row, dict):
            raise PackRejected(f"Item {n} must be an object.")
        for name, kind in ITEM_FIELDS.items():
            if name in row and not isinstance(row[name], kind):
                raise PackRejected(f"Item {n}: {name} must be a {kind.__name__}.")
        for name in FILE_FIELDS:
            if row.get(name) is not None and not isinstance(row[name], str):
                raise PackRejected(f"Item {n}: {name} must be a file name inside the pack.")
    return manifest


def _probe_video(data: bytes, where: str) -> tuple[int, int]:
    """Width and height of an MP4 clip, checked by decoding its first frame."""
    import av  # only imports of packs with videos pay for it

    try:
        with av.open(io.BytesIO(data), format="mp4") as container:
            if not container.streams.video:
                raise PackRejected(f"{where}: the MP4 file has no video in it.")
            stream = container.streams.video[0]
            seconds = float(container.duration or 0) / av.time_base
            if seconds > MAX_VIDEO_SECONDS:
                raise PackRejected(f"{where}: videos may last {MAX_VIDEO_SECONDS} s at most.")
            frame = next(container.decode(stream), None)
    except (av.FFmpegError, StopIteration, ValueError):
        raise PackRejected(f"{where}: the MP4 file is damaged or not a video.") from None
    if frame is None or frame.width * frame.height > settings.ANALYSIS_MAX_PIXELS:
        raise PackRejected(f"{where}: the video has no readable frame of an allowed size.")
    return frame.width, frame.height


def _media(reader: _Reader, name: str, where: str) -> tuple[bytes, str, tuple[int, int]]:
    """The file's bytes, its real extension and its width and height."""
    data = reader.read(name, settings.ANALYSIS_MAX_IMAGE_BYTES)
    if data[4:8] == b"ftyp":  # the box every MP4 file starts with
        return data, "mp4", _probe_video(data, f"{where} ({name})")
    try:
        probe = probe_image(data, max_pixels=settings.ANALYSIS_MAX_PIXELS)
    except MediaError as exc:
        raise PackRejected(f"{where} ({name}): {exc.message}") from None
    with Image.open(io.BytesIO(data)) as img:
        return data, probe.extension, img.size


def pack_import(*, data: bytes, slug: str | None = None) -> Quiz:
    """Create an unpublished quiz from a pack, or raise PackRejected and leave nothing behind."""
    reader = _Reader(_open_archive(data))
    manifest = _manifest(reader)
    stored: list = []
    try:
        with transaction.atomic():
            quiz = _create(reader, manifest, slug, stored)
    except PackRejected:
        _delete(stored)
        raise
    except ValidationError as exc:
        _delete(stored)
        raise PackRejected("; ".join(exc.messages)) from None
    except Exception:
        _delete(stored)
        raise
    return quiz


def _delete(stored: list) -> None:
    for storage, name in stored:
        storage.delete(name)


def _create(reader: _Reader, manifest: dict, slug: str | None, stored: list) -> Quiz:
    spec = manifest["quiz"]
    quiz = Quiz(**{name: spec[name] for name in QUIZ_FIELDS if name in spec}, published=False)
    if slug:
        quiz.slug = slug
    if Quiz.objects.filter(slug=quiz.slug).exists():
        raise PackRejected(
            f"A quiz with the slug “{quiz.slug}” already exists. Import it under another slug."
        )
    try:
        quiz.full_clean()
    except ValidationError as exc:
        raise PackRejected(f"Quiz: {'; '.join(exc.messages)}") from None
    quiz.save()
    items = []
    for n, row in enumerate(manifest["items"], 1):
        item = Item(quiz=quiz, **{k: row[k] for k in ITEM_FIELDS if k in row})
        item.order = row.get("order", n)
        for name in FILE_FIELDS:
            if row.get(name):
                payload, extension, size = _media(reader, row[name], f"Item {n}")
                if (extension == "mp4") != (name != "mask" and item.media_kind == "video"):
                    raise PackRejected(
                        f"Item {n} ({row[name]}): a video needs media_kind “video”, and only "
                        "the media of a video item may be a video."
                    )
                field = getattr(item, name)
                field.save(f"pack.{extension}", ContentFile(payload), save=False)
                stored.append((field.storage, field.name))
                if name == "media":
                    item.media_width, item.media_height = size
        try:
            item.full_clean()
        except ValidationError as exc:
            raise PackRejected(f"Item {n}: {'; '.join(exc.messages)}") from None
        item.save()
        items.append(item)
    for item in items:
        item_analyse(item=item)
    return quiz
