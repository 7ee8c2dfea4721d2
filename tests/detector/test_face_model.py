"""The face model at inference: crops, network shapes, scores, the analyzer and its fusion rule."""

import json

import numpy as np
import pytest

from detector.analysis import face_model
from detector.analysis.decode import media_from_bytes
from detector.analysis.fusion import FusionModel, fuse
from detector.analysis.types import Hint, Strength, Verdict

from .media_fixtures import pixels, save

torch = pytest.importorskip("torch")


def write_weights(folder, *, bias: float, threshold: float = 0.5):
    """Test weights made here: a random backbone whose classifier always says `bias`."""
    from detector.analysis.models.face_net import FaceNet

    torch.manual_seed(0)
    net = FaceNet()
    with torch.no_grad():
        net.classifier[1].weight.zero_()
        net.classifier[1].bias.fill_(bias)
    state = {k: v.half() if v.is_floating_point() else v for k, v in net.state_dict().items()}
    torch.save(state, folder / face_model.WEIGHTS)
    meta = {"input_size": 96, "margin": 0.2, "temperature": 1.0, "likely_threshold": threshold}
    (folder / face_model.META).write_text(json.dumps(meta))
    return folder


@pytest.fixture
def confident_fake(tmp_path, monkeypatch):
    monkeypatch.setattr(face_model, "MODEL_DIR", write_weights(tmp_path, bias=4.0))
    return tmp_path


@pytest.fixture
def confident_real(tmp_path, monkeypatch):
    monkeypatch.setattr(face_model, "MODEL_DIR", write_weights(tmp_path, bias=-4.0))
    return tmp_path


def astronaut_media():
    from skimage import data

    return media_from_bytes(save(data.astronaut(), "JPEG", quality=92))


def test_a_crop_is_square_with_margin_and_mirrors_in_what_lies_outside():
    image = pixels(200, 100)
    crop = face_model.crop_face(image, (10, 10, 40, 50))
    assert crop.shape == (70, 70, 3) and crop.dtype == np.uint8
    edge = face_model.crop_face(image, (170, 60, 40, 40))
    assert edge.shape == (56, 56, 3)
    assert edge.mean() > 20  # mirrored pixels, not a black band


def test_the_network_gives_one_logit_and_a_sixteenth_size_boundary_map():
    from detector.analysis.models.face_net import FaceNet

    logits, boundary = FaceNet().eval()(torch.zeros(2, 3, 96, 96))
    assert logits.shape == (2,) and boundary.shape == (2, 1, 6, 6)


def test_imagenet_weights_without_the_backbone_are_refused():
    from detector.analysis.models.face_net import FaceNet, load_imagenet

    with pytest.raises(ValueError, match="backbone"):
        load_imagenet(FaceNet(), {"classifier.1.weight": torch.zeros(1000, 1280)})
    donor = {k: v for k, v in FaceNet().state_dict().items() if k.startswith("features.")}
    assert "classifier.1.weight" in load_imagenet(FaceNet(), donor)


def test_scores_are_probabilities_with_a_small_heatmap_per_crop(confident_fake):
    crops = [pixels(120, 120, seed=1), pixels(80, 80, seed=2)]
    scores = face_model.score_faces(crops)
    assert len(scores) == 2
    for score in scores:
        assert 0.97 < score.probability <= 1.0
        assert score.heatmap.dtype == np.float32 and score.heatmap.shape == (6, 6)
        assert score.heatmap.min() >= 0 and score.heatmap.max() <= 1
    assert face_model.score_faces([]) == []
    assert face_model.likely_threshold() == 0.5


def test_the_analyzer_scores_the_astronauts_face_and_its_finding_decides(confident_fake):
    from detector.analysis.analyzers.face_model import FaceModelAnalyzer

    media = astronaut_media()
    evidence = FaceModelAnalyzer().analyze(media)
    assert len(evidence.regions) == 1
    assert evidence.verdict_hint == Hint.MANIPULATED and evidence.strength == Strength.STRONG
    assert evidence.data["decides"] and evidence.score > 0.97
    assert evidence.overlays[0].png.startswith(b"\x89PNG")
    model = FusionModel({}, 0.0, high=0.99, low=0.01, required=())
    assert fuse(media, [evidence], model=model).verdict == Verdict.LIKELY_MANIPULATED


def test_a_face_below_the_threshold_does_not_decide(confident_real):
    from detector.analysis.analyzers.face_model import FaceModelAnalyzer

    media = astronaut_media()
    evidence = FaceModelAnalyzer().analyze(media)
    assert evidence.verdict_hint == Hint.NEUTRAL and not evidence.data["decides"]
    assert evidence.score < 0.05
    model = FusionModel({}, 0.0, high=0.99, low=0.01, required=())
    assert fuse(media, [evidence], model=model).verdict == Verdict.INCONCLUSIVE


def test_without_a_face_the_model_says_it_did_not_apply(confident_fake):
    from detector.analysis.analyzers.face_model import FaceModelAnalyzer

    media = media_from_bytes(save(pixels(320, 240), "JPEG", quality=90))
    evidence = FaceModelAnalyzer().analyze(media)
    assert evidence.verdict_hint == Hint.NOT_APPLICABLE and evidence.score is None
    assert "did not apply" in evidence.summary


def test_without_weights_the_analyzer_says_so_instead_of_failing(tmp_path, monkeypatch):
    from detector.analysis.analyzers.face_model import FaceModelAnalyzer

    monkeypatch.setattr(face_model, "MODEL_DIR", tmp_path)
    evidence = FaceModelAnalyzer().analyze(astronaut_media())
    assert evidence.verdict_hint == Hint.NOT_APPLICABLE
    assert "not installed" in evidence.summary


def test_the_image_analyzer_uses_the_weights_the_worker_was_configured_with(tmp_path):
    from detector.analysis import config
    from detector.analysis.analyzers.face_model import FaceModelAnalyzer

    with config.override(face_model_dir=write_weights(tmp_path, bias=4.0)):
        evidence = FaceModelAnalyzer().analyze(astronaut_media())
    assert evidence.score is not None and evidence.score > 0.9
    with config.override(face_model_dir=tmp_path / "empty"):
        evidence = FaceModelAnalyzer().analyze(astronaut_media())
    assert "not installed" in evidence.summary


def test_scores_near_the_top_keep_two_decimals_and_never_read_100_percent():
    from detector.analysis.analyzers.face_model import _summary
    from detector.analysis.face_model import percent

    assert percent(0.42) == "42%"
    assert percent(0.9993) == "99.93%"
    assert percent(1.0) == "99.99%"
    below = _summary(1, 0.982, 0.9993)
    assert "98%" in below and "99.93%" in below and "decides nothing" in below
    assert "decides nothing" not in _summary(1, 0.2, 0.9993)
    assert "at or above" in _summary(2, 0.9996, 0.9993)


def test_the_video_timeline_keeps_two_decimals_near_the_top_too():
    from detector.timeline import _percent

    assert _percent(None) is None
    assert _percent(0.5) == 50
    assert _percent(0.9993) == 99.93
    assert _percent(1.0) == 99.99
