"""Who says a figure: the attribution cues of a sentence and the speaker each one names.

Forms handled: "X said", "said X", "according to X", "X puts the number at N", possessives
("Russia's tens of thousands"), dash asides with their own cues, and, across sentences, "he said"
and "the statement said" (see speakers.py). A figure with no cue belongs to the publisher
(attributed = false).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reconcile.extract.speakers import (
    Mention, Speaker, SpeakerMemory, find_mentions, names_a_statement, raw_speaker, resolve,
)
from reconcile.rulebook import Rulebook
from reconcile.rulebook.gate import Words
from reconcile.rulebook.patterns import bounded_finditer

_NOUN_USE_BEFORE = regex.compile(
    r"(?:\b(?:the|a|of|received|receiving|credible|multiple|several|many|these|those|media|news|"
    r"press|numerous|unconfirmed|conflicting|initial|early|latest|no)\s+)$",
    regex.IGNORECASE,
)
_DETERMINER_BEFORE = regex.compile(r"(?<![\w-])(?:the|a|an|these|those|this|that)\s+$", regex.IGNORECASE)
_PASSIVE_BEFORE = regex.compile(
    r"(?:\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?|\bwhich\s+)$", regex.IGNORECASE
)
_SAID_TO = regex.compile(r"\s+to\s+(?:be|have)\b", regex.IGNORECASE)
_ASIDE = regex.compile(r"[—–]([^—–]+)[—–]")
_POSSESSIVE = regex.compile(r"^[’']s?\s+$")
_HARD_BOUNDARY = regex.compile(r"[;:—–“”\"(]")
_SEGMENT_LIMIT = 3
_COMMA = regex.compile(",")
# "the convoy": the whole word after "the" (a noun followed by a letter, digit or hyphen is another word)
_DEFINITE = regex.compile(r"(?<![\w-])the\s+([\w-]+)", regex.IGNORECASE)


def _commas(text: str, start: int, end: int) -> list[int]:
    """Where the commas of text[start:end] are, as positions in `text`."""
    return [m.start() for m in _COMMA.finditer(text, start, end)]


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    speaker: Speaker
    aside: int | None


def find_cues(text: str, book: Rulebook, memory: SpeakerMemory, prior, words: Words | None = None) -> list[Cue]:
    """Every attribution cue of a sentence with its resolved speaker, in order.

    `prior` is who "he said" points back to: a Speaker, None, or a function that finds one (only
    called when a pronoun needs it). `words`: the sentence's words, when already at hand."""
    sources = book.sources
    words = words or Words(text)
    opened = sources.cue_gates.open(words)
    if not opened & sources.cue_gate_bit:
        return []
    found = [
        (kind, match)
        for (kind, finder, _), bit in zip(sources.cue_finders, sources.cue_finder_bits) if opened & bit
        for match in bounded_finditer(finder, text)
    ]
    if not found:
        return []
    mentions = find_mentions(text, book, words)
    asides = [m.span(1) for m in _ASIDE.finditer(text)]
    cues: list[Cue] = []
    statement = None  # whether the sentence names a statement, read once when a cue asks
    for kind, match in found:
        if kind == "verb" and not _is_active(text, match):
            continue
        speaker = _speaker_for(text, match, kind, mentions, book, memory, prior)
        if speaker is None:
            continue
        cues.append(Cue(match.start(), match.end(), speaker, _aside_of(asides, match.start())))
        if statement is None:
            statement = names_a_statement(text, words)
        if statement and speaker.name != "statement":
            memory.last_statement = speaker
    return _without_overlaps(sorted(cues, key=lambda c: c.start))


def _without_overlaps(cues: list[Cue]) -> list[Cue]:
    kept: list[Cue] = []
    for cue in cues:
        if kept and cue.start < kept[-1].end:
            continue
        kept.append(cue)
    return kept


def _is_active(text: str, match: regex.Match) -> bool:
    before = text[max(0, match.start() - 30) : match.start()]
    if _PASSIVE_BEFORE.search(before):
        return False
    if _DETERMINER_BEFORE.search(before):
        return False  # "an estimated 200000", "the reports"
    if _could_be_noun(match.group(0)) and _NOUN_USE_BEFORE.search(before):
        return False  # "had received reports", "media reports"
    return not _SAID_TO.match(text, match.end())


def _could_be_noun(word: str) -> bool:
    word = word.casefold()
    return word.endswith("s") or word in ("report", "estimate", "count", "record", "put")


def _speaker_for(text, match, kind, mentions, book, memory, prior) -> Speaker | None:
    before = text[: match.start()].rstrip()
    if kind == "according":
        return _speaker_after(text, match.end(), mentions, book, memory, prior)
    if kind == "verb" and (not before or before[-1] in ",”\"’"):
        # "…, said Rupert Colville": the speaker follows at once; "…, said he had left" does not
        # name one, so look left instead.
        near = [m for m in mentions if m.kind in ("org", "person") and 0 <= m.start - match.end() <= 20]
        if near:
            after = _speaker_after(text, match.end(), mentions, book, memory, prior)
            if after is not None:
                return after
    return _speaker_before(text, match.start(), mentions, book, memory, prior)


