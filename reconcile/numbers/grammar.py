"""The number grammar compiled from a lexicon: every regex built once, and the word tables.

The scanner finds where figures may start; `Grammar.cores` is tried there and reads a bare figure:
a number phrase, a vague magnitude, or a structure that is not a count (date, clock time, phone
number). Everything around a figure (qualifiers, units, ranges) is then read by small anchored
patterns, forward with `match(text, end)` and backward with REVERSE patterns that end at its
start.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import regex

from reconcile.numbers import context
from reconcile.numbers.corepattern import cores_pattern
from reconcile.numbers.digits import DigitParser
from reconcile.numbers.patterns import alternation, bounded, normalise
from reconcile.numbers.scan import Scanner, compile_scanner
from reconcile.numbers.schema import Approximation, LexiconFile
from reconcile.numbers.tokens import Word
from reconcile.numbers.wordtable import number_words, vague_scales, word_table

_FLAGS = regex.VERSION0


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns and tables of one lexicon. Built by `compile_grammar`, never by hand."""

    words: dict[str, Word]
    digits: DigitParser
    vulgar: dict[str, Fraction]
    cores: regex.Pattern
    scanner: Scanner
    adjective_after: regex.Pattern
    prefix: regex.Pattern
    prefix_actions: dict[str, str]
    suffix: regex.Pattern
    suffix_actions: dict[str, str]
    number_start: regex.Pattern
    after_number: regex.Pattern
    time_unit: regex.Pattern
    money_before: regex.Pattern
    money_ends: frozenset[str]
    kind_before: regex.Pattern
    pronoun_verb: regex.Pattern
    name_comma: regex.Pattern
    closes_clause: regex.Pattern
    year_after: regex.Pattern
    one_after: regex.Pattern
    range_gap: regex.Pattern
    alternatives: regex.Pattern
    opener: regex.Pattern
    opener_gaps: dict[str, regex.Pattern]
    share_gap: regex.Pattern
    over_gap: regex.Pattern
    joiner_gap: regex.Pattern
    longest_gap: int
    list_gap: regex.Pattern
    approximations: dict[str, Approximation]
    vague_plurals: dict[str, int]
    vague_quantifiers: dict[str, tuple[float, float]]
    vague_scales: dict[str, int]
    vague_factors: tuple[float, float]
    years: tuple[int, int]
    oldest_age: int


def compile_grammar(rules: LexiconFile) -> Grammar:
    words = word_table(rules)
    numbers = number_words(words)
    return Grammar(
        words=words,
        digits=DigitParser(rules.digit_suffixes),
        vulgar={char: Fraction(value).limit_denominator(1000) for char, value in rules.vulgar_fractions.items()},
        cores=_compile(cores_pattern(rules, words, numbers)),
        scanner=_scanner(rules, numbers),
        adjective_after=_compile(
            rf"[ \t]+(?!(?i:{bounded(rules.shares.fraction_followed_by)}))[^\W\d_]"
        ),
        prefix=_reverse(rf"(?i:{context.phrases_before(rules.prefixes)})"),
        prefix_actions={normalise(p): a for p, a in rules.prefixes.items()},
        suffix=_compile(rf"(?i:{context.phrases_after(rules.suffixes)})"),
        suffix_actions={normalise(p): a for p, a in rules.suffixes.items()},
        number_start=_compile(rf"\s*(?:[-−]?\d|(?i:{alternation(numbers)})(?!\w))"),
        after_number=_compile(context.after_number(rules)),
        time_unit=_compile(context.time_units(rules.time_units.words)),
        money_before=_reverse(rf"{bounded(rules.money.before, reverse=True)}[ \t]*"),
        money_ends=frozenset(sign[-1] for sign in rules.money.before),
        kind_before=_reverse(context.kind_before(rules)),
        pronoun_verb=_reverse(context.pronoun_verb(rules.ages.pronouns, rules.ages.verbs)),
        name_comma=_reverse(r"(?<![\w’'.-])\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*,\s+"),
        closes_clause=_compile(r"\s*(?:[,;:)!?]|\.(?!\d)|$)"),
        year_after=_compile(r"(?:[’']s\b|\s*(?:[,;:)!?]|\.(?!\d)|$))"),
        one_after=_reverse(rf"(?i:{bounded(rules.pronoun_one.after, reverse=True)})\s+"),
        range_gap=_compile(context.gap(rules.ranges.connectors)),
        alternatives=_reverse(rf"(?i:{bounded(rules.ranges.alternatives_after, reverse=True)})\s+"),
        opener=_reverse(rf"(?<!\w)(?P<opener>(?i:{alternation(rules.ranges.openers)}))\s+"),
        opener_gaps={normalise(o): _compile(context.gap(c)) for o, c in rules.ranges.openers.items()},
        share_gap=_compile(context.gap(rules.shares.part_of)),
        over_gap=_compile(context.gap(rules.shares.divided_by)),
        joiner_gap=_compile(context.gap(rules.bound_joiners.words)),
        longest_gap=context.longest_gap(rules),
        list_gap=_compile(context.gap(rules.references.list_joiners)),
        approximations=dict(rules.approximations),
        vague_plurals={normalise(w): v for w, v in rules.vague.plurals.items()},
        vague_quantifiers={normalise(w): (v[0], v[1]) for w, v in rules.vague.quantifiers.items()},
        vague_scales=vague_scales(rules),
        vague_factors=(rules.vague.low_factor, rules.vague.high_factor),
        years=(rules.years.earliest, rules.years.latest),
        oldest_age=rules.ages.oldest,
    )


def _compile(pattern: str) -> regex.Pattern:
    return regex.compile(pattern, _FLAGS)


def _reverse(pattern: str) -> regex.Pattern:
    """A pattern matched backwards from a position: `.match(text, 0, position)` finds the words
    that end right there."""
    return regex.compile(pattern, _FLAGS | regex.REVERSE)


def _scanner(rules: LexiconFile, numbers: list[str]) -> Scanner:
    """Where cores may start: every word the core pattern can begin with."""
    first_words = [phrase.split()[0] for phrase in (
        *rules.articles.words, *rules.signs.words, *rules.vague.lead_ins,
        *rules.vague.quantifiers, *rules.dates.months,
    )]
    figure_words = [*numbers, *rules.vague.plurals]
    return compile_scanner(figure_words, [*figure_words, *first_words], "".join(rules.vulgar_fractions))
