"""Images with metadata, made in code: generator settings, EXIF, XMP and broken containers."""

import functools
import io
import struct
import zlib

import numpy as np
from PIL import Image, PngImagePlugin

SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/"


def pixels(width: int = 96, height: int = 64, seed: int = 0) -> np.ndarray:
    """A gradient with a little noise: enough to encode, small enough to be fast."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([x / width * 200, y / height * 180, (x + y) / (width + height) * 220], -1)
    return np.clip(base + rng.normal(0, 6, base.shape), 0, 255).astype(np.uint8)


GRAIN_SQUARE = (128, 256, 128)  # top, left, side of the square `grainy_astronaut` pastes


def grainy_astronaut(pasted_sigma: float) -> np.ndarray:
    """The astronaut with a light even grain, and a square with stronger grain pasted in."""
    from skimage import data as samples

    top, left, side = GRAIN_SQUARE
    rng = np.random.default_rng(0)
    picture = samples.astronaut().astype(np.float32) + rng.normal(0, 2, (512, 512, 3))
    if pasted_sigma:
        square = rng.normal(0, pasted_sigma, (side, side, 3))
        picture[top : top + side, left : left + side] += square
    return np.clip(picture, 0, 255).astype(np.uint8)


def save(array: np.ndarray, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format=fmt, **params)
    return buffer.getvalue()


def png_with_text(chunks: dict[str, str], *, compressed: bool = False) -> bytes:
    """A PNG with one text chunk per entry (tEXt, zTXt if `compressed`, iTXt if not Latin-1)."""
    info = PngImagePlugin.PngInfo()
    for keyword, value in chunks.items():
        info.add_text(keyword, value, zip=compressed)
    return save(pixels(), "PNG", pnginfo=info)


def png_with_xmp(xmp: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp)
    return save(pixels(), "PNG", pnginfo=info)


def png_chunk(kind: bytes, body: bytes, *, crc: int | None = None) -> bytes:
    crc = zlib.crc32(kind + body) if crc is None else crc
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def insert_before_iend(png: bytes, chunk: bytes) -> bytes:
    iend = png.rindex(b"IEND") - 4
    return png[:iend] + chunk + png[iend:]


def jpeg_with_xmp(xmp: str | bytes, base: bytes | None = None) -> bytes:
    """Insert an APP1 XMP segment right after the start-of-image marker."""
    base = base if base is not None else save(pixels(), "JPEG", quality=90)
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + (xmp.encode() if isinstance(xmp, str) else xmp)
    return base[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + base[2:]


def webp_with_xmp(xmp: str | bytes) -> bytes:
    return save(pixels(), "WEBP", xmp=xmp.encode() if isinstance(xmp, str) else xmp)


def user_comment(text: str, encoding: str = "unicode-be") -> bytes:
    """EXIF UserComment bytes with their 8-byte character-set prefix."""
    if encoding == "ascii":
        return b"ASCII\x00\x00\x00" + text.encode("ascii")
    return b"UNICODE\x00" + text.encode("utf-16-be" if encoding == "unicode-be" else "utf-16-le")


def exif_bytes(
    make: str | None = None,
    model: str | None = None,
    software: str | None = None,
    user_comment: bytes | None = None,
    taken: str | None = None,
) -> bytes:
    exif = Image.Exif()
    for tag, value in ((0x010F, make), (0x0110, model), (0x0131, software)):
        if value is not None:
            exif[tag] = value
    sub = exif.get_ifd(0x8769)
    if user_comment is not None:
        sub[0x9286] = user_comment
    if taken is not None:
        sub[0x9003] = taken
    return exif.tobytes()


def jpeg_with_exif(make=None, model=None, software=None, user_comment=None, taken=None) -> bytes:
    exif = exif_bytes(make, model, software, user_comment, taken)
    return save(pixels(), "JPEG", quality=90, exif=exif)


def webp_with_exif(**fields) -> bytes:
    return save(pixels(), "WEBP", exif=exif_bytes(**fields))


@functools.cache
def _astronaut() -> np.ndarray:
    from skimage import data

    return np.asarray(Image.fromarray(data.astronaut()).resize((256, 256)))


def plain_photo_jpeg(**exif_fields) -> bytes:
    """A natural photograph (NASA's astronaut portrait), optionally with EXIF fields."""
    params = {"exif": exif_bytes(**exif_fields)} if exif_fields else {}
    return save(_astronaut(), "JPEG", quality=88, **params)


def xmp_packet(source_type: str, *, form: str = "attribute", creator_tool: str = "") -> str:
    """An XMP packet declaring an IPTC DigitalSourceType as an attribute, element or resource."""
    uri = SOURCE_TYPE + source_type
    ns = (
        'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
    )
    tool = f' xmp:CreatorTool="{creator_tool}"' if creator_tool else ""
    if form == "attribute":
        description = f'<rdf:Description {ns}{tool} Iptc4xmpExt:DigitalSourceType="{uri}"/>'
    elif form == "element":
        body = f"<Iptc4xmpExt:DigitalSourceType>{uri}</Iptc4xmpExt:DigitalSourceType>"
        description = f"<rdf:Description {ns}{tool}>{body}</rdf:Description>"
    else:
        body = f'<Iptc4xmpExt:DigitalSourceType rdf:resource="{uri}"/>'
        description = f"<rdf:Description {ns}{tool}>{body}</rdf:Description>"
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f"{description}</rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
