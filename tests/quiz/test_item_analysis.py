"""Item media are analysed by the detector pipeline: queued after commit, recomputed on demand."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from detector.models import Analysis
from quiz.models import Item
from quiz.services import item_analyse, item_save
from tests.conftest import encode, photo_array
from tests.quiz.conftest import make_quiz

pytestmark = pytest.mark.django_db


def new_item(quiz) -> Item:
    item = Item(
        quiz=quiz, order=9, kind="single", truth="fake", prompt="?", explanation="Because.",
        credit="Test", licence="CC0",
    )  # fmt: skip
    item.media.save("x.jpg", ContentFile(encode(photo_array(seed=5))), save=False)
    return item


def test_saving_an_item_queues_a_detector_analysis_after_commit(
    db, django_capture_on_commit_callbacks
):
    quiz = make_quiz(kinds=())
    with django_capture_on_commit_callbacks() as callbacks:
        item = item_save(item=new_item(quiz))
    assert len(callbacks) == 1
    assert item.analysis.status == Analysis.Status.QUEUED
    assert (item.media_width, item.media_height) == (320, 240)
    assert item.analysis.expires_at.year - item.analysis.created_at.year >= 50


def test_saving_again_without_a_media_change_queues_nothing(db, django_capture_on_commit_callbacks):
    item = item_save(item=new_item(make_quiz(kinds=())))
    with django_capture_on_commit_callbacks() as callbacks:
        item_save(item=item)
    assert callbacks == []


def test_changing_the_media_queues_a_new_analysis_and_retires_the_old_one(db):
    item = item_save(item=new_item(make_quiz(kinds=())))
    old = item.analysis
    item.media.save("y.jpg", ContentFile(encode(photo_array(seed=6))), save=False)
    item_save(item=item)
    assert item.analysis_id != old.pk
    old.refresh_from_db()
    assert old.expires_at <= timezone.now()


def test_recompute_queues_even_when_the_media_did_not_change(
    db, django_capture_on_commit_callbacks
):
    item = item_save(item=new_item(make_quiz(kinds=())))
    with django_capture_on_commit_callbacks() as callbacks:
        assert item_analyse(item=item, force=True) == 1
    assert len(callbacks) == 1
