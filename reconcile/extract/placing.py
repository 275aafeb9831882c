"""Where a claim holds: the place named next to its figure, or the place the article is about.

Descriptors ("rebel-held districts") are resolved against the article's main place. For people
who move (fled, evacuated), the place they left counts, not where they went.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from reconcile.rulebook import Rulebook
from reconcile.rulebook.gate import Gate, Words

MOVEMENT = frozenset({"fled", "evacuated", "returned"})
_DESTINATION = regex.compile(r"(?:\bto|\binto|\btowards?|\bfor|\breach|\bin\s+government-held)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$", regex.IGNORECASE)
_ORIGIN = regex.compile(r"(?:\bfrom|\bout\s+of|\bleft|\bleave|\bfled|\bfleeing|\bflee|\bescaped|\bevacuated)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$", regex.IGNORECASE)
_LIST_GLUE = regex.compile(r"^\s*(?:,|,?\s*and|—|–)\s*$")
# "BEIRUT, Lebanon — …": where the reporter filed from, not where the figure holds.
_DATELINE = regex.compile(r"^\s*(?-i:\p{Lu}{2,}[\p{Lu} .'-]*)(?:,\s*[\w .'-]{1,30})?\s*[—–]")
_APPOSED_ANCESTOR = regex.compile(r"^\s*,\s*$")


# A capitalised name where a place is expected: after "in"/"from"/…, or before "neighborhood"/….
_SLOT_AFTER = (
    r"(?:(?<=(?<![\w-])(?:in|at|from|near|into|to|of)\s+)(?P<after>(?-i:\p{Lu})[\w’'-]+(?:\s+(?:(?-i:\p{Lu})|al-|el-)[\w’'-]+){0,3}))"
)
_AREA_WORD = r"(?:neighbou?rhood|district|town|village|city|suburb|area|camp)s?\b"
_SLOT_BEFORE = (
    r"(?P<before>(?-i:\p{Lu})[\w’'-]+(?:\s+(?:(?-i:\p{Lu})|al-|el-)[\w’'-]+){0,3})(?=\s+" + _AREA_WORD + ")"
)
_PLACE_SLOT = regex.compile(_SLOT_AFTER + "|" + _SLOT_BEFORE)
# Most sentences name no area ("district", "camp"…), and then only the first branch can match:
# scanning for it alone finds the same slots four times faster.
_PLACE_SLOT_AFTER = regex.compile(_SLOT_AFTER)
_AREA_WORD_GATE = Gate.anywhere([_AREA_WORD])


def place_slots(text: str, start: int, words: Words | None = None) -> list[regex.Match]:
    """Where a capitalised name stands where a place is expected, from `start` on."""
    finder = _PLACE_SLOT if _AREA_WORD_GATE.may_match(words or Words(text)) else _PLACE_SLOT_AFTER
    return list(finder.finditer(text, start))


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str
    raw: str


class PlaceReader:
    """The place mentions of one document's sentences, read once: the article's main place and
    every claim's place look at the same sentences, and only descriptors depend on the context."""

    def __init__(self, book: Rulebook, words: dict[str, Words] | None = None):
        self.book = book
        self._words = words or {}  # the sentences' words when already read, for the cheap gates
        self._plain: dict[str, tuple[list[PlaceMention], list]] = {}
        self._read: dict[tuple[str, str | None], list[PlaceMention]] = {}

    def mentions(self, text: str, context: str | None) -> list[PlaceMention]:
        plain = self._plain_mentions(text)
        key = (text, context if plain[1] else None)  # without descriptors, no context matters
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = _in_context(text, plain, context, self.book)
        return found

    def _plain_mentions(self, text: str) -> tuple[list[PlaceMention], list]:
        plain = self._plain.get(text)
        if plain is None:
            plain = self._plain[text] = _context_free(text, self.book, self._words.get(text))
        return plain


def mentions_in(text: str, book: Rulebook, context: str | None) -> list[PlaceMention]:
    """Places a text names, with descriptors ("rebel-held districts") read inside `context`."""
    return _in_context(text, _context_free(text, book), context, book)


def _context_free(text: str, book: Rulebook, words: Words | None = None) -> tuple[list[PlaceMention], list]:
    """Names from the gazetteer and fuzzy spellings (after a dateline), and the descriptors."""
    gazetteer = book.places
    dateline = _DATELINE.match(text)
    skip_to = dateline.end() if dateline else 0
    found = [PlaceMention(m.start, m.end, m.name, m.raw) for m in gazetteer.find(text) if m.start >= skip_to]
    found.extend(_fuzzy(text, found, book, skip_to, words))
    return found, gazetteer.find_descriptors(text, words)


def _in_context(text: str, plain: tuple[list[PlaceMention], list], context: str | None, book: Rulebook) -> list[PlaceMention]:
    found, descriptors = plain
    gazetteer = book.places
    for descriptor in descriptors:
        place = gazetteer.place_for(descriptor.descriptor, descriptor.explicit_parent or context)
        if place is None:
            continue
        found = [m for m in found if not (descriptor.start <= m.start < descriptor.end)]
        found.append(PlaceMention(descriptor.start, descriptor.end, place, descriptor.raw))
    return _without_apposed_ancestors(sorted(found, key=lambda m: m.start), text, book)


