"""Which places contain which: a parent map (from the gazetteer, rules/places.toml) made queryable.

Two figures can be about the same thing when their places are the same or one lies inside the
other (eastern Aleppo inside Aleppo); siblings (eastern and western Aleppo) are different places.
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


class PlaceHierarchy:
    """Ancestors of each place, computed once per place; unknown places stand alone."""

    def __init__(self, parents: Mapping[str, str | None] | None = None) -> None:
        self._parents = dict(DEFAULT_PARENTS if parents is None else parents)
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
