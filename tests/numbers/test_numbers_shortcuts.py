"""The grammar's shortcuts against the full path: the same figures, built the same way."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.models.quantity import Quantity
from reconcile.numbers import load_lexicon, parse_quantities
from reconcile.numbers.cores import _phrase_numbers, _single_atom
from reconcile.numbers.digits import european_style
from reconcile.numbers.scan import _starts, compile_scanner

# Figure-like text: number words, digits, qualifiers, units and the words that start cores or
# make other kinds of number ("a", "by", months, ages, times), in any order.
_PIECES = [
    "about", "nearly", "at least", "more than", "up to", "between", "and", "to", "-", "or more",
    "percent", "%", "half", "a third", "three-quarters", "a", "an", "by", "dozens", "several",
    "tens of thousands", "one in five", "million", "thousand", "hundred", "dozen", "a.m.",
    "years old", "-year-old", "days", "in", "people", ",", ".", "the", "one", "twenty-five",
    "seventh", "Dec.", "May", "$", "+", "(", "1/2", "½", "’90s", "21st", "http://x.org/5", "two",
    "Twelve", "ninety", "zero", "5k", "4.800", "10.500", "1,234.567",
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


# -- where cores may start: two cheap scans against the one full scan ------------------------

_SCANNER = load_lexicon().grammar.scanner
# Text the scans must agree on: figure pieces glued to letters, digits, symbols and characters
# whose lower case is longer ("İ"), so both the lower-cased and the any-case scans are used.
_GLUE = st.sampled_from(["", " ", "-", "−", ".", "'", "’", "(", "+", "_", "a", "İ", ")", "%", "\t"])
_SCAN_TEXT = st.lists(
    st.one_of(st.sampled_from(_PIECES), _NUMBERS, _WORDS, _GLUE), max_size=16,
).map("".join)


def _full_scan(text: str) -> list[int]:
    lowered = text.lower()
    if len(lowered) == len(text):
        return [match.start() for match in _SCANNER.anchors.finditer(lowered)]
    return [match.start() for match in _SCANNER.anchors_any_case.finditer(text)]


def _split_scan(text: str) -> list[int]:
    lowered = text.lower()
    if len(lowered) == len(text):
        return _starts(lowered, _SCANNER.split)
    return _starts(text, _SCANNER.split_any_case)


def test_the_built_in_lexicon_scans_in_two_parts() -> None:
    assert len(_SCANNER.split) == len(_SCANNER.split_any_case) == 2


@pytest.mark.parametrize("text", INPUTS, ids=[text[:60] for text in INPUTS])
def test_split_scan_of_the_grammar_cases_finds_the_full_scans_starts(text: str) -> None:
    assert _split_scan(text) == _full_scan(text)
    assert _split_scan(text.upper()) == _full_scan(text.upper())


@settings(max_examples=400, deadline=None)
@given(_SCAN_TEXT)
def test_split_scan_of_generated_text_finds_the_full_scans_starts(text: str) -> None:
    assert _split_scan(text) == _full_scan(text)


def test_a_lexicon_word_that_is_not_all_letters_keeps_the_single_scan() -> None:
    scanner = compile_scanner(["five"], ["five", "a.m"], "½")
    assert scanner.split == scanner.split_any_case == ()
    assert scanner.starts("at 5 a.m, five") == [3, 5, 10]


# -- a lone atom read without the phrase reader -------------------------------------------------

_GRAMMAR = load_lexicon().grammar


def _lone_atoms_against_phrases(text: str) -> list[str]:
    """Every core match (at any position) that the shortcut reads is read the same by the phrase
    reader; which ones."""
    european, read = european_style(text), []
    for start in range(len(text)):
        match = _GRAMMAR.cores.match(text, start)
        if match is None or match.lastgroup != "number":
            continue
        if match.start("sign") >= 0 or len(match.captures("atom")) != 1:
            continue
        single = _single_atom(match, _GRAMMAR, european)
        if single is not None:
            full = _phrase_numbers(text, match, _GRAMMAR, european)
            assert repr(single) == repr(full), match.group()  # the same values of the same types
            read.append(match.group())
    return read


@pytest.mark.parametrize("text", INPUTS, ids=[text[:60] for text in INPUTS])
def test_lone_atoms_of_the_grammar_cases_read_as_the_phrase_reader_reads_them(text: str) -> None:
    _lone_atoms_against_phrases(text)


def test_the_lone_atom_shortcut_reads_digits_and_small_number_words() -> None:
    text = "zero, 7, 10,500, 1.2, .5, 3.0, 4.800, 5k, 1e3, two, Twelve, ninety, ½, 3/4, hundred, first, half"
    # Matched at every position, so the tails of "10,500", ".5" and "3/4" are read too.
    assert _lone_atoms_against_phrases(text) == [
        "zero", "7", "10,500", "500", "1.2", ".5", "5", "3.0", "4.800", "5k", "1e3", "two", "Twelve",
        "ninety", "4",
    ]
    assert _lone_atoms_against_phrases("Some 10.500 and 1.234.567 and 2,5 people") == ["2,5", "5"]


@settings(max_examples=300, deadline=None)
@given(_SENTENCES)
def test_lone_atoms_of_generated_text_read_as_the_phrase_reader_reads_them(text: str) -> None:
    _lone_atoms_against_phrases(text)