def _fuzzy(
    text: str, found: list[PlaceMention], book: Rulebook, skip_to: int, words: Words | None = None
) -> list[PlaceMention]:
    """Spellings the gazetteer lacks ("Jub Al-Quby" for Jubb al-Qubbeh), matched with rapidfuzz,
    only where a place is expected and no listed name was found."""
    extra = []
    for match in place_slots(text, skip_to, words):
        group = "after" if match.group("after") else "before"
        start, end = match.span(group)
        if any(m.start < end and start < m.end for m in found) or end - start < 8:
            continue
        name = book.places.index.resolve(match.group(group), fuzzy=True)
        if name:
            extra.append(PlaceMention(start, end, name, match.group(group)))
    return extra


def _without_apposed_ancestors(found: list[PlaceMention], text: str, book: Rulebook) -> list[PlaceMention]:
    """"Aleppo, Syria": the country only says where Aleppo is."""
    kept: list[PlaceMention] = []
    for mention in found:
        if kept and _APPOSED_ANCESTOR.match(text[kept[-1].end : mention.start]):
            if book.places.index.contains(mention.name, kept[-1].name):
                continue
        kept.append(mention)
    return kept


def main_place(texts: list[str], reader: PlaceReader) -> str | None:
    """The place an article is about: follow the most-mentioned branch of the place tree down
    while one child is named more often than its parent alone and twice as often as any sibling.

    Descriptors ("rebel-held districts") count once the article's city is known, so two passes.
    """
    first = _focus(texts, reader, None)
    return _focus(texts, reader, first) if first else None


def _focus(texts: list[str], reader: PlaceReader, context: str | None) -> str | None:
    book = reader.book
    index = book.places.index
    direct: Counter[str] = Counter()
    for text in texts:
        for mention in reader.mentions(text, context):
            direct[mention.name] += 1
    if not direct:
        return None
    credit: Counter[str] = Counter()
    for name, count in direct.items():
        for ancestor in index.ancestors(name):
            credit[ancestor] += count
    roots = [n for n in credit if index.parents.get(n) is None]
    node = max(roots, key=lambda n: credit[n])
    while True:
        children = sorted(
            (n for n in credit if index.parents.get(n) == node), key=lambda n: -credit[n]
        )
        if not children:
            return node
        best = children[0]
        runner_up = credit[children[1]] if len(children) > 1 else 0
        if credit[best] <= direct[node] or credit[best] < 2 * runner_up:
            return node
        node = best


def place_for(
    text: str, position: int, limit: int, category: str, mentions: list[PlaceMention],
    book: Rulebook, default: str | None,
) -> tuple[str | None, str]:
    """The canonical place of the figure at `position`, and the words that named it.

    A place after the figure and before the next figure that is not a part of it reads first
    ("341 people, including 44 children, in rebel-held Aleppo, and 81 people … in government-held
    districts"); then the nearest place before it.
    """
    usable = [m for m in mentions if not _is_destination(text, m, category)]
    if category in MOVEMENT:
        origins = [m for m in usable if _ORIGIN.search(text[max(0, m.start - 40) : m.start])]
        if origins:
            usable = origins
    if not usable:
        return default, ""
    after = [m for m in usable if position <= m.start < limit]
    nearest = after[0] if after else min(usable, key=lambda m: _distance(m, position))
    group = _listed_with(nearest, usable, text)
    if len(group) > 1:
        return _common_ancestor([m.name for m in group], book) or nearest.name, nearest.raw
    return nearest.name, nearest.raw


def _is_destination(text: str, mention: PlaceMention, category: str) -> bool:
    if category not in MOVEMENT:
        return False
    return bool(_DESTINATION.search(text[max(0, mention.start - 40) : mention.start]))


def _distance(mention: PlaceMention, position: int) -> int:
    if mention.start >= position:
        return mention.start - position
    return (position - mention.end) + 10  # a place after the figure ("341 people … in X") reads first


def _listed_with(seed: PlaceMention, mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    """"four neighborhoods — Bustan al-Qasr, al-Fardous, al-Kallaseh and al-Saleheen"."""
    ordered = sorted(mentions, key=lambda m: m.start)
    at = ordered.index(seed)
    left = right = at
    while left > 0 and _LIST_GLUE.match(text[ordered[left - 1].end : ordered[left].start]):
        left -= 1
    while right + 1 < len(ordered) and _LIST_GLUE.match(text[ordered[right].end : ordered[right + 1].start]):
        right += 1
    return ordered[left : right + 1]


def _common_ancestor(names: list[str], book: Rulebook) -> str | None:
    index = book.places.index
    chains = [index.ancestors(n) for n in names]
    for candidate in chains[0]:
        if all(candidate in chain for chain in chains[1:]):
            return candidate
    return None
