"""Evaluate the face model on held-out people only, and set its "likely" threshold.

    python -m detector.analysis.training.evaluate_face_model --data ../shared/data/faces/london \
        --other-camera ../shared/data/faces/other_camera \
        --calibrate-on ../shared/data/dev/ai_vs_real/real --markdown var/face_eval.md

Sets (each at full size + JPEG 95 and at half size + JPEG 75, fakes and untouched encoded alike):
self-blends and classic swaps of the 20 test people; untouched and swapped photos of a person
from another camera (London test people as donors). Intervals resample *people*, not photos.
With `--set-threshold` the threshold is raised until at most `--real-fpr` of the real
development photos (animals, food, street scenes, people) have a face that reaches it.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import cv2
import numpy as np

from .. import face_model
from ..decode import media_from_bytes
from ..evaluation import auc, expected_calibration_error, threshold_for_fpr
from . import face_data, face_sets

log = logging.getLogger(__name__)
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


def grouped_interval(people, labels, scores, rounds: int = 1000, seed: int = 0):
    """AUC and a 95 % bootstrap interval that resamples people (all of a person's photos)."""
    people, labels, scores = np.asarray(people), np.asarray(labels, bool), np.asarray(scores)
    unique = np.unique(people)
    rows = {p: np.flatnonzero(people == p) for p in unique}
    rng = np.random.default_rng(seed)
    samples = []
    for _ in range(rounds):
        idx = np.concatenate([rows[p] for p in rng.choice(unique, len(unique))])
        samples.append(auc(labels[idx], scores[idx]))
    low, high = np.nanpercentile(samples, [2.5, 97.5])
    return auc(labels, scores), float(low), float(high)


def cached_samples(cache: Path | None, name: str, make) -> list[face_sets.Sample]:
    """Building the sets takes minutes (swaps, face search); keep their crops between runs."""
    path = cache / f"{name}.npz" if cache else None
    if path is not None and path.exists():
        z = np.load(path)
        return [
            face_sets.Sample(str(p), str(k), str(v), c)
            for p, k, v, c in zip(z["people"], z["kinds"], z["variants"], z["crops"], strict=True)
        ]
    samples = make()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(
            path,
            people=[s.person for s in samples],
            kinds=[s.kind for s in samples],
            variants=[s.variant for s in samples],
            crops=np.stack([s.crop for s in samples]),
        )
    return samples


def score(crops: list[np.ndarray], model_dir) -> np.ndarray:
    if not crops:
        return np.zeros(0)
    return np.array([s.probability for s in face_model.score_faces(crops, model_dir)])


def other_camera_faces(folder: Path) -> list[face_data.Face]:
    out = []
    for path in sorted(folder.glob("*.jpg")):
        rgb = cv2.cvtColor(cv2.imread(str(path)), cv2.COLOR_BGR2RGB)
        template = path.with_suffix(".tem")
        points = face_data.read_template(template) if template.exists() else None
        box = face_data.find_box(rgb, points)
        if box is not None:
            out.append(face_data.Face("other:" + path.stem, "neutral", rgb, points, box))
    return out


def cross_camera_swaps(targets, donors, size: int, per_target: int = 2, seed: int = 2):
    """Swaps of London test donors onto the other camera's photos, plus those photos alone."""
    rng = np.random.default_rng(seed)
    samples = []
    for target in targets:
        pictures = [("untouched", target.rgb)]
        if target.points is not None:
            for i in rng.choice(len(donors), per_target, replace=False):
                pictures.append(("swap", face_sets.face_swap(target, donors[int(i)])))
        for kind, rgb in pictures:
            for name in face_sets.VARIANTS:
                shown = face_sets.variant(rgb, name)
                crop = face_sets._crop(shown, target, shown.shape[1] / rgb.shape[1], size)
                samples.append(face_sets.Sample(target.person, kind, name, crop))
    return samples


def real_photo_faces(folder: Path, size: int) -> list[face_sets.Sample]:
    """The face crops the analyzer would score in each photo (person = the photo's name).

    A photo without such a face still gets one entry with kind "none", so it counts."""
    from ..analyzers.face_model import candidate_faces

    out = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES):
        media = media_from_bytes(path.read_bytes(), name=path.name)
        kept, skipped = candidate_faces(media)
        blank = np.zeros((size, size, 3), np.uint8)
        out.append(face_sets.Sample(path.name, f"none:{skipped}", "original", blank))
        for box in kept:
            crop = face_model.prepare([face_model.crop_face(media.rgb, box)], size)[0]
            out.append(face_sets.Sample(path.name, "face", "original", crop))
    return out


def real_photo_scores(samples, model_dir) -> tuple[list[float], dict]:
    """Per photo, the highest face score (0 without a face the analyzer would score)."""
    faces = [s for s in samples if s.kind == "face"]
    probs = score([s.crop for s in faces], model_dir)
    photos = sorted({s.person for s in samples})
    best = {p: 0.0 for p in photos}
    for sample, p in zip(faces, probs, strict=True):
        best[sample.person] = max(best[sample.person], float(p))
    set_aside = sum(int(s.kind.split(":")[1]) for s in samples if s.kind.startswith("none"))
    counts = {"photos": len(photos), "faces_scored": len(faces), "boxes_set_aside": set_aside}
    return [best[p] for p in photos], counts


