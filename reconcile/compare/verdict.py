"""The verdict on two figures of one topic, with its spread and reason.

Each rule is a small function; `judge` tries them in order: different bases, running totals
over time, a source's later level, then figures for the same time.
"""

from __future__ import annotations

from typing import NamedTuple

from reconcile.compare import reasons
from reconcile.compare.config import Thresholds
from reconcile.compare.draft import FigureDraft
from reconcile.compare.intervals import is_below, spread
from reconcile.group.keys import RELATIVE_UNITS


class Judgement(NamedTuple):
    verdict: str
    spread: float | None
    why: str


def judge(a: FigureDraft, b: FigureDraft, thresholds: Thresholds) -> Judgement:
    return (
        different_base(a, b)
        or part_and_whole(a, b, thresholds)
        or running_total(a, b, thresholds)
        or later_level(a, b)
        or same_time(a, b, thresholds)
    )


def different_base(a: FigureDraft, b: FigureDraft) -> Judgement | None:
    """A share of one place is not a share of a place inside it (93 % of Aleppo, 75 % of the east)."""
    if a.unit in RELATIVE_UNITS and a.place != b.place:
        return Judgement("not_comparable", None, reasons.different_base(a, b))
    return None


def part_and_whole(a: FigureDraft, b: FigureDraft, thresholds: Thresholds) -> Judgement | None:
    """A count for a place inside another is a part of it: 30 who fled Qaterji are some of the
    40,000 who fled eastern Aleppo. The whole may not be smaller than the part at the same time,
    nor (for running totals) later; an earlier whole says nothing about a later part."""
    if a.place == b.place:
        return None
    part, whole = (a, b) if a.depth > b.depth else (b, a)
    ordered = in_order(part, whole)
    if a.basis == "cumulative" and ordered is not None and ordered[0] is whole:
        return Judgement("agree", None, reasons.whole_before_part(part, whole))
    ratio = spread(part.interval, whole.interval)
    if ratio is not None and is_below(whole.interval, part.interval) and ratio >= thresholds.min_spread:
        verdict = "revision" if part.organisation == whole.organisation else "disagree"
        return Judgement(verdict, ratio, reasons.part_exceeds_whole(part, whole, ratio))
    return Judgement("agree", None, reasons.part_within_whole(part, whole))


def in_order(a: FigureDraft, b: FigureDraft) -> tuple[FigureDraft, FigureDraft] | None:
    """(earlier, later) when one figure's dates all come before the other's."""
    if a.first is None or b.first is None:
        return None
    if a.last < b.first:
        return a, b
    if b.last < a.first:
        return b, a
    return None


def running_total(a: FigureDraft, b: FigureDraft, thresholds: Thresholds) -> Judgement | None:
    """A running total may rise between two dates, never fall."""
    ordered = in_order(a, b) if a.basis == "cumulative" else None
    if ordered is None:
        return None
    earlier, later = ordered
    ratio = spread(earlier.interval, later.interval)
    fell = is_below(later.interval, earlier.interval) and ratio >= thresholds.min_spread
    if earlier.organisation == later.organisation:
        if fell:
            return Judgement("revision", ratio, reasons.revised_down(earlier, later))
        return Judgement("update", None, reasons.updated(earlier, later))
    if fell:
        return Judgement("disagree", ratio, reasons.fell(earlier, later, ratio))
    if ratio is None:
        return Judgement("agree", None, reasons.overlap(earlier, later))
    if is_below(later.interval, earlier.interval):
        return Judgement("agree", None, reasons.nearly_meet(earlier, later, thresholds.min_spread))
    return Judgement("agree", None, reasons.rose(earlier, later))


def later_level(a: FigureDraft, b: FigureDraft) -> Judgement | None:
    """One source's level on a later date replaces its earlier one; levels may move either way."""
    if a.basis == "flow" or a.organisation != b.organisation:
        return None
    ordered = in_order(a, b)
    if ordered is None:
        return None
    return Judgement("update", None, reasons.updated(*ordered))


def same_time(a: FigureDraft, b: FigureDraft, thresholds: Thresholds) -> Judgement:
    ratio = spread(a.interval, b.interval)
    if ratio is None:
        return Judgement("agree", None, reasons.overlap(a, b))
    if ratio < thresholds.min_spread:
        return Judgement("agree", None, reasons.nearly_meet(a, b, thresholds.min_spread))
    high, low = (b, a) if is_below(a.interval, b.interval) else (a, b)
    if a.organisation == b.organisation:
        return Judgement("revision", ratio, reasons.self_contradiction(low, high))
    return Judgement("disagree", ratio, reasons.conflict(high, low, ratio))
