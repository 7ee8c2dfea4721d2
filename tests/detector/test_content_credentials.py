"""The Content Credentials (C2PA) analyzer: signed captures, AI declarations, tampering."""

import io
import json

import numpy as np
import pytest
from PIL import Image

from detector.analysis import Evidence, Hint, Media, MediaKind, Strength, Verdict, analyze_bytes
from detector.analysis import config as detector_config
from detector.analysis.analyzers.content_credentials import ContentCredentialsAnalyzer
from detector.analysis.decode import sniff
from detector.analysis.pipeline import analyze as run_pipeline
from tests.detector.c2pa_fixtures import (
    CAPTURE,
    SIGNER_NAME,
    SIGNER_ORG,
    action,
    change_one_pixel_byte,
    damage_manifest,
    flip_manifest_byte,
    manifest,
    sign,
    write_trust_list,
)
from tests.detector.media_fixtures import pixels, plain_photo_jpeg, save

NO_MANIFEST = (
    "No Content Credentials found — most photos have none, so this says nothing either way."
)


def analyze(data: bytes) -> Evidence:
    """Run the analyzer on raw bytes; every result must serialise to JSON as the report does."""
    media = Media(MediaKind.IMAGE, data, sniff(data[:16]) or "image/jpeg", 256, 256)
    evidence = ContentCredentialsAnalyzer().analyze(media)
    json.dumps(evidence.to_dict(), allow_nan=False)
    return evidence


@pytest.fixture(autouse=True)
def trusted_test_ca(tmp_path):
    """Our test CA is on the trust list unless a test says otherwise."""
    with detector_config.override(c2pa_trust_anchors_dir=write_trust_list(tmp_path / "anchors")):
        yield


@pytest.fixture
def untrusted(tmp_path):
    empty = tmp_path / "empty-anchors"
    empty.mkdir()
    with detector_config.override(c2pa_trust_anchors_dir=empty):
        yield


@pytest.fixture(scope="module")
def capture_jpeg() -> bytes:
    return sign(manifest(*CAPTURE, title="IMG_0001.jpg"), plain_photo_jpeg())


def test_it_verifies_a_capture_signed_by_a_trusted_camera(capture_jpeg):
    evidence = analyze(capture_jpeg)

    assert evidence.verdict_hint == Hint.AUTHENTIC
    assert evidence.strength == Strength.DECISIVE
    assert evidence.score == 0.02
    assert SIGNER_NAME in evidence.summary
    assert evidence.data["validation_state"] == "Trusted"
    assert evidence.data["signer"]["common_name"] == SIGNER_NAME
    assert evidence.data["signer"]["issuer"] == SIGNER_ORG
    assert evidence.data["claim_generator"] == "Unveiled Test Camera 1.0"
    assert evidence.data["declares_capture"] is True
    assert evidence.data["edit_actions"] == []
    assert evidence.data["actions"][0]["digital_source_type"] == "digitalCapture"
    assert evidence.data["trust_list"]["files"] == ["unveiled-test-root.pem"]


def test_a_trusted_capture_makes_the_report_a_verified_capture(capture_jpeg):
    report = analyze_bytes(capture_jpeg)

    assert report.verdict == Verdict.VERIFIED_CAPTURE
    assert any(SIGNER_NAME in reason for reason in report.reasons)


def test_it_reports_a_valid_signature_from_a_signer_not_on_the_trust_list(capture_jpeg, untrusted):
    evidence = analyze(capture_jpeg)

    assert evidence.verdict_hint == Hint.NEUTRAL
    assert evidence.strength == Strength.WEAK
    assert evidence.score is None
    assert evidence.data["validation_state"] == "Valid"
    assert "signed, but by someone not on our trust list" in evidence.summary
    assert "captured by a camera and not edited" in evidence.summary
    assert "signingCredential.untrusted" in evidence.data["validation_codes"]["failure"]
    # An untrusted signature decides nothing: the verdict is left to the statistical checks.
    verdict = analyze_bytes(capture_jpeg).verdict
    assert verdict not in {Verdict.VERIFIED_CAPTURE, Verdict.DECLARED_AI}


