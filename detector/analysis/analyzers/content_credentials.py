"""Content Credentials (C2PA): a signed record, inside the file, of where it came from.

Read and validated fully offline with c2pa-python: no remote manifests, no OCSP, no trust-list
download. Trust anchors are the PEM certificates in the folder an admin configures. A trusted
capture with no later edits verifies the capture; an AI declaration decides "declared AI"; a file
whose bytes no longer match the signed hash was changed after signing.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from .. import config
from ..registry import Analyzer, register
from ..types import Evidence, Hint, Media, MediaKind, Strength

TITLE = "Content Credentials (C2PA)"
RELIABILITY = (
    "A valid signature proves who signed the file and that it has not changed since; it does "
    "not prove that the scene really happened as shown. Most re-uploads, screenshots and "
    "editors strip Content Credentials, so a file without them proves nothing. Checked offline "
    "against our own trust list (C2PA specification, c2pa-python)."
)
AI_SOURCE_TYPES = frozenset(
    {"trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "algorithmicMedia"}
)
CAPTURE = "digitalCapture"
# Every other action (c2pa.edited, c2pa.cropped, c2pa.color_adjustments, c2pa.filtered,
# c2pa.resized, c2pa.placed, c2pa.removed, vendor actions, ...) counts as a later edit.
NOT_EDITS = frozenset({"c2pa.created", "c2pa.opened"})
# Failure codes saying the file's bytes differ from the ones that were signed.
CONTENT_CHANGED = frozenset(
    {
        "assertion.dataHash.mismatch",
        "assertion.bmffHash.mismatch",
        "assertion.boxesHash.mismatch",
        "assertion.collectionHash.mismatch",
    }
)
MAX_INGREDIENT_DEPTH = 8


@register("content_credentials")
class ContentCredentialsAnalyzer(Analyzer):
    applies_to = frozenset({MediaKind.IMAGE})
    # A manifest reads in milliseconds; the budget covers large files on a slow worker.
    time_budget_s = 10.0
    typical_ms = 1

    def analyze(self, media: Media) -> Evidence:
        import c2pa  # the native library loads in workers only

        anchors, trust = _trust_anchors(config.current().c2pa_trust_anchors_dir)
        data: dict[str, Any] = {"trust_list": trust}
        try:
            context = _context(c2pa, anchors)
        except c2pa.C2paError as exc:  # a certificate c2pa rejects: judge with no trust list
            trust["error"] = str(exc)[:200]
            context = _context(c2pa, "")
        try:
            with context:
                reader = c2pa.Reader.try_create(media.mime, io.BytesIO(media.data), context=context)
                if reader is None:
                    return self._evidence(Hint.NOT_APPLICABLE, data, _NO_MANIFEST)
                with reader:
                    store = json.loads(reader.json())
                    state = reader.get_validation_state()
        except (c2pa.C2paError, ValueError) as exc:
            data["error"] = str(exc)[:300] or type(exc).__name__
            return self._evidence(Hint.NEUTRAL, data, _UNREADABLE)

        data |= _describe(store, state)
        signer = _signer_name(data["signer"])
        failures = set(data["validation_codes"]["failure"])
        if data["validation_state"] not in ("Valid", "Trusted"):
            if failures & CONTENT_CHANGED:
                summary = (
                    "The file's Content Credentials no longer match its contents: it was "
                    f"changed after {signer} signed it."
                )
                if data["ai_declarations"]:
                    summary += " Before that change, the credentials said it was made with AI."
                return self._evidence(Hint.MANIPULATED, data, summary, Strength.STRONG, 0.9)
            codes = ", ".join(sorted(failures)) or "no reason given"
            summary = (
                "The file has Content Credentials, but they failed our checks "
                f"({codes}), so we cannot rely on what they say."
            )
            return self._evidence(Hint.NEUTRAL, data, summary)

        trusted = data["validation_state"] == "Trusted"
        if data["ai_declarations"]:
            first = data["ai_declarations"][0]
            tool = first["software_agent"] or data["claim_generator"] or "an unnamed tool"
            where = "" if first["in_active_manifest"] else " (in an earlier step it records)"
            trust_note = "" if trusted else ", a signer not on our trust list"
            summary = (
                f"The file's Content Credentials, signed by {signer}{trust_note}, say it was made "
                f'with AI{where}: "{first["digital_source_type"]}" by {tool}.'
            )
            return self._evidence(Hint.SYNTHETIC, data, summary, Strength.DECISIVE, 0.99)
        if trusted and data["declares_capture"] and not data["edit_actions"]:
            summary = (
                f"The file is signed by {signer}, which is on our trust list, and says it was "
                "captured by a camera and not edited since."
            )
            return self._evidence(Hint.AUTHENTIC, data, summary, Strength.DECISIVE, 0.02)
        if trusted:
            summary = (
                f"The file is signed by {signer}, which is on our trust list; its Content "
                f"Credentials say {_declares(data)}."
            )
        else:
            summary = (
                f"The file's Content Credentials are signed, but by someone not on our trust "
                f"list ({signer}); they say {_declares(data)}."
            )
        return self._evidence(Hint.NEUTRAL, data, summary)

    def _evidence(
        self,
        hint: Hint,
        data: dict[str, Any],
        summary: str,
        strength: Strength = Strength.WEAK,
        score: float | None = None,
    ) -> Evidence:
        return Evidence(
            analyzer=self.name,
            title=TITLE,
            verdict_hint=hint,
            score=score,
            strength=strength,
            summary=summary,
            details=_details(data),
            reliability=RELIABILITY,
            data=data,
        )


_NO_MANIFEST = (
    "No Content Credentials found — most photos have none, so this says nothing either way."
)
_UNREADABLE = (
    "The file seems to carry Content Credentials, but they are damaged and could not be read, "
    "so they say nothing either way."
)


def _trust_anchors(folder: Path | None) -> tuple[str, dict[str, Any]]:
    """The PEM certificates in the configured folder, concatenated, and what was found there."""
    from cryptography import x509

    info: dict[str, Any] = {"folder": str(folder) if folder else None, "files": [], "skipped": []}
    if not folder or not Path(folder).is_dir():
        return "", info
    pems = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() not in (".pem", ".crt") or not path.is_file():
            continue
        try:
            pem = path.read_bytes()
            x509.load_pem_x509_certificates(pem)
        except (OSError, ValueError):  # DER, a key, a broken copy: c2pa only takes PEM
            info["skipped"].append(path.name)
            continue
        pems.append(pem.decode("ascii", errors="replace").strip())
        info["files"].append(path.name)
    return "\n".join(pems) + ("\n" if pems else ""), info


def _context(c2pa, anchors: str):
    settings: dict[str, Any] = {
        "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False, "verify_trust": True}
    }
    if anchors:
        settings["trust"] = {"trust_anchors": anchors}
    return c2pa.Context.from_dict(settings)


def _describe(store: dict[str, Any], state: str | None) -> dict[str, Any]:
    manifests = store.get("manifests") or {}
    active = manifests.get(store.get("active_manifest")) or {}
    results = store.get("validation_results") or {}
    own = results.get("activeManifest") or {}
    codes = {kind: _codes(own.get(kind)) for kind in ("success", "informational", "failure")}
    for delta in results.get("ingredientDeltas") or []:
        codes["failure"] += _codes((delta.get("validationDeltas") or {}).get("failure"))
    codes["failure"] = list(
        dict.fromkeys(codes["failure"] + _codes(store.get("validation_status")))
    )

    actions = _actions(active)
    signature = active.get("signature_info") or {}
    return {
        "validation_state": state or "Invalid",
        "validation_codes": codes,
        "signer": {
            "common_name": str(signature.get("common_name") or ""),
            "issuer": str(signature.get("issuer") or ""),
            "algorithm": str(signature.get("alg") or ""),
            "signed_at": str(signature.get("time") or ""),
        },
        "claim_generator": _claim_generator(active),
        "title": str(active.get("title") or ""),
        "actions": actions,
        "ingredients": [
            {"title": str(i.get("title") or ""), "relationship": str(i.get("relationship") or "")}
            for i in active.get("ingredients") or []
        ],
        "declares_capture": any(a["digital_source_type"] == CAPTURE for a in actions),
        "edit_actions": sorted({a["action"] for a in actions if a["action"] not in NOT_EDITS}),
        "ai_declarations": _ai_declarations(active, manifests),
        "manifests": len(manifests),
    }


def _codes(statuses: list[dict[str, Any]] | None) -> list[str]:
    return [str(status.get("code", "")) for status in statuses or []]


def _actions(manifest: dict[str, Any]) -> list[dict[str, str]]:
    found = []
    for assertion in manifest.get("assertions") or []:
        if not str(assertion.get("label", "")).startswith("c2pa.actions"):
            continue
        for action in (assertion.get("data") or {}).get("actions") or []:
            agent = action.get("softwareAgent") or ""
            if isinstance(agent, dict):
                agent = " ".join(str(agent.get(k) or "") for k in ("name", "version")).strip()
            source = str(action.get("digitalSourceType") or "")
            found.append(
                {
                    "action": str(action.get("action") or ""),
                    "digital_source_type": source.rstrip("/").rsplit("/", 1)[-1],
                    "source_type_uri": source,
                    "software_agent": str(agent)[:200],
                }
            )
    return found


def _ai_declarations(active: dict[str, Any], manifests: dict[str, Any]) -> list[dict[str, Any]]:
    """AI source types in the active manifest, then in the manifests of its ingredients."""
    declarations, seen = [], set()
    queue = [(active, 0)]
    while queue:
        manifest, depth = queue.pop(0)
        if id(manifest) in seen or depth > MAX_INGREDIENT_DEPTH:
            continue
        seen.add(id(manifest))
        declarations += [
            {**a, "in_active_manifest": depth == 0}
            for a in _actions(manifest)
            if a["digital_source_type"] in AI_SOURCE_TYPES
        ]
        for ingredient in manifest.get("ingredients") or []:
            if (parent := manifests.get(ingredient.get("active_manifest"))) is not None:
                queue.append((parent, depth + 1))
    return declarations


def _claim_generator(manifest: dict[str, Any]) -> str:
    if manifest.get("claim_generator"):
        return str(manifest["claim_generator"])[:200]
    info = manifest.get("claim_generator_info") or [{}]
    first = info[0] if isinstance(info[0], dict) else {}
    return " ".join(str(first.get(k) or "") for k in ("name", "version")).strip()[:200]


def _signer_name(signer: dict[str, str]) -> str:
    name, issuer = signer.get("common_name", ""), signer.get("issuer", "")
    if name and issuer and issuer != name:
        return f'"{name}" ({issuer})'
    return f'"{name or issuer}"' if name or issuer else "an unnamed signer"


def _declares(data: dict[str, Any]) -> str:
    edits = ", ".join(a.removeprefix("c2pa.").replace("_", " ") for a in data["edit_actions"])
    made = "it was captured by a camera" if data["declares_capture"] else ""
    if not edits:
        return f"{made} and not edited since" if made else "nothing about how it was made"
    return f"{made} and then edited ({edits})" if made else f"it was edited ({edits})"


def _details(data: dict[str, Any]) -> str:
    trust = data["trust_list"]
    anchors = ", ".join(trust["files"]) or "none configured"
    lines = [f"Trust anchors: {anchors}."]
    if trust["skipped"] or "error" in trust:
        problems = [*trust["skipped"], *([trust["error"]] if "error" in trust else [])]
        lines.append(f"Trust list entries not used: {'; '.join(problems)}.")
    if "error" in data:
        lines.append(f"Reading failed: {data['error']}.")
    if "validation_state" not in data:
        return "\n".join(lines)
    codes = data["validation_codes"]
    signer = data["signer"]
    lines += [
        f"Validation state: {data['validation_state']}; failures: "
        f"{', '.join(codes['failure']) or 'none'}.",
        f"Signer: common name {signer['common_name'] or '?'}, organisation "
        f"{signer['issuer'] or '?'}, {signer['algorithm'] or '?'}"
        + (f", signed {signer['signed_at']}" if signer["signed_at"] else "")
        + ".",
        f"Claim generator: {data['claim_generator'] or 'not given'}.",
    ]
    for action in data["actions"]:
        extra = [x for x in (action["digital_source_type"], action["software_agent"]) if x]
        lines.append(f"Action {action['action']}" + (f" ({'; '.join(extra)})." if extra else "."))
    titles = [f"{i['title']} ({i['relationship']})" for i in data["ingredients"]]
    if titles:
        lines.append("Ingredients: " + ", ".join(titles) + ".")
    return "\n".join(lines)
