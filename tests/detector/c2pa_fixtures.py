"""Files with Content Credentials, signed in the test session by a throwaway test CA."""

from __future__ import annotations

import datetime
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/"
SIGNER_NAME = "Unveiled Test Camera"
SIGNER_ORG = "Unveiled Test Devices"


@dataclass(frozen=True)
class TestPki:
    ca_pem: bytes
    chain_pem: bytes  # leaf first, then the CA, as c2pa expects
    key_pem: bytes


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        ]
    )


def _key_usage(*, sign: bool, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


@functools.cache
def pki() -> TestPki:
    """A P-256 root CA and a leaf that may sign Content Credentials (made once per session)."""
    now = datetime.datetime.now(datetime.UTC)
    valid = {
        "not_valid_before": now - datetime.timedelta(days=1),
        "not_valid_after": now + datetime.timedelta(days=30),
    }
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("Unveiled Test Root CA", "Unveiled Test PKI")
    ca = (
        x509.CertificateBuilder(
            subject_name=ca_name,
            issuer_name=ca_name,
            public_key=ca_key.public_key(),
            serial_number=x509.random_serial_number(),
            **valid,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage(sign=False, ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder(
            subject_name=_name(SIGNER_NAME, SIGNER_ORG),
            issuer_name=ca_name,
            public_key=leaf_key.public_key(),
            serial_number=x509.random_serial_number(),
            **valid,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(sign=True, ca=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_pem = ca.public_bytes(serialization.Encoding.PEM)
    return TestPki(
        ca_pem=ca_pem,
        chain_pem=leaf.public_bytes(serialization.Encoding.PEM) + ca_pem,
        key_pem=leaf_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )


def write_trust_list(folder: Path) -> Path:
    """A trust-anchor folder holding the test CA, as an admin would configure it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "unveiled-test-root.pem").write_bytes(pki().ca_pem)
    return folder


def action(name: str, source_type: str | None = None, **fields) -> dict:
    entry = {"action": name, **fields}
    if source_type:
        entry["digitalSourceType"] = SOURCE_TYPE + source_type
    return entry


def manifest(*actions: dict, generator: str = "Unveiled Test Camera", title: str = "") -> dict:
    definition = {
        "claim_generator_info": [{"name": generator, "version": "1.0"}],
        "assertions": [{"label": "c2pa.actions", "data": {"actions": list(actions)}}],
    }
    if title:
        definition["title"] = title
    return definition


CAPTURE = (action("c2pa.created", "digitalCapture"),)


def sign(
    definition: dict,
    source: bytes,
    mime: str = "image/jpeg",
    *,
    ingredient: tuple[str, bytes, str] | None = None,
) -> bytes:
    """`source` with a manifest signed by the test leaf; `ingredient` is (label, bytes, mime)."""
    import c2pa

    credentials = pki()
    signer = c2pa.Signer.from_info(
        c2pa.C2paSignerInfo(
            alg=c2pa.C2paSigningAlg.ES256,
            sign_cert=credentials.chain_pem,
            private_key=credentials.key_pem,
            ta_url=None,
        )
    )
    out = io.BytesIO()
    with signer, c2pa.Builder(definition) as builder:
        if ingredient is not None:
            label, data, ingredient_mime = ingredient
            builder.add_ingredient(
                {"title": f"{label}.png", "relationship": "parentOf", "label": label},
                ingredient_mime,
                io.BytesIO(data),
            )
        builder.sign(signer, mime, io.BytesIO(source), out)
    return out.getvalue()


def change_one_pixel_byte(jpeg: bytes) -> bytes:
    """Flip one bit of the compressed pixel data, far from any marker: an invisible edit."""
    scan = jpeg.rindex(b"\xff\xda")
    position = scan + (len(jpeg) - scan) // 2
    while jpeg[position] == 0xFF or jpeg[position - 1] == 0xFF or jpeg[position] == 0xFE:
        position += 1
    return jpeg[:position] + bytes([jpeg[position] ^ 0x01]) + jpeg[position + 1 :]


def flip_manifest_byte(signed: bytes, offset: int = 500) -> bytes:
    """Change one byte inside the embedded manifest: the signed claims no longer add up."""
    position = signed.index(b"jumb") + offset
    return signed[:position] + bytes([signed[position] ^ 0x20]) + signed[position + 1 :]


def damage_manifest(signed: bytes) -> bytes:
    """Zero out part of the embedded manifest (JUMBF) while keeping the file a valid image."""
    start = signed.index(b"jumb")
    return signed[: start + 40] + bytes(60) + signed[start + 100 :]
