"""From bare figures to qualified ones: the words around each core, read in a fixed order.

1. "one" after a determiner is a pronoun ("the one you mentioned"), not a figure.
2. Two numbers joined by "in", "out of" or "over" are one share ("one in five").
3. The unit or the thing after a figure: percent, "-year-old" (age), "days" (duration), "dollars".
4. Ranges: "between 13 and 46", "13 to 46", "13-46", "5 to 7 million", "10 to 20 percent".
5. Words before a figure: a currency sign, an approximation or a bound ("about", "at least").
6. The context that makes a number something other than a count: ages, years, references.
7. Words after a figure: "or more", "5,000+", "or equal".
8. Two bounds that make one interval: "more than 20 and less than 35".
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from reconcile.numbers.cores import DECADE, NUMBER, ORDINAL_KIND, VAGUE, Core
from reconcile.numbers.figures import (
    COUNT, LOWER_BOUNDS, PERCENT, QUANTITY, SHARE, UPPER_BOUNDS, Figure,
)
from reconcile.numbers.grammar import Grammar
from reconcile.numbers.patterns import normalise

AGE, YEAR, DURATION, MONEY, REFERENCE = "age", "year", "duration", "money", "reference"
# Kinds that can form a range or take a qualifier; structures (dates, times) cannot.
NUMERIC_KINDS = frozenset({QUANTITY, AGE, YEAR, DURATION, MONEY, REFERENCE})
_NO_PREFIX = frozenset({ORDINAL_KIND, "date", "phone"})


def compose(text: str, cores: list[Core], grammar: Grammar) -> list[Figure]:
    cores = [core for core in cores if not _pronoun_one(text, core, grammar)]
    cores = _join_shares(text, cores, grammar)
    figures = [_figure(core) for core in cores]
    for figure in figures:
        _read_unit(text, figure, grammar)
    figures = _join_ranges(text, figures, grammar)
    _read_prefixes(text, figures, grammar)
    _read_kinds(text, figures, grammar)
    _read_suffixes(text, figures, grammar)
    figures = _join_bounds(text, figures, grammar)
    _extend_reference_lists(text, figures, grammar)
    return figures


def _pronoun_one(text: str, core: Core, grammar: Grammar) -> bool:
    if not core.spelled or core.end - core.start != 3 or text[core.start:core.end].lower() != "one":
        return False
    return grammar.one_after.match(text, 0, core.start) is not None


# -- 2. shares written with two numbers ------------------------------------------------------


def _join_shares(text: str, cores: list[Core], grammar: Grammar) -> list[Core]:
    joined, index = [], 0
    while index < len(cores):
        share = None
        if index + 1 < len(cores):
            share = _two_number_share(text, cores[index], cores[index + 1], grammar)
        joined.append(share or cores[index])
        index += 2 if share else 1
    return joined


def _two_number_share(text: str, part: Core, whole: Core, grammar: Grammar) -> Core | None:
    if not (part.kind == whole.kind == NUMBER and part.unit == whole.unit == COUNT):
        return None
    if whole.value is None or part.value is None or whole.value <= 0:
        return None
    if whole.start - part.end > grammar.longest_gap:
        return None
    value = Fraction(part.value) / Fraction(whole.value)
    if grammar.share_gap.fullmatch(text, part.end, whole.start):
        if not 0 < abs(part.value) < whole.value or _looks_like_year(whole, grammar):
            return None
        if grammar.time_unit.match(text, whole.end):  # "3 in 10 days"
            return None
        return Core(part.start, whole.end, NUMBER, value=value, unit=SHARE)
    if grammar.over_gap.fullmatch(text, part.end, whole.start) and grammar.closes_clause.match(
        text, whole.end
    ):
        unit = SHARE if abs(value) <= 1 else COUNT
        return Core(part.start, whole.end, NUMBER, value=_simplest(value), unit=unit)
    return None


def _looks_like_year(core: Core | Figure, grammar: Grammar) -> bool:
    earliest, latest = grammar.years
    return core.plain and isinstance(core.value, int) and earliest <= core.value <= latest


# -- 3. what follows the number ----------------------------------------------------------------


def _figure(core: Core) -> Figure:
    figure = Figure(
        core.start, core.end, value=core.value, unit=core.unit, scale=core.scale,
        plain=core.plain, spelled=core.spelled, core_start=core.start, core_end=core.end,
    )
    if core.kind == VAGUE:
        figure.qualifier, figure.low, figure.high = "vague", core.low, core.high
    elif core.kind == DECADE:
        figure.kind = YEAR if core.value >= 1000 else AGE  # "the 1990s"; "in their 20s"
    elif core.kind != NUMBER:
        figure.kind = core.kind
    return figure


def _read_unit(text: str, figure: Figure, grammar: Grammar) -> None:
    if figure.kind != QUANTITY or figure.value is None:
        return
    found = grammar.after_number.match(text, figure.end)
    if found is None:
        return
    if found.lastgroup == PERCENT:
        if figure.unit == COUNT:
            figure.unit, figure.end = PERCENT, found.end()
    else:
        figure.kind, figure.end = found.lastgroup, found.end()


# -- 4. ranges ---------------------------------------------------------------------------------


def _join_ranges(text: str, figures: list[Figure], grammar: Grammar) -> list[Figure]:
    joined, index = [], 0
    while index < len(figures):
        merged = None
        if index + 1 < len(figures):
            merged = _range(text, figures[index], figures[index + 1], grammar)
        joined.append(merged or figures[index])
        index += 2 if merged else 1
    return joined


def _range(text: str, first: Figure, second: Figure, grammar: Grammar) -> Figure | None:
    if not (first.is_number and second.is_number) or second.start - first.end > grammar.longest_gap:
        return None
    kind = _range_kind(first, second)
    unit = _range_unit(first, second)
    if kind is None or unit is None:
        return None
    opener = grammar.opener.match(text, 0, first.start)
    gap = grammar.opener_gaps[normalise(opener["opener"])] if opener else grammar.range_gap
    if not gap.fullmatch(text, first.end, second.start):
        return None
    if (first.spelled or second.spelled) and not _worded(text, first.end, second.start):
        return None  # "three-nought-four" is three numbers; spelled ranges use words
    if opener is None and grammar.alternatives.match(text, 0, first.start):
        return None  # "either 10 bln or 10 tln" names two figures
    low, high = first.value, second.value
    if second.scale and not first.scale and low * second.scale <= high:
        low = low * second.scale  # "5 to 7 million"
    if _looks_like_year(first, grammar) and second.plain and 0 <= high < 100 <= first.value:
        high = first.value - first.value % 100 + high  # "2015-16"
        kind = YEAR
    if not low < high:
        return None
    if _looks_like_year(first, grammar) and _looks_like_year(second, grammar):
        kind = YEAR
    return Figure(
        opener.start() if opener else first.start, second.end, kind=kind, unit=unit,
        qualifier="range", low=low, high=high, scale=second.scale,
        core_start=first.start, core_end=second.end,
    )


def _worded(text: str, start: int, end: int) -> bool:
    return any(char.isalpha() for char in text[start:end])


def _range_kind(first: Figure, second: Figure) -> str | None:
    if first.kind == second.kind:
        return first.kind if first.kind in NUMERIC_KINDS else None
    if first.kind == QUANTITY and second.kind in NUMERIC_KINDS:
        return second.kind  # "two to three weeks", "30 to 50 years old"
    return None


def _range_unit(first: Figure, second: Figure) -> str | None:
    if first.unit == second.unit:
        return first.unit
    if first.unit == COUNT and second.unit == PERCENT:
        return PERCENT  # "10 to 20 percent"
    return None


# -- 5. words before the figure ----------------------------------------------------------------


def _read_prefixes(text: str, figures: list[Figure], grammar: Grammar) -> None:
    floor = 0
    for figure in figures:
        if figure.kind not in _NO_PREFIX and figure.qualifier != "vague":
            _read_prefix(text, figure, grammar, floor)
        floor = figure.end


def _read_prefix(text: str, figure: Figure, grammar: Grammar, floor: int) -> None:
    money = None
    if _last_char_before(text, floor, figure.start) in grammar.money_ends:
        money = grammar.money_before.match(text, floor, figure.start)
    if money and figure.kind in NUMERIC_KINDS and figure.value is not None:
        figure.kind, figure.start = MONEY, money.start()
    found = grammar.prefix.match(text, floor, figure.start)
    if found is None:
        return
    action = grammar.prefix_actions[normalise(found["phrase"])]
    approximation = grammar.approximations.get(action)
    if figure.qualifier == "range" or figure.value is None:
        if approximation is None:
            return  # a bound before a range or a time is not read ("up to 5-7")
        if figure.value is None:
            figure.approximation = approximation  # "around 1 a.m.": said approximately
    elif approximation is not None:
        figure.qualifier, figure.approximation = "approx", approximation
    else:
        figure.qualifier = action
    figure.start = found.start()


def _last_char_before(text: str, floor: int, position: int) -> str:
    index = position - 1
    while index >= floor and text[index] in " \t":
        index -= 1
    return text[index] if index >= floor else ""


# -- 6. numbers that are not counts ------------------------------------------------------------


def _read_kinds(text: str, figures: list[Figure], grammar: Grammar) -> None:
    floor = 0
    for figure in figures:
        if figure.kind == QUANTITY and (figure.value is not None or figure.qualifier == "range"):
            figure.kind = _context_kind(text, figure, grammar, floor) or QUANTITY
        floor = figure.end


def _context_kind(text: str, figure: Figure, grammar: Grammar, floor: int) -> str | None:
    before = grammar.kind_before.match(text, floor, figure.core_start)
    if before is None and figure.start != figure.core_start:
        before = grammar.kind_before.match(text, floor, figure.start)  # "aged at least 18"
        before = before if before and before.lastgroup in (AGE, YEAR) else None
    said = before.lastgroup if before else None
    year_like = _looks_like_year(figure, grammar) and figure.qualifier != "range"
    if said in (AGE, REFERENCE):
        return said
    if year_like and (said == YEAR or grammar.year_after.match(text, figure.core_end)):
        return YEAR
    if said == "glued":
        return REFERENCE  # "B-52", "COVID-19"
    if figure.value is not None and _said_as_age(text, figure, grammar, floor):
        return AGE
    return None


def _said_as_age(text: str, figure: Figure, grammar: Grammar, floor: int) -> bool:
    """ "She was 10, he said" and "Ahmed Tawfik, 24, an economics student"."""
    if figure.unit != COUNT or not grammar.closes_clause.match(text, figure.end):
        return False
    if grammar.pronoun_verb.match(text, floor, figure.start):
        return True
    small = figure.plain and isinstance(figure.value, int) and figure.value <= grammar.oldest_age
    return small and figure.qualifier == "exact" and grammar.name_comma.match(
        text, floor, figure.start
    ) is not None


# -- 7. words after the figure -----------------------------------------------------------------


def _read_suffixes(text: str, figures: list[Figure], grammar: Grammar) -> None:
    for index, figure in enumerate(figures):
        ceiling = figures[index + 1].start if index + 1 < len(figures) else len(text)
        if figure.is_number and figure.kind in NUMERIC_KINDS:
            _read_suffix(text, figure, grammar, ceiling)


def _read_suffix(text: str, figure: Figure, grammar: Grammar, ceiling: int) -> None:
    found = grammar.suffix.match(text, figure.end, ceiling)
    if found is None or grammar.number_start.match(text, found.end()):
        return  # "200 or greater than 190": the words belong to the next figure
    action = grammar.suffix_actions[normalise(found["phrase"])]
    if action == "inclusive":
        widened = {"more_than": "at_least", "less_than": "at_most"}.get(figure.qualifier)
        if widened is None:
            return
        figure.qualifier = widened
    else:
        figure.qualifier, figure.approximation = action, None
    figure.end = found.end()


# -- 8. two bounds, one interval ---------------------------------------------------------------


def _join_bounds(text: str, figures: list[Figure], grammar: Grammar) -> list[Figure]:
    joined, index = [], 0
    while index < len(figures):
        merged = None
        if index + 1 < len(figures):
            merged = _two_bounds(text, figures[index], figures[index + 1], grammar)
        joined.append(merged or figures[index])
        index += 2 if merged else 1
    return joined


def _two_bounds(text: str, first: Figure, second: Figure, grammar: Grammar) -> Figure | None:
    if first.kind != QUANTITY or second.kind != QUANTITY or first.unit != second.unit:
        return None
    if first.qualifier in LOWER_BOUNDS and second.qualifier in UPPER_BOUNDS:
        lower, upper = first, second
    elif first.qualifier in UPPER_BOUNDS and second.qualifier in LOWER_BOUNDS:
        lower, upper = second, first
    else:
        return None
    if second.start - first.end > grammar.longest_gap:
        return None
    if not grammar.joiner_gap.fullmatch(text, first.end, second.start):
        return None
    low_inclusive = lower.qualifier == "at_least"
    high_inclusive = upper.qualifier == "at_most"
    if not (lower.value < upper.value or (lower.value == upper.value and low_inclusive and high_inclusive)):
        return None
    return replace(
        first, end=second.end, qualifier="range", value=None, approximation=None,
        low=lower.value, high=upper.value, low_inclusive=low_inclusive,
        high_inclusive=high_inclusive, core_end=second.core_end,
    )


def _extend_reference_lists(text: str, figures: list[Figure], grammar: Grammar) -> None:
    """ "Exercises nrs. 22, 24 and 26": every number of the list is a reference."""
    for before, after in zip(figures, figures[1:]):
        if before.kind == REFERENCE and after.kind == QUANTITY and after.qualifier == "exact":
            if grammar.list_gap.fullmatch(text, before.end, after.start):
                after.kind = REFERENCE


def _simplest(value: Fraction) -> int | Fraction:
    return value.numerator if value.denominator == 1 else value
