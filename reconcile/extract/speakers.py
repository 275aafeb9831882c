"""Speakers: the people and organisations a sentence names, and who "he", "the statement" or
"Rupert Colville" turn out to be.

A speaker resolves, in order, to: an organisation on the source list (with the person named in
apposition: "Rupert Colville, a spokesman for the United Nations high commissioner…"); a person
the article tied to an organisation earlier ("Mr. Colville"); the previous speaker, for a pronoun;
the last statement the article attributed, for "the statement"; or, failing all, the speaker's
own words ("one aid worker").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from reconcile.rulebook import Rulebook
from reconcile.rulebook.gate import Gate, Words

# Every name starts with a capital A-Z: the leading lookahead lets the engine skip to those
# (twice as fast; it matches nothing the rest would not).
_PERSON = regex.compile(
    r"(?=[A-Z])(?:(?:Mr|Ms|Mrs|Dr|Gen|Col|Maj|Lt)\.\s+(?:(?:al|el|de|abu|Abu|Abou|bin)[- ])?[A-Z][\w’'-]+"
    r"|(?<![\w’'-])[A-Z][a-z][\w’'-]*(?:\s+(?:(?:al|el|de|bin|abu|Abu|Abou|Al|Ra’ad|Ra'ad)[- ])?"
    r"(?:[A-Z]\.\s+)?[A-Z][\w’'-]+){1,3})"
)
_NOT_NAMES = frozenset(
    """the a an on in at but and or as for from to of by with after before when while then
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec earlier later last this that these those it he she they we his her their its""".split()
)
_RAW_START = regex.compile(
    r"^\s*(?:the|a|an|one|some|several|many|two|three|local|(?-i:\p{Lu}))", regex.IGNORECASE
)
_RAW_REJECT = regex.compile(
    r"(?<![\w-])(?:on|in|at|to|from|by|with|his|her|their|its|our|my|when|while|after|before|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|that|which|who|and|but)(?![\w-])",
    regex.IGNORECASE,
)
_TITLE = regex.compile(r"^(?:Mr|Ms|Mrs|Dr|Gen|Col|Maj|Lt)\.\s+")
STATEMENT = regex.compile(
    r"(?<![\w-])(?:the|a|its|their|this|that)\s+(?:joint\s+|written\s+|latest\s+)?"
    r"(?:statement|report|communiqu[eé])(?![\w-])",
    regex.IGNORECASE,
)
# A sentence without one of its words names no statement: the scan is skipped.
_STATEMENT_GATE = Gate.anywhere([STATEMENT.pattern])
_NAME_TOKEN = regex.compile(r"[\w’'-]+")
_WORD_PAIR = regex.compile(r"(?<![\w-])([A-Za-z]+(?:\s+[a-z]+)?)(?![\w-])")


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str
    raw: str
    person: str | None = None


@dataclass
class SpeakerMemory:
    """What one document has said about its speakers so far."""

    people: dict[str, Speaker] = field(default_factory=dict)
    last_statement: Speaker | None = None

    def remember(self, speaker: Speaker) -> None:
        if speaker.person and speaker.name != speaker.person:
            full = _TITLE.sub("", speaker.person)
            self.people[full.casefold()] = speaker
            self.people[full.split()[-1].casefold()] = speaker

    def recall(self, person: str) -> Speaker | None:
        bare = _TITLE.sub("", person)
        return self.people.get(bare.casefold()) or self.people.get(bare.split()[-1].casefold())


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # org | person | pronoun | statement
    text: str
    name: str | None = None


_APPOSITION = regex.compile(
    r"(?-i:\p{Lu})[\w’'-]+\s*,\s+[^,;]{0,80}?(?:spokes\w+|representative|envoy|chief|head|"
    r"director|official|minister|commander|coordinator|ambassador|secretary|president|adviser|"
    r"advisor|member|researcher|monitor|officer)(?![\w-])",
    regex.IGNORECASE,
)


def register_appositions(text: str, book: Rulebook, memory: SpeakerMemory) -> None:
    """"Hanaa Singer, Unicef’s Syria representative, …": remember whom she speaks for, so "she
    said" and "Ms. Singer said" later name Unicef even when this sentence quotes nothing."""
    if not _APPOSITION.search(text):
        return
    mentions = find_mentions(text, book)
    for number, mention in enumerate(mentions):
        if mention.kind != "person" or not text.startswith(",", mention.end):
            continue
        stop = text.find(",", mention.end + 1)
        stop = len(text) if stop == -1 else stop
        orgs = [m for m in mentions[number + 1 :] if m.kind == "org" and m.end <= stop]
        if orgs:
            org = orgs[0]
            memory.remember(Speaker(org.name, book.sources.role(org.name), org.text, mention.text))


