"""Where a video says it came from: Content Credentials in MP4/MOV, and the container's tags."""

import functools

import pytest

from detector.analysis import config
from detector.analysis.video import probe_video
from detector.analysis.video.pipeline import analyze_video
from detector.analysis.video.provenance import container_tags, content_credentials
from tests.detector.c2pa_fixtures import CAPTURE, action, manifest, sign, write_trust_list
from tests.detector.video_fixtures import clip, stand_in_face_model


@functools.cache
def plain_mp4() -> bytes:
    return clip(20, size=(320, 240), container_options={"movflags": "faststart"})


def test_a_video_declared_ai_by_its_content_credentials_is_declared_ai():
    signed = sign(
        manifest(action("c2pa.created", "trainedAlgorithmicMedia")), plain_mp4(), "video/mp4"
    )
    model, _ = stand_in_face_model(lambda crop: 0.05)
    report = analyze_video(signed, face_model=model)
    assert str(report.verdict) == "declared_ai"
    assert "made with AI" in report.reasons[0]


def test_a_trusted_capture_signature_on_a_video_verifies_the_capture(tmp_path):
    signed = sign(manifest(*CAPTURE), plain_mp4(), "video/mp4")
    with config.override(c2pa_trust_anchors_dir=write_trust_list(tmp_path / "trust")):
        evidence = content_credentials(signed, probe_video(signed))
    assert str(evidence.verdict_hint) == "authentic"
    assert str(evidence.strength) == "decisive"


def test_a_video_changed_after_signing_is_caught():
    signed = bytearray(sign(manifest(*CAPTURE), plain_mp4(), "video/mp4"))
    signed[-200] ^= 0xFF  # a byte of the last frame's data
    evidence = content_credentials(bytes(signed), probe_video(bytes(signed)))
    assert str(evidence.verdict_hint) == "manipulated"


def test_webm_has_no_content_credentials_check():
    data = clip(6, codec="vp9")
    assert content_credentials(data, probe_video(data)) is None


def test_container_tags_are_shown_as_facts_and_never_vote():
    tags = {"make": "PhoneCo", "model": "Camera 9", "creation_time": "2026-01-02T03:04:05Z"}
    evidence = container_tags(probe_video(clip(6, container="mov", metadata=tags)))
    assert str(evidence.verdict_hint) == "neutral" and evidence.score is None
    assert "camera make: PhoneCo; camera model: Camera 9" in evidence.summary
    assert "2026-01-02" in evidence.summary


@pytest.mark.parametrize("has_audio", [True, False])
def test_the_sound_track_panel_is_information_only(has_audio):
    model, _ = stand_in_face_model(lambda crop: 0.05)
    report = analyze_video(clip(15, audio=has_audio), face_model=model)
    panel = next(e for e in report.evidence if e.analyzer == "video_audio")
    assert panel.data == {"informational": True, "present": has_audio}
    assert panel.score is None


def test_a_video_without_content_credentials_says_so_in_video_words():
    evidence = content_credentials(plain_mp4(), probe_video(plain_mp4()))
    assert str(evidence.verdict_hint) == "not_applicable"
    assert "most videos have none" in evidence.summary
