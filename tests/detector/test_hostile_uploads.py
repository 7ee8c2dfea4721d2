"""Hostile and broken uploads: each gets a clear 4xx (never a 500) and nothing leaks."""

import contextlib
import io

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from detector.analysis.decode import MediaError, probe_image, sniff
from detector.analysis.metadata import read_container
from detector.analysis.registry import registered
from detector.analysis.types import Evidence, Media, MediaKind
from detector.models import Analysis
from tests.conftest import encode, photo_array
from tests.detector.media_fixtures import png_with_text

URL = "/api/v1/analyses/"


def post(client, data: bytes, name: str = "x.jpg"):
    return client.post(URL, {"file": SimpleUploadedFile(name, data)})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload",
    [
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"<!doctype html><script>alert(1)</script>",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        b"PK\x03\x04" + bytes(100),
        b"\x00" * 64,
    ],
    ids=["svg", "html", "gif", "zip", "zeros"],
)
def test_non_images_renamed_as_images_are_refused_as_unsupported(visitor, payload):
    response = post(visitor, payload, "innocent.jpg")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_type"


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_truncated_images_are_refused_as_corrupt(visitor, fmt):
    data = encode(photo_array(640, 480), fmt)
    response = post(visitor, data[: len(data) * 2 // 3])
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "corrupt_file"


@pytest.mark.django_db
def test_a_polyglot_image_is_analysed_as_an_image_and_never_served_as_html(visitor, jpeg_bytes):
    polyglot = jpeg_bytes + b"<html><script>alert(document.cookie)</script></html>"
    body = post(visitor, polyglot, "page.html").json()
    analysis = Analysis.objects.get(public_id=body["id"])
    assert analysis.file.name.endswith(".jpg")
    served = visitor.get(f"/analyze/{body['id']}/file")
    assert served["Content-Type"] == "image/jpeg"
    assert served["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["../../etc/passwd.jpg", "..\\..\\boot.ini.png", "‮gpj.exe", "a" * 300 + ".jpg"]
)
def test_file_name_tricks_never_reach_the_disk(visitor, jpeg_bytes, name):
    body = post(visitor, jpeg_bytes, name).json()
    stored = Analysis.objects.get(public_id=body["id"]).file.name
    assert stored.startswith("uploads/")
    assert ".." not in stored
    assert stored.count("/") == 1


@pytest.mark.django_db
def test_absurd_exif_values_do_not_break_the_analysis(visitor):
    from detector.services import analysis_run

    exif = Image.Exif()
    exif[0x0112] = 99  # orientation that does not exist
    exif[0x010F] = "A" * 5000  # an absurdly long camera make
    exif[0x9003] = "9999:99:99 99:99:99"
    buffer = io.BytesIO()
    Image.fromarray(photo_array()).save(buffer, "JPEG", exif=exif.tobytes())
    body = post(visitor, buffer.getvalue()).json()
    analysis_run(analysis_id=Analysis.objects.get(public_id=body["id"]).pk)
    assert visitor.get(f"{URL}{body['id']}/").json()["status"] == "done"


@pytest.mark.django_db
def test_an_animated_png_is_analysed_on_its_first_frame(visitor):
    frames = [Image.fromarray(photo_array(seed=i)) for i in range(3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "PNG", save_all=True, append_images=frames[1:])
    response = post(visitor, buffer.getvalue(), "anim.png")
    assert response.status_code == 202


@pytest.mark.django_db
def test_malformed_json_to_the_api_gets_a_json_error(visitor):
    response = visitor.post(URL, data="{not json", content_type="application/json")
    assert response.status_code in {400, 415}
    assert "error" in response.json()


SEEDS = [
    encode(photo_array(64, 48), "JPEG"),
    encode(photo_array(64, 48), "PNG"),
    encode(photo_array(64, 48), "WEBP"),
    png_with_text({"parameters": "p\nSteps: 1, Model: m", "prompt": '{"1": {}}'}),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(SEEDS),
    cuts=st.lists(st.tuples(st.integers(0, 4000), st.binary(max_size=16)), max_size=6),
    truncate=st.integers(8, 5000),
)
def test_fuzzed_containers_never_raise_anything_but_media_errors(seed, cuts, truncate):
    data = bytearray(seed)
    for position, junk in cuts:
        position %= len(data)
        data[position : position + len(junk)] = junk
    data = bytes(data[:truncate])
    mime = sniff(data[:16]) or "image/png"
    read_container(data, mime)
    evidence = registered()["provenance"]().analyze(Media(MediaKind.IMAGE, data, mime, 64, 48))
    assert isinstance(evidence, Evidence)
    with contextlib.suppress(MediaError):
        probe_image(data, max_pixels=10_000_000)


def test_random_bytes_with_an_image_signature_are_refused_cleanly():
    rng = np.random.default_rng(3)
    for signature in (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF\x00\x00\x00\x00WEBP"):
        with pytest.raises(MediaError):
            probe_image(signature + rng.bytes(2000), max_pixels=10_000_000)
