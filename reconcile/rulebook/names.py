"""Name lookup shared by the source list and the gazetteer: exact aliases first, then rapidfuzz.

Both lists are trees of canonical names with aliases. Finding mentions in text looks token
sequences up in a dictionary of aliases; resolving a stray spelling falls back to fuzzy matching.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process



@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    raw: str


_ARTICLE = regex.compile(r"^the\s+")
_SPACES = regex.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, apostrophe and article differences do not make a different name."""
    text = text.replace("’", "'").replace("‘", "'").casefold().strip(" .,;:")
    return _SPACES.sub(" ", _ARTICLE.sub("", text))


_TOKEN = regex.compile(r"\w+(?:[-.]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class _Tokens:
    words: tuple[str, ...]
    folded: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


@lru_cache(maxsize=512)
def _tokens(text: str) -> _Tokens:
    """Words and marks with their offsets (cached: sources and places read the same sentence)."""
    straight = text.replace("’", "'").replace("‘", "'")  # same length: offsets hold
    spans = [m.span() for m in _TOKEN.finditer(straight)]
    words = tuple(straight[start:end] for start, end in spans)
    return _Tokens(
        words, tuple(w.casefold() for w in words), tuple(s for s, _ in spans), tuple(e for _, e in spans)
    )


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


class _Phrases:
    """Aliases as token sequences, looked up by their first token: faster than one huge
    alternation, and exact. Short all-capital aliases ("UN", "IS") match only in capitals."""

    def __init__(self, aliases: dict[str, str]):
        self._folded: dict[tuple[str, ...], str] = {}
        self._exact: dict[tuple[str, ...], str] = {}
        folded_lengths: dict[str, set[int]] = {}
        exact_lengths: dict[str, set[int]] = {}
        for alias, name in aliases.items():
            words = _tokens(alias).words
            if not words:
                continue
            if _is_acronym(alias):
                self._exact.setdefault(words, name)
                exact_lengths.setdefault(words[0], set()).add(len(words))
            else:
                key = tuple(w.casefold() for w in words)
                self._folded.setdefault(key, name)
                folded_lengths.setdefault(key[0], set()).add(len(key))
        # first word → the phrase lengths to try, longest first
        self._folded_lengths = {w: sorted(n, reverse=True) for w, n in folded_lengths.items()}
        self._exact_lengths = {w: sorted(n, reverse=True) for w, n in exact_lengths.items()}

    def find(self, text: str) -> list[tuple[int, int, str]]:
        tokens = _tokens(text)
        folded, exact = tokens.folded, tokens.words
        folded_lengths, exact_lengths = self._folded_lengths, self._exact_lengths
        found = []
        count = len(folded)
        after = 0  # the end of the last phrase found: phrases do not overlap
        for i in range(count):
            if i < after:
                continue
            by_folded = folded_lengths.get(folded[i])
            by_exact = exact_lengths.get(exact[i])
            if by_folded is None and by_exact is None:
                continue
            hit = self._longest(tokens, i, by_folded or (), by_exact or (), text)
            if hit:
                length, name = hit
                found.append((tokens.starts[i], tokens.ends[i + length - 1], name))
                after = i + length
        return found

    def _longest(self, tokens: _Tokens, i: int, by_folded, by_exact, text: str) -> tuple[int, str] | None:
        lengths = sorted({*by_folded, *by_exact}, reverse=True) if by_folded and by_exact else (by_folded or by_exact)
        count = len(tokens.words)
        for length in lengths:
            if i + length > count:
                continue
            name = self._folded.get(tokens.folded[i : i + length]) or self._exact.get(tokens.words[i : i + length])
            if name and _whole(text, tokens.starts[i], tokens.ends[i + length - 1]):
                return length, name
        return None


def _whole(text: str, start: int, end: int) -> bool:
    """Not part of a hyphenated word ("Aleppo-based" is not a mention of Aleppo)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before != "-" and after != "-"


class NameIndex:
    """Canonical names with aliases and a parent each."""

    def __init__(self, entries: dict[str, tuple[list[str], str | None]], fuzzy_threshold: int):
        self.parents: dict[str, str | None] = {name: parent for name, (_, parent) in entries.items()}
        self._by_alias: dict[str, str] = {}
        spellings: dict[str, str] = {}
        for name, (aliases, _) in entries.items():
            for alias in [name, *aliases]:
                self._by_alias.setdefault(normalise(alias), name)
                spellings.setdefault(alias, name)
        self._keys = list(self._by_alias)
        self._phrases = _Phrases(spellings)
        self.fuzzy_threshold = fuzzy_threshold

    def __contains__(self, name: str) -> bool:
        return name in self.parents

    def find(self, text: str) -> list[Mention]:
        return [Mention(start, end, name, text[start:end]) for start, end, name in self._phrases.find(text)]

    def resolve(self, raw: str, *, fuzzy: bool = True) -> str | None:
        key = normalise(raw)
        if key in self._by_alias:
            return self._by_alias[key]
        if not fuzzy or len(key) < 4 or not self._keys:
            return None
        best = process.extractOne(
            key, self._keys, scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold
        )
        return self._by_alias[best[0]] if best else None

    def ancestors(self, name: str) -> list[str]:
        """The name, its parent, its parent's parent … up to the root."""
        chain = [name]
        while (parent := self.parents.get(chain[-1])) and parent not in chain:
            chain.append(parent)
        return chain

    def root(self, name: str) -> str:
        return self.ancestors(name)[-1]

    def contains(self, outer: str, inner: str) -> bool:
        """True when `inner` is `outer` or lies inside it."""
        return outer in self.ancestors(inner)
