"""Read the labels a file carries about itself: EXIF, PNG text chunks and XMP packets.

Pure functions over raw bytes. Every input is treated as hostile: containers are walked with
bounds checks, decompression and XML are capped, and a malformed block is skipped and named in
`Found.skipped` instead of raising. The provenance analyzer decides what the findings mean.
"""

from __future__ import annotations

import json
import re
import struct
import warnings
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from .interrupt import STOP

MAX_TEXT_BYTES = 4 * 1024 * 1024  # ComfyUI workflows reach a few hundred kB; bombs go far beyond
MAX_TOTAL_TEXT_BYTES = 16 * 1024 * 1024
MAX_XMP_BYTES = 1024 * 1024

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_JPEG_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_PNG_KEYWORD = "XML:com.adobe.xmp"
IPTC_EXT = "{http://iptc.org/std/Iptc4xmpExt/2008-02-29/}"
XMP_BASIC = "{http://ns.adobe.com/xap/1.0/}"
RDF_RESOURCE = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource"
SOURCE_TYPE_PREFIX = "http://cv.iptc.org/newscodes/digitalsourcetype/"

AI_SOURCE_TYPES = {
    "trainedAlgorithmicMedia": "made by an AI model trained on examples",
    "compositeWithTrainedAlgorithmicMedia": "a mix of real material and AI-generated parts",
    "algorithmicMedia": "created entirely by a computer program, without a camera",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PAIR = re.compile(r'\s*([A-Za-z][^:,"\n]{0,59}):\s*("(?:\\.|[^"\\])*"|[^,]*)\s*(?:,|$)')


@dataclass
class Found:
    """Raw metadata blocks, each with a human-readable location."""

    exif: list[tuple[str, bytes]] = field(default_factory=list)
    xmp: list[tuple[str, bytes]] = field(default_factory=list)
    text: list[tuple[str, str, str]] = field(default_factory=list)  # location, keyword, value
    checked: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def clean(value: Any, limit: int = MAX_TEXT_BYTES) -> str:
    """Printable text, safe to store as JSON anywhere (no NUL bytes or control characters)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return _CONTROL.sub("", str(value)).strip()[:limit]


def shorten(text: str, limit: int) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def read_container(data: bytes, mime: str) -> Found:
    found = Found()
    walker = {"image/jpeg": _walk_jpeg, "image/png": _walk_png, "image/webp": _walk_webp}.get(mime)
    if walker is None:
        found.skipped.append(f"unsupported type {clean(mime, 40)}")
        return found
    try:
        walker(data, found)
    except STOP:
        raise
    except Exception as exc:  # a walker bug must not hide what was already found
        found.skipped.append(f"container walk stopped: {type(exc).__name__}")
    return found


def _walk_jpeg(data: bytes, found: Found) -> None:
    found.checked.append("JPEG segments before the image data")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            found.skipped.append(f"JPEG: no segment marker at byte {pos}")
            return
        marker = data[pos + 1]
        if marker == 0xFF or marker == 0x01 or 0xD0 <= marker <= 0xD8:
            pos += 1 if marker == 0xFF else 2  # fill byte or a marker without a length
            continue
        if marker in (0xDA, 0xD9):  # start of scan / end of image: metadata comes before
            return
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            found.skipped.append(f"JPEG: segment at byte {pos} claims {length} bytes past the end")
            return
        payload = data[pos + 4 : pos + 2 + length]
        if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
            found.exif.append(("JPEG APP1 EXIF", payload))
        elif marker == 0xE1 and payload.startswith(XMP_JPEG_HEADER):
            found.xmp.append(("JPEG APP1 XMP", payload[len(XMP_JPEG_HEADER) :]))
        elif marker == 0xFE:
            found.text.append(("JPEG COM comment", "comment", clean(payload)))
        pos += 2 + length


def _walk_png(data: bytes, found: Found) -> None:
    found.checked.append("PNG chunks")
    pos, budget = len(PNG_SIGNATURE), MAX_TOTAL_TEXT_BYTES
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        name = kind.decode("latin-1").encode("ascii", "replace").decode()
        end = pos + 12 + length
        if end > len(data):
            found.skipped.append(f"PNG {name} chunk at byte {pos} runs past the end of the file")
            return
        body, crc = data[pos + 8 : end - 4], data[end - 4 : end]
        if kind in (b"tEXt", b"zTXt", b"iTXt", b"eXIf"):
            if zlib.crc32(kind + body) != int.from_bytes(crc, "big"):
                found.skipped.append(f"PNG {name} chunk at byte {pos}: bad checksum")
            elif kind == b"eXIf":
                found.exif.append(("PNG eXIf chunk", body))
            else:
                try:
                    keyword, text = _png_text(kind, body, budget)
                except ValueError as exc:
                    found.skipped.append(f"PNG {name} chunk at byte {pos}: {exc}")
                else:
                    budget -= len(text)
                    location = f"PNG {name} {keyword}"
                    found.checked.append(location)
                    if keyword == XMP_PNG_KEYWORD:
                        found.xmp.append((location, text.encode("utf-8")))
                    else:
                        found.text.append((location, keyword, text))
        if kind == b"IEND":
            return
        pos = end


def _png_text(kind: bytes, body: bytes, budget: int) -> tuple[str, str]:
    keyword, sep, rest = body.partition(b"\x00")
    if not sep or not 1 <= len(keyword) <= 79:
        raise ValueError("no keyword")
    if kind == b"tEXt":
        return clean(keyword.decode("latin-1"), 79), rest.decode("latin-1")
    if kind == b"zTXt":
        return clean(keyword.decode("latin-1"), 79), _inflate(rest[1:], budget).decode("latin-1")
    if len(rest) < 2:
        raise ValueError("truncated header")
    compressed, rest = rest[0], rest[2:]
    _language, _, rest = rest.partition(b"\x00")
    _translated, sep, text = rest.partition(b"\x00")
    if not sep:
        raise ValueError("truncated header")
    raw = _inflate(text, budget) if compressed else text
    return clean(keyword.decode("latin-1"), 79), raw.decode("utf-8", "replace")


def _inflate(data: bytes, budget: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, min(MAX_TEXT_BYTES, budget) + 1)
    except zlib.error as exc:
        raise ValueError("corrupt compressed text") from exc
    if len(out) > min(MAX_TEXT_BYTES, budget):
        raise ValueError("compressed text too large")
    if not inflater.eof:
        raise ValueError("compressed text is truncated")
    return out


def _walk_webp(data: bytes, found: Found) -> None:
    found.checked.append("WebP RIFF chunks")
    end = min(len(data), 8 + int.from_bytes(data[4:8], "little"))
    pos = 12
    while pos + 8 <= end:
        fourcc, size = data[pos : pos + 4], int.from_bytes(data[pos + 4 : pos + 8], "little")
        if pos + 8 + size > end:
            found.skipped.append(f"WebP chunk at byte {pos} runs past the end of the file")
            return
        body = data[pos + 8 : pos + 8 + size]
        if fourcc == b"EXIF":
            found.exif.append(("WebP EXIF chunk", body))
        elif fourcc == b"XMP ":
            found.xmp.append(("WebP XMP chunk", body))
        pos += 8 + size + (size & 1)  # chunks are padded to an even length


EXIF_TAGS = {0x010F: "make", 0x0110: "model", 0x0131: "software", 0x0132: "datetime"}
EXIF_TAGS |= {0x010E: "image_description", 0x013B: "artist"}
EXIF_SUB_TAGS = {0x9003: "datetime_original", 0xA434: "lens_model", 0x9286: "user_comment"}


def read_exif(raw: bytes) -> dict[str, str]:
    """The EXIF fields that matter here; raises ValueError when the block is not usable."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exif = Image.Exif()
        try:
            exif.load(raw)
            sub = exif.get_ifd(0x8769)
        except STOP:
            raise
        except Exception as exc:  # Pillow raises SyntaxError, struct.error, ValueError, ...
            raise ValueError(f"unreadable EXIF ({type(exc).__name__})") from exc
    fields = {name: exif.get(tag) for tag, name in EXIF_TAGS.items()}
    fields |= {name: sub.get(tag) for tag, name in EXIF_SUB_TAGS.items()}
    if isinstance(fields["user_comment"], bytes):
        fields["user_comment"] = decode_user_comment(fields["user_comment"])
    out = {k: clean(v) for k, v in fields.items() if v not in (None, b"", "")}
    if caught and not out:
        raise ValueError("corrupt EXIF")
    return {k: v for k, v in out.items() if v}


def decode_user_comment(raw: bytes) -> str:
    """EXIF UserComment: an 8-byte character-set prefix, then the text."""
    prefix, body = raw[:8], raw[8:]
    if prefix == b"UNICODE\x00":
        if body[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return body.decode("utf-16", "replace")
        # No byte-order mark: writers differ (piexif writes big-endian), so let the zero high
        # bytes of mostly-Latin text tell which order it is.
        big = body[0::2].count(0) >= body[1::2].count(0)
        return body.decode("utf-16-be" if big else "utf-16-le", "replace")
    if prefix == b"JIS\x00\x00\x00\x00\x00":
        return body.decode("shift_jis", "replace")
    return body.decode("utf-8", "replace")  # ASCII (often really UTF-8) or undefined


def read_xmp(packet: bytes) -> dict[str, list[str]]:
    """DigitalSourceType and CreatorTool values; ValueError when refused or unparsable."""
    if len(packet) > MAX_XMP_BYTES:
        raise ValueError("XMP packet larger than 1 MB, not parsed")
    try:
        text = packet.decode("utf-8").strip("\ufeff\x00 \t\r\n")
    except UnicodeDecodeError as exc:
        raise ValueError("XMP packet is not UTF-8") from exc
    lowered = text.lower()
    # Entities are the way to blow up an XML parser; XMP never needs them. A NUL could hide
    # the declaration in UTF-16; parsing str (not bytes) stops expat from switching encoding.
    if "<!doctype" in lowered or "<!entity" in lowered or "\x00" in text:
        raise ValueError("XMP packet declares a DOCTYPE or entities (or hides them), refused")
    text = re.sub(r"^<\?xml[^>]*\?>", "", text)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise ValueError(f"garbled XMP ({exc})") from exc
    found: dict[str, list[str]] = {"digital_source_types": [], "creator_tools": []}
    targets = {IPTC_EXT + "DigitalSourceType": "digital_source_types"}
    targets[XMP_BASIC + "CreatorTool"] = "creator_tools"
    for element in root.iter():
        for tag, key in targets.items():
            values = [element.get(tag)]
            if element.tag == tag:
                values += [element.get(RDF_RESOURCE), element.text]
                values += [li.text for li in element.iter() if li is not element]
            found[key] += [clean(v, 300) for v in values if v and v.strip()]
    return found


def digital_source_type(value: str) -> str | None:
    """The IPTC code name ("trainedAlgorithmicMedia") if `value` declares AI, else None."""
    name = value.strip().removeprefix(SOURCE_TYPE_PREFIX).rstrip("/")
    return name if name in AI_SOURCE_TYPES else None


def parse_a1111(text: str) -> dict[str, Any] | None:
    """AUTOMATIC1111 `parameters`: prompt, "Negative prompt: …", then a line of settings."""
    lines = text.strip().splitlines()
    if not lines:
        return None
    settings = _pairs(lines[-1])
    if len(settings) < 2 or not {"Steps", "Sampler", "Seed"} & settings.keys():
        return None
    body = lines[:-1]
    negative_at = next((i for i, ln in enumerate(body) if ln.startswith("Negative prompt:")), None)
    prompt_lines = body if negative_at is None else body[:negative_at]
    negative = "" if negative_at is None else "\n".join(body[negative_at:])[16:]
    prompt = "\n".join(prompt_lines).strip()
    return {"prompt": prompt, "negative_prompt": negative.strip(), "settings": settings}


def _pairs(line: str) -> dict[str, str]:
    settings: dict[str, str] = {}
    for match in _PAIR.finditer(line):
        key, value = match.group(1).strip(), match.group(2).strip()
        if value.startswith('"') and value.endswith('"') and len(value) >= 2:
            try:
                value = str(json.loads(value))  # A1111 quotes values that contain commas
            except ValueError:
                value = value[1:-1]
        if len(settings) < 60:
            settings[clean(key, 60)] = clean(value, 300)
    return settings


_LOADERS = {"CheckpointLoaderSimple": "ckpt_name", "CheckpointLoader": "ckpt_name"}
_LOADERS |= {"UNETLoader": "unet_name", "ImageOnlyCheckpointLoader": "ckpt_name"}
_SAMPLER_KEYS = ("seed", "noise_seed", "steps", "cfg", "sampler_name", "scheduler", "denoise")


def parse_comfyui(prompt: str | None, workflow: str | None) -> dict[str, Any]:
    """ComfyUI `prompt` (API graph) and `workflow` (UI graph).

    `found` is False when neither holds a node graph; `broken` names the chunks that are not one.
    """
    graph, ui = _json_object(prompt), _json_object(workflow)
    nodes = [n for n in graph.values() if isinstance(n, dict) and "class_type" in n]
    ui_list = ui.get("nodes")
    ui_nodes = [n for n in ui_list if isinstance(n, dict)] if isinstance(ui_list, list) else []
    broken = [
        name
        for name, raw, usable in (("prompt", prompt, nodes), ("workflow", workflow, ui_nodes))
        if raw is not None and not usable
    ]
    models, texts, settings, positive = [], [], {}, None
    for node in nodes:
        kind, inputs = node.get("class_type"), node.get("inputs")
        inputs = inputs if isinstance(inputs, dict) else {}
        if isinstance(inputs.get(_LOADERS.get(kind, "")), str):
            models.append(inputs[_LOADERS[kind]])
        if kind in ("KSampler", "KSamplerAdvanced") and not settings:
            settings = {k: inputs[k] for k in _SAMPLER_KEYS if _scalar(inputs.get(k))}
            link = inputs.get("positive")
            positive = graph.get(str(link[0])) if isinstance(link, list) and link else None
        text = inputs.get("text", inputs.get("text_g"))
        if str(kind).startswith("CLIPTextEncode") and isinstance(text, str):
            texts.append(text)
    positive_inputs = positive.get("inputs") if isinstance(positive, dict) else None
    if isinstance(positive_inputs, dict):
        text = positive_inputs.get("text", positive_inputs.get("text_g"))
        if isinstance(text, str):
            texts.insert(0, text)  # the sampler's positive input beats node order
    for node in ui_nodes:
        values = node.get("widgets_values")
        first = values[0] if isinstance(values, list) and values else None
        if isinstance(first, str) and node.get("type") in _LOADERS and not models:
            models.append(first)
        elif isinstance(first, str) and str(node.get("type")).startswith("CLIPTextEncode"):
            texts.append(first)
    settings = {k: _plain(v) for k, v in settings.items()}
    models = [clean(m, 200) for m in models[:5]]
    prompt = texts[0] if texts else ""
    found = bool(nodes or ui_nodes)
    return {
        "found": found,
        "broken": broken,
        "prompt": prompt,
        "models": models,
        "settings": settings,
    }


def _json_object(text: str | None) -> dict:
    try:
        value = json.loads(text) if text else {}
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _plain(value: str | int | float) -> str | int | float:
    return clean(value, 100) if isinstance(value, str) else value


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def parse_novelai(text: dict[str, str]) -> dict[str, Any] | None:
    """NovelAI PNG text: Software "NovelAI", Description = prompt, Comment = JSON settings."""
    if text.get("Software", "").strip() != "NovelAI":
        return None
    comment = _json_object(text.get("Comment"))
    keys = ("steps", "sampler", "seed", "scale", "noise_schedule", "width", "height")
    settings = {k: _plain(comment[k]) for k in keys if _scalar(comment.get(k))}
    prompt = text.get("Description") or comment.get("prompt")
    return {
        "prompt": prompt if isinstance(prompt, str) else "",
        "model": clean(text.get("Source", ""), 200),
        "settings": settings,
        "comment_ok": bool(comment),
    }
