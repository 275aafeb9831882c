"""Figures of one bucket to topics: comparable pairs found lane by lane, by date.

Figures are only compared when their places are the same or nested, and their dates are within
the widest tolerance. So each place gets a lane of its figures sorted by first day, and a figure is
only paired with the figures of its own lane and of its ancestors' lanes that fall in its time
window (found by bisection). The work grows with the number of nested figures close in time, not
with the square of the bucket, nor with the number of unrelated towns reported the same week.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from reconcile.compare.config import TimeTolerance
from reconcile.compare.draft import FigureDraft
from reconcile.group.places import PlaceHierarchy
from reconcile.group.timing import COMPARABLE, figure_times, relation, widest_tolerance
from reconcile.group.unionfind import UnionFind


@dataclass
class BucketPairs:
    """Pairs of figure positions (i < j): comparable (same basis) and related (a flow next to a
    total or level)."""

    comparable: list[tuple[int, int]] = field(default_factory=list)
    related: list[tuple[int, int]] = field(default_factory=list)


class _Lane:
    """One place's figures, by first day: positions, first days, and the longest span in it."""

    __slots__ = ("positions", "firsts", "longest")

    def __init__(self, positions: list[int], times: Sequence[tuple]) -> None:
        positions.sort(key=lambda i: times[i][0])
        self.positions = positions
        self.firsts = [times[i][0] for i in positions]
        self.longest = max(times[i][1] - times[i][0] for i in positions)


def sweep_pairs(
    figures: Sequence[FigureDraft], places: PlaceHierarchy, tolerance: TimeTolerance
) -> BucketPairs:
    times = [figure_times(figure.first, figure.last, figure.basis, tolerance) for figure in figures]
    lanes = _lanes(figures, times)
    widest = widest_tolerance(tolerance)
    pairs = BucketPairs()
    met: set[tuple] = set()
    for place, lane in lanes.items():
        _within(lane, times, widest, tolerance.flow_days, pairs)
        for outer in places.chain(place)[1:]:
            other = lanes.get(outer)
            if other is not None and (outer, place) not in met:  # a cycle in the gazetteer meets twice
                met.add((place, outer))
                _across(lane, other, times, widest, tolerance.flow_days, pairs)
    pairs.comparable.sort()
    pairs.related.sort()
    return pairs


def _lanes(figures: Sequence[FigureDraft], times: Sequence[tuple]) -> dict[str | None, _Lane]:
    positions: dict[str | None, list[int]] = {}
    for position, figure in enumerate(figures):
        positions.setdefault(figure.place, []).append(position)
    return {place: _Lane(members, times) for place, members in positions.items()}


def _within(lane: _Lane, times, widest: int, flow_days: int, pairs: BucketPairs) -> None:
    """Pairs inside one lane: each figure with the later-starting ones up to its horizon."""
    positions, firsts = lane.positions, lane.firsts
    for k, i in enumerate(positions):
        end = bisect_right(firsts, times[i][1] + widest, k + 1)
        for m in range(k + 1, end):
            _classify(i, positions[m], times, flow_days, pairs)


def _across(inner: _Lane, outer: _Lane, times, widest: int, flow_days: int, pairs: BucketPairs) -> None:
    """Pairs between a place's lane and an enclosing place's lane, by time window."""
    positions, firsts = outer.positions, outer.firsts
    reach = widest + outer.longest  # an outer figure that starts earlier may still end close by
    for i in inner.positions:
        first, last = times[i][0], times[i][1]
        start = bisect_left(firsts, first - reach)
        end = bisect_right(firsts, last + widest, start)
        for m in range(start, end):
            _classify(i, positions[m], times, flow_days, pairs)


def _classify(i: int, j: int, times, flow_days: int, pairs: BucketPairs) -> None:
    kind = relation(times[i], times[j], flow_days)
    if kind:
        pair = (i, j) if i < j else (j, i)
        (pairs.comparable if kind == COMPARABLE else pairs.related).append(pair)


def topic_groups(count: int, comparable: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected figures form a topic; every figure is in exactly one (alone, if need be)."""
    sets = UnionFind(count)
    for i, j in comparable:
        sets.union(i, j)
    return sorted(sets.groups().values())
