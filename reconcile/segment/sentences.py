"""Sentence boundaries with character offsets, for news prose.

Spans are contiguous and cover the block: each sentence keeps the space that follows it, so the
sentences always rejoin to the block text and no character is lost or counted twice.
"""

from __future__ import annotations

import regex

# Abbreviations that end with a period but rarely end a sentence in news copy.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt maj cmdr adm rev sen rep gov pres st mt ft jr sr
    inc co corp ltd bros no nos vs etc fig approx dept est jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)
# "etc." and month or weekday abbreviations can end a sentence; they only hold when a number or a
# lower-case word follows, which `_continues` checks.
_WEAK_ABBREVIATIONS = frozenset({"etc", "no", "nos"})
_TIME_FOLLOWERS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday local gmt utc est edt bst cet
    on in and or to until at""".split()
)
_CANDIDATE = regex.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEXT_START = regex.compile(r"\s+(?=[\"'“‘(\[]*[\p{Lu}\p{N}])")
# Matched backwards from the period (anchored there): a forward search would try every start
# position of its window first.
_WORD_BEFORE = regex.compile(r"(?r)([\p{L}.]+)\.")
_INITIALISM = regex.compile(r"^(?:\p{L}\.)+\p{L}?$")
_FOLLOWING_WORD = regex.compile(r"\s*[\"'“‘(\[]*([\p{L}\p{N}]+)")


def split_spans(text: str) -> list[tuple[int, int]]:
    """Contiguous (start, end) spans of the sentences of `text`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        gap = _NEXT_START.match(text, match.end())
        if gap is None or not _is_boundary(text, match):
            continue
        spans.append((start, gap.end()))
        start = gap.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def _is_boundary(text: str, match: regex.Match) -> bool:
    punctuation = match.group()
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return True
    word_match = _WORD_BEFORE.match(text, max(0, match.start() - 200), match.start() + 1)  # from 0, each check rescanned the block
    if word_match is None:
        return True
    word = word_match.group(1)
    next_word = _next_word(text, match.end())
    if word.lower() in ("a.m", "p.m"):
        return next_word.lower() not in _TIME_FOLLOWERS
    if _INITIALISM.match(word) or (len(word) == 1 and word.isupper()):
        return False  # U.N., U.S., "George W. Bush"
    lowered = word.lower()
    if lowered in _WEAK_ABBREVIATIONS:
        return not next_word[:1].isdigit()
    return lowered not in _ABBREVIATIONS


def _next_word(text: str, position: int) -> str:
    match = _FOLLOWING_WORD.match(text, position)
    return match.group(1) if match else ""
