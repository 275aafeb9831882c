"""Whether two figures' times overlap closely enough to be about the same moment or period.

Times are plain tuples of day ordinals, because the sweep asks this of every candidate pair.
"""

from __future__ import annotations

from reconcile.compare.config import TimeTolerance

# (first day, last day, basis, the basis's tolerance in days)
FigureTimes = tuple[int, int, "str | None", int]

# An undated figure sorts before every date; a bucket is either all dated or all undated, and
# undated figures are all at one time.
UNDATED = -1

UNRELATED, COMPARABLE, RELATED = 0, 1, 2


def tolerance_days(basis: str | None, tolerance: TimeTolerance) -> int:
    if basis == "flow":
        return tolerance.flow_days
    if basis == "cumulative":
        return tolerance.cumulative_days
    return tolerance.stock_days


def widest_tolerance(tolerance: TimeTolerance) -> int:
    return max(tolerance.flow_days, tolerance.cumulative_days, tolerance.stock_days)


def figure_times(first: int | None, last: int | None, basis: str | None, tolerance: TimeTolerance) -> FigureTimes:
    return (
        UNDATED if first is None else first,
        UNDATED if last is None else last,
        basis,
        tolerance_days(basis, tolerance),
    )


def gap_days(first_a: int, last_a: int, first_b: int, last_b: int) -> int:
    """Days between two date ranges (0 when they touch or overlap)."""
    return max(first_b - last_a, first_a - last_b, 0)


def relation(a: FigureTimes, b: FigureTimes, flow_days: int) -> int:
    """COMPARABLE: one basis and the same period (flows over matching windows, totals and levels
    at dates within the basis's tolerance). RELATED: a flow and a total or level close enough in
    time that a reader would set them side by side. Otherwise UNRELATED."""
    first_a, last_a, basis_a, days_a = a
    first_b, last_b, basis_b, days_b = b
    if basis_a == basis_b:
        if basis_a == "flow":
            close = abs(first_a - first_b) <= flow_days and abs(last_a - last_b) <= flow_days
        else:
            close = max(first_b - last_a, first_a - last_b, 0) <= days_a
        return COMPARABLE if close else UNRELATED
    if basis_a == "flow":
        return RELATED if gap_days(first_a, last_a, first_b, last_b) <= days_b else UNRELATED
    if basis_b == "flow":
        return RELATED if gap_days(first_a, last_a, first_b, last_b) <= days_a else UNRELATED
    return UNRELATED
