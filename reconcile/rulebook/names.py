"""Name lookup shared by the source list and the gazetteer: exact aliases first, then rapidfuzz.

Both lists are trees of canonical names with aliases. Finding mentions in text uses one compiled
alternation of every alias; resolving a stray spelling falls back to fuzzy matching.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz, process

from reconcile.rulebook.patterns import FLAGS


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


def _alias_regex(aliases: Iterable[str]) -> str:
    """One alias as a pattern: acronyms match case-sensitively, other words in any case."""
    parts = []
    for alias in sorted(set(aliases), key=len, reverse=True):
        body = regex.escape(alias).replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")
        letters = [c for c in alias if c.isalpha()]
        is_acronym = len(letters) <= 5 and all(c.isupper() for c in letters)
        parts.append(f"(?-i:{body})" if is_acronym else body)
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])" if parts else "(?!)"


class NameIndex:
    """Canonical names with aliases and a parent each."""

    def __init__(self, entries: dict[str, tuple[list[str], str | None]], fuzzy_threshold: int):
        self.parents: dict[str, str | None] = {name: parent for name, (_, parent) in entries.items()}
        self._by_alias: dict[str, str] = {}
        spellings: list[str] = []
        for name, (aliases, _) in entries.items():
            for alias in [name, *aliases]:
                self._by_alias.setdefault(normalise(alias), name)
                spellings.append(alias)
        self._keys = list(self._by_alias)
        self._finder = regex.compile(_alias_regex(spellings), FLAGS)
        self.fuzzy_threshold = fuzzy_threshold

    def __contains__(self, name: str) -> bool:
        return name in self.parents

    def find(self, text: str) -> list[Mention]:
        return [
            Mention(m.start(), m.end(), self._by_alias[normalise(m.group(0))], m.group(0))
            for m in self._finder.finditer(text)
            if normalise(m.group(0)) in self._by_alias
        ]

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
