"""The cue guide: one page per cue, with an example marked where one exists."""

import pytest
from django.urls import reverse

from quiz.cues import CUES
from tests.quiz.conftest import make_quiz

pytestmark = pytest.mark.django_db


def test_every_cue_has_a_page_with_the_four_parts(visitor):
    for slug, cue in CUES.items():
        html = visitor.get(reverse("quiz:cue", args=[slug])).content.decode()
        assert cue.name in html
        for heading in ("What to look at", "Why fakes get it wrong", "When this cue misleads"):
            assert heading in html


def test_a_cue_page_shows_an_example_with_the_changed_part_marked(visitor):
    make_quiz(kinds=("spot",))
    html = visitor.get(reverse("quiz:cue", args=["edges"])).content.decode()
    assert "An example" in html
    assert 'class="mark-region"' in html


def test_an_unknown_cue_is_not_found(visitor, db):
    assert visitor.get(reverse("quiz:cue", args=["smell"])).status_code == 404


def test_the_guide_index_links_every_cue(visitor, db):
    html = visitor.get(reverse("quiz:cues")).content.decode()
    for slug in CUES:
        assert reverse("quiz:cue", args=[slug]) in html
