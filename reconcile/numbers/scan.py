"""Where figures may start, found fast.

Trying the whole core pattern at every character is slow, so the text is first scanned for the
only places a figure can start: a digit, a sign or bracket, a fraction character, or one of the
lexicon's words (number words, vague plurals, quantifiers, months, "a", "by", "minus"...). The
words are compiled into a trie-shaped alternation for the standard library's `re`, which scans
lower-cased text at C speed. Most sentences hold no figure at all: they are dismissed by a
cheaper test still, a digit search and a set intersection of their words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import regex

# Symbols a figure or a structure may start with, each only right before a digit: a sign
# ("-5", "− 10"), a phone number ("+1 …", "(212) …"), a decade ("’90s"), a decimal (".08").
_SYMBOL_STARTS = r"(?<![\w)\]%])[-−](?=[ \t]*\d)|['’(+](?=\d)|(?<![\w.])\.(?=\d)"
# Number words are ASCII; an ASCII class scans faster than a Unicode one.
_LETTERS = re.compile(r"[a-z]+")
_LINK_HINT = ("://", "www.", "WWW.", "@")
# Links and e-mail addresses hold no figures. Possessive and anchored at the start of a run of
# address characters, so a long run without "@" costs one pass, not one per character.
_LINKS = regex.compile(
    r"(?i:(?:https?|ftp)://|www\.)[^\s<>\"]++|(?<![\w.+-])[\w.+-]++@[\w-]++\.[\w.-]+"
)


@dataclass(frozen=True)
class Scanner:
    figure_words: frozenset[str]  # words that are a figure or part of one: "five", "dozens"
    digits: re.Pattern  # any digit or fraction character
    anchors: re.Pattern  # every place a core may start, in lower-cased text
    anchors_any_case: re.Pattern  # the same, for text whose lower case changes its length
    # The same places found by two cheaper scans whose matches never meet (see _split_scans);
    # empty when the lexicon's words do not allow it.
    split: tuple[re.Pattern, ...] = ()
    split_any_case: tuple[re.Pattern, ...] = ()

    def may_hold_figures(self, text: str) -> bool:
        if self.digits.search(text):
            return True
        return not self.figure_words.isdisjoint(_LETTERS.findall(text.lower()))

    def starts(self, text: str) -> list[int]:
        lowered = text.lower()
        if len(lowered) == len(text):
            found = _starts(lowered, self.split or (self.anchors,))
        else:
            found = _starts(text, self.split_any_case or (self.anchors_any_case,))
        links = link_spans(text)
        if links:
            return [start for start in found if not any(a <= start < b for a, b in links)]
        return found


def _starts(text: str, patterns: tuple[re.Pattern, ...]) -> list[int]:
    if len(patterns) == 1:
        return [match.start() for match in patterns[0].finditer(text)]
    return sorted([match.start() for pattern in patterns for match in pattern.finditer(text)])


def link_spans(text: str) -> list[tuple[int, int]]:
    if not any(hint in text for hint in _LINK_HINT):
        return []
    return [match.span() for match in _LINKS.finditer(text)]


def compile_scanner(figure_words: Iterable[str], start_words: Iterable[str], fraction_chars: str) -> Scanner:
    figure = frozenset(w.lower() for w in figure_words if w.isalpha())
    starts = {w.lower() for w in start_words} | figure
    fractions = f"|[{re.escape(fraction_chars)}]" if fraction_chars else ""
    words = trie_pattern(sorted(starts))
    # The leading class lets the engine skip, cheaply, every character no figure starts with.
    first_chars = "".join(sorted({w[0] for w in starts} | set(r"-−'’(+.") | set(fraction_chars)))
    anchors = (
        rf"(?=[\d{re.escape(first_chars)}])"
        rf"(?:(?<![^\W_])\d|{_SYMBOL_STARTS}{fractions}|(?<!\w)(?:{words})(?!\w))"
    )
    split = _split_scans(starts, words, fraction_chars)
    return Scanner(
        figure_words=figure,
        digits=re.compile(rf"[\d{re.escape(fraction_chars)}]"),
        anchors=re.compile(anchors),
        anchors_any_case=re.compile(anchors, re.IGNORECASE),
        split=tuple(re.compile(pattern) for pattern in split),
        split_any_case=tuple(re.compile(pattern, re.IGNORECASE) for pattern in split),
    )


# The symbol and digit starts, each one character, spelled to begin with the character they
# consume: then `re` skips every other character in C, where a leading lookbehind makes it try
# each position in turn (five times slower on news text).
_SYMBOLS = "-−'’(+."
_ONE_CHARACTER_STARTS = (
    r"(?:(?<=\d)(?<![^\W_]\d)|(?<=[-−])(?<![\w)\]%][-−])(?=[ \t]*\d)|(?<=['’(+])(?=\d)"
    r"|(?<=\.)(?<![\w.]\.)(?=\d)"
)


def _split_scans(starts: set[str], words: str, fraction_chars: str) -> tuple[str, ...]:
    """The anchors as two patterns, one for the one-character starts (digits, signs, fractions)
    and one for the words, when every word is letters only: then no start of one kind lies
    inside a match of the other, and the two scans' starts together are the single scan's."""
    if not all(word.isalpha() for word in starts) or any(c.isalpha() for c in fraction_chars):
        return ()
    fractions = f"|(?<=[{re.escape(fraction_chars)}])" if fraction_chars else ""
    first = rf"[\d{re.escape(_SYMBOLS + fraction_chars)}]"
    return first + _ONE_CHARACTER_STARTS + fractions + ")", rf"(?<!\w)(?:{words})(?!\w)"


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation shaped like a trie ("t(?:en|h(?:ree|irty))"), so the regex engine compares
    one character per branch instead of trying every word in turn."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(root) or "(?!)"


def _branch(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        body = f"(?:{body})?"
    return body