def test_it_trusts_nobody_when_no_trust_list_is_configured(capture_jpeg):
    with detector_config.override(c2pa_trust_anchors_dir=None):
        evidence = analyze(capture_jpeg)

    assert evidence.data["validation_state"] == "Valid"
    assert evidence.verdict_hint == Hint.NEUTRAL


def test_it_does_not_verify_a_capture_that_was_edited_afterwards():
    signed = sign(manifest(*CAPTURE, action("c2pa.edited")), plain_photo_jpeg())

    evidence = analyze(signed)

    assert evidence.verdict_hint == Hint.NEUTRAL
    assert evidence.data["validation_state"] == "Trusted"
    assert evidence.data["edit_actions"] == ["c2pa.edited"]
    assert "captured by a camera and then edited (edited)" in evidence.summary
    assert analyze_bytes(signed).verdict != Verdict.VERIFIED_CAPTURE


@pytest.mark.parametrize(
    "source_type",
    ["trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "algorithmicMedia"],
)
def test_it_reports_an_ai_declaration_as_declared_ai(source_type):
    definition = manifest(
        action(
            "c2pa.created", source_type, softwareAgent={"name": "Test Diffusion", "version": "3"}
        ),
        generator="Test Image Service",
    )
    signed = sign(definition, plain_photo_jpeg())

    evidence = analyze(signed)

    assert evidence.verdict_hint == Hint.SYNTHETIC
    assert evidence.strength == Strength.DECISIVE
    assert evidence.score == 0.99
    assert source_type in evidence.summary
    assert "Test Diffusion 3" in evidence.summary
    assert SIGNER_NAME in evidence.summary
    report = analyze_bytes(signed)
    assert report.verdict == Verdict.DECLARED_AI
    assert report.reasons[0] == evidence.summary


def test_an_ai_declaration_counts_even_from_a_signer_not_on_the_trust_list(untrusted):
    signed = sign(manifest(action("c2pa.created", "trainedAlgorithmicMedia")), plain_photo_jpeg())

    evidence = analyze(signed)

    assert evidence.verdict_hint == Hint.SYNTHETIC
    assert "not on our trust list" in evidence.summary
    assert "Unveiled Test Camera 1.0" in evidence.summary  # the claim generator, lacking an agent


def test_it_finds_an_ai_declaration_in_the_picture_an_edit_started_from():
    generated = sign(
        manifest(action("c2pa.created", "trainedAlgorithmicMedia"), generator="Test Generator"),
        save(pixels(), "PNG"),
        "image/png",
    )
    edit = manifest(
        action("c2pa.opened", parameters={"ingredientIds": ["generated"]}),
        action("c2pa.cropped"),
        generator="Test Editor",
    )
    signed = sign(edit, plain_photo_jpeg(), ingredient=("generated", generated, "image/png"))

    evidence = analyze(signed)

    assert evidence.verdict_hint == Hint.SYNTHETIC
    assert evidence.data["ingredients"] == [{"title": "generated.png", "relationship": "parentOf"}]
    assert evidence.data["edit_actions"] == ["c2pa.cropped"]
    assert evidence.data["ai_declarations"][0]["in_active_manifest"] is False
    assert "earlier step" in evidence.summary


def test_it_flags_a_file_changed_after_signing(capture_jpeg):
    evidence = analyze(change_one_pixel_byte(capture_jpeg))

    assert evidence.verdict_hint == Hint.MANIPULATED
    assert evidence.strength == Strength.STRONG
    assert evidence.score == 0.9
    assert evidence.data["validation_state"] == "Invalid"
    assert "assertion.dataHash.mismatch" in evidence.data["validation_codes"]["failure"]
    assert "changed after" in evidence.summary


def test_credentials_altered_inside_are_distrusted_but_not_called_manipulation(capture_jpeg):
    evidence = analyze(flip_manifest_byte(capture_jpeg))

    assert evidence.verdict_hint == Hint.NEUTRAL
    assert evidence.strength == Strength.WEAK
    assert evidence.data["validation_state"] == "Invalid"
    assert "assertion.hashedURI.mismatch" in evidence.data["validation_codes"]["failure"]
    assert "assertion.hashedURI.mismatch" in evidence.summary
    assert "assertion.hashedURI.mismatch" in evidence.details


def test_a_changed_file_is_not_a_verified_capture(capture_jpeg):
    report = analyze_bytes(change_one_pixel_byte(capture_jpeg))

    assert report.verdict not in (Verdict.VERIFIED_CAPTURE, Verdict.NO_SIGNS_FOUND)


def test_it_says_nothing_about_a_file_without_credentials():
    evidence = analyze(plain_photo_jpeg())

    assert evidence.verdict_hint == Hint.NOT_APPLICABLE
    assert evidence.strength == Strength.WEAK
    assert evidence.score is None
    assert evidence.summary == NO_MANIFEST


def test_a_plain_re_save_strips_the_credentials(capture_jpeg):
    resaved = save(np.asarray(Image.open(io.BytesIO(capture_jpeg))), "JPEG", quality=90)

    assert analyze(resaved).verdict_hint == Hint.NOT_APPLICABLE


@pytest.mark.parametrize("fmt, mime", [("PNG", "image/png"), ("WEBP", "image/webp")])
def test_it_reads_credentials_in_png_and_webp(fmt, mime):
    signed = sign(manifest(*CAPTURE), save(pixels(), fmt), mime)

    evidence = analyze(signed)

    assert evidence.verdict_hint == Hint.AUTHENTIC
    assert evidence.data["validation_state"] == "Trusted"


def test_a_damaged_manifest_does_not_break_the_analysis(capture_jpeg):
    damaged = damage_manifest(capture_jpeg)

    evidence = analyze(damaged)
    report = analyze_bytes(damaged)

    assert evidence.verdict_hint in (Hint.NEUTRAL, Hint.MANIPULATED)
    assert evidence.strength != Strength.DECISIVE
    assert report.verdict not in {Verdict.VERIFIED_CAPTURE, Verdict.DECLARED_AI}
    assert not [f for f in report.failures if f["analyzer"] == "content_credentials"]


def test_a_truncated_file_with_credentials_does_not_raise(capture_jpeg):
    truncated = capture_jpeg[: len(capture_jpeg) // 3]
    media = Media(MediaKind.IMAGE, truncated, "image/jpeg", 256, 256)

    evidence = analyze(truncated)
    report = run_pipeline(media, names=["content_credentials"])

    assert evidence.verdict_hint == Hint.NEUTRAL
    assert evidence.score is None
    assert report.failures == []


def test_it_skips_trust_list_files_that_are_not_pem_certificates(tmp_path, capture_jpeg):
    folder = write_trust_list(tmp_path / "mixed")
    (folder / "root.crt").write_bytes(b"\x30\x82\x01\x00 not PEM")
    (folder / "broken.pem").write_text(
        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"
    )
    (folder / "README.txt").write_text("ignored")

    with detector_config.override(c2pa_trust_anchors_dir=folder):
        evidence = analyze(capture_jpeg)

    assert evidence.data["validation_state"] == "Trusted"
    assert evidence.data["trust_list"]["files"] == ["unveiled-test-root.pem"]
    assert evidence.data["trust_list"]["skipped"] == ["broken.pem", "root.crt"]


def test_a_missing_trust_list_folder_means_no_trusted_signers(tmp_path, capture_jpeg):
    with detector_config.override(c2pa_trust_anchors_dir=tmp_path / "nowhere"):
        evidence = analyze(capture_jpeg)

    assert evidence.data["validation_state"] == "Valid"
    assert evidence.verdict_hint == Hint.NEUTRAL
