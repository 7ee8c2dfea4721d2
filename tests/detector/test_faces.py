"""Faces: found once per picture, drawn for the reader, never a vote of their own."""

import concurrent.futures
import io
import json

import numpy as np
from PIL import Image
from skimage import data as samples

from detector.analysis import Hint, media_from_bytes
from detector.analysis.analyzers import faces
from detector.analysis.analyzers.faces import FacesAnalyzer, detect
from tests.detector.media_fixtures import save

ASTRONAUT_FACE = (170, 60, 110, 110)  # x, y, w, h of Eileen Collins' face in the 512 px photo


def media(array: np.ndarray):
    return media_from_bytes(save(array, "JPEG", quality=90))


def inside(box, area, slack=20) -> bool:
    x, y, w, h = box
    ax, ay, aw, ah = area
    return (
        x >= ax - slack
        and y >= ay - slack
        and x + w <= ax + aw + slack
        and y + h <= ay + ah + slack
    )


def test_it_finds_the_astronauts_face_and_outlines_it():
    evidence = FacesAnalyzer().analyze(media(samples.astronaut()))
    assert evidence.data["count"] == 1
    (region,) = evidence.regions
    assert inside((region.x, region.y, region.w, region.h), ASTRONAUT_FACE)
    assert region.w > 60  # the face, not a detail inside it
    assert evidence.verdict_hint == Hint.NEUTRAL and evidence.score is None
    assert evidence.summary.startswith("We found 1 face.")
    (overlay,) = evidence.overlays
    assert Image.open(io.BytesIO(overlay.png)).format == "PNG"
    assert "1 face outlined" in overlay.alt
    json.dumps(evidence.to_dict())


def test_boxes_are_in_full_image_pixels_when_the_search_runs_on_a_smaller_copy():
    big = np.asarray(Image.fromarray(samples.astronaut()).resize((1536, 1536)))
    (box,) = detect(media(big))
    scaled_face = tuple(v * 3 for v in ASTRONAUT_FACE)
    assert inside(box[:4], scaled_face, slack=60)
    assert box[4] == "frontal"


def test_a_texture_has_no_faces_and_face_checks_do_not_apply():
    evidence = FacesAnalyzer().analyze(media(samples.grass()))
    assert evidence.data["count"] == 0
    assert evidence.regions == [] and evidence.overlays == []
    assert evidence.verdict_hint == Hint.NOT_APPLICABLE
    assert "No faces found" in evidence.summary


def test_each_picture_is_searched_once_however_many_checks_ask(monkeypatch):
    calls = []
    search = faces._search
    monkeypatch.setattr(faces, "_search", lambda m: calls.append(m) or search(m))
    picture = media(samples.astronaut())
    first = detect(picture)
    FacesAnalyzer().analyze(picture)
    assert detect(picture) == first
    assert len(calls) == 1
    detect(media(samples.astronaut()))  # another upload of the same picture is searched anew
    assert len(calls) == 2


def test_searches_in_parallel_threads_give_the_same_boxes_as_one_at_a_time():
    pictures = [samples.astronaut(), np.ascontiguousarray(samples.astronaut()[:, ::-1])] * 2
    expected = [detect(media(p)) for p in pictures]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda p: detect(media(p)), pictures))
    assert found == expected
    assert all(len(boxes) == 1 for boxes in found)
