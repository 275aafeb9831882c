"""The grammar's shortcuts against the full path: the same figures, built the same way."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.models.quantity import Quantity
from reconcile.numbers import parse_quantities

# Figure-like text: number words, digits, qualifiers, units and the words that start cores or
# make other kinds of number ("a", "by", months, ages, times), in any order.
_PIECES = [
    "about", "nearly", "at least", "more than", "up to", "between", "and", "to", "-", "or more",
    "percent", "%", "half", "a third", "three-quarters", "a", "an", "by", "dozens", "several",
    "tens of thousands", "one in five", "million", "thousand", "hundred", "dozen", "a.m.",
    "years old", "-year-old", "days", "in", "people", ",", ".", "the", "one", "twenty-five",
    "seventh", "Dec.", "May", "$", "+", "(", "1/2", "½", "’90s", "21st", "http://x.org/5",
]
_NUMBERS = st.one_of(
    st.integers(min_value=-10**7, max_value=10**13).map(str),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
)
_WORDS = st.text(st.characters(codec="utf-8"), max_size=12)
_SENTENCES = st.lists(st.one_of(st.sampled_from(_PIECES), _NUMBERS, _WORDS), max_size=14).map(" ".join)

CASES = tomllib.loads((Path(__file__).parent / "grammar_cases.toml").read_text(encoding="utf-8"))["case"]
INPUTS = [case["input"] for case in CASES]


def _same_as_validated(text: str) -> None:
    """Every figure is built trusted; pydantic, given the same values, makes the same quantity
    (same values and same types: 3 and 3.0 dump differently)."""
    for quantity in parse_quantities(text):
        validated = Quantity(**quantity.model_dump())
        assert validated == quantity
        assert validated.model_dump_json() == quantity.model_dump_json()
        assert quantity.model_fields_set == validated.model_fields_set


@pytest.mark.parametrize("text", INPUTS, ids=[text[:60] for text in INPUTS])
def test_trusted_figures_of_the_grammar_cases_equal_their_validated_twins(text: str) -> None:
    _same_as_validated(text)


@settings(max_examples=200, deadline=None)
@given(_SENTENCES)
def test_trusted_figures_of_generated_text_equal_their_validated_twins(text: str) -> None:
    _same_as_validated(text)
