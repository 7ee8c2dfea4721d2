"""Time a 10 s 720p 30 fps H.264 clip from bytes to verdict, in a fresh process like a worker.

    .venv/bin/python bench/video_speed.py [--runs 5]

The clip is a camera panning over scikit-image's astronaut with camera-like grain, so it
compresses like real footage. Prints p50/p95 of probe-to-report, the first call (imports,
cascades, model), the median of each stage, and the analysing process's peak RSS.
Targets (issue 7): p50 <= 15 s on 2 cores; peak worker RSS <= 1.5 GB.

Without trained weights in detector/analysis/models/, `--untrained-size N` times an untrained
network of the same architecture at input size N (same cost per face, meaningless scores).
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WIDTH, HEIGHT, FPS, SECONDS = 1280, 720, 30, 10


def footage(seed: int = 0) -> bytes:
    """10 s of 720p H.264 (libx264 veryfast, CRF 20, B-frames): a slow pan with sensor grain."""
    import av
    import cv2
    import skimage.data

    rng = np.random.default_rng(seed)
    scene = cv2.resize(skimage.data.astronaut(), (1700, 1700), interpolation=cv2.INTER_CUBIC)
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.options = {"crf": "20", "preset": "veryfast"}
        for i in range(FPS * SECONDS):
            x, y = 100 + i, 150 + i // 3
            frame = scene[y : y + HEIGHT, x : x + WIDTH].astype(np.float32)
            frame += rng.normal(0, 3, frame.shape)
            rgb = np.clip(frame, 0, 255).astype(np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(rgb, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return buffer.getvalue()


def untrained_weights(size: int) -> Path:
    import json
    import tempfile

    import torch

    from detector.analysis import face_model
    from detector.analysis.models.face_net import FaceNet

    folder = Path(tempfile.mkdtemp(prefix="video-speed-"))
    torch.save(FaceNet().state_dict(), folder / face_model.WEIGHTS)
    meta = {"input_size": size, "margin": 0.2, "temperature": 1.0, "likely_threshold": 0.5}
    (folder / face_model.META).write_text(json.dumps(meta))
    return folder


def measure(data: bytes, runs: int, untrained_size: int | None) -> dict:
    from detector.analysis import config
    from detector.analysis.video import analyze_video
    from detector.analysis.video.scoring import load_face_model

    if untrained_size:
        config.configure(face_model_dir=untrained_weights(untrained_size))
    started = time.perf_counter()
    model = load_face_model()
    report = analyze_video(data, face_model=model)
    first = time.perf_counter() - started
    totals, stages = [], {}
    for _ in range(runs):
        started = time.perf_counter()
        report = analyze_video(data, face_model=model)
        totals.append(time.perf_counter() - started)
        for name, ms in report.timings_ms.items():
            stages.setdefault(name, []).append(ms)
    status = Path("/proc/self/status").read_text()
    peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    faces = sum(t["frames"] for t in report.video["tracks"])
    return {
        "totals": totals,
        "first": first,
        "stages": stages,
        "peak_mb": peak_kb / 1024,
        "model": model is not None,
        "verdict": str(report.verdict),
        "sampled": report.video["sampled"],
        "decoded": report.video["decoded"],
        "faces": faces,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--untrained-size", type=int, default=None)
    args = parser.parse_args()
    data = footage()
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result = pool.apply(measure, (data, args.runs, args.untrained_size))
    totals = result["totals"]
    print(
        f"video_speed 10 s {WIDTH}x{HEIGHT} {FPS} fps H.264 ({len(data) / 1e6:.1f} MB), "
        f"{args.runs} runs: p50 {statistics.median(totals):.2f} s, "
        f"p95 {float(np.percentile(totals, 95)):.2f} s, first call {result['first']:.2f} s"
    )
    detail = ", ".join(
        f"{name} {statistics.median(ms) / 1000:.2f} s" for name, ms in result["stages"].items()
    )
    print(f"  stages (median): {detail}")
    print(
        f"  sampled {result['sampled']} frames, decoded {result['decoded']} of "
        f"{FPS * SECONDS}, {result['faces']} faces scored; face model "
        + ("UNTRAINED stand-in, " if args.untrained_size else "")
        + f"{'loaded' if result['model'] else 'NOT available (faces found but not scored)'}; "
        f"verdict {result['verdict']}"
    )
    print(f"peak RSS of the analysing process: {result['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
