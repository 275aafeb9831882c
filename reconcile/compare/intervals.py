"""Intervals as plain tuples (low, high, low_inclusive, high_inclusive); None is an open side.

Kept free of models, and written as plain comparisons, because the reconciler calls these for
every pair of figures it compares.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

Interval = tuple[float | None, float | None, bool, bool]

_INF = math.inf


def overlaps(a: Interval, b: Interval) -> bool:
    """True when some value lies in both (an excluded endpoint does not count)."""
    return not (_ends_before(a, b) or _ends_before(b, a))


def _ends_before(a: Interval, b: Interval) -> bool:
    """Every value of a lies below every value of b."""
    high, low = a[1], b[0]
    if high is None or low is None:
        return False
    return high < low or (high == low and not (a[3] and b[2]))


def is_below(a: Interval, b: Interval) -> bool:
    """Every value of a is below every value of b (they miss each other, a on the lower side)."""
    return _ends_before(a, b)


def spread(a: Interval, b: Interval) -> float | None:
    """Larger lower bound over smaller upper bound when the intervals miss each other, else None.

    Russia's [100000, ∞) against the UN's [37000, 37000] is 100000 / 37000 ≈ 2.7.
    """
    if _ends_before(a, b):
        low, high = b[0], a[1]
    elif _ends_before(b, a):
        low, high = a[0], b[1]
    else:
        return None
    return _INF if high <= 0 else low / high


def _low(value: float | None) -> float:
    return -_INF if value is None else value


def _high(value: float | None) -> float:
    return _INF if value is None else value


def _low_order(bound: tuple[float, bool]) -> tuple[float, bool]:
    # Of two equal lower bounds the exclusive one is the tighter.
    return bound[0], not bound[1]


def intersect(intervals: Iterable[Interval]) -> Interval | None:
    """What every interval allows, or None when they share nothing."""
    items = list(intervals)
    low, low_inclusive = max(((_low(i[0]), i[2]) for i in items), key=_low_order)
    high, high_inclusive = min(((_high(i[1]), i[3]) for i in items))
    if low > high or (low == high and not (low_inclusive and high_inclusive)):
        return None
    return _finite(low), _finite(high), low_inclusive, high_inclusive


def hull(intervals: Iterable[Interval]) -> Interval:
    items = list(intervals)
    low, low_exclusive = min(((_low(i[0]), not i[2]) for i in items))
    high, high_inclusive = max(((_high(i[1]), i[3]) for i in items))
    return _finite(low), _finite(high), not low_exclusive, high_inclusive


def _finite(value: float) -> float | None:
    return None if math.isinf(value) else value
