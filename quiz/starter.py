"""Starter quizzes, loaded by `manage.py load_starter_content` (idempotent).

Pictures are photos that ship inside scikit-image, changed in code with the detector's own
manipulation generators, which return the exact mask of what changed. Nothing is downloaded.
Media bytes are deterministic, so loading again rewrites nothing and queues no new analysis.
"""

from __future__ import annotations

import hashlib
import io
import json

import numpy as np
from django.db import transaction
from PIL import Image, PngImagePlugin

from .models import Item, Quiz
from .services import item_analyse, item_set_media
from .starter_data import OWN_TEXT, QUIZZES

MAX_SIDE = 640

GENERATOR_LABEL = (
    "a photo, high detail\nNegative prompt: blurry\nSteps: 30, Sampler: Euler a, CFG scale: 7, "
    "Seed: {seed}, Size: {w}x{h}, Model hash: 4c8f0a, Model: unveiled_demo_v1"
)


def _photos():
    from detector.analysis.manipulations import SAMPLE_PHOTOS

    return {photo.name: photo for photo in SAMPLE_PHOTOS}


def _load_photo(name: str) -> np.ndarray:
    import cv2

    image = _photos()[name].load()
    height, width = image.shape[:2]
    scale = MAX_SIDE / max(height, width)
    if scale < 1:
        size = (round(width * scale), round(height * scale))
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return image


def _encode(image: np.ndarray, *, label: str | None, seed: int) -> tuple[bytes, str]:
    buffer = io.BytesIO()
    if label:
        info = PngImagePlugin.PngInfo()
        height, width = image.shape[:2]
        info.add_text("parameters", GENERATOR_LABEL.format(seed=seed, w=width, h=height))
        Image.fromarray(image).save(buffer, format="PNG", pnginfo=info)
        return buffer.getvalue(), "png"
    Image.fromarray(image).save(buffer, format="JPEG", quality=92)
    return buffer.getvalue(), "jpg"


