"""Provenance metadata: does the file say, in its own labels, that an AI tool made it?

Looks for generator settings (AUTOMATIC1111, ComfyUI, NovelAI), the IPTC DigitalSourceType in
XMP, and generator names in Software fields. Such a label decides the verdict ("declared AI");
camera and editor details are only reported, because anyone can edit them.
"""

from __future__ import annotations

import re
from typing import Any

from .. import metadata as md
from ..registry import Analyzer, register
from ..types import Evidence, Hint, Media, MediaKind, Strength

TITLE = "Metadata and generator labels"
RELIABILITY = (
    "These labels are written voluntarily by the tool that made the file. Most social networks, "
    "messaging apps and screenshots strip them, and anyone can add, change or forge one with "
    "free tools. A label is the file's own statement; a missing label proves nothing."
)

# Letters and digits of a Software/CreatorTool value (lower case) and the name we report.
# Matching on letters only survives odd encodings ("DALL·E", "DALL-E", "DALLÂ·E").
GENERATORS = [
    ("novelai", "NovelAI"),
    ("midjourney", "Midjourney"),
    ("dalle", "DALL·E"),
    ("firefly", "Adobe Firefly"),
    ("stablediffusion", "Stable Diffusion"),
    ("automatic1111", "AUTOMATIC1111 Stable Diffusion web UI"),
    ("comfyui", "ComfyUI"),
    ("invokeai", "InvokeAI"),
    ("invoke", "Invoke"),
    ("fooocus", "Fooocus"),
    ("dreamstudio", "DreamStudio"),
    ("ideogram", "Ideogram"),
    ("leonardoai", "Leonardo.Ai"),
]
EDITORS = [
    ("photoshop", "Adobe Photoshop"),
    ("lightroom", "Adobe Lightroom"),
    ("gimp", "GIMP"),
    ("snapseed", "Snapseed"),
    ("affinityphoto", "Affinity Photo"),
    ("pixelmator", "Pixelmator"),
    ("paintnet", "Paint.NET"),
    ("captureone", "Capture One"),
    ("darktable", "darktable"),
    ("rawtherapee", "RawTherapee"),
    ("photopea", "Photopea"),
    ("picsart", "Picsart"),
    ("facetune", "Facetune"),
    ("canva", "Canva"),
    ("krita", "Krita"),
]
GENERATOR_NAMES = {
    "a1111": "AUTOMATIC1111 Stable Diffusion web UI",
    "comfyui": "ComfyUI",
    "novelai": "NovelAI",
}
PRIORITY = {"a1111": 0, "comfyui": 0, "novelai": 0, "iptc": 1, "software": 2}


def name_in(value: str, table: list[tuple[str, str]]) -> str | None:
    letters = re.sub(r"[^a-z0-9]", "", value.lower())
    return next((name for needle, name in table if needle in letters), None)


@register("provenance")
class ProvenanceAnalyzer(Analyzer):
    applies_to = frozenset({MediaKind.IMAGE})
    time_budget_s = 10.0
    typical_ms = 1

    def analyze(self, media: Media) -> Evidence:
        found = md.read_container(media.data, media.mime)
        checked, skipped = list(found.checked), list(found.skipped)
        exif: dict[str, str] = {}
        for location, raw in found.exif:
            checked.append(location)
            try:
                exif = md.read_exif(raw) | exif  # the first block wins where both have a field
            except ValueError as exc:
                skipped.append(f"{location}: {exc}")
        text = {key: value for _, key, value in reversed(found.text)}  # the first chunk wins
        where = {key: location for location, key, _ in reversed(found.text)}

        declarations = _generator_settings(exif, text, where, skipped)
        source_types, creator_tools = _xmp(found, checked, skipped, declarations)
        named = [
            ("EXIF Software", exif.get("software")),
            (where.get("Software"), text.get("Software")),
        ]
        named = [(loc, value) for loc, value in named + creator_tools if value]
        software = list(dict.fromkeys(value for _, value in named))
        declared_names = {d["generator"] for d in declarations}
        for location, value in named:
            generator = name_in(value, GENERATORS)
            if generator and generator not in declared_names:
                declared_names.add(generator)
                value = md.shorten(value, 200)
                declarations.append(_declaration("software", location, generator, value=value))
        declarations.sort(key=lambda d: PRIORITY[d["source"]])

        data: dict[str, Any] = {
            "declarations": declarations,
            "exif": {k: md.shorten(v, 300) for k, v in exif.items()},
            "software": [md.shorten(s, 200) for s in dict.fromkeys(software)],
            "editors": sorted({e for s in software if (e := name_in(s, EDITORS))}),
            "digital_source_types": source_types,
            "text_keys": sorted(where)[:50],
            "checked": checked,
            "skipped": skipped,
        }
        has_metadata = bool(found.exif or found.xmp or found.text)
        if declarations:
            return Evidence(
                analyzer=self.name,
                title=TITLE,
                verdict_hint=Hint.SYNTHETIC,
                score=0.99,
                strength=Strength.DECISIVE,
                summary=_declared_summary(declarations),
                details=_details(data),
                reliability=RELIABILITY,
                data=data,
            )
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=Hint.NEUTRAL,
            score=None,
            strength=Strength.WEAK,
            summary=_neutral_summary(exif, data["software"], has_metadata),
            details=_details(data),
            reliability=RELIABILITY,
            data=data,
        )


