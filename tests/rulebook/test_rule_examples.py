"""Every [[examples]] and [[counter_examples]] entry of the built-in rules gives exactly the
claims it expects (data-driven: the cases are the rule files themselves)."""

from __future__ import annotations

import pytest

from reconcile.extract.examples import check_example
from reconcile.rulebook import load_rulebook

BOOK = load_rulebook()
CASES = [
    (f"{name}:{kind}{number + 1}", example, name)
    for name, category in sorted(BOOK.categories.items())
    for kind, examples in (("example", category.examples), ("counter", category.counter_examples))
    for number, example in enumerate(examples)
]


@pytest.mark.parametrize("example,category", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_example(example, category):
    assert check_example(example, category, BOOK) == []


def test_rules_check_command_passes(run_cli):
    result = run_cli("rules", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "examples pass" in result.stdout
