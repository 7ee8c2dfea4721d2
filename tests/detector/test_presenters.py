"""How a report's regions are listed beside the picture."""

from detector.models import Analysis
from detector.presenters import regions_for_display


def card(analyzer: str, *regions: dict) -> dict:
    return {"analyzer": analyzer, "title": analyzer.title(), "regions": list(regions)}


def test_a_face_outlined_by_two_checks_is_listed_once():
    analysis = Analysis(width=200, height=100, media_kind=Analysis.Kind.IMAGE)
    face = {"x": 50, "y": 10, "w": 40, "h": 40, "label": "face"}
    report = {
        "evidence": [
            card("faces", face),
            card("face_model", dict(face)),
            card("noise", {"x": 0, "y": 0, "w": 20, "h": 20, "label": "grainier area"}),
        ]
    }
    boxes = regions_for_display(analysis, report)
    assert [b["label"] for b in boxes] == ["face", "grainier area"]
    assert boxes[0] == {
        "left": 25.0, "top": 10.0, "width": 20.0, "height": 40.0,
        "label": "face", "analyzer": "faces",
    }  # fmt: skip


def test_two_faces_side_by_side_are_both_listed():
    analysis = Analysis(width=200, height=100, media_kind=Analysis.Kind.IMAGE)
    report = {
        "evidence": [
            card("faces", {"x": 10, "y": 10, "w": 40, "h": 40, "label": "face"},
                 {"x": 120, "y": 10, "w": 40, "h": 40, "label": "face"}),
        ]
    }  # fmt: skip
    assert len(regions_for_display(analysis, report)) == 2
