"""Whether two figures' times overlap closely enough to be about the same moment or period."""

from __future__ import annotations

from reconcile.compare.config import TimeTolerance


def tolerance_days(basis: str | None, tolerance: TimeTolerance) -> int:
    if basis == "flow":
        return tolerance.flow_days
    if basis == "cumulative":
        return tolerance.cumulative_days
    return tolerance.stock_days


def widest_tolerance(tolerance: TimeTolerance) -> int:
    return max(tolerance.flow_days, tolerance.cumulative_days, tolerance.stock_days)


def gap_days(first_a: int | None, last_a: int | None, first_b: int | None, last_b: int | None) -> int:
    """Days between two date ranges (0 when they touch or overlap; undated figures are at one time)."""
    if first_a is None or first_b is None:
        return 0
    return max(0, first_b - last_a, first_a - last_b)


def same_period(a, b, basis: str | None, tolerance: TimeTolerance) -> bool:
    """Two figures of one basis can be compared: flows over matching windows, totals and levels
    at dates within the basis's tolerance."""
    if basis == "flow":
        if a.first is None or b.first is None:
            return a.first is None and b.first is None
        days = tolerance.flow_days
        return abs(a.first - b.first) <= days and abs(a.last - b.last) <= days
    return gap_days(a.first, a.last, b.first, b.last) <= tolerance_days(basis, tolerance)


def related_period(flow, other, tolerance: TimeTolerance) -> bool:
    """A flow and a total or level close enough in time that a reader would set them side by side."""
    return gap_days(flow.first, flow.last, other.first, other.last) <= tolerance_days(other.basis, tolerance)
