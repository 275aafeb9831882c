"""Baseline files: results an editor has accepted, keyed by content fingerprint.

The file is JSON, sorted by fingerprint so that a diff of two baselines reads well in review.
Each entry carries the rule, document and a one-line summary for the reviewer; only the
fingerprint is used for matching, so moving text around a document never re-fires a result.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, ValidationError

from reconcile.check.model import CheckItem

BASELINE_VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message says why."""


class BaselineEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str
    rule: str
    doc: str
    summary: str = ""


class Baseline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    findings: list[BaselineEntry]

    def fingerprints(self) -> frozenset[str]:
        return frozenset(entry.fingerprint for entry in self.findings)


def parse_baseline(text: str) -> Baseline:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(f"not valid JSON: {error}") from None
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise BaselineError(f"{where}: {message}") from None
    if baseline.version != BASELINE_VERSION:
        raise BaselineError(f"version {baseline.version} is not supported (expected {BASELINE_VERSION})")
    return baseline


def baseline_of(items: Iterable[CheckItem]) -> Baseline:
    entries = {item.fingerprint: _entry(item) for item in items}
    return Baseline(version=BASELINE_VERSION, findings=[entries[key] for key in sorted(entries)])


def _entry(item: CheckItem) -> BaselineEntry:
    counterpart = item.counterparts[0] if item.counterparts else None
    against = f" vs {counterpart.text} ({counterpart.source})" if counterpart else ""
    return BaselineEntry(
        fingerprint=item.fingerprint,
        rule=item.rule,
        doc=item.anchor.doc,
        summary=f"{item.anchor.text} ({item.anchor_source}){against}",
    )


def render_baseline(baseline: Baseline) -> str:
    return baseline.model_dump_json(indent=2) + "\n"


def split_baselined(items: Iterable[CheckItem], accepted: frozenset[str]) -> tuple[list[CheckItem], list[CheckItem]]:
    """(still reported, accepted by the baseline)."""
    kept, baselined = [], []
    for item in items:
        (baselined if item.fingerprint in accepted else kept).append(item)
    return kept, baselined
