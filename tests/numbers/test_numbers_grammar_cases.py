"""The grammar read sentence by sentence (grammar_cases.toml): the whole list of figures."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest

from reconcile.numbers import parse_quantities

CASES = tomllib.loads((Path(__file__).parent / "grammar_cases.toml").read_text(encoding="utf-8"))["case"]
OPEN = "open"


def _expected(item: dict) -> dict:
    """The case's shorthand spelled out: defaults, `value`, and "open" for None."""
    full = {"kind": "quantity", "qualifier": "exact", "unit": "count", **item}
    if "value" in full:
        value = full.pop("value")
        full.update(low=value, high=value, nominal=value)
    return {key: (None if value == OPEN else value) for key, value in full.items()}


def _same(want, got) -> bool:
    if isinstance(want, (int, float)) and not isinstance(want, bool) and got is not None:
        return math.isclose(want, got, rel_tol=1e-12, abs_tol=1e-12)
    return want == got


@pytest.mark.parametrize("case", CASES, ids=[case["input"][:60] for case in CASES])
def test_grammar_reads_the_sentence(case: dict) -> None:
    results = parse_quantities(case["input"])
    expected = [_expected(item) for item in case["expect"]]
    got = [{key: getattr(q, key) for key in want} for q, want in zip(results, expected)]
    assert len(results) == len(expected), [q.text for q in results]
    for want, have in zip(expected, got):
        assert all(_same(want[key], have[key]) for key in want), (want, have)
