"""Fixtures for the renderers: reports built from the gold claims and from hostile article text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from reconcile.compare import reconcile
from reconcile.render import build_report

RECONCILER_TESTS = Path(__file__).resolve().parents[1] / "reconciler"

HOSTILE = (
    "::error file=x,line=1::pwned%0A::warning::again | a | b | "
    "[bold red]styled[/bold red] <script>alert(1)</script> <img src=x onerror=alert(1)> "
    "*stars* _under_ `tick` [link](http://evil.example) &amp; \x1b[31mansi\x1b[0m\n## not a heading\r\n- item"
)


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"render_{name}", RECONCILER_TESTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gold():
    return _load("gold_fixture")


@pytest.fixture(scope="session")
def gold_report(gold):
    claims = gold.gold_claims()
    return build_report(gold.seed_documents(), claims, reconcile(claims))


@pytest.fixture(scope="session")
def hostile_report():
    make_claim = _load("claim_factory").make_claim
    claims = [
        make_claim("h1", doc="evil|doc.txt", source=f"Russia {HOSTILE}", role="party", low=100000, high=None,
                   text=f"at least 100,000 {HOSTILE}", sentence=f"Russia says {HOSTILE} at least 100,000 left."),
        make_claim("h2", doc="b.txt", source="United Nations", low=37000, high=37000,
                   place="eastern Aleppo", sentence=f"The UN puts it at 37,000. {HOSTILE}"),
        make_claim("h3", doc="c.txt", source="United Nations", low=37000, high=37000,
                   place="eastern Aleppo", sentence=f"Caption: 37,000 {HOSTILE}"),
    ]
    return build_report([], claims, reconcile(claims))
