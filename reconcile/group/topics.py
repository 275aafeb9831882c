"""Figures of one bucket to topics: comparable pairs found lane by lane, by date.

Figures are only compared when their places are the same or nested, and their dates are within
the widest tolerance. So each place gets a lane of its figures sorted by first day, and a figure is
only paired with the figures of its own lane and of its ancestors' lanes that fall in its time
window (found by bisection). The work grows with the number of nested figures close in time, not
with the square of the bucket, nor with the number of unrelated towns reported the same week.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence

from reconcile.compare.config import TimeTolerance
from reconcile.compare.draft import FigureDraft
from reconcile.group.places import PlaceHierarchy
from reconcile.group.timing import figure_times, widest_tolerance


class _Lane:
    """One place's figures, by first day: positions, first days, and the longest span in it."""

    __slots__ = ("positions", "firsts", "longest")

    def __init__(self, positions: list[int], times: Sequence[tuple]) -> None:
        positions.sort(key=lambda i: times[i][0])
        self.positions = positions
        self.firsts = [times[i][0] for i in positions]
        self.longest = max(times[i][1] - times[i][0] for i in positions)


# (i, positions, start, end): figure i may pair with positions[start:end] of one lane.
Run = tuple[int, list[int], int, int]


def candidate_runs(figures: Sequence[FigureDraft], places: PlaceHierarchy, tolerance: TimeTolerance,
                   times: Sequence[tuple]) -> Iterator[Run]:
    """Every figure's runs of candidates: the later-starting figures of its own lane up to its
    horizon, and the figures of each enclosing place's lane in its time window. Every pair of
    figures within the widest tolerance and of nested places is in exactly one run, once; the
    caller tells COMPARABLE from RELATED from UNRELATED (timing.relation) pair by pair, in its own
    loop, because a large run has tens of millions of candidate pairs (a call per pair costs more
    than the test)."""
    lanes = _lanes(figures, times)
    widest = widest_tolerance(tolerance)
    met: set[tuple] = set()
    for place, lane in lanes.items():
        yield from _within(lane, times, widest)
        for outer in places.chain(place)[1:]:
            other = lanes.get(outer)
            if other is not None and (outer, place) not in met:  # a cycle in the gazetteer meets twice
                met.add((place, outer))
                yield from _across(lane, other, times, widest)


def bucket_times(figures: Sequence[FigureDraft], tolerance: TimeTolerance) -> list[tuple]:
    return [figure_times(figure.first, figure.last, figure.basis, tolerance) for figure in figures]


def _lanes(figures: Sequence[FigureDraft], times: Sequence[tuple]) -> dict[str | None, _Lane]:
    positions: dict[str | None, list[int]] = {}
    for position, figure in enumerate(figures):
        positions.setdefault(figure.place, []).append(position)
    return {place: _Lane(members, times) for place, members in positions.items()}


def _within(lane: _Lane, times, widest: int) -> Iterator[Run]:
    """Pairs inside one lane: each figure with the later-starting ones up to its horizon."""
    positions, firsts = lane.positions, lane.firsts
    for k, i in enumerate(positions):
        end = bisect_right(firsts, times[i][1] + widest, k + 1)
        if end > k + 1:
            yield i, positions, k + 1, end


def _across(inner: _Lane, outer: _Lane, times, widest: int) -> Iterator[Run]:
    """Pairs between a place's lane and an enclosing place's lane, by time window."""
    positions, firsts = outer.positions, outer.firsts
    reach = widest + outer.longest  # an outer figure that starts earlier may still end close by
    for i in inner.positions:
        mine = times[i]
        start = bisect_left(firsts, mine[0] - reach)
        end = bisect_right(firsts, mine[1] + widest, start)
        if end > start:
            yield i, positions, start, end


def connected(count: int, links: Sequence[Mapping[int, set[int]]]) -> list[list[int]]:
    """Connected vertices form a topic; every vertex 0..count-1 is in exactly one (alone, if
    need be). `links` are symmetric neighbour maps; groups come out ascending, ordered by their
    first vertex."""
    seen: set[int] = set()
    groups = []
    for start in range(count):
        if start in seen:
            continue
        seen.add(start)
        group, frontier = [start], [start]
        while frontier:
            vertex = frontier.pop()
            for neighbours in links:
                found = neighbours.get(vertex)
                if found:
                    new = found - seen
                    if new:
                        seen |= new
                        group.extend(new)
                        frontier.extend(new)
        group.sort()
        groups.append(group)
    return groups