def _mask_png(mask: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(mask.astype(np.uint8) * 255).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def regions_from_mask(mask: np.ndarray, *, min_area: int = 25) -> list[dict]:
    """Bounding boxes of the changed areas, largest first."""
    import cv2

    count, _, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    boxes = [
        {"x": int(x), "y": int(y), "w": int(w), "h": int(h)}
        for x, y, w, h, area in stats[1:count]
        if area >= min_area
    ]
    return sorted(boxes, key=lambda b: b["w"] * b["h"], reverse=True)[:4]


def _build(row: dict) -> dict:
    """Pictures, mask and regions for one starter item."""
    from detector.analysis.manipulations import GENERATORS, splice

    original = _load_photo(row["photo"])
    make, seed = row.get("make"), row.get("seed", 0)
    rng = np.random.default_rng(seed)
    changed, mask = original, None
    if make and make.startswith("splice:"):
        result = splice(original, _load_photo(make.split(":", 1)[1]), rng=rng)
        changed, mask = result.image, result.mask
    elif make:
        result = GENERATORS[make](original, rng=rng)
        changed, mask = result.image, result.mask
    label = row.get("label")
    whole_image = mask is not None and mask.mean() > 0.9
    built = {
        "regions": [] if mask is None or whole_image else regions_from_mask(mask),
        "mask": None if mask is None or whole_image else _mask_png(mask),
    }
    if row["kind"] == "pair":
        fake, _ = _encode(changed, label=None, seed=seed)
        real, _ = _encode(original, label=None, seed=seed)
        built["a"], built["b"] = (fake, real) if row["fake_side"] == "a" else (real, fake)
        built["extension"] = "jpg"
    else:
        built["a"], built["extension"] = _encode(changed, label=label, seed=seed)
    return built


def video_recipe(row: dict) -> str:
    """What a starter clip is made from and how it is encoded: equal recipes, equal clips."""
    from . import starter_video

    parts = {
        "photo": row["video"],
        "donor": row.get("donor"),
        "seed": row.get("seed", 0),
        "clip": [starter_video.WIDTH, starter_video.HEIGHT, starter_video.FPS],
        "frames": [starter_video.SECONDS, starter_video.DRIFT, starter_video.RECIPE_VERSION],
        "encoding": starter_video.ENCODING,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _same_bytes(field, data: bytes | None) -> bool:
    if not field:
        return data is None
    if data is None:
        return False
    try:
        with field.open("rb") as handle:
            stored = handle.read()
    except FileNotFoundError:
        return False
    return hashlib.sha256(stored).digest() == hashlib.sha256(data).digest()


def _alt_text(row: dict) -> str:
    photo = _photos()[row["photo"]]
    if row["kind"] == "pair":
        return f"Two versions of: {photo.title}"
    return photo.title


def _load_item(quiz: Quiz, order: int, row: dict) -> tuple[Item, bool]:
    item = Item.objects.filter(quiz=quiz, key=row["key"]).first() or Item(quiz=quiz, key=row["key"])
    kind = row.get("kind", "statement")
    truth = row.get("truth") or ("fake" if kind == "spot" else row.get("fake_side"))
    item.order = order
    item.kind = kind
    item.truth = truth
    item.prompt = row["prompt"]
    item.explanation = row["explanation"].strip()
    item.cues = list(row.get("cues", []))
    if "video" in row:
        return _load_video_item(item, row)
    if "photo" not in row:
        item.media_kind = Item.MediaKind.NONE
        item.credit, item.licence = OWN_TEXT["credit"], OWN_TEXT["licence"]
        item.regions = []
        item.full_clean()
        item.save()
        return item, False
    photo = _photos()[row["photo"]]
    built = _build(row)
    item.media_kind = Item.MediaKind.IMAGE
    item.alt_text = _alt_text(row)
    credit = f"{photo.title}: {photo.credit}, via scikit-image sample data"
    if row.get("make"):
        donor = row["make"].split(":", 1)
        if len(donor) == 2:
            credit += (
                f"; pasted part from {_photos()[donor[1]].title} ({_photos()[donor[1]].credit})"
            )
        credit += "; edited in code by Unveiled"
    item.credit = credit[:200]
    item.licence = photo.licence
    item.regions = built["regions"]
    item.tolerance = 16
    changed = False
    for side, key in (("a", "a"), ("b", "b"), ("mask", "mask")):
        data = built.get(key)
        field = {"a": item.media, "b": item.media_b, "mask": item.mask}[side]
        if _same_bytes(field, data):
            continue
        changed = True
        if data is None:
            field.delete(save=False)
        else:
            extension = "png" if side == "mask" else built["extension"]
            item_set_media(item=item, data=data, extension=extension, side=side)
    if item.media and not item.media_width:
        with Image.open(io.BytesIO(built["a"])) as img:
            item.media_width, item.media_height = img.size
    item.full_clean()
    item.save()
    return item, changed


def _load_video_item(item: Item, row: dict) -> tuple[Item, bool]:
    from .starter_video import HEIGHT, WIDTH, clip

    photo = _photos()[row["video"]]
    mirrored = row.get("donor") == "mirror"
    recipe = video_recipe(row)
    # x264 does not always give the same bytes for the same frames (2 encodes in 24 differed
    # on a busy machine), so an unchanged recipe, not equal bytes, means "nothing to do".
    changed = not (
        item.media and item.media_recipe == recipe and item.media.storage.exists(item.media.name)
    )
    item.media_kind = Item.MediaKind.VIDEO
    item.alt_text = f"A short video made from the photo: {photo.title}"
    edited = "; a mirrored part pasted in" if mirrored else ""
    credit = f"{photo.title}: {photo.credit}, via scikit-image sample data"
    item.credit = f"{credit}; animated{edited} in code by Unveiled"[:200]
    item.licence = photo.licence
    item.regions = []
    if changed:  # only then is the photo loaded and the clip made
        image = _load_photo(row["video"])
        donor = image[:, ::-1].copy() if mirrored else None
        data = clip(image, donor=donor, seed=row.get("seed", 0))
        item_set_media(item=item, data=data, extension="mp4")
        item.media_recipe = recipe
    item.media_width, item.media_height = WIDTH, HEIGHT
    item.full_clean()
    item.save()
    return item, changed


@transaction.atomic
def load() -> dict[str, int]:
    quizzes = items = queued = 0
    for spec in QUIZZES:
        quiz, _ = Quiz.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "description": spec["description"],
                "level": spec["level"],
                "estimated_minutes": spec["estimated_minutes"],
                "machine_informed": spec["machine_informed"],
                "published": True,
            },
        )
        quizzes += 1
        for order, row in enumerate(spec["items"], 1):
            item, _ = _load_item(quiz, order * 10, row)
            queued += item_analyse(item=item)
            items += 1
    return {"quizzes": quizzes, "quiz items": items, "detector analyses queued": queued}
