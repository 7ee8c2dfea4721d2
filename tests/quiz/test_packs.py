"""Content packs: export and import back; hostile or broken packs change nothing."""

import io
import json
import os
import zipfile

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError

from quiz.errors import PackRejected
from quiz.models import Item, Quiz
from quiz.packs import pack_export, pack_import
from tests.conftest import encode, photo_array

pytestmark = pytest.mark.django_db


def media_files() -> set[str]:
    root = settings.MEDIA_ROOT / "quiz"
    return {str(p) for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def rezip(pack: bytes, *, manifest=None, extra: dict | None = None, drop=()) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(pack))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = source.read(info.filename)
            if info.filename == "manifest.json" and manifest is not None:
                data = json.dumps(manifest(json.loads(data))).encode()
            target.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


@pytest.fixture
def pack(quiz) -> bytes:
    return pack_export(quiz=quiz)


def assert_nothing_imported(before_files):
    assert Quiz.objects.filter(slug="imported").count() == 0
    assert media_files() == before_files


def test_an_exported_quiz_imports_back_with_its_items_and_media(pack, quiz):
    imported = pack_import(data=pack, slug="imported")
    assert imported.published is False
    original = list(quiz.items.order_by("order").values_list("kind", "truth", "regions"))
    copied = list(imported.items.order_by("order").values_list("kind", "truth", "regions"))
    assert copied == original
    pair = imported.items.get(kind="pair")
    assert pair.media and pair.media_b
    assert pair.media.name != quiz.items.get(kind="pair").media.name


def test_the_commands_export_and_import_a_pack(quiz, tmp_path):
    out = tmp_path / "pack.zip"
    call_command("export_quiz", quiz.slug, str(out))
    call_command("import_quiz", str(out), "--slug", "from-command")
    assert Quiz.objects.get(slug="from-command").items.count() == quiz.items.count()


def test_importing_onto_an_existing_slug_is_refused_with_a_clear_message(pack):
    with pytest.raises(PackRejected, match="already exists"):
        pack_import(data=pack)


@pytest.mark.parametrize(
    "name", ["../evil.jpg", "/etc/evil.jpg", "media/../../evil.jpg", "C:/evil.jpg", "a\\..\\b"]
)
def test_a_pack_with_a_path_outside_itself_is_refused(pack, name):
    before = media_files()
    with pytest.raises(PackRejected, match="unsafe file name"):
        pack_import(data=rezip(pack, extra={name: b"x"}), slug="imported")
    assert_nothing_imported(before)


def test_a_zip_bomb_is_refused(pack):
    before = media_files()
    with pytest.raises(PackRejected, match="zip bomb"):
        pack_import(data=rezip(pack, extra={"media/zeros.bin": b"\0" * 5_000_000}), slug="imported")
    assert_nothing_imported(before)


def test_a_pack_with_too_many_files_is_refused(pack):
    extra = {f"media/x{n}.txt": os.urandom(8) for n in range(400)}
    with pytest.raises(PackRejected, match="at most"):
        pack_import(data=rezip(pack, extra=extra), slug="imported")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: {**m, "format": "other"}, "format"),
        (lambda m: {**m, "items": []}, "non-empty"),
        (lambda m: {**m, "items": [{**m["items"][0], "order": "first"}]}, "order must be"),
        (lambda m: {**m, "items": [{**m["items"][0], "cues": ["smell"]}]}, "Unknown cue"),
        (lambda m: {**m, "items": [{**m["items"][0], "truth": "maybe"}]}, "truth"),
    ],
)
def test_a_bad_manifest_is_refused_and_leaves_nothing_behind(pack, change, message):
    before = media_files()
    with pytest.raises(PackRejected, match=message):
        pack_import(data=rezip(pack, manifest=change), slug="imported")
    assert_nothing_imported(before)


def test_a_failure_on_a_late_item_removes_the_files_of_earlier_items(pack):
    def break_last(manifest):
        manifest["items"][-1]["media"] = "media/missing.jpg"
        return manifest

    before = media_files()
    with pytest.raises(PackRejected, match="not in the pack"):
        pack_import(data=rezip(pack, manifest=break_last), slug="imported")
    assert_nothing_imported(before)
    assert Item.objects.filter(quiz__slug="imported").count() == 0


def test_media_that_are_not_images_are_refused_whatever_their_name(pack):
    def point_at_fake(manifest):
        manifest["items"][0]["media"] = "media/photo.jpg"
        return manifest

    before = media_files()
    with pytest.raises(PackRejected, match="Item 1"):
        pack_import(
            data=rezip(pack, manifest=point_at_fake, extra={"media/photo.jpg": b"<html>" * 10}),
            slug="imported",
        )
    assert_nothing_imported(before)


def test_not_a_zip_is_refused():
    with pytest.raises(PackRejected, match="not a zip"):
        pack_import(data=encode(photo_array()), slug="imported")


def test_the_import_command_reports_a_rejection_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"nope")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_quiz", str(bad))


@pytest.fixture
def video_pack(quiz) -> bytes:
    from quiz.starter_video import clip

    item = quiz.items.get(kind="single")
    item.media.save("clip.mp4", ContentFile(clip(photo_array(360, 240))), save=False)
    item.media_kind = "video"
    item.save()
    return pack_export(quiz=quiz)


def test_a_quiz_with_a_video_imports_back_with_the_clip_and_its_size(video_pack):
    imported = pack_import(data=video_pack, slug="imported")
    video = imported.items.get(kind="single")
    assert video.media_kind == "video" and video.media.name.endswith(".mp4")
    assert (video.media_width, video.media_height) == (320, 240)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda data: data[:200], "damaged or not a video"),
        (lambda data: data[:4] + b"ftyp" + b"\0" * 600, "damaged or not a video"),
    ],
    ids=["truncated", "only-a-header"],
)
def test_a_damaged_video_is_refused_with_a_clear_message(video_pack, damage, message):
    archive = zipfile.ZipFile(io.BytesIO(video_pack))
    name = next(n for n in archive.namelist() if n.endswith(".mp4"))
    broken = rezip(video_pack, drop=[name], extra={name: damage(archive.read(name))})
    before = media_files()
    with pytest.raises(PackRejected, match=message):
        pack_import(data=broken, slug="imported")
    assert_nothing_imported(before)


def test_a_video_in_an_image_item_is_refused(video_pack):
    def say_image(manifest):
        for row in manifest["items"]:
            row["media_kind"] = "image" if row["media_kind"] == "video" else row["media_kind"]
        return manifest

    with pytest.raises(PackRejected, match="needs media_kind"):
        pack_import(data=rezip(video_pack, manifest=say_image), slug="imported")
