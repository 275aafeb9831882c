"""Every comparable pair of a bucket judged as the sweep finds it, and the verdicts sorted for
reporting: conflicts (and shares of different wholes) pair by pair, agreements and updates as
neighbourhoods for clusters (reconcile/compare/clusters.py); topics are what the verdicts connect."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reconcile.compare.draft import FigureDraft
from reconcile.compare.verdict import Reason, judge
from reconcile.group.timing import COMPARABLE
from reconcile.group.topics import connected

CLUSTERED = ("agree", "update")


class BucketVerdicts:
    """The sweep's visitor (`visit`, judging each comparable pair), and what the verdicts leave
    to report.

    Figures are numbered by rank here, their time order (undated first, ties by id), the order
    clusters are grown in; `order[rank]` is the figure's position (id order) in the bucket.
    - `neighbours[verdict][rank]`: the ranks it has that verdict with (agree, update);
    - `pairs`: (i, j, verdict, spread, reason) for every other verdict, by position, i < j;
    - `related`: (i, j) positions of a flow and a total or level close in time.
    """

    def __init__(self, drafts: Sequence[FigureDraft], min_spread: float) -> None:
        self.drafts = drafts
        self.order = sorted(range(len(drafts)), key=lambda position: (_day(drafts[position].first), drafts[position].id))
        self.rank_of = [0] * len(drafts)
        for rank, position in enumerate(self.order):
            self.rank_of[position] = rank
        self.neighbours: dict[str, dict[int, set[int]]] = {verdict: defaultdict(set) for verdict in CLUSTERED}
        self.pairs: list[tuple[int, int, str, float | None, Reason]] = []
        self.related: list[tuple[int, int]] = []
        self._pair_links: dict[int, set[int]] = defaultdict(set)
        self.visit = self._visitor(min_spread)

    def _visitor(self, min_spread: float):
        """visit(i, j, kind) for the sweep: called for every pair, so it keeps what it needs in
        local names."""
        drafts, rank_of = self.drafts, self.rank_of
        agree, update, links = self.neighbours["agree"], self.neighbours["update"], self._pair_links
        keep_pair, keep_related = self.pairs.append, self.related.append

        def visit(i: int, j: int, kind: int) -> None:
            if kind != COMPARABLE:
                keep_related((i, j))
                return
            verdict, ratio, reason = judge(drafts[i], drafts[j], min_spread)
            first, second = rank_of[i], rank_of[j]
            linked = agree if verdict == "agree" else update if verdict == "update" else links
            linked[first].add(second)
            linked[second].add(first)
            if linked is links:
                keep_pair((i, j, verdict, ratio, reason))

        return visit

    def topics(self) -> list[list[int]]:
        """Figures linked by any verdict form a topic: groups of positions, ascending, each
        figure in exactly one (alone, if need be); sets every draft's `topic` to its group."""
        links = [*self.neighbours.values(), self._pair_links]
        groups = [sorted(self.order[rank] for rank in group) for group in connected(len(self.drafts), links)]
        groups.sort()
        for number, members in enumerate(groups):
            for member in members:
                self.drafts[member].topic = number
        return groups


def _day(ordinal: int | None) -> int:
    return -1 if ordinal is None else ordinal
