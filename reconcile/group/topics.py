"""Figures of one bucket to topics: comparable pairs found through a date-sorted sweep.

Only figures whose dates are within the widest tolerance are ever looked at together, so the work
grows with the number of figures close in time, not with the square of the bucket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reconcile.compare.config import TimeTolerance
from reconcile.compare.draft import FigureDraft
from reconcile.group.places import PlaceHierarchy
from reconcile.group.timing import related_period, same_period, widest_tolerance
from reconcile.group.unionfind import UnionFind


@dataclass
class BucketPairs:
    """Pairs of figure positions: comparable (same basis) and related (a flow next to a total)."""

    comparable: list[tuple[int, int]] = field(default_factory=list)
    related: list[tuple[int, int]] = field(default_factory=list)


def sweep_pairs(
    figures: Sequence[FigureDraft], places: PlaceHierarchy, tolerance: TimeTolerance
) -> BucketPairs:
    order = sorted(range(len(figures)), key=lambda i: (_day(figures[i].first), figures[i].id))
    widest = widest_tolerance(tolerance)
    pairs = BucketPairs()
    for position, i in enumerate(order):
        a = figures[i]
        horizon = _day(a.last) + widest
        for k in range(position + 1, len(order)):
            j = order[k]
            b = figures[j]
            if _day(b.first) > horizon:
                break
            if not places.nested(a.place, b.place):
                continue
            _classify(a, b, (min(i, j), max(i, j)), tolerance, pairs)
    pairs.comparable.sort()
    pairs.related.sort()
    return pairs


def _classify(a: FigureDraft, b: FigureDraft, pair, tolerance: TimeTolerance, pairs: BucketPairs) -> None:
    if a.basis == b.basis:
        if same_period(a, b, a.basis, tolerance):
            pairs.comparable.append(pair)
    elif a.basis == "flow" and related_period(a, b, tolerance):
        pairs.related.append(pair)
    elif b.basis == "flow" and related_period(b, a, tolerance):
        pairs.related.append(pair)


def _day(value: int | None) -> int:
    return -1 if value is None else value


def topic_groups(count: int, comparable: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected figures form a topic; every figure is in exactly one (alone, if need be)."""
    sets = UnionFind(count)
    for i, j in comparable:
        sets.union(i, j)
    return sorted(sets.groups().values())
