"""Every figure of the gold claims parses to the kind and value given there; no number of the
gold non-claims parses as a count. The seed articles are loaded and split into sentences the way
the pipeline does, and each sentence is parsed whole, so the figures are read in their context.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pytest
import regex

from reconcile.load import load_bytes
from reconcile.numbers import parse_quantities
from reconcile.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
SEEDS = ROOT / "seeds"


def _gold(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]


CLAIMS = _gold("seeds-claims.jsonl")
NOT_CLAIMS = _gold("seeds-not-claims.jsonl")
# The grammar cannot know what is counted: "two encircled Shiite enclaves" is a count, of
# enclaves. The extractor drops it because enclaves are not people; here we check that hand-off.
COUNTS_OF_THINGS = "not a count of people"


@lru_cache(maxsize=None)
def _sentences(doc: str) -> tuple[str, ...]:
    """The article's sentences, then its raw lines: page furniture ("© 2020 The New York Times
    Company") is dropped by the loader but must not read as a count either."""
    path = SEEDS / doc
    documents = load_bytes(path.read_bytes(), doc_id=doc, path=doc)
    sentences = [sentence.text for document in documents for sentence in split_sentences(document)]
    return (*sentences, _as_read(path.read_text(encoding="utf-8")))


def _as_read(markdown: str) -> str:
    """The whole page as a reader sees it: tags dropped, links reduced to their text."""
    text = regex.sub(r"<[^>]*>", "", markdown)
    text = regex.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split())


def _flexible(quote: str) -> regex.Pattern:
    """The quote as it may read in the text: any whitespace, either apostrophe."""
    pieces = ["".join("['’]" if c in "'’" else regex.escape(c) for c in word) for word in quote.split()]
    return regex.compile(r"\s+".join(pieces))


def _figures_in_quote(doc: str, quote: str):
    """The sentence holding the quote, and the parsed figures that lie inside the quote."""
    pattern = _flexible(quote)
    for sentence in _sentences(doc):
        found = pattern.search(sentence)
        if found:
            inside = [
                q for q in parse_quantities(sentence)
                if q.end > found.start() and q.start < found.end()
            ]
            return sentence, inside
    raise AssertionError(f"quote not found in {doc}: {quote!r}")


def _value_matches(q, gold_value: float) -> bool:
    """Gold writes a percentage as a number (93) and a share as a fraction (0.5), except "more
    than three-quarters", written 75. Our shares are fractions, so a share matches either its
    own value or, when gold gives a value above 1, that value as a percentage: 0.75 ↔ 75."""
    if q.unit == "share" and gold_value > 1:
        return math.isclose(q.nominal * 100, gold_value)
    return math.isclose(q.nominal, gold_value)


def _bound_matches(gold_value: float, our_bound, q) -> bool:
    if q.unit == "share" and gold_value > 1:
        return math.isclose(our_bound * 100, gold_value)
    return math.isclose(our_bound, gold_value)


def _check_kind(q, kind: str, value) -> None:
    assert q.kind == "quantity", q
    if kind == "vague":
        assert q.qualifier == "vague" and q.nominal is None and q.low < q.high, q
        return
    assert _value_matches(q, value), q
    if kind == "exact":
        assert q.qualifier == "exact" and q.low == q.high == q.nominal, q
    elif kind == "approx":
        assert q.qualifier == "approx" and q.low < q.nominal < q.high, q
    elif kind == "approx_below":  # "nearly half": at or below the figure
        assert q.qualifier == "approx" and q.low < q.nominal == q.high, q
    elif kind == "at_least":
        assert q.qualifier == "at_least" and q.low_inclusive and _bound_matches(value, q.low, q), q
    elif kind == "more_than":
        assert q.qualifier == "more_than" and not q.low_inclusive and _bound_matches(value, q.low, q), q
    else:
        raise AssertionError(f"unknown gold kind {kind}")


@pytest.mark.parametrize("claim", CLAIMS, ids=[c["id"] for c in CLAIMS])
def test_gold_figure_parses_to_its_kind_and_value(claim: dict) -> None:
    sentence, figures = _figures_in_quote(claim["doc"], claim["quote"])
    matching = [q for q in figures if q.text == claim["figure"]]
    assert len(matching) == 1, f"{claim['figure']!r} in {sentence!r}: got {figures}"
    _check_kind(matching[0], claim["kind"], claim["value"])


@pytest.mark.parametrize("entry", NOT_CLAIMS, ids=[e["quote"] for e in NOT_CLAIMS])
def test_gold_non_claim_numbers_are_not_counts(entry: dict) -> None:
    sentence, figures = _figures_in_quote(entry["doc"], entry["quote"])
    assert figures, f"no number found in {entry['quote']!r}"
    counts = [q for q in figures if q.kind == "quantity"]
    if entry["why"] == COUNTS_OF_THINGS:
        assert [q.unit for q in counts] == ["count"], figures  # the extractor's call, not ours
    else:
        assert counts == [], f"{entry['why']}: {counts}"
