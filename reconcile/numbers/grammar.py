"""The number grammar compiled from a lexicon: every regex built once, and the word tables.

`Grammar.cores` finds, in one pass, the bare figures of a text: number phrases, vague magnitudes,
and the structures that are not counts (dates, clock times, phone numbers, links). Everything
around a figure (qualifiers, units, ranges) is then read by small anchored patterns, forward with
`match(text, end)` and backward with REVERSE patterns matched against `text[:start]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import regex

from reconcile.numbers.digits import FRACTION, DigitParser, digit_pattern
from reconcile.numbers.patterns import HYPHENS, alternation, bounded, normalise, split_by_edges
from reconcile.numbers.scan import Scanner, compile_scanner
from reconcile.numbers.schema import Approximation, LexiconFile
from reconcile.numbers.tokens import (
    AND, ARTICLE, FRACTION_WORD, GROUP, OF, ORDINAL, POINT, RANK, SIGN, Word, cardinal_class,
)

_FLAGS = regex.VERSION0
_WS = r"\s"
_HYPHEN = f"[{HYPHENS}]"


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
    numbers = _number_words(words)
    return Grammar(
        words=words,
        digits=DigitParser(rules.digit_suffixes),
        vulgar={char: Fraction(value).limit_denominator(1000) for char, value in rules.vulgar_fractions.items()},
        cores=_compile(_cores_pattern(rules, words, numbers)),
        scanner=_scanner(rules, numbers),
        adjective_after=_compile(r"[ \t]+(?!(?i:of|and|or|in|to|as|than|from)\b)[^\W\d_]"),
        prefix=_reverse(rf"(?i:{_phrases_before(rules.prefixes)})"),
        prefix_actions={normalise(p): a for p, a in rules.prefixes.items()},
        suffix=_compile(rf"(?i:{_phrases_after(rules.suffixes)})"),
        suffix_actions={normalise(p): a for p, a in rules.suffixes.items()},
        number_start=_compile(rf"\s*(?:[-−]?\d|(?i:{alternation(numbers)})(?!\w))"),
        after_number=_compile(_after_number(rules)),
        time_unit=_compile(_time_units(rules.time_units.words)),
        money_before=_reverse(rf"{bounded(rules.money.before, reverse=True)}[ \t]*"),
        money_ends=frozenset(sign[-1] for sign in rules.money.before),
        kind_before=_reverse(_kind_before(rules)),
        pronoun_verb=_reverse(_pronoun_verb(rules.ages.pronouns, rules.ages.verbs)),
        name_comma=_reverse(r"(?<![\w’'.-])\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*,\s+"),
        closes_clause=_compile(r"\s*(?:[,;:)!?]|\.(?!\d)|$)"),
        year_after=_compile(r"(?:[’']s\b|\s*(?:[,;:)!?]|\.(?!\d)|$))"),
        one_after=_reverse(rf"(?i:{bounded(rules.pronoun_one.after, reverse=True)})\s+"),
        range_gap=_compile(_gap(rules.ranges.connectors)),
        alternatives=_reverse(rf"(?i:{bounded(rules.ranges.alternatives_after, reverse=True)})\s+"),
        opener=_reverse(rf"(?<!\w)(?P<opener>(?i:{alternation(rules.ranges.openers)}))\s+"),
        opener_gaps={normalise(o): _compile(_gap(c)) for o, c in rules.ranges.openers.items()},
        share_gap=_compile(_gap(rules.shares.part_of)),
        over_gap=_compile(_gap(rules.shares.divided_by)),
        joiner_gap=_compile(_gap(rules.bound_joiners.words)),
        longest_gap=_longest_gap(rules),
        list_gap=_compile(r",\s*(?:(?i:and|or)\s+)?"),
        approximations=dict(rules.approximations),
        vague_plurals={normalise(w): v for w, v in rules.vague.plurals.items()},
        vague_quantifiers={normalise(w): (v[0], v[1]) for w, v in rules.vague.quantifiers.items()},
        vague_scales=_vague_scales(rules),
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


# -- the word table ---------------------------------------------------------------------------


def word_table(rules: LexiconFile) -> dict[str, Word]:
    """Every spelling the grammar reads as a number word, lower case, plurals included."""
    table: dict[str, Word] = {}
    for word, value in rules.cardinals.items():
        role = cardinal_class(value)
        table[word.lower()] = Word(role, value)
        if value >= 100:
            table[word.lower() + "s"] = Word(role, value, plural=True)
    for word, value in rules.groups.items():
        table[word.lower()] = Word(GROUP, value)
        table[word.lower() + "s"] = Word(GROUP, value, plural=True)
    for word, value in rules.ordinals.items():
        kind = cardinal_class(value)
        table[word.lower()] = Word(ORDINAL, value, cardinal=kind)
        table[word.lower() + "s"] = Word(ORDINAL, value, plural=True, cardinal=kind)
    for word, value in rules.rank_ordinals.items():
        table[word.lower()] = Word(RANK, value, cardinal=cardinal_class(value))
    for word, spec in rules.fraction_words.items():
        entry = Word(FRACTION_WORD, spec.denominator, standalone=spec.standalone)
        table[word.lower()] = entry
        table[word.lower() + "s"] = Word(FRACTION_WORD, spec.denominator, plural=True)
    for plural, singular in rules.plurals.items():
        base = table[singular.lower()]
        table[plural.lower()] = Word(base.role, base.value, True, False, base.cardinal)
    for words, role in (
        (rules.articles.words, ARTICLE), (rules.signs.words, SIGN), (rules.decimal_point.words, POINT)
    ):
        for word in words:
            table[word.lower()] = Word(role)
    table["and"] = Word(AND)
    table["of"] = Word(OF)
    return table


def _number_words(words: dict[str, Word]) -> list[str]:
    """Words that are numbers themselves (not "a", "and", "point", "of", "minus")."""
    return [w for w, entry in words.items() if entry.role not in (ARTICLE, AND, OF, POINT, SIGN)]


def _vague_scales(rules: LexiconFile) -> dict[str, int]:
    """Singular scales a vague quantifier may take: "several hundred", "a few dozen"."""
    scales = {w.lower(): v for w, v in rules.cardinals.items() if v >= 100}
    scales.update({w.lower(): v for w, v in rules.groups.items()})
    for word, value in list(scales.items()):
        scales[word + "s"] = value
    return scales


def _scanner(rules: LexiconFile, numbers: list[str]) -> Scanner:
    """Where cores may start: every word the core pattern can begin with."""
    first_words = [phrase.split()[0] for phrase in (
        *rules.articles.words, *rules.signs.words, *rules.vague.lead_ins,
        *rules.vague.quantifiers, *rules.dates.months,
    )]
    figure_words = [*numbers, *rules.vague.plurals]
    return compile_scanner(figure_words, [*figure_words, *first_words], "".join(rules.vulgar_fractions))


# -- the core pattern, tried where the scanner says a figure may start ------------------------


def _VULGAR(rules: LexiconFile) -> str:
    return "[" + "".join(regex.escape(c) for c in rules.vulgar_fractions) + "]" if rules.vulgar_fractions else "(?!)"


def _cores_pattern(rules: LexiconFile, words: dict[str, Word], numbers: list[str]) -> str:
    alternatives = [
        ("phone", _PHONE),
        ("date", _date_pattern(rules)),
        ("clock", _clock_pattern(rules)),
        ("rank", r"(?<![\w.])\d+(?i:st|nd|rd|th)(?!\w)"),
        ("decade", r"(?<![\w.])(?:\d{2}|\d{4}|['’]\d0)s(?!\w)"),
        ("vague", _vague_pattern(rules)),
        ("number", _phrase_pattern(rules, words, numbers)),
    ]
    return "|".join(f"(?P<{name}>{pattern})" for name, pattern in alternatives)


_PHONE = (
    r"(?<![\w+])(?:\+\d{1,3}(?:[-./ ]\(?\d{1,4}\)?){2,5}"
    r"|\(\d{3}\)[ ]?\d{3}[-. ]\d{4}"
    r"|\d{3}[-.]\d{3}[-.]\d{4})(?![\d/-])"
)


def _date_pattern(rules: LexiconFile) -> str:
    month = rf"(?-i:{alternation(rules.dates.months)})(?![\p{{L}}])\.?"
    day = r"\d{1,2}(?i:st|nd|rd|th)?(?![\d,.]\d|\w)"
    year = r"(?:,?\s+\d{4}(?!\d))"
    return (
        rf"{month}\s+{day}{year}?"
        rf"|(?<![\w.])\d{{1,2}}(?i:st|nd|rd|th)?\s+(?i:of\s+)?{month}(?:,?\s+\d{{4}}(?!\d))?"
        rf"|{month},?\s+\d{{4}}(?!\d)"
        r"|(?<![\w./-])\d{1,2}(?P<separator>[-/.])\d{1,2}(?P=separator)\d{2,4}(?![\d/.-])"
        r"|(?<![\w.-])\d{4}-\d{2}-\d{2}(?![\d-])"
    )


def _clock_pattern(rules: LexiconFile) -> str:
    markers = rf"(?-i:{alternation(rules.clock.markers)})(?!\w)"
    hours = [w for w, v in rules.cardinals.items() if 1 <= v <= 12]
    return (
        rf"(?<![\w.,])\d{{1,2}}(?::[0-5]\d)?[ \t]*{markers}"
        rf"|(?<![\w.,:])[0-2]?\d:[0-5]\d(?![\d:])(?:[ \t]*{markers})?"
        rf"|(?<!\w)(?i:{alternation(hours)})[ \t]+{markers}"
    )


def _vague_pattern(rules: LexiconFile) -> str:
    vague = rules.vague
    plurals = rf"(?i:{alternation(vague.plurals)})(?!\w)"
    scales = [w for w, v in rules.cardinals.items() if v >= 100] + list(rules.groups)
    singular = rf"(?i:{alternation(scales)})s?(?!\w)"
    lead_in = rf"(?:(?i:{alternation(vague.lead_ins)})\s+)?"
    quantifier = rf"(?i:{alternation(vague.quantifiers)})\s+"
    need_of = {w.lower() for w in vague.need_of}
    free = rf"(?i:{alternation(w for w in vague.plurals if w.lower() not in need_of)})(?!\w)"
    bound = rf"(?i:{alternation(w for w in vague.plurals if w.lower() in need_of)})(?=\s+(?i:of)\s)"
    return (
        rf"(?<!\w){lead_in}(?:{quantifier}{singular}(?:\s+{singular})?"
        rf"|(?:{free}|{bound})(?:\s+(?i:of)\s+{plurals}){{0,2}})"
    )


def _phrase_pattern(rules: LexiconFile, words: dict[str, Word], numbers: list[str]) -> str:
    """A run of number tokens: digits, number words, and the small words that join them."""
    digit = digit_pattern(rules.digit_suffixes)
    vulgar = _VULGAR(rules)
    number_word = rf"(?i:{alternation(numbers)})(?!\w)"
    articles = rf"(?i:{alternation(rules.articles.words)})"
    targets = [w for w, e in words.items() if e.role not in (ARTICLE, AND, OF, POINT, SIGN, RANK)]
    article = rf"{articles}(?=\s+(?i:{alternation(targets)})(?!\w))"
    scale_words = [w for w, e in words.items() if e.role in ("scale", "hundred", GROUP)]
    real = rf"(?:{FRACTION}|{digit}|{vulgar}|(?<!\w){number_word})"
    starts = rf"(?:\d|{vulgar}|(?i:{alternation(numbers)})(?!\w)|{articles}\s)"
    small = [w for w, e in words.items() if e.role in ("unit", "teen", "tens")]
    connector = (
        rf"(?<!\w)(?:(?i:and)(?=\s+{starts})"
        rf"|(?i:{alternation(rules.decimal_point.words)})(?=\s+(?i:{alternation(small)})(?!\w))"
        rf"|(?i:of)(?=\s+{articles}\s+(?i:{alternation(scale_words)})(?!\w)))"
    )
    first = rf"(?:{real}|(?<!\w){article})"
    following = rf"(?:{real}|(?<!\w){article}|{connector})"
    separator = rf"(?:\s*{_HYPHEN}\s*|\s+|(?={vulgar}))"
    sign = (
        rf"(?P<sign>(?<![\w)\]%][ \t]*)[-−][ \t]*(?=\d)"
        rf"|(?<!\w)(?i:{alternation(rules.signs.words)})\s+)"
    )
    return rf"{sign}?(?P<atom>{first})(?:{separator}(?P<atom>{following}))*"


# -- context patterns ---------------------------------------------------------------------------


def _phrases_before(phrases) -> str:
    """Phrases that end right before a figure ("at least ", "more than ", ">")."""
    return rf"(?P<phrase>{bounded(phrases, reverse=True)})\s*"


def _phrases_after(phrases, named: bool = True) -> str:
    """Phrases right after a figure; symbols and hyphenated words may touch it ("93%", "5,000+",
    "10-year-old"), words need the space before them."""
    return rf"(?P<phrase>\s*{bounded(phrases)})" if named else rf"\s*{bounded(phrases)}"


def _after_number(rules: LexiconFile) -> str:
    """What may follow a number, in order of precedence: its unit ("93 percent"), or the word
    that makes it an age ("-year-old"), a duration ("days"), money ("dollars") or a time."""
    return (
        rf"(?P<percent>(?i:{_phrases_after(rules.percent.words, named=False)}))"
        rf"|(?P<age>(?i:{_phrases_after(rules.ages.after, named=False)}))"
        rf"|(?P<duration>{_time_units(rules.time_units.words)})"
        rf"|(?P<money>(?i:{_phrases_after(rules.money.after, named=False)}))"
        rf"|(?P<clock_time>\s*(?-i:{alternation(rules.clock.markers)})(?!\w))"
    )


def _kind_before(rules: LexiconFile) -> str:
    """Words right before a number that make it an age ("aged 30"), a reference ("Resolution
    2254"), a year ("in 2014", "mid-2016") or an identifier glued to letters ("B-52")."""
    return (
        rf"(?P<age>(?i:{bounded(rules.ages.before, reverse=True)})\s+)"
        rf"|(?P<reference>(?i:{bounded(rules.references.before, reverse=True)})\s*)"
        rf"|(?P<year>(?i:{bounded(rules.years.before, reverse=True)})\s*)"
        rf"|(?P<glued>(?<!\w)\p{{L}}[\p{{L}}\d]*{_HYPHEN})"
    )


def _time_units(units: list[str]) -> str:
    plural = rf"(?i:{alternation(units)})(?:s)?"
    return rf"(?:\s+|\s*{_HYPHEN}\s*){plural}(?!\w)(?!{_HYPHEN}old)"


def _pronoun_verb(pronouns: list[str], verbs: list[str]) -> str:
    spaced = [v for v in verbs if v[0].isalpha()]
    clitics = [v for v in verbs if not v[0].isalpha()]
    return (
        rf"(?<!\w)(?i:{alternation(pronouns)})"
        rf"(?:\s+(?i:{alternation(spaced)})|(?i:{alternation(clitics)}))\s+"
    )


def _longest_gap(rules: LexiconFile) -> int:
    """How far apart two figures joined by a connector can be: the longest connector with room
    for the line breaks and indentation of wrapped copy. Farther figures are not tried."""
    connectors = [
        *rules.ranges.connectors, *rules.shares.part_of, *rules.shares.divided_by,
        *rules.bound_joiners.words, *(c for cs in rules.ranges.openers.values() for c in cs),
    ]
    return max(len(c) for c in connectors) + 24


def _gap(connectors) -> str:
    """The text between two figures that makes them one ("13 to 46", "13-46", "13 – 46")."""
    worded, symbolic = split_by_edges(connectors)
    return rf"(?:\s+(?i:{alternation(worded)})\s+|\s*(?:{alternation(symbolic)})\s*)"
