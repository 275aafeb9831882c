"""The alias finder's tokens (words at once, offsets only when asked) against reading every
token's span first, as the finder did before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.rulebook.names import _ASCII_TOKEN, _TOKEN, _tokens


def _read_spans_first(text: str) -> tuple:
    straight = text.replace("’", "'").replace("‘", "'")
    tokenizer = _ASCII_TOKEN if straight.isascii() else _TOKEN
    spans = [match.span() for match in tokenizer.finditer(straight)]
    words = tuple(straight[start:end] for start, end in spans)
    return words, tuple(w.casefold() for w in words), tuple(s for s, _ in spans), tuple(e for _, e in spans)


_PIECES = st.sampled_from(
    ["Aleppo", "al-Bab", "A’zaz", "U.N.", "the", "ISIS", "Straße", "İdlib", "ﬁve", "-", ".", ",", "’", "‘",
     "12", "3.5", "—", " ", "  ", "\t", "\n", "\x1c", "\u00a0", "_x"]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=16).map("".join)


def _lazy(text: str) -> tuple:
    _tokens.cache_clear()
    tokens = _tokens(text)
    return tokens.words, tokens.folded, tokens.starts, tokens.ends


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_tokens_read_lazily_equal_tokens_read_from_their_spans(text: str) -> None:
    assert _lazy(text) == _read_spans_first(text)


def test_a_text_without_tokens_has_none() -> None:
    assert _lazy(" \t\n") == ((), (), (), ())
    assert _lazy("") == ((), (), (), ())
