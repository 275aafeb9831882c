"""The Recognizers-Text English number suite, as data-driven cases (tests/numbers/peer_cases/).

Each case states every figure the peer finds in one input; the test asserts the WHOLE list: a
figure missed or an extra one fails. How our results are compared, per model:
- NumberModel: every result with a stated number (`nominal`) whose kind is a number (not a date,
  clock time, phone number or rank) is one figure; values must match and the peer's span must lie
  inside ours (ours also covers qualifier words: "more than half" for the peer's "half").
- NumberRangeModel: results that are bounds or ranges, and exact figures said with an explicit
  word ("equals 20"); intervals must match, open sides included.
- PercentModel: results with unit "percent".
- OrdinalModel (negatives): no ordinal the peer finds may come back as a quantity.

Cases judged out of scope for news counts are listed, with the reason, in peer_exclusions.toml.
Run this file directly for the per-file pass rates:  .venv/bin/python tests/numbers/test_numbers_peer_suite.py
"""

from __future__ import annotations

import json
import math
import sys
import tomllib
from pathlib import Path

import pytest

from reconcile.numbers import load_lexicon, parse_quantities
from reconcile.numbers.patterns import normalise

HERE = Path(__file__).resolve().parent
CASES = HERE / "peer_cases"
MODELS = {
    "NumberModel": "number",
    "NumberModelExperimentalMode": "number",
    "NumberRangeModel": "range",
    "NumberRangeModelExperimentalMode": "range",
    "PercentModel": "percent",
    "OrdinalModel": "ordinal",
}
# Kinds whose figures are numbers the peer's NumberModel reports; dates, clock times, phone
# numbers and ranks are structures, not numbers.
NUMBER_KINDS = {"quantity", "age", "year", "duration", "reference", "money"}
BOUNDED = {"at_least", "more_than", "at_most", "less_than", "range"}
MINIMUM_PASS_RATE = 0.90


def _exclusions() -> dict[str, str]:
    listed = tomllib.loads((HERE / "peer_exclusions.toml").read_text(encoding="utf-8"))
    return {entry["id"]: entry["reason"] for entry in listed["excluded"]}


EXCLUDED = _exclusions()


def _cases(model: str) -> list[dict]:
    lines = (CASES / f"{model}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ALL_CASES = [(model, case) for model in MODELS for case in _cases(model)]


def problem(model: str, case: dict) -> str | None:
    """What is wrong with our reading of the case, or None when it matches."""
    results = parse_quantities(case["input"])
    return {
        "number": _number_problem, "range": _range_problem,
        "percent": _percent_problem, "ordinal": _ordinal_problem,
    }[MODELS[model]](case, results)


def _number_problem(case: dict, results) -> str | None:
    ours = [q for q in results if q.kind in NUMBER_KINDS and q.nominal is not None]
    return _compare(case["expected"], ours, lambda want, q: _same(want["value"], q.nominal))


def _percent_problem(case: dict, results) -> str | None:
    ours = [q for q in results if q.unit == "percent"]
    return _compare(case["expected"], ours, lambda want, q: _same(want["value"], q.nominal))


def _range_problem(case: dict, results) -> str | None:
    ours = [q for q in results if q.qualifier in BOUNDED or _said_exactly(q)]
    return _compare(case["expected"], ours, _same_interval)


def _ordinal_problem(case: dict, results) -> str | None:
    for ordinal in case["expected"]:
        for q in results:
            overlaps = q.start < ordinal["end"] and ordinal["start"] < q.end
            if q.kind == "quantity" and overlaps and (ordinal["value"] is None or _same(ordinal["value"], q.nominal)):
                return f"the ordinal {ordinal['text']!r} came back as the quantity {q.text!r}"
    return None


def _said_exactly(q) -> bool:
    """An exact figure said with an exactness word ("equals 20"): the peer reports it as [20,20]."""
    if q.qualifier != "exact":
        return False
    words = [p for p, action in load_lexicon().rules.prefixes.items() if action == "exact"]
    return any(normalise(q.text).startswith(normalise(word) + " ") for word in words)


def _same_interval(want: dict, q) -> bool:
    return (
        _same(want["low"], q.low) and _same(want["high"], q.high)
        and (want["low"] is None or want["low_inclusive"] == q.low_inclusive)
        and (want["high"] is None or want["high_inclusive"] == q.high_inclusive)
    )


def _compare(expected: list[dict], ours: list, same) -> str | None:
    if len(expected) != len(ours):
        return f"expected {_show_expected(expected)}, got {_show(ours)}"
    for want, q in zip(expected, ours):
        inside = q.start <= want["start"] and want["end"] <= q.end
        if not inside or not same(want, q):
            return f"expected {_show_expected(expected)}, got {_show(ours)}"
    return None


def _same(want, got) -> bool:
    if want is None or got is None:
        return want is None and got is None
    return math.isclose(float(want), float(got), rel_tol=1e-9, abs_tol=1e-12)


def _show_expected(expected: list[dict]) -> str:
    shown = []
    for want in expected:
        extra = {k: v for k, v in want.items() if k not in ("text", "start", "end")}
        shown.append(f"{want['text']!r} {extra}")
    return "[" + "; ".join(shown) + "]"


def _show(results) -> str:
    return "[" + "; ".join(
        f"{q.text!r} {q.kind} {q.qualifier} {q.unit} nominal={q.nominal} "
        f"{'[' if q.low_inclusive else '('}{q.low},{q.high}{']' if q.high_inclusive else ')'}"
        for q in results
    ) + "]"


@pytest.mark.parametrize(("model", "case"), ALL_CASES, ids=[case["id"] for _, case in ALL_CASES])
def test_peer_case(model: str, case: dict) -> None:
    if case["id"] in EXCLUDED:
        pytest.skip(f"out of scope: {EXCLUDED[case['id']]}")
    assert problem(model, case) is None, f"{case['input']!r}: {problem(model, case)}"


def pass_rates() -> dict[str, tuple[int, int, int]]:
    """Per model: (passed, in scope, excluded)."""
    rates = {}
    for model in MODELS:
        cases = _cases(model)
        in_scope = [case for case in cases if case["id"] not in EXCLUDED]
        passed = sum(problem(model, case) is None for case in in_scope)
        rates[model] = (passed, len(in_scope), len(cases) - len(in_scope))
    return rates


def test_every_exclusion_names_a_real_case_and_a_reason() -> None:
    ids = {case["id"] for _, case in ALL_CASES}
    assert set(EXCLUDED) <= ids
    assert all(len(reason) > 20 for reason in EXCLUDED.values())


def test_pass_rate_of_every_file_is_at_least_ninety_percent() -> None:
    for model, (passed, in_scope, _) in pass_rates().items():
        assert passed >= MINIMUM_PASS_RATE * in_scope, f"{model}: {passed}/{in_scope}"


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    for model, (passed, in_scope, excluded) in pass_rates().items():
        print(f"{model:36} {passed:4}/{in_scope:<4} {passed / in_scope:6.1%}   excluded {excluded}")
        if verbose:
            for case in _cases(model):
                if case["id"] not in EXCLUDED and (found := problem(model, case)):
                    print(f"    {case['id']}: {case['input']!r}: {found}")
