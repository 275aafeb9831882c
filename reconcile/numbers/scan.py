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
from collections.abc import Iterable, Iterator
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

    def may_hold_figures(self, text: str) -> bool:
        if self.digits.search(text):
            return True
        return not self.figure_words.isdisjoint(_LETTERS.findall(text.lower()))

    def starts(self, text: str) -> Iterator[int]:
        lowered = text.lower()
        if len(lowered) == len(text):
            found = self.anchors.finditer(lowered)
        else:
            found = self.anchors_any_case.finditer(text)
        links = link_spans(text)
        for match in found:
            start = match.start()
            if not links or not any(a <= start < b for a, b in links):
                yield start


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
    return Scanner(
        figure_words=figure,
        digits=re.compile(rf"[\d{re.escape(fraction_chars)}]"),
        anchors=re.compile(anchors),
        anchors_any_case=re.compile(anchors, re.IGNORECASE),
    )


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
