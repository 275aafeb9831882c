"""The core pattern: a bare figure, tried where the scanner says one may start.

Alternatives in order of precedence at one position: a phone number, a date, a clock time, a
digit ordinal ("21st"), a decade ("the 1990s"), a vague magnitude ("tens of thousands"), and
the general case, a run of number tokens ("two hundred and fifty", "1.2 million", "3/4").
"""

from __future__ import annotations

import regex

from reconcile.numbers.digits import FRACTION, digit_pattern
from reconcile.numbers.patterns import HYPHENS, alternation
from reconcile.numbers.schema import LexiconFile
from reconcile.numbers.tokens import AND, ARTICLE, GROUP, OF, POINT, RANK, SIGN, Word

_HYPHEN = f"[{HYPHENS}]"


def vulgar_class(rules: LexiconFile) -> str:
    """A character class of the fraction characters ("½", "¾")."""
    if not rules.vulgar_fractions:
        return "(?!)"
    return "[" + "".join(regex.escape(c) for c in rules.vulgar_fractions) + "]"


def cores_pattern(rules: LexiconFile, words: dict[str, Word], numbers: list[str]) -> str:
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
    vulgar = vulgar_class(rules)
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
