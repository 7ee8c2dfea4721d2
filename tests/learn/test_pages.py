"""Home, FAQ (grouped, searchable, deep-linkable, JSON-LD) and glossary pages."""

import json
import re

import pytest

from learn.models import FaqEntry, GlossaryTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def faq():
    basics = FaqEntry.objects.create(
        question="What is a deepfake?",
        slug="what-is-a-deepfake",
        answer="A **deepfake** is media made with AI.<script>alert(1)</script>",
        category=FaqEntry.Category.BASICS,
        order=10,
    )
    risks = FaqEntry.objects.create(
        question="Can voices be cloned?",
        slug="voice-cloning",
        answer="Yes: voice cloning needs only a short recording.",
        category=FaqEntry.Category.RISKS,
        order=10,
    )
    FaqEntry.objects.create(
        question="Draft", slug="draft", answer="hidden", category="basics", published=False
    )
    return basics, risks


def test_home_page_offers_the_three_doors(visitor):
    html = visitor.get("/").content.decode()
    for door in ("Play a quiz", "Analyse a file", "Learn the basics"):
        assert door in html
    assert '<nav aria-label="Main">' in html
    assert 'href="/learn/privacy/"' in html


def test_faq_groups_published_entries_by_category_with_anchors(visitor, faq):
    html = visitor.get("/learn/faq/").content.decode()
    assert html.index("What deepfakes are and how they are made") < html.index("Risks of misuse")
    assert 'id="what-is-a-deepfake"' in html
    assert "Draft" not in html


def test_faq_answers_render_markdown_and_drop_scripts(visitor, faq):
    html = visitor.get("/learn/faq/").content.decode()
    assert "<strong>deepfake</strong>" in html
    assert "alert(1)" not in html


def test_faq_search_filters_on_the_server(visitor, faq):
    html = visitor.get("/learn/faq/", {"q": "voice"}).content.decode()
    assert "Can voices be cloned?" in html
    assert "What is a deepfake?" not in html
    assert "1 answer for" in html


def test_faq_search_with_no_match_says_so(visitor, faq):
    html = visitor.get("/learn/faq/", {"q": "zebra"}).content.decode()
    assert "No answer matches" in html


def test_faq_page_carries_faqpage_json_ld(visitor, faq):
    html = visitor.get("/learn/faq/").content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "FAQPage"
    names = [q["name"] for q in data["mainEntity"]]
    assert names == ["What is a deepfake?", "Can voices be cloned?"]
    assert "<script" not in raw


def test_glossary_lists_terms_a_to_z_with_links_to_the_faq(visitor, faq):
    deepfake = GlossaryTerm.objects.create(term="Deepfake", slug="deepfake", definition="Fake.")
    gan = GlossaryTerm.objects.create(term="GAN", slug="gan", definition="Two networks.")
    deepfake.related_faq.add(faq[0])
    deepfake.see_also.add(gan)
    html = visitor.get("/learn/glossary/").content.decode()
    assert html.index('id="letter-D"') < html.index('id="letter-G"')
    assert 'href="/learn/faq/#what-is-a-deepfake"' in html
    assert 'href="#gan"' in html


@pytest.mark.parametrize("url", ["/learn/", "/learn/about-the-detector/", "/learn/privacy/"])
def test_other_learning_pages_render(visitor, url):
    assert visitor.get(url).status_code == 200


def test_pages_reference_no_third_party_hosts(visitor, faq):
    for url in ["/", "/learn/faq/", "/learn/glossary/", "/analyze/"]:
        html = visitor.get(url).content.decode()
        hosts = set(re.findall(r'(?:src|href)="(https?://[^/"]+)', html))
        assert hosts == set(), (url, hosts)


def test_the_about_page_describes_every_check_with_its_measured_reliability(visitor):
    html = visitor.get("/learn/about-the-detector/").content.decode()
    for check in [
        "Metadata and generator labels",
        "Content Credentials (C2PA)",
        "Invisible AI watermark",
        "Compression history",
        "Error level analysis",
        "Noise consistency",
        "Copy-move (cloning)",
        "Frequency spectrum",
        "Faces",
    ]:
        assert f"<dt>{check}" in html
    assert "never counts" in html  # ELA is a pointer, not a vote
    assert "2 of the 50 real photos (4 %)" in html
    assert "{{" not in html
