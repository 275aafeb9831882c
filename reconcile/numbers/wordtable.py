"""The lexicon's words as the grammar reads them: every spelling, with its role and value."""

from __future__ import annotations

from reconcile.numbers.schema import LexiconFile
from reconcile.numbers.tokens import (
    AND, ARTICLE, FRACTION_WORD, GROUP, OF, ORDINAL, POINT, RANK, SIGN, Word, cardinal_class,
)


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


def number_words(words: dict[str, Word]) -> list[str]:
    """Words that are numbers themselves (not "a", "and", "point", "of", "minus")."""
    return [w for w, entry in words.items() if entry.role not in (ARTICLE, AND, OF, POINT, SIGN)]


def vague_scales(rules: LexiconFile) -> dict[str, int]:
    """Singular scales a vague quantifier may take: "several hundred", "a few dozen"."""
    scales = {w.lower(): v for w, v in rules.cardinals.items() if v >= 100}
    scales.update({w.lower(): v for w, v in rules.groups.items()})
    for word, value in list(scales.items()):
        scales[word + "s"] = value
    return scales