def _generator_settings(
    exif: dict[str, str], text: dict[str, str], where: dict[str, str], skipped: list[str]
) -> list[dict[str, Any]]:
    """A1111, ComfyUI and NovelAI settings found in text chunks or the EXIF UserComment."""
    declarations = []
    candidates = [(where[k], text[k]) for k in ("parameters", "comment") if k in text]
    if "user_comment" in exif:
        candidates.append(("EXIF UserComment", exif["user_comment"]))
    for location, raw in candidates:
        if parsed := md.parse_a1111(raw):
            settings = parsed["settings"]
            model = settings.get("Model") or settings.get("Model hash", "")
            declarations.append(
                _declaration(
                    "a1111",
                    location,
                    model=model,
                    settings=settings,
                    prompt=parsed["prompt"],
                    negative_prompt=parsed["negative_prompt"],
                )
            )
            break
    if "prompt" in text or "workflow" in text:
        parsed = md.parse_comfyui(text.get("prompt"), text.get("workflow"))
        skipped += [
            f"{where[k]}: not a ComfyUI node graph (invalid JSON?)" for k in parsed["broken"]
        ]
        if parsed["found"]:
            location = " and ".join(where[k] for k in ("prompt", "workflow") if k in where)
            model = parsed["models"][0] if parsed["models"] else ""
            declarations.append(
                _declaration(
                    "comfyui",
                    location,
                    model=model,
                    settings=parsed["settings"],
                    prompt=parsed["prompt"],
                    models=parsed["models"],
                )
            )
    if parsed := md.parse_novelai(text):
        if "Comment" in text and not parsed["comment_ok"]:
            skipped.append(f"{where['Comment']}: NovelAI settings are not valid JSON")
        location = where.get("Description", where["Software"])
        declarations.append(
            _declaration(
                "novelai",
                location,
                model=parsed["model"],
                settings=parsed["settings"],
                prompt=parsed["prompt"],
            )
        )
    return declarations


def _xmp(
    found: md.Found, checked: list[str], skipped: list[str], declarations: list[dict]
) -> tuple[list[str], list[tuple[str, str]]]:
    """Adds IPTC declarations; returns every DigitalSourceType and the CreatorTool values."""
    source_types: list[str] = []
    creator_tools: list[tuple[str, str]] = []
    for location, packet in found.xmp:
        checked.append(location)
        try:
            values = md.read_xmp(packet)
        except ValueError as exc:
            skipped.append(f"{location}: {exc}")
            continue
        creator_tools += [(f"{location} CreatorTool", v) for v in values["creator_tools"]]
        for value in values["digital_source_types"]:
            source_types.append(value)
            if code := md.digital_source_type(value):
                declarations.append(
                    _declaration(
                        "iptc",
                        f"{location} Iptc4xmpExt:DigitalSourceType",
                        "",
                        digital_source_type=code,
                        value=value,
                    )
                )
    return source_types, creator_tools


