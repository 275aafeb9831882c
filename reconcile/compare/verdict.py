"""The verdict on two figures of one topic, with its spread and reason.

`judge` picks the rule that applies: shares of different places, a part and its whole, running
totals over time, a source's later level, then figures for the same time. It runs for every pair
of comparable figures (millions in a large archive), so it returns a plain tuple
`(verdict, spread, reason)`, and the reason is a recipe `(writer, figure, figure, *numbers)`
for a writer from reconcile.compare.reasons: the sentence is only written when a reported
finding's reason is read (Finding.why), from the output figures (reasons.pair_reason).
"""

from __future__ import annotations

from reconcile.compare import reasons
from reconcile.compare.draft import FigureDraft
from reconcile.group.keys import RELATIVE_UNITS

Reason = tuple  # (writer, figure, figure, *numbers)
Judgement = tuple[str, "float | None", Reason]

INFINITE = float("inf")


def is_below(a: FigureDraft, b: FigureDraft) -> bool:
    """Every value of a lies below every value of b (an excluded endpoint does not meet)."""
    return a.high < b.low or (a.high == b.low and not (a.high_inclusive and b.low_inclusive))


def gap_below(lower: FigureDraft, upper: FigureDraft) -> float | None:
    """When every value of `lower` lies below every value of `upper`, the spread ratio: the larger
    lower bound over the smaller upper bound (Russia's [100000, ∞) over the UN's [37000, 37000] is
    100000 / 37000 ≈ 2.7). None when they are not so placed."""
    high, low = lower.high, upper.low
    if high < low or (high == low and not (lower.high_inclusive and upper.low_inclusive)):
        return INFINITE if high <= 0 else low / high
    return None


def spread(a: FigureDraft, b: FigureDraft) -> float | None:
    """The spread ratio when the figures miss each other, whichever is lower; else None."""
    ratio = gap_below(a, b)
    return ratio if ratio is not None else gap_below(b, a)


def judge(a: FigureDraft, b: FigureDraft, min_spread: float) -> Judgement:
    if a.place != b.place:
        if a.unit in RELATIVE_UNITS:
            return "not_comparable", None, (reasons.different_base, a, b)
        return part_and_whole(a, b, min_spread)
    if a.basis == "cumulative":
        ordered = in_order(a, b)
        if ordered is not None:
            return running_total(ordered[0], ordered[1], min_spread)
    elif a.basis != "flow" and a.organisation == b.organisation:
        # One source's level on a later date replaces its earlier one; levels may move either way.
        ordered = in_order(a, b)
        if ordered is not None:
            return "update", None, (reasons.updated, ordered[0], ordered[1])
    return same_time(a, b, min_spread)


def part_and_whole(a: FigureDraft, b: FigureDraft, min_spread: float) -> Judgement:
    """A count for a place inside another is a part of it: 30 who fled Qaterji are some of the
    40,000 who fled eastern Aleppo. The whole may not be smaller than the part at the same time,
    nor (for running totals) later; an earlier whole says nothing about a later part.

    Most pairs of a large run are parts and wholes, so `in_order` (is the whole's last day before
    the part's first?) and `gap_below` (is the whole below the part?) are written out here."""
    part, whole = (a, b) if a.depth > b.depth else (b, a)
    if a.basis == "cumulative":
        whole_last, part_first = whole.last, part.first
        if whole_last is not None and part_first is not None and whole_last < part_first:
            return "agree", None, (reasons.whole_before_part, part, whole)
    high, low = whole.high, part.low
    if high < low or (high == low and not (whole.high_inclusive and part.low_inclusive)):
        ratio = INFINITE if high <= 0 else low / high
        if ratio >= min_spread:
            verdict = "revision" if part.organisation == whole.organisation else "disagree"
            return verdict, ratio, (reasons.part_exceeds_whole, part, whole, ratio)
    return "agree", None, (reasons.part_within_whole, part, whole)


def in_order(a: FigureDraft, b: FigureDraft) -> tuple[FigureDraft, FigureDraft] | None:
    """(earlier, later) when one figure's dates all come before the other's."""
    if a.first is None or b.first is None:
        return None
    if a.last < b.first:
        return a, b
    if b.last < a.first:
        return b, a
    return None


def running_total(earlier: FigureDraft, later: FigureDraft, min_spread: float) -> Judgement:
    """A running total may rise between two dates, never fall."""
    fall = gap_below(later, earlier)
    fell = fall is not None and fall >= min_spread
    if earlier.organisation == later.organisation:
        if fell:
            return "revision", fall, (reasons.revised_down, earlier, later)
        return "update", None, (reasons.updated, earlier, later)
    if fell:
        return "disagree", fall, (reasons.fell, earlier, later, fall)
    if fall is not None:
        return "agree", None, (reasons.nearly_meet, earlier, later, min_spread)
    if gap_below(earlier, later) is None:
        return "agree", None, (reasons.overlap, earlier, later)
    return "agree", None, (reasons.rose, earlier, later)


def same_time(a: FigureDraft, b: FigureDraft, min_spread: float) -> Judgement:
    low, high = a, b
    ratio = gap_below(a, b)
    if ratio is None:
        low, high = b, a
        ratio = gap_below(b, a)
        if ratio is None:
            return "agree", None, (reasons.overlap, a, b)
    if ratio < min_spread:
        return "agree", None, (reasons.nearly_meet, a, b, min_spread)
    if a.organisation == b.organisation:
        return "revision", ratio, (reasons.self_contradiction, low, high)
    return "disagree", ratio, (reasons.conflict, high, low, ratio)
