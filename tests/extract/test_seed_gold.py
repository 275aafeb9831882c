"""The seed articles against the hand-made gold: the headline numbers of extraction.

- every core claim is found, with the right source and, when dated, the right time;
- precision over core and extra claims is at least 95%, and every claim outside the gold is one
  of the defended extras in cases/seed_extras.toml (an extra hit fails the test);
- no number listed as a non-claim is extracted.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from reconcile.cli.inputs import load_inputs
from reconcile.evaluate import GoldClaim, GoldNegative, evaluate, read_jsonl, score
from reconcile.extract import extract_document
from reconcile.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
EXTRAS = tomllib.loads((Path(__file__).parent / "cases" / "seed_extras.toml").read_text("utf-8"))["extras"]


@lru_cache(maxsize=1)
def _result():
    book = load_rulebook()
    documents, errors = load_inputs([str(ROOT / "seeds")])
    assert errors == []
    claims = [c for d in documents for c in extract_document(d, book)]
    gold = read_jsonl(GOLD / "seeds-claims.jsonl", GoldClaim)
    negatives = read_jsonl(GOLD / "seeds-not-claims.jsonl", GoldNegative)
    return evaluate(documents, claims, gold, negatives, book)


def test_every_core_claim_is_found():
    assert [g.id for g in _result().missed if g.tier == "core"] == []


def test_source_is_right_on_every_core_claim():
    wrong = [
        (m.gold.id, c.expected, c.got)
        for m in _result().matches if m.gold.tier == "core"
        for c in m.checks if c.name == "source" and not c.right
    ]
    assert wrong == []


def test_time_is_right_on_every_dated_core_claim():
    wrong = [
        (m.gold.id, c.expected, c.got)
        for m in _result().matches if m.gold.tier == "core"
        for c in m.checks if c.name == "time" and not c.right
    ]
    assert wrong == []


def test_parts_point_at_their_parent():
    wrong = [(m.gold.id, c.got) for m in _result().matches for c in m.checks if c.name == "parent" and not c.right]
    assert wrong == []


def test_precision_is_at_least_95_percent():
    assert score(_result()).precision.value >= 0.95


def test_claims_outside_the_gold_are_exactly_the_defended_ones():
    extra = sorted((c.doc, c.category, c.quantity.text) for c in _result().extra)
    assert extra == sorted((e["doc"], e["category"], e["figure"]) for e in EXTRAS)


def test_no_negative_is_extracted():
    assert [(n.quote, c.quantity.text) for n, c in _result().negatives_extracted] == []
