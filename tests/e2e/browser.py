"""Helpers for browser tests: the system Chromium and an axe-core accessibility check."""

from pathlib import Path

AXE = (
    Path(__file__).resolve().parents[2] / "var" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
)

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def serious_accessibility_violations(page) -> list[str]:
    """Run axe-core in the page; describe every serious or critical violation."""
    if not AXE.exists():
        raise AssertionError(f"axe-core is missing at {AXE}: run `make test` (it installs it)")
    # Evaluated through the DevTools protocol: our CSP (rightly) refuses injected script tags.
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