def _segments_before(text: str, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of the clause before `end`, nearest first."""
    start = 0
    for boundary in _HARD_BOUNDARY.finditer(text, 0, end):
        start = boundary.end()
    pieces, cursor = [], end
    for comma in reversed(_commas(text, start, end)):
        pieces.append((comma + 1, cursor))
        cursor = comma
    pieces.append((start, cursor))
    return pieces[:_SEGMENT_LIMIT]


def _speaker_before(text, end, mentions, book, memory, prior) -> Speaker | None:
    pieces = _segments_before(text, end)
    for number, (start, stop) in enumerate(pieces):
        inside = [m for m in mentions if start < m.end <= stop]
        if not inside:
            raw = raw_speaker(text[start:stop]) if number == 0 else None
            if raw is not None:
                return raw
            continue
        nearest = inside[-1]
        person = _person_before(mentions, pieces, number, inside)
        return resolve(nearest, person, book, memory, prior)
    return None


def _person_before(mentions, pieces, number, inside) -> Mention | None:
    """"Rupert Colville, a spokesman for the UN …, said": the name one comma before the org."""
    people = [m for m in inside if m.kind == "person"]
    if people:
        return people[0]
    if number + 1 < len(pieces):
        start, stop = pieces[number + 1]
        earlier = [m for m in mentions if start <= m.start and m.end <= stop and m.kind == "person"]
        if earlier:
            return earlier[0]
    return None


def _speaker_after(text, start, mentions, book, memory, prior) -> Speaker | None:
    stop = len(text)
    boundary = _HARD_BOUNDARY.search(text, start)
    if boundary:
        stop = boundary.start()
    commas = _commas(text, start, stop)
    if len(commas) >= 2:
        stop = commas[1]
    inside = [m for m in mentions if start <= m.start and m.end <= stop]
    if not inside:
        return None
    orgs = [m for m in inside if m.kind == "org"]
    people = [m for m in inside if m.kind == "person"]
    main = orgs[0] if orgs else inside[0]
    person = people[0] if people and (not orgs or people[0].start < orgs[0].start) else None
    return resolve(main, person, book, memory, prior)


def _aside_of(asides: list[tuple[int, int]], position: int) -> int | None:
    for number, (start, end) in enumerate(asides):
        if start <= position < end:
            return number
    return None


def possessive_source(text: str, position: int, book: Rulebook) -> Speaker | None:
    """"Russia's tens of thousands", "the United Nations' 250,000"."""
    # The whole sentence's mentions (its words are read once); one cannot straddle the figure.
    for mention in reversed([m for m in book.sources.index.find(text) if m.end <= position]):
        if _POSSESSIVE.match(text[mention.end : position]):
            return Speaker(mention.name, book.sources.role(mention.name), mention.raw)
        break
    return None


def choose(cues: list[Cue], text: str, position: int, book: Rulebook) -> Speaker | None:
    """The speaker of the figure at `position`."""
    owned = possessive_source(text, position, book)
    if owned:
        return owned
    asides = [m.span(1) for m in _ASIDE.finditer(text)]
    aside = _aside_of(asides, position)
    if aside is not None:
        local = _segment_cue(cues, text, asides[aside], position)
        if local:
            return local.speaker
    outside = [c for c in cues if c.aside is None]
    if not outside:
        return None
    preceding = [c for c in outside if c.end <= position]
    best = preceding[-1] if preceding else outside[0]
    return _with_person(best.speaker, outside, book)


def _segment_cue(cues: list[Cue], text: str, span: tuple[int, int], position: int) -> Cue | None:
    start, end = span
    cuts = [start] + [comma + 1 for comma in _commas(text, start, end)] + [end]
    for left, right in zip(cuts, cuts[1:]):
        if left <= position < right:
            inside = [c for c in cues if left <= c.start < right]
            return inside[0] if inside else None
    return None


def _with_person(speaker: Speaker, cues: list[Cue], book: Rulebook) -> Speaker:
    """Two cues for one organisation ("The UN said … said Rupert Colville, a UN spokesman")."""
    if speaker.person:
        return speaker
    index = book.sources.index
    if speaker.name not in index:
        return speaker
    for cue in cues:
        other = cue.speaker
        if other.person and other.name in index and index.root(other.name) == index.root(speaker.name):
            return other
    return speaker


_INDEFINITE = regex.compile(
    r"(?<![\w-])an?\s+(?:[\w-]+\s+){0,2}?([a-z]{3,})(?:\s+of\s+([a-z]{3,}))?", regex.IGNORECASE
)


def continues_story(sentence: str, following: str) -> bool:
    """The next sentence refers back, by a definite noun, to something this one introduced
    ("a convoy of vans carrying 70 wounded people …" → "the convoy had been turned back")."""
    nouns = set()
    for match in _INDEFINITE.finditer(sentence):
        nouns.update(n.casefold() for n in match.groups() if n)
    if not nouns:
        return False
    definite = {m.group(1).casefold() for m in _DEFINITE.finditer(following, overlapped=True)}
    return not nouns.isdisjoint(definite)
