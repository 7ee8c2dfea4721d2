"""The starter quizzes: generated from bundled photos, idempotent, explained and credited."""

import pytest
from django.core.management import call_command

from detector.models import Analysis
from detector.services import analysis_run
from quiz.cues import CUES
from quiz.models import Item, Quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    call_command("load_starter_content")


def test_loading_twice_gives_the_same_quizzes_items_and_files(loaded):
    before = {i.key: (i.media.name, i.media_b.name, i.mask.name) for i in Item.objects.all()}
    analyses = Analysis.objects.count()
    call_command("load_starter_content")
    after = {i.key: (i.media.name, i.media_b.name, i.mask.name) for i in Item.objects.all()}
    assert after == before
    assert Analysis.objects.count() == analyses
    assert Quiz.objects.filter(published=True).count() >= 3
    assert Item.objects.count() >= 30


def test_every_item_has_an_explanation_credit_licence_and_known_cues(loaded):
    for item in Item.objects.all():
        assert len(item.explanation) > 150, item.key
        assert item.credit and item.licence, item.key
        assert set(item.cues) <= set(CUES), item.key
        item.full_clean()


def test_every_kind_of_item_is_there_and_fakes_carry_their_true_regions(loaded):
    kinds = set(Item.objects.values_list("kind", flat=True))
    assert kinds == {"single", "pair", "statement", "spot"}
    for item in Item.objects.filter(kind="spot"):
        assert item.regions and item.mask, item.key
        assert item.media_width and item.media_height


def test_a_machine_informed_quiz_is_included(loaded):
    assert Quiz.objects.filter(machine_informed=True).exists()


def test_the_detector_is_wrong_about_a_real_photo_with_a_forged_ai_label(loaded):
    item = Item.objects.get(key="trust-coins-forged-label")
    assert item.truth == "real"
    analysis_run(analysis_id=item.analysis_id)
    item.analysis.refresh_from_db()
    assert item.analysis.verdict == "declared_ai"
    assert "wrong" in item.explanation


def test_the_detector_is_right_about_an_edit_that_carries_an_honest_ai_label(loaded):
    item = Item.objects.get(key="trust-rocket-honest-label")
    analysis_run(analysis_id=item.analysis_id)
    item.analysis.refresh_from_db()
    assert (item.truth, item.analysis.verdict) == ("fake", "declared_ai")


def test_every_faq_link_in_explanations_and_the_cue_guide_exists(loaded):
    import re

    from learn.models import FaqEntry

    slugs = set(FaqEntry.objects.values_list("slug", flat=True))
    for item in Item.objects.all():
        for slug in re.findall(r"/learn/faq/#([\w-]+)", item.explanation):
            assert slug in slugs, (item.key, slug)
    for cue in CUES.values():
        assert set(cue.faq) <= slugs, cue.slug


def test_the_starter_videos_are_real_mp4_clips_served_to_players(loaded, visitor):
    import io

    import av

    videos = list(Item.objects.filter(media_kind="video").order_by("key"))
    assert {(v.key, v.truth) for v in videos} == {
        ("chelsea-video-flicker", "fake"),
        ("rocket-video-real", "real"),
    }
    for video in videos:
        reply = visitor.get(video.media_url("a"))
        assert reply["Content-Type"] == "video/mp4"
        body = b"".join(reply.streaming_content)
        with av.open(io.BytesIO(body)) as container:
            stream = container.streams.video[0]
            assert stream.codec_context.name == "h264"
            frames = [f.to_ndarray(format="gray") for f in container.decode(video=0)]
        assert len(frames) >= 24 and (video.media_width, video.media_height) == (320, 240)
        assert video.analysis is None  # the detector analyses images only, and says so


def test_a_starter_clip_is_made_again_only_when_its_recipe_changes(loaded):
    names = {i.key: i.media.name for i in Item.objects.filter(media_kind="video")}
    assert len(names) >= 2
    rocket = Item.objects.get(key="rocket-video-real")
    assert len(rocket.media_recipe) == 64
    Item.objects.filter(key="rocket-video-real").update(media_recipe="an older recipe")
    call_command("load_starter_content")
    after = {i.key: i.media.name for i in Item.objects.filter(media_kind="video")}
    assert after["rocket-video-real"] != names["rocket-video-real"]
    assert {k: v for k, v in after.items() if k != "rocket-video-real"} == {
        k: v for k, v in names.items() if k != "rocket-video-real"
    }
    assert Item.objects.get(key="rocket-video-real").media_recipe == rocket.media_recipe
