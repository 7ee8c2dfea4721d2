"""Admin: inline items, numeric regions, publish/duplicate/export actions, recompute."""

import io
import zipfile

import pytest
from django.urls import reverse

from quiz.admin import RegionsField
from quiz.models import Item, Quiz
from tests.quiz.admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def test_the_quiz_change_page_shows_items_inline_with_a_preview(admin, quiz):
    page = admin.get(reverse("admin:quiz_quiz_change", args=[quiz.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "items-0-prompt" in html
    assert quiz.items.get(kind="single").media_url("a") in html
    assert "not analysed" in html


def test_regions_are_edited_as_numbers():
    field = RegionsField(required=False)
    assert field.clean("10, 20, 30, 40\n1,2,3,4") == [
        {"x": 10, "y": 20, "w": 30, "h": 40},
        {"x": 1, "y": 2, "w": 3, "h": 4},
    ]
    assert field.prepare_value([{"x": 1, "y": 2, "w": 3, "h": 4}]) == "1, 2, 3, 4"
    with pytest.raises(Exception, match="four whole numbers"):
        field.clean("10, 20, thirty, 40")


def test_publish_and_unpublish_actions(admin, quiz):
    url = reverse("admin:quiz_quiz_changelist")
    admin.post(url, {"action": "unpublish", "_selected_action": [quiz.pk]})
    assert not Quiz.objects.get(pk=quiz.pk).published
    admin.post(url, {"action": "publish", "_selected_action": [quiz.pk]})
    assert Quiz.objects.get(pk=quiz.pk).published


def test_duplicate_makes_an_unpublished_copy_with_its_own_media(admin, quiz):
    admin.post(
        reverse("admin:quiz_quiz_changelist"),
        {"action": "duplicate", "_selected_action": [quiz.pk]},
    )
    copy = Quiz.objects.exclude(pk=quiz.pk).get()
    assert not copy.published and copy.slug == "test-quiz-copy"
    assert copy.items.count() == quiz.items.count()
    original = quiz.items.get(kind="single")
    duplicate = copy.items.get(kind="single")
    assert duplicate.media.name != original.media.name
    assert duplicate.public_id != original.public_id


def test_export_action_downloads_a_pack(admin, quiz):
    reply = admin.post(
        reverse("admin:quiz_quiz_changelist"),
        {"action": "export_pack", "_selected_action": [quiz.pk]},
    )
    assert reply["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(reply.content)).namelist()
    assert "manifest.json" in names


def test_recompute_action_queues_the_detector_after_commit(
    admin, quiz, django_capture_on_commit_callbacks
):
    item = quiz.items.get(kind="single")
    with django_capture_on_commit_callbacks() as callbacks:
        admin.post(
            reverse("admin:quiz_item_changelist"),
            {"action": "recompute", "_selected_action": [item.pk]},
        )
    assert len(callbacks) == 1
    assert Item.objects.get(pk=item.pk).analysis is not None


def test_the_item_list_shows_detector_status_and_crowd_share(admin, quiz):
    page = admin.get(reverse("admin:quiz_item_changelist"))
    assert page.status_code == 200
    assert "not analysed" in page.content.decode()


def test_adding_an_item_in_the_admin_stores_its_size_and_queues_the_detector(
    admin, quiz, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.conftest import encode, photo_array

    upload = SimpleUploadedFile("new.jpg", encode(photo_array(seed=42)), "image/jpeg")
    data = {
        "quiz": quiz.pk, "key": "added", "order": 50, "kind": "spot", "prompt": "Where?",
        "media": upload, "media_kind": "image", "truth": "fake", "explanation": "Because.",
        "cues": ["edges", "lighting"], "regions": "10, 10, 20, 20", "tolerance": 8,
        "credit": "Test", "licence": "CC0",
    }  # fmt: skip
    with django_capture_on_commit_callbacks() as callbacks:
        reply = admin.post(reverse("admin:quiz_item_add"), data)
    assert reply.status_code == 302, reply.content.decode()[:2000]
    item = Item.objects.get(key="added")
    assert item.regions == [{"x": 10, "y": 10, "w": 20, "h": 20}]
    assert item.cues == ["edges", "lighting"]
    assert (item.media_width, item.media_height) == (320, 240)
    assert item.analysis is not None and len(callbacks) == 1


def test_saving_a_quiz_edits_and_adds_its_inline_items(admin, quiz):
    change = reverse("admin:quiz_quiz_change", args=[quiz.pk])
    data = change_form_data(admin.get(change))
    spot = quiz.items.get(kind="spot")
    index = next(k for k, v in data.items() if k.endswith("-id") and v == str(spot.pk))
    prefix = index.removesuffix("-id")
    data[f"{prefix}-prompt"] = "Where was the lamp removed?"
    data[f"{prefix}-regions"] = "10, 20, 30, 40\n50, 60, 70, 80"
    new = f"items-{data['items-TOTAL_FORMS']}"
    data["items-TOTAL_FORMS"] = str(int(data["items-TOTAL_FORMS"]) + 1)
    data.update({f"{new}-order": "9", f"{new}-kind": "statement", f"{new}-truth": "false",
                 f"{new}-media_kind": "none", f"{new}-prompt": "Deepfakes cannot fool anyone.",
                 f"{new}-explanation": "They often do.", f"{new}-credit": "Unveiled",
                 f"{new}-licence": "CC BY 4.0", f"{new}-tolerance": "16",
                 f"{new}-quiz": str(quiz.pk)})  # fmt: skip
    reply = admin.post(change, data)
    assert reply.status_code == 302, reply.context["errors"] if reply.context else reply
    spot.refresh_from_db()
    assert spot.prompt == "Where was the lamp removed?"
    assert spot.regions == [
        {"x": 10, "y": 20, "w": 30, "h": 40},
        {"x": 50, "y": 60, "w": 70, "h": 80},
    ]
    added = quiz.items.get(order=9)
    assert (added.kind, added.truth) == ("statement", "false")
    assert [i.order for i in quiz.items.order_by("order", "pk")] == [1, 2, 3, 4, 9]


def test_an_invalid_inline_item_saves_nothing_and_says_why(admin, quiz):
    change = reverse("admin:quiz_quiz_change", args=[quiz.pk])
    data = change_form_data(admin.get(change))
    spot = quiz.items.get(kind="spot")
    prefix = next(k for k, v in data.items() if k.endswith("-id") and v == str(spot.pk))[:-3]
    data["title"] = "A new title"
    data[f"{prefix}-regions"] = ""
    reply = admin.post(change, data)
    assert reply.status_code == 200
    assert "A spot item needs the changed areas" in reply.content.decode()
    quiz.refresh_from_db()
    assert quiz.title == "Test quiz" and quiz.items.get(kind="spot").regions


def test_a_video_saved_in_the_admin_gets_its_width_and_height(admin, quiz):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from quiz.starter_video import clip
    from tests.conftest import photo_array

    item = quiz.items.get(kind="single")
    change = reverse("admin:quiz_item_change", args=[item.pk])
    data = change_form_data(admin.get(change))
    data["media_kind"] = "video"
    data["media"] = SimpleUploadedFile("clip.mp4", clip(photo_array()), "video/mp4")
    assert admin.post(change, data).status_code == 302
    item.refresh_from_db()
    assert item.media.name.endswith(".mp4")
    assert (item.media_width, item.media_height) == (320, 240)