def names_a_statement(text: str, words: Words) -> bool:
    """"the statement said", "a report"."""
    return _STATEMENT_GATE.may_match(words) and STATEMENT.search(text) is not None


def may_name_a_person(text: str) -> bool:
    return _PERSON.search(text) is not None


def last_person(text: str, book: Rulebook, memory: SpeakerMemory | None = None) -> Speaker | None:
    """The last person a sentence names who is not an organisation or a place (speaking for the
    organisation the article tied them to, when it did)."""
    people = [m for m in find_mentions(text, book) if m.kind == "person"]
    if not people:
        return None
    name = people[-1].text
    known = memory.recall(name) if memory else None
    return known or Speaker(name, "other", name, name)


def _not_a_name(words: str) -> bool:
    tokens = [t.casefold() for t in _NAME_TOKEN.findall(words)]
    return any(t in _NOT_NAMES for t in tokens)


def find_mentions(text: str, book: Rulebook, words: Words | None = None) -> list[Mention]:
    found = [Mention(m.start, m.end, "org", m.raw, m.name) for m in book.sources.index.find(text)]
    taken = [(m.start, m.end) for m in found]
    for match in _PERSON.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        if book.places.index.resolve(match.group(0), fuzzy=False) or _not_a_name(match.group(0)):
            continue
        found.append(Mention(match.start(), match.end(), "person", match.group(0)))
    words = words or Words(text)
    if _STATEMENT_GATE.may_match(words):
        for match in STATEMENT.finditer(text):
            found.append(Mention(match.start(), match.end(), "statement", match.group(0)))
    pronouns = book.sources.pronouns
    if book.sources.pronoun_words.isdisjoint(words.words):
        return sorted(found, key=lambda m: m.start)
    for match in _WORD_PAIR.finditer(text):
        word = match.group(1).casefold()
        first = word.split()[0]
        if word in pronouns or first in pronouns:
            found.append(Mention(match.start(), match.start() + len(first), "pronoun", first))
    return sorted(found, key=lambda m: m.start)


def resolve(mention, person, book, memory, prior) -> Speaker | None:
    person_name = person.text if person else None
    if mention.kind == "org":
        speaker = Speaker(mention.name, book.sources.role(mention.name), mention.text, _clean_person(person_name))
        memory.remember(speaker)
        return speaker
    if mention.kind == "person":
        known = memory.recall(mention.text)
        if known:
            return known
        name = _clean_person(mention.text)
        return Speaker(name, "other", mention.text, name)
    if mention.kind == "pronoun":
        earlier = prior() if callable(prior) else prior
        if earlier is not None:
            return earlier
        personal = mention.text.casefold() in ("he", "she")
        return Speaker("unidentified speaker", "other", mention.text) if personal else None
    if mention.kind == "statement":
        return memory.last_statement or Speaker("statement", "other", mention.text)
    return None


def _clean_person(name: str | None) -> str | None:
    return name.strip() if name else None


def raw_speaker(words: str) -> Speaker | None:
    """A speaker the source list does not know ("one aid worker"): named by its own words."""
    tokens = _NAME_TOKEN.findall(words)
    if not tokens or len(tokens) > 5 or not _RAW_START.match(words) or _RAW_REJECT.search(words):
        return None
    raw = " ".join(tokens[-6:])
    return Speaker(raw, "other", raw)
