"""The gazetteer: canonical places, their aliases and nesting, and descriptive names.

"rebel-held districts" names eastern Aleppo only in an article about Aleppo, so descriptors are
kept apart from aliases and resolved against the place a document is about.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reconcile.rulebook import patterns as pat
from reconcile.rulebook.gate import Gate, Words
from reconcile.rulebook.names import Mention, NameIndex
from reconcile.rulebook.schema import PlacesFile

AREA_NOUNS = (
    r"(?:areas?|districts?|neighbou?rhoods?|parts?|sections?|side|enclave|territory|zones?|"
    r"quarters?|half)"
)


@dataclass(frozen=True, slots=True)
class DescriptorMention:
    start: int
    end: int
    descriptor: str
    raw: str
    explicit_parent: str | None


class Gazetteer:
    def __init__(self, rules: PlacesFile, file: str):
        self.index = NameIndex(
            {p.name: (p.aliases, p.parent) for p in rules.places}, rules.fuzzy_threshold
        )
        self._by_descriptor: dict[tuple[str, str], str] = {}
        descriptors: list[str] = []
        for place in rules.places:
            for descriptor in place.descriptors:
                descriptors.append(descriptor)
                self._by_descriptor[(place.parent or "", descriptor.casefold())] = place.name
        words = pat.alternation(descriptors, literal=True)
        self._descriptor_finder = regex.compile(
            rf"(?<![\w-])(?P<descriptor>{words})\s+{AREA_NOUNS}(?:\s+of\s+(?P<parent>the\s+city|"
            rf"(?-i:\p{{Lu}})[\w’'-]+(?:\s+(?-i:\p{{Lu}})[\w’'-]+)*))?",
            pat.FLAGS,
        ) if descriptors else None
        self._descriptor_gate = (
            Gate.of([self._descriptor_finder.pattern], word_start=True) if descriptors else None
        )
        # …and a descriptor is always followed by an area noun: a second, independent gate
        self._area_gate = Gate.anywhere([AREA_NOUNS])

    def find(self, text: str) -> list[Mention]:
        return self.index.find(text)

    def find_descriptors(self, text: str, words: Words | None = None) -> list[DescriptorMention]:
        words = words or Words(text)
        if self._descriptor_finder is None or not self._descriptor_gate.may_match(words):
            return []
        if not self._area_gate.may_match(words):
            return []
        found = []
        for match in pat.bounded_finditer(self._descriptor_finder, text):
            parent_words = match.group("parent")
            parent = None
            if parent_words and not parent_words.casefold().startswith("the"):
                parent = self.index.resolve(parent_words, fuzzy=False)
            found.append(
                DescriptorMention(
                    match.start(), match.end(), match.group("descriptor").casefold(),
                    match.group(0), parent,
                )
            )
        return found

    def place_for(self, descriptor: str, context: str | None) -> str | None:
        """The place a descriptor names inside `context` or one of its ancestors."""
        if context is None:
            return None
        for ancestor in self.index.ancestors(context):
            place = self._by_descriptor.get((ancestor, descriptor))
            if place:
                return place
        return None
