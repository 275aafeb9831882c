"""Turn lexicon words into regex alternations: escaped, longest first, spaces as any whitespace."""

from __future__ import annotations

from collections.abc import Iterable

import regex

# Hyphens that join compound numbers ("twenty-one"); en and em dashes are range connectors.
HYPHENS = "-\u2010\u2011"
_WORD_CHAR = regex.compile(r"\w")


def alternation(phrases: Iterable[str]) -> str:
    """One non-capturing group matching any phrase, shaped like a trie ("t(?:en|h(?:ree|irty))")
    so the engine compares one character per branch instead of trying every phrase in turn.
    Where one phrase extends another the longer is tried first ("hundred(?:th)?"). Inner spaces
    match any run of whitespace."""
    root: dict = {}
    for phrase in {" ".join(p.split()) for p in phrases if p.strip()}:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + (_trie(root) or "(?!)") + ")"


def _trie(node: dict) -> str:
    branches = [
        (r"\s+" if char == " " else regex.escape(char)) + _trie(child)
        for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def bounded(phrases: Iterable[str], reverse: bool = False) -> str:
    """Like `alternation`, but a phrase that starts or ends with a letter or digit must not
    touch another one there ("in" never matches inside "within"), and an operator such as ">"
    must not follow another operator ("<>30" is not a bound).

    With `reverse`, for patterns matched backwards from a figure, phrases share their endings
    and a longer phrase is tried before the one it ends with ("no more than" before "more than")."""
    groups: dict[tuple[str, str], list[str]] = {}
    for phrase in {" ".join(p.split()) for p in phrases if p.strip()}:
        groups.setdefault(_edges(phrase), []).append(phrase)
    if not groups:
        return "(?!)"
    build = _suffix_trie if reverse else _prefix_trie
    return "(?:" + "|".join(
        left + build(group) + right for (left, right), group in sorted(groups.items())
    ) + ")"


def _edges(phrase: str) -> tuple[str, str]:
    left = r"(?<!\w)" if starts_with_word(phrase) else ""
    if phrase[0] in "<>=≤≥":
        left = r"(?<![<>=])"
    right = r"(?!\w)" if _WORD_CHAR.match(phrase[-1]) else ""
    return left, right


def _prefix_trie(phrases: list[str]) -> str:
    return alternation(phrases)


def _suffix_trie(phrases: list[str]) -> str:
    root: dict = {}
    for phrase in phrases:
        node = root
        for char in reversed(phrase):
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + (_reversed_trie(root) or "(?!)") + ")"


def _reversed_trie(node: dict) -> str:
    branches = [
        _reversed_trie(child) + (r"\s+" if char == " " else regex.escape(char))
        for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def split_by_edges(phrases: Iterable[str]) -> tuple[list[str], list[str]]:
    """Phrases that end in a letter or digit (they need a word boundary) and the others."""
    worded, symbolic = [], []
    for phrase in phrases:
        (worded if _WORD_CHAR.match(phrase[-1:] or " ") else symbolic).append(phrase)
    return worded, symbolic


def starts_with_word(phrase: str) -> bool:
    return bool(_WORD_CHAR.match(phrase[:1] or " "))


def normalise(phrase: str) -> str:
    """The key a matched phrase is looked up by: lower case, single spaces, straight quotes."""
    return " ".join(phrase.lower().replace("’", "'").split())