def _declaration(source: str, location: str, generator: str | None = None, **fields) -> dict:
    declaration = {
        "source": source,
        "location": location,
        "generator": GENERATOR_NAMES.get(source, "") if generator is None else generator,
        "model": md.shorten(fields.pop("model", ""), 200),
        "settings": fields.pop("settings", {}),
        "prompt": md.shorten(fields.pop("prompt", ""), 300),
    }
    if "negative_prompt" in fields:
        fields["negative_prompt"] = md.shorten(fields["negative_prompt"], 300)
    return declaration | fields


def _declared_summary(declarations: list[dict[str, Any]]) -> str:
    first = declarations[0]
    settings = {k.lower(): v for k, v in first["settings"].items()}
    facts = [f'model "{md.shorten(first["model"], 60)}"'] if first["model"] else []
    if "steps" in settings:
        facts.append(f"{settings['steps']} steps")
    if (seed := settings.get("seed", settings.get("noise_seed"))) is not None:
        facts.append(f"seed {seed}")
    detail = f" ({', '.join(facts)})" if facts else ""
    quote = f': "{md.shorten(first["prompt"], 80)}"' if first["prompt"] else "."
    sentence = {
        "a1111": f"The file contains settings written by the {first['generator']}",
        "comfyui": "The file contains an image-generation recipe from ComfyUI",
        "novelai": "The file says it was made with the NovelAI image generator",
    }.get(first["source"])
    if sentence:
        summary = sentence + detail + quote
    elif first["source"] == "iptc":
        code = first["digital_source_type"]
        summary = (
            f"The file carries a standard IPTC label saying the picture is "
            f'{md.AI_SOURCE_TYPES[code]} ("{code}").'
        )
    else:
        summary = (
            f"The file says it was made with {first['generator']} "
            f'(its software field reads "{md.shorten(first["value"], 60)}").'
        )
    more = len(declarations) - 1
    if more:
        labels = "another AI label" if more == 1 else f"{more} more AI labels"
        summary += f"{'.' * (not summary.endswith('.'))} It also carries {labels} (see details)."
    return summary


def _neutral_summary(exif: dict[str, str], software: list[str], has_metadata: bool) -> str:
    if not has_metadata:
        return (
            "The file carries no metadata at all: no AI label and no camera details. That is "
            "common after social media re-uploads and screenshots, so it tells us nothing "
            "either way."
        )
    make, model = exif.get("make", ""), exif.get("model", "")
    same_brand = make and model.lower().startswith(make.split()[0].lower())
    camera = model if same_brand or not make else f"{make} {model}".strip()
    found = []
    if camera:
        found.append(f"names a {md.shorten(camera, 60)} camera")
    if software:
        found.append(f'was saved with "{md.shorten(software[0], 60)}"')
    if not found:
        return "No AI label was found in the file's metadata, and it names no camera or software."
    caveat = (
        " Camera details can be edited, so this does not prove the photo is real."
        if camera
        else " Software names can be edited, so this proves nothing either way."
    )
    return f"No AI label was found. The file {' and '.join(found)}." + caveat


def _details(data: dict[str, Any]) -> str:
    lines = []
    for d in data["declarations"]:
        parts = [f"{d['location']}: {d['generator'] or d.get('digital_source_type')}"]
        if d["model"]:
            parts.append(f"model {d['model']}")
        if d["settings"]:
            parts.append("settings " + ", ".join(f"{k}={v}" for k, v in d["settings"].items()))
        if d["prompt"]:
            parts.append(f'prompt "{md.shorten(d["prompt"], 160)}"')
        lines.append("; ".join(parts) + ".")
    if data["exif"]:
        fields = ", ".join(f"{k}={md.shorten(v, 80)}" for k, v in data["exif"].items())
        lines.append(f"EXIF: {fields}.")
    if data["software"]:
        lines.append("Software named: " + "; ".join(data["software"]) + ".")
    if data["digital_source_types"]:
        lines.append("IPTC DigitalSourceType: " + ", ".join(data["digital_source_types"]) + ".")
    if data["text_keys"]:
        lines.append("Text keys: " + ", ".join(data["text_keys"]) + ".")
    lines.append("Looked at: " + (", ".join(data["checked"]) or "nothing readable") + ".")
    if data["skipped"]:
        lines.append("Skipped as malformed: " + "; ".join(data["skipped"]) + ".")
    return "\n".join(lines)
