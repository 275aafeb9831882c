"""Invariants of the number grammar, checked on generated text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.numbers import parse_quantities

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = [(10**9, "billion"), (10**6, "million"), (10**3, "thousand")]


def spell(number: int, british: bool, hyphen: bool) -> str:
    """An English spelling written independently of the grammar's lexicon: 1234 → "one thousand
    two hundred thirty-four" (American) or "... two hundred and thirty-four" (British)."""
    if number == 0:
        return "zero"
    words = []
    for size, name in _SCALES:
        if number >= size:
            words += [_below_thousand(number // size, british, hyphen), name]
            number %= size
    if number:
        if words and british and number < 100:
            words.append("and")
        words.append(_below_thousand(number, british, hyphen))
    return " ".join(words)


def _below_thousand(number: int, british: bool, hyphen: bool) -> str:
    words = []
    if number >= 100:
        words += [_UNITS[number // 100], "hundred"]
        number %= 100
        if number and british:
            words.append("and")
    if number >= 20:
        tens, unit = _TENS[number // 10], number % 10
        words.append(f"{tens}{'-' if hyphen else ' '}{_UNITS[unit]}" if unit else tens)
    elif number >= 10:
        words.append(_TEENS[number - 10])
    elif number:
        words.append(_UNITS[number])
    return " ".join(words)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans(), st.booleans())
def test_an_integer_in_digits_with_separators_and_in_words_has_one_value(number, british, hyphen):
    writings = [f"{number}", f"{number:,}", spell(number, british, hyphen)]
    for writing in writings:
        found = parse_quantities(f"They counted {writing} people.")
        assert [(q.kind, q.nominal) for q in found] == [("quantity", number)], (writing, found)


# Pieces of figures and of the words around them, to build sentences the grammar must survive.
_PIECES = [
    "about", "nearly", "at least", "more than", "up to", "fewer than", "between", "from", "and",
    "to", "-", "–", "or more", "or", "percent", "%", "half", "a third", "three-quarters", "a",
    "dozens", "tens of thousands", "several hundred", "one in five", "over", "minus", "point",
    "million", "thousand", "hundred", "dozen", "a.m.", "years old", "-year-old", "days", "in",
    "people", ",", ".", "the", "one", "Dec.", "$", "+", "≥", "<", "=", "/", "1/2", "½",
]
_NUMBERS = st.one_of(
    st.integers(min_value=-10**7, max_value=10**13).map(str),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
    st.integers(min_value=0, max_value=10**6).map(lambda n: spell(n, n % 2 == 0, n % 3 == 0)),
)
_SENTENCES = st.lists(st.one_of(st.sampled_from(_PIECES), _NUMBERS), max_size=14).map(" ".join)
_ANY_TEXT = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=()), max_size=30),
        st.sampled_from(_PIECES), _NUMBERS,
    ),
    max_size=10,
).map(lambda parts: "".join(parts))


def _well_formed(text: str) -> None:
    found = parse_quantities(text)
    previous_end = 0
    for q in found:
        assert text[q.start:q.end] == q.text and q.text, q
        assert q.start >= previous_end, found  # sorted and never overlapping
        previous_end = q.end
        if q.low is not None and q.high is not None:
            assert q.low <= q.high, q
            if q.low == q.high:
                assert q.low_inclusive and q.high_inclusive, q


@settings(max_examples=400, deadline=None)
@given(_SENTENCES)
def test_intervals_are_ordered_and_offsets_slice_back_in_figure_like_text(text):
    _well_formed(text)


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT)
def test_the_parser_never_raises_on_arbitrary_unicode(text):
    _well_formed(text)


def test_spelling_helper_is_independent_of_the_grammar() -> None:
    assert spell(1234, british=True, hyphen=True) == "one thousand two hundred and thirty-four"
    assert spell(1_000_021, british=False, hyphen=False) == "one million twenty one"


def test_offsets_hold_where_lower_case_changes_the_length_of_the_text() -> None:
    text = "İstanbul: İ saw three hundred people and \ud800 12 more."  # "İ".lower() is two characters
    found = parse_quantities(text)
    assert [q.text for q in found] == ["three hundred", "12"]
    _well_formed(text)
