"""Baseline files: written sorted by fingerprint, read strictly, bad ones explained."""

from __future__ import annotations

import json

import pytest

from reconcile.check import BaselineError, baseline_of, parse_baseline, render_baseline, run_check


def _items(build):
    before = build.corpus_claims()
    sohr = build.claim("sohr", doc="sohr.md", source="Syrian Observatory for Human Rights", low=90000, line=5)
    return run_check(before, [*before, sohr], {"sohr.md"}).items


def test_a_written_baseline_reads_back_to_the_same_fingerprints(build):
    items = _items(build)
    text = render_baseline(baseline_of(items))
    data = json.loads(text)
    assert data["version"] == 1
    assert [entry["fingerprint"] for entry in data["findings"]] == sorted(item.fingerprint for item in items)
    assert [entry["summary"] for entry in data["findings"]] == [
        e["summary"] for e in sorted(
            ({"fingerprint": i.fingerprint, "summary": f"90,000 (Syrian Observatory for Human Rights) vs "
              f"{i.counterparts[0].text} ({i.counterparts[0].source})"} for i in items),
            key=lambda e: e["fingerprint"],
        )
    ]
    assert parse_baseline(text).fingerprints() == frozenset(item.fingerprint for item in items)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"version": 1, "findings": [], "extra": 1}', "extra: unknown key"),
        ('{"version": 1, "findings": [{"fingerprint": "x", "rule": "r", "doc": "d", "lines": 3}]}',
         "findings.0.lines: unknown key"),
        ('{"version": 2, "findings": []}', "version 2 is not supported"),
        ('{"findings": []}', "version: Field required"),
    ],
)
def test_a_bad_baseline_is_explained(text, message):
    with pytest.raises(BaselineError) as caught:
        parse_baseline(text)
    assert message in str(caught.value)
