"""Intervals as plain tuples (low, high, low_inclusive, high_inclusive); None is an open side.

Kept free of models so the hot loops of a million-claim run touch nothing but numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

Interval = tuple[float | None, float | None, bool, bool]


def _low(value: float | None) -> float:
    return -math.inf if value is None else value


def _high(value: float | None) -> float:
    return math.inf if value is None else value


def overlaps(a: Interval, b: Interval) -> bool:
    """True when some value lies in both (an excluded endpoint does not count)."""
    low, low_inclusive = max((_low(a[0]), a[2]), (_low(b[0]), b[2]), key=_low_order)
    high, high_inclusive = min((_high(a[1]), a[3]), (_high(b[1]), b[3]), key=_high_order)
    if low < high:
        return True
    return low == high and low_inclusive and high_inclusive


def _low_order(bound: tuple[float, bool]) -> tuple[float, bool]:
    # Of two equal lower bounds the exclusive one is the tighter.
    return bound[0], not bound[1]


def _high_order(bound: tuple[float, bool]) -> tuple[float, bool]:
    return bound[0], bound[1]


def spread(a: Interval, b: Interval) -> float | None:
    """Larger lower bound over smaller upper bound when the intervals miss each other, else None.

    Russia's [100000, ∞) against the UN's [37000, 37000] is 100000 / 37000 ≈ 2.7.
    """
    if overlaps(a, b):
        return None
    larger_low = max(_low(a[0]), _low(b[0]))
    smaller_high = min(_high(a[1]), _high(b[1]))
    if smaller_high <= 0:
        return math.inf
    return larger_low / smaller_high


def is_below(a: Interval, b: Interval) -> bool:
    """Every value of a is below every value of b (they miss each other, a on the lower side)."""
    return not overlaps(a, b) and _high(a[1]) <= _low(b[0])


def intersect(intervals: Iterable[Interval]) -> Interval | None:
    """What every interval allows, or None when they share nothing."""
    items = list(intervals)
    low, low_inclusive = max(((_low(i[0]), i[2]) for i in items), key=_low_order)
    high, high_inclusive = min(((_high(i[1]), i[3]) for i in items), key=_high_order)
    if low > high or (low == high and not (low_inclusive and high_inclusive)):
        return None
    return _finite(low), _finite(high), low_inclusive, high_inclusive


def hull(intervals: Iterable[Interval]) -> Interval:
    items = list(intervals)
    low, low_inclusive = min(((_low(i[0]), not i[2]) for i in items))
    high, high_inclusive = max(((_high(i[1]), i[3]) for i in items))
    return _finite(low), _finite(high), not low_inclusive, high_inclusive


def _finite(value: float) -> float | None:
    return None if math.isinf(value) else value
