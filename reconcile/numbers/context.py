"""Patterns for the words around a figure, built from the lexicon.

Forward patterns are matched at a figure's end; REVERSE ones backwards from its start, so that
"no more than" is found whole before "more than".
"""

from __future__ import annotations

from reconcile.numbers.patterns import HYPHENS, alternation, bounded, split_by_edges
from reconcile.numbers.schema import LexiconFile

_HYPHEN = f"[{HYPHENS}]"


def phrases_before(phrases) -> str:
    """Phrases that end right before a figure ("at least ", "more than ", ">")."""
    return rf"(?P<phrase>{bounded(phrases, reverse=True)})\s*"


def phrases_after(phrases, named: bool = True) -> str:
    """Phrases right after a figure; symbols and hyphenated words may touch it ("93%", "5,000+",
    "10-year-old"), words need the space before them."""
    return rf"(?P<phrase>\s*{bounded(phrases)})" if named else rf"\s*{bounded(phrases)}"


def after_number(rules: LexiconFile) -> str:
    """What may follow a number, in order of precedence: its unit ("93 percent"), or the word
    that makes it an age ("-year-old"), a duration ("days"), money ("dollars") or a time."""
    return (
        rf"(?P<percent>(?i:{phrases_after(rules.percent.words, named=False)}))"
        rf"|(?P<age>(?i:{phrases_after(rules.ages.after, named=False)}))"
        rf"|(?P<duration>{time_units(rules.time_units.words)})"
        rf"|(?P<money>(?i:{phrases_after(rules.money.after, named=False)}))"
        rf"|(?P<clock_time>\s*(?-i:{alternation(rules.clock.markers)})(?!\w))"
    )


def kind_before(rules: LexiconFile) -> str:
    """Words right before a number that make it an age ("aged 30"), a reference ("Resolution
    2254"), a year ("in 2014", "mid-2016") or an identifier glued to letters ("B-52")."""
    return (
        rf"(?P<age>(?i:{bounded(rules.ages.before, reverse=True)})\s+)"
        rf"|(?P<reference>(?i:{bounded(rules.references.before, reverse=True)})\s*)"
        rf"|(?P<year>(?i:{bounded(rules.years.before, reverse=True)})\s*)"
        rf"|(?P<glued>(?<!\w)\p{{L}}[\p{{L}}\d]*{_HYPHEN})"
    )


def time_units(units: list[str]) -> str:
    plural = rf"(?i:{alternation(units)})(?:s)?"
    return rf"(?:\s+|\s*{_HYPHEN}\s*){plural}(?!\w)(?!{_HYPHEN}old)"


def pronoun_verb(pronouns: list[str], verbs: list[str]) -> str:
    spaced = [v for v in verbs if v[0].isalpha()]
    clitics = [v for v in verbs if not v[0].isalpha()]
    return (
        rf"(?<!\w)(?i:{alternation(pronouns)})"
        rf"(?:\s+(?i:{alternation(spaced)})|(?i:{alternation(clitics)}))\s+"
    )


def longest_gap(rules: LexiconFile) -> int:
    """How far apart two figures joined by a connector can be: the longest connector with room
    for the line breaks and indentation of wrapped copy. Farther figures are not tried."""
    connectors = [
        *rules.ranges.connectors, *rules.shares.part_of, *rules.shares.divided_by,
        *rules.bound_joiners.words, *(c for cs in rules.ranges.openers.values() for c in cs),
    ]
    return max(len(c) for c in connectors) + 24


def gap(connectors) -> str:
    """The text between two figures that makes them one ("13 to 46", "13-46", "13 – 46")."""
    worded, symbolic = split_by_edges(connectors)
    return rf"(?:\s+(?i:{alternation(worded)})\s+|\s*(?:{alternation(symbolic)})\s*)"
