"""Each rule of the verdict logic on a pair of claims, from cases/pair-verdicts.json.

Every case asserts the whole list of verdicts the reconciler reaches on its claims.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.compare import reconcile

CASES = json.loads((Path(__file__).with_name("cases") / "pair-verdicts.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_pair_verdict(make_claim, case):
    claims = [make_claim("a", **case["a"]), make_claim("b", **case["b"])]
    claims += [make_claim(extra.pop("id"), **extra) for extra in map(dict, case.get("extra", []))]
    findings = reconcile(claims).findings
    assert [finding.verdict for finding in findings] == case["verdicts"]
    if "spread" in case:
        assert findings[0].spread == pytest.approx(case["spread"], abs=1e-4)
    if "level" in case:
        assert findings[0].level == case["level"]
    for finding in findings:
        assert finding.why and "\n" not in finding.why
