"""A figure with its qualifier and unit, and the honest interval it stands for."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from reconcile.models.quantity import Quantity
from reconcile.models.trusted import trusted
from reconcile.numbers.schema import Approximation

QUANTITY = "quantity"
# Kinds that are not numbers at all: no interval.
STRUCTURES = frozenset({"date", "clock_time", "phone"})
COUNT, PERCENT, SHARE = "count", "percent", "share"
LOWER_BOUNDS = frozenset({"at_least", "more_than"})
UPPER_BOUNDS = frozenset({"at_most", "less_than"})


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    kind: str = QUANTITY
    value: int | Fraction | None = None  # the number as stated
    unit: str = COUNT
    qualifier: str = "exact"
    approximation: Approximation | None = None
    # Set for ranges and vague magnitudes, whose interval is not derived from one value.
    low: int | Fraction | None = None
    high: int | Fraction | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    scale: int | None = None
    plain: bool = False
    spelled: bool = False
    core_start: int = 0
    core_end: int = 0

    @property
    def is_number(self) -> bool:
        return self.value is not None and self.qualifier != "range"


def to_quantity(text: str, figure: Figure) -> Quantity:
    # Built trusted (every field, in field order): the grammar only makes valid values, and
    # validating each figure again cost more than reading it (tests/numbers checks the twins).
    if figure.kind in STRUCTURES:
        return trusted(
            Quantity, text=text[figure.start:figure.end], start=figure.start, end=figure.end,
            low=None, high=None, low_inclusive=True, high_inclusive=True, nominal=None,
            qualifier="approx" if figure.approximation else "exact",  # "around 1 a.m."
            unit=COUNT, kind=figure.kind,
        )
    low, high, low_inclusive, high_inclusive = _interval(figure)
    return trusted(
        Quantity, text=text[figure.start:figure.end], start=figure.start, end=figure.end,
        low=_plain(low), high=_plain(high), low_inclusive=low_inclusive,
        high_inclusive=high_inclusive,
        nominal=None if figure.qualifier in ("range", "vague") else _plain(figure.value),
        qualifier=figure.qualifier if figure.qualifier in _QUALIFIERS else "approx",
        unit=figure.unit,
        kind=figure.kind,
    )


_QUALIFIERS = frozenset(
    {"exact", "at_least", "more_than", "at_most", "less_than", "range", "vague", "approx"}
)


def _interval(figure: Figure) -> tuple:
    if figure.qualifier in ("range", "vague"):
        return figure.low, figure.high, figure.low_inclusive, figure.high_inclusive
    value = figure.value
    if figure.approximation is not None:
        return _approximate(value, figure.approximation, figure.unit)
    ceiling, floor = _whole(figure.unit, value)
    if figure.qualifier == "at_least":
        return value, ceiling, True, ceiling is not None
    if figure.qualifier == "more_than":
        return value, ceiling, False, ceiling is not None
    if figure.qualifier == "at_most":
        return floor, value, floor is not None, True
    if figure.qualifier == "less_than":
        return floor, value, floor is not None, False
    return value, value, True, True


def _whole(unit: str, value) -> tuple:
    """The top and bottom of what a percentage or share can be: a part of a whole. A percentage
    above 100 ("a 240 percent rise") is a ratio and keeps its open side."""
    if unit == SHARE and 0 <= value <= 1:
        return 1, 0
    if unit == PERCENT and 0 <= value <= 100:
        return 100, 0
    return None, None


def _approximate(value, approximation: Approximation, unit: str) -> tuple:
    spread = abs(value)
    low = value - spread * Fraction(approximation.below).limit_denominator(10_000)
    high = value + spread * Fraction(approximation.above).limit_denominator(10_000)
    if unit == COUNT and isinstance(value, int):
        low, high = math.floor(low), math.ceil(high)  # counts widen to whole numbers
    ceiling, floor = _whole(unit, value)
    if ceiling is not None:
        low, high = max(low, floor), min(high, ceiling)
    return low, high, True, True


def _plain(number):
    """Fractions leave as int when whole, else as float to 15 significant digits (so 0.45 does
    not print as 0.45000000000000007)."""
    if number is None or isinstance(number, int):
        return number
    if isinstance(number, Fraction) and number.denominator == 1:
        return number.numerator
    as_float = float(number)
    return float(f"{as_float:.15g}")
