"""How a claim is matched to gold and how its fields are judged (small made-up documents)."""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile.evaluate import GoldClaim, GoldNegative, evaluate, score
from reconcile.evaluate.compare import place_agrees, source_agrees, value_agrees
from reconcile.extract import extract_document
from reconcile.extract.single import text_document
from reconcile.rulebook import load_rulebook

BOOK = load_rulebook()
TEXT = (
    "About half of the people fleeing east Aleppo are children, said Hanaa Singer, Unicef’s Syria "
    "representative. The latest round of fighting has killed at least 341 people, including 44 "
    "children, in rebel-held Aleppo, according to the Syrian Observatory for Human Rights. She was 10."
)


def _document():
    document = text_document(TEXT, dt.date(2016, 12, 7), "The New York Times")
    return document.model_copy(update={"id": "story.txt"})


def _gold(**fields) -> GoldClaim:
    base = {"id": "g", "doc": "story.txt", "quote": "killed at least 341 people", "figure": "at least 341", "kind": "at_least", "value": 341, "category": "killed", "source": "Syrian Observatory for Human Rights", "place": "eastern Aleppo", "time": {"end": "2016-12-07", "window": "latest round"}}
    base.update(fields)
    return GoldClaim.model_validate(base)


def test_match_needs_span_category_and_value():
    document = _document()
    claims = extract_document(document, BOOK)
    golds = [
        _gold(id="right"),
        _gold(id="wrong-category", quote="including 44 children", figure="44", value=44, category="wounded"),
        _gold(id="wrong-value", quote="About half of the people", figure="About half", value=0.4, category="fled"),
    ]
    result = evaluate([document], claims, golds, [GoldNegative(doc="story.txt", quote="She was 10")], BOOK)
    assert [m.gold.id for m in result.matches] == ["right"]
    assert sorted(g.id for g in result.missed) == ["wrong-category", "wrong-value"]
    assert sorted(c.quantity.text for c in result.extra) == ["44", "About half"]
    assert result.negatives_extracted == []
    checks = {c.name: c.right for c in result.matches[0].checks}
    assert checks == {"value": True, "source": True, "place": True, "time": True}
    assert score(result).precision.text() == "33.3% (1/3)"


@pytest.mark.parametrize(
    "expected,right",
    [("United Nations", True), ("Unicef", True), ("the UN human rights office", True), ("Russia", False), ("Hanaa Singer (Unicef)", True)],
)
def test_sources_of_one_organisation_agree(expected, right):
    claim = next(c for c in extract_document(_document(), BOOK) if c.quantity.text == "About half")
    assert source_agrees(expected, claim, BOOK) is right


@pytest.mark.parametrize(
    "expected,right", [("eastern Aleppo", True), ("Aleppo", True), ("western Aleppo", False), ("Aleppo (Bustan al-Qasr)", False)]
)
def test_a_place_inside_the_gold_place_agrees(expected, right):
    claim = next(c for c in extract_document(_document(), BOOK) if c.quantity.text == "at least 341")
    assert place_agrees(expected, claim, BOOK) is right


def test_shares_and_percentages_compare_by_value():
    claim = next(c for c in extract_document(_document(), BOOK) if c.quantity.text == "About half")
    assert value_agrees(_gold(value=0.5), claim)
    assert value_agrees(_gold(value=50), claim)
    assert not value_agrees(_gold(value=0.4), claim)
    assert not value_agrees(_gold(value=None), claim)
