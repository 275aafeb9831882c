"""Sentence splitting: data-driven cases, and the rejoin invariant on generated text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.segment import split_spans

CASES = [
    ("Mr. Assad spoke. He left.", ["Mr. Assad spoke. ", "He left."]),
    ("On Dec. 13 the U.N. said 37,000 had fled. Russia disagreed.", ["On Dec. 13 the U.N. said 37,000 had fled. ", "Russia disagreed."]),
    ("Evacuations began at 5 a.m. Wednesday in St. Petersburg. Then it stopped.", ["Evacuations began at 5 a.m. Wednesday in St. Petersburg. ", "Then it stopped."]),
    ("He arrived at 5 p.m. The next day he left.", ["He arrived at 5 p.m. ", "The next day he left."]),
    ("President George W. Bush spoke. Gen. Smith listened.", ["President George W. Bush spoke. ", "Gen. Smith listened."]),
    ("“We are leaving,” he said. “Why?” she asked. They left.", ["“We are leaving,” he said. ", "“Why?” she asked. ", "They left."]),
    ("He said, “It is over.” Then he wept.", ["He said, “It is over.” ", "Then he wept."]),
    (
        "Tens of thousands — Russia says at least 100,000, the United Nations puts the number at 37,000 — left. Others stayed.",
        ["Tens of thousands — Russia says at least 100,000, the United Nations puts the number at 37,000 — left. ", "Others stayed."],
    ),
    ("Is it over? Nobody knows! 300 people left.", ["Is it over? ", "Nobody knows! ", "300 people left."]),
    ("The U.S. and Russia agreed.", ["The U.S. and Russia agreed."]),
    ("No full stop at the end", ["No full stop at the end"]),
    ("", [""]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text, expected):
    assert [text[start:end] for start, end in split_spans(text)] == expected


TOKENS = st.sampled_from(
    ["Mr.", "Dec.", "U.N.", "a.m.", "St.", "W.", "said", "37,000", "people", "—", "“", "”", ".", "?", "!", " ", "  ", "\n", "The", "etc.", "No.", "5", "…"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(TOKENS, st.text(max_size=8)), max_size=40).map(" ".join))
def test_sentences_rejoin_to_the_text(text):
    spans = split_spans(text)
    assert "".join(text[start:end] for start, end in spans) == text
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a_end == b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert all(start < end for start, end in spans) or text == ""


def _word_before_by_hand(text: str, period: int) -> str | None:
    """The letters and periods right before `text[period]` (a period), at most 200 back."""
    start = period
    while start > max(0, period - 200) and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:period] or None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(TOKENS, st.text(alphabet="aZé.Ω1 ", max_size=8)), max_size=40).map(" ".join))
def test_word_before_a_period_is_the_run_of_letters_and_periods(text):
    # The backward match must read the same word as a plain walk back from the period.
    from reconcile.segment.sentences import _WORD_BEFORE

    for period in (i for i, char in enumerate(text) if char == "."):
        match = _WORD_BEFORE.match(text, max(0, period - 200), period + 1)
        assert (match.group(1) if match else None) == _word_before_by_hand(text, period)
