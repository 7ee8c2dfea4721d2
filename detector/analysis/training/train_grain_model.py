"""Train the grain network (`models/grain_model.pt` and `.json`). Deterministic for a seed.

    .venv/bin/python -m detector.analysis.training.train_grain_model \
        --faces ../shared/data/faces/london --out detector/analysis/models --seed 0

Hosts: the London faces (neutral and smiling, 204 photos) and the scikit-image sample photos,
each centre-cropped and resized to 512 px. For every host: the untouched photo, and
`--draws` splices (`manipulations.splice`: a feathered blob from another host with Gaussian
grain of sigma 2-6 added), each saved as JPEG at a random quality 85-95. The target of every
8x8 block is whether more than half of it was pasted in. The development photos are never
used, so `bench/forensic_eval.py noise splice` measures the network on photos it never saw.
About 2 minutes on 2 idle CPU cores.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from detector.analysis import grain_model
from detector.analysis.datasets import encode_jpeg, normalise, to_rgb
from detector.analysis.manipulations import SAMPLE_PHOTOS, splice

SIZE = 512
DRAWS = 6
STEPS = 1500
BATCH = 16
LEARNING_RATE = 2e-3
POSITIVE_WEIGHT = 3.0  # pasted blocks are ~7 % of all blocks
QUALITY = (85, 95)


def load_hosts(faces: Path, limit: int | None = None) -> list[np.ndarray]:
    paths = sorted((faces / "neutral").glob("*.jpg")) + sorted((faces / "smiling").glob("*.jpg"))
    if not paths:
        raise SystemExit(f"No photos under {faces}/neutral or {faces}/smiling")
    hosts = [normalise(to_rgb(path.read_bytes()), SIZE) for path in paths[:limit]]
    hosts += [normalise(photo.load(), SIZE) for photo in SAMPLE_PHOTOS[:limit]]
    return [np.ascontiguousarray(host) for host in hosts]


def block_target(mask: np.ndarray) -> np.ndarray:
    rows, cols = mask.shape[0] // 8, mask.shape[1] // 8
    cells = mask[: rows * 8, : cols * 8].reshape(rows, 8, cols, 8)
    return (cells.mean(axis=(1, 3)) > 0.5).astype(np.float32)


def features_of(rgb: np.ndarray, quality: int) -> np.ndarray:
    luma, table = grain_model.luma_blocks(encode_jpeg(rgb, quality))
    return grain_model.block_features(luma, table)


def make_samples(
    hosts: list[np.ndarray], rng: np.random.Generator, draws: int
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    inputs, targets = [], []
    for index, host in enumerate(hosts):
        untouched = features_of(host, int(rng.integers(QUALITY[0], QUALITY[1] + 1)))
        inputs.append(untouched)
        targets.append(np.zeros(untouched.shape[1:], np.float32))
        for _ in range(draws):
            donor = hosts[(index + 1 + int(rng.integers(len(hosts) - 1))) % len(hosts)]
            fake = splice(host, donor, rng=rng)
            inputs.append(features_of(fake.image, int(rng.integers(QUALITY[0], QUALITY[1] + 1))))
            targets.append(block_target(fake.mask))
    return inputs, targets


def train(
    inputs: list[np.ndarray],
    targets: list[np.ndarray],
    *,
    seed: int,
    steps: int,
    width: int | None = None,
    context: int = 0,
    log=print,
):
    import torch

    from detector.analysis.models.grain_net import WIDTH, GrainNet

    torch.manual_seed(seed)
    net = GrainNet(width or WIDTH, context)
    optimiser = torch.optim.Adam(net.parameters(), LEARNING_RATE)
    rng = np.random.default_rng(seed)
    positive = torch.tensor(POSITIVE_WEIGHT)
    recent = []
    for step in range(1, steps + 1):
        picks = rng.integers(0, len(inputs), BATCH)
        x = torch.from_numpy(np.stack([inputs[i] for i in picks]))
        y = torch.from_numpy(np.stack([targets[i] for i in picks]))[:, None]
        loss = torch.nn.functional.binary_cross_entropy_with_logits(net(x), y, pos_weight=positive)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        recent.append(loss.item())
        if step % 100 == 0 or step == steps:
            log(f"step {step}/{steps}: loss {np.mean(recent[-100:]):.4f}")
    net.eval()
    return net, float(np.mean(recent[-100:]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faces", type=Path, default=Path("../shared/data/faces/london"))
    parser.add_argument("--out", type=Path, default=grain_model.MODEL_DIR)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--draws", type=int, default=DRAWS)
    parser.add_argument("--limit", type=int, help="use only the first N photos of each source")
    parser.add_argument("--width", type=int, help="channels of the hidden layers (default 16)")
    parser.add_argument(
        "--context", type=int, default=0, help="dilated 3x3 layers (dilation 2, 4, ...) added"
    )
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(2)
    started = time.perf_counter()
    hosts = load_hosts(args.faces, args.limit)
    inputs, targets = make_samples(hosts, np.random.default_rng(args.seed), args.draws)
    print(f"{len(hosts)} hosts, {len(inputs)} samples ({time.perf_counter() - started:.0f} s)")
    net, loss = train(
        inputs, targets, seed=args.seed, steps=args.steps, width=args.width, context=args.context
    )
    args.out.mkdir(parents=True, exist_ok=True)
    weights = args.out / grain_model.WEIGHTS
    torch.save({k: v.detach().clone() for k, v in net.state_dict().items()}, weights)
    meta = {
        "width": net[0].out_channels,
        "context": args.context,
        "parameters": sum(p.numel() for p in net.parameters()),
        "seed": args.seed,
        "steps": args.steps,
        "draws": args.draws,
        "hosts": len(hosts),
        "samples": len(inputs),
        "size": SIZE,
        "jpeg_quality": list(QUALITY),
        "final_loss": round(loss, 4),
        "trained_on": "London faces (neutral, smiling) and scikit-image sample photos, "
        "spliced by manipulations.splice; never the development photos",
    }
    (args.out / grain_model.META).write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {weights} ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