def summarise(samples, probs, threshold: float) -> list[dict]:
    kinds = np.array([s.kind for s in samples])
    variants = np.array([s.variant for s in samples])
    people = np.array([s.person for s in samples])
    rows = []
    for kind in ("self_blend", "swap"):
        for name in face_sets.VARIANTS:
            keep = ((kinds == kind) | (kinds == "untouched")) & (variants == name)
            if not (kinds[keep] == kind).any():
                continue
            labels = kinds[keep] == kind
            value, low, high = grouped_interval(people[keep], labels, probs[keep])
            rows.append(
                {
                    "set": kind,
                    "variant": name,
                    "untouched": int((~labels).sum()),
                    "fakes": int(labels.sum()),
                    "auc": round(value, 3),
                    "auc_95": [round(low, 3), round(high, 3)],
                    "fakes_at_likely": round(float((probs[keep][labels] >= threshold).mean()), 3),
                    "untouched_at_likely": round(
                        float((probs[keep][~labels] >= threshold).mean()), 3
                    ),
                    "untouched_mean_p": round(float(probs[keep][~labels].mean()), 3),
                }
            )
    return rows


def evaluate(args: argparse.Namespace) -> dict:
    model_dir = args.model_dir
    meta = {} if args.build_only else face_model.metadata(model_dir)
    size = int(meta.get("input_size", args.size))
    groups = face_data.split(args.data)
    genders = face_data.genders(args.data)
    test_faces: list[face_data.Face] = []

    def london():
        test_faces.extend(face_data.load_faces(args.data, groups["test"]))
        return face_sets.build(test_faces, genders, size, seed=args.seed)

    samples = cached_samples(args.cache, "london_test", london)
    if args.build_only:
        if args.calibrate_on:
            cached_samples(
                args.cache, "real_photos", lambda: real_photo_faces(args.calibrate_on, size)
            )
        if args.other_camera:
            if not test_faces:
                test_faces.extend(face_data.load_faces(args.data, groups["test"], ("neutral",)))
            donors = [
                f
                for f in test_faces
                if f.points is not None and genders.get(f.person) == args.other_camera_gender
            ]
            cached_samples(
                args.cache,
                "other_camera",
                lambda: cross_camera_swaps(other_camera_faces(args.other_camera), donors, size),
            )
        return {}
    probs = score([s.crop for s in samples], model_dir)
    result: dict = {"model": {k: meta[k] for k in ("temperature", "chosen_step", "validation")}}

    if args.calibrate_on:
        photos = cached_samples(
            args.cache, "real_photos", lambda: real_photo_faces(args.calibrate_on, size)
        )
        real_best, counts = real_photo_scores(photos, model_dir)
        dev_threshold = threshold_for_fpr(np.array(real_best), args.real_fpr)
        threshold = max(float(meta["likely_threshold"]), dev_threshold)
        result["real_photos"] = {
            **counts,
            "threshold_for_fpr": round(dev_threshold, 4),
            "scores_over_0.5": sorted(round(s, 3) for s in real_best if s > 0.5),
        }
    else:
        threshold = float(meta["likely_threshold"])
    result["likely_threshold"] = round(threshold, 4)
    result["london_test"] = summarise(samples, probs, threshold)
    labels = np.array([s.kind != "untouched" for s in samples], float)
    result["london_test_ece"] = round(expected_calibration_error(labels, probs), 3)

    if args.other_camera:

        def other_camera():
            if not test_faces:
                test_faces.extend(face_data.load_faces(args.data, groups["test"], ("neutral",)))
            donors = [
                f
                for f in test_faces
                if f.points is not None and genders.get(f.person) == args.other_camera_gender
            ]
            return cross_camera_swaps(other_camera_faces(args.other_camera), donors, size)

        other = cached_samples(args.cache, "other_camera", other_camera)
        other_probs = score([s.crop for s in other], model_dir)
        result["other_camera"] = summarise(other, other_probs, threshold)

    if args.set_threshold:
        path = face_model._model_dir(model_dir) / face_model.META
        written = json.loads(path.read_text())
        written["likely_threshold"] = round(threshold, 4)
        written["threshold_basis"] = (
            f"at most {args.real_fpr:.1%} of real development photos and 2.5 % of untouched "
            "validation faces reach it"
        )
        path.write_text(json.dumps(written, indent=1) + "\n")
    return result


def markdown(result: dict) -> str:
    lines = [
        f"'likely' threshold: {result['likely_threshold']}",
        "",
        "| set | variant | untouched / fakes | AUC (95 % CI, people resampled) | fakes at 'likely' "
        "| untouched at 'likely' | untouched mean p |",
        "|---|---|---|---|---|---|---|",
    ]
    for section in ("london_test", "other_camera"):
        for row in result.get(section, []):
            low, high = row["auc_95"]
            lines.append(
                f"| {section}: {row['set']} | {row['variant']} | {row['untouched']} / "
                f"{row['fakes']} | {row['auc']:.3f} ({low:.3f}-{high:.3f}) | "
                f"{row['fakes_at_likely']:.1%} | {row['untouched_at_likely']:.1%} | "
                f"{row['untouched_mean_p']:.3f} |"
            )
    lines.append("")
    lines.append(f"Expected calibration error, London test: {result['london_test_ece']}")
    if "real_photos" in result:
        lines.append(f"Real development photos: {json.dumps(result['real_photos'])}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--model-dir", type=Path, default=None)
    p.add_argument("--other-camera", type=Path)
    p.add_argument("--other-camera-gender", default="female")
    p.add_argument("--calibrate-on", type=Path, help="a folder of real photos (any subject)")
    p.add_argument("--real-fpr", type=float, default=0.025)
    p.add_argument("--set-threshold", action="store_true")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--cache", type=Path, help="keep the built sets' crops here between runs")
    p.add_argument("--build-only", action="store_true", help="build the cached sets and stop")
    p.add_argument("--size", type=int, default=224, help="crop size when building only")
    p.add_argument("--markdown", type=Path)
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)
    result = evaluate(args)
    if args.build_only:
        return
    text = markdown(result)
    print(text)
    if args.markdown:
        args.markdown.write_text(text)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
