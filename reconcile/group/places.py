"""Which places contain which, and which sources belong to which organisation: parent maps (from
rules/places.toml and rules/sources.toml) made queryable.

Two figures can be about the same thing when their places are the same or one lies inside the
other (eastern Aleppo inside Aleppo); siblings (eastern and western Aleppo) are different places.
A figure from Unicef is a figure from the United Nations when sources are compared.
"""

from __future__ import annotations

from collections.abc import Mapping

# Enough of the Aleppo gazetteer for tests and for running without rule files; the real
# hierarchy comes from rules/places.toml through the rulebook.
DEFAULT_PARENTS: dict[str, str] = {
    "eastern Aleppo": "Aleppo",
    "western Aleppo": "Aleppo",
    "Bustan al-Qasr": "eastern Aleppo",
    "Hanano": "eastern Aleppo",
    "al-Fardous": "eastern Aleppo",
    "al-Kallaseh": "eastern Aleppo",
    "al-Saleheen": "eastern Aleppo",
    "al-Halk": "Aleppo",
    "Jibreen": "Aleppo",
    "Aleppo": "Syria",
}


DEFAULT_SOURCE_PARENTS: dict[str, str] = {
    "Unicef": "United Nations",
    "UN human rights office": "United Nations",
    "Russian Defense Ministry": "Russia",
}


class Hierarchy:
    """Ancestors of each name, computed once per name; unknown names stand alone."""

    DEFAULT: dict[str, str] = {}

    def __init__(self, parents: Mapping[str, str | None] | None = None) -> None:
        self._parents = dict(self.DEFAULT if parents is None else parents)
        self._chains: dict[str | None, tuple[str, ...]] = {}

    def chain(self, place: str | None) -> tuple[str, ...]:
        """The place and its ancestors, nearest first (a cycle in the data is cut where it closes)."""
        cached = self._chains.get(place)
        if cached is None:
            cached = self._walk(place)
            self._chains[place] = cached
        return cached

    def _walk(self, place: str | None) -> tuple[str, ...]:
        if place is None:
            return ()
        seen: list[str] = [place]
        parent = self._parents.get(place)
        while parent is not None and parent not in seen:
            seen.append(parent)
            parent = self._parents.get(parent)
        return tuple(seen)

    def root(self, place: str | None) -> str | None:
        chain = self.chain(place)
        return chain[-1] if chain else None

    def nested(self, first: str | None, second: str | None) -> bool:
        """Same place, or one inside the other. An unknown place matches only an unknown place."""
        if first == second:
            return True
        if first is None or second is None:
            return False
        return first in self.chain(second) or second in self.chain(first)

    def depth(self, name: str | None) -> int:
        return len(self.chain(name))


class PlaceHierarchy(Hierarchy):
    DEFAULT = DEFAULT_PARENTS


class SourceHierarchy(Hierarchy):
    """Sources compared as the organisation at the top of their chain (Unicef → United Nations)."""

    DEFAULT = DEFAULT_SOURCE_PARENTS

    def organisation(self, name: str) -> str:
        return self.root(name) or name
