"""Gates are a shortcut: they may only ever close on text a pattern cannot match. Patterns the
gate reader cannot read word by word (fuzzy matching, sets inside sets) get no gate at all."""

import pytest
import regex

from reconcile.rulebook.gate import Gate, GateSet, Words, first_words, required_words
from reconcile.rulebook.patterns import FLAGS

CASES = [
    (r"(?<![\w-])killed\s+(?:civilians){e<=1}", "Rebels killed civillians in Aleppo"),
    (r"(?<![\w-])evicted\s+\d+\s+families{e<=1}", "Troops evicted 300 familie"),
    (r"(?:famlies){e<=2}\s+fled", "families fled"),
    (r"(?<![\w-])killed\s+[[:alpha:]xyz]+\s+men", "they killed many men"),
    (r"(?<![\w-])held\s+[[a-z]--[aeiou]]+\s+days", "held th days"),
]


@pytest.mark.parametrize(("pattern", "text"), CASES)
def test_no_gate_closes_on_a_text_the_pattern_matches(pattern, text):
    assert regex.search(pattern, text, FLAGS | regex.V1)
    gates = (Gate.narrowest([pattern], word_start=True), *Gate.each_required(pattern))
    gate_set = GateSet(gates)
    needed = 0
    for gate in gates:
        needed |= gate_set.bit(gate)
    assert gate_set.open(Words(text)) & needed == needed


@pytest.mark.parametrize("pattern", [pattern for pattern, _ in CASES])
def test_unreadable_patterns_yield_no_words(pattern):
    assert first_words(pattern) is None
    assert required_words(pattern) is None
