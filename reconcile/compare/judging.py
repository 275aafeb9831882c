"""Every comparable pair of a bucket judged as the sweep finds it, and the verdicts sorted for
reporting: conflicts (and shares of different wholes) pair by pair, agreements and updates as
neighbourhoods for clusters (reconcile/compare/clusters.py); topics are what the verdicts connect."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from reconcile.compare.draft import FigureDraft
from reconcile.compare.reasons import PairReason, pair_reason
from reconcile.compare.verdict import judge
from reconcile.group.topics import Run, connected

CLUSTERED = ("agree", "update")


class BucketVerdicts:
    """The verdict of every comparable pair of a bucket (`judge_runs`), and what they leave to
    report.

    Figures are numbered by rank here, their time order (undated first, ties by id), the order
    clusters are grown in; `order[rank]` is the figure's position (id order) in the bucket.
    - `neighbours[verdict][rank]`: the ranks it has that verdict with (agree, update);
    - `pairs`: (i, j, verdict, spread, reason) for every other verdict, by position, i < j, with
      the reason shared between findings (reasons.PairReason);
    - `related`: (i, j) positions of a flow and a total or level close in time.
    """

    def __init__(self, drafts: Sequence[FigureDraft], min_spread: float) -> None:
        self.drafts = drafts
        self.min_spread = min_spread
        self.order = sorted(range(len(drafts)), key=lambda position: (_day(drafts[position].first), drafts[position].id))
        self.rank_of = [0] * len(drafts)
        for rank, position in enumerate(self.order):
            self.rank_of[position] = rank
        self.neighbours: dict[str, dict[int, set[int]]] = {verdict: defaultdict(set) for verdict in CLUSTERED}
        self.pairs: list[tuple[int, int, str, float | None, PairReason]] = []
        self.related: list[tuple[int, int]] = []

    def judge_runs(self, runs: Iterable[Run], times: Sequence[tuple], flow_days: int) -> None:
        """Judges every COMPARABLE pair of the runs (one basis, the same period: group/timing.py
        `relation`, written out here) and keeps every RELATED one (a flow beside a total or level
        close in time). The loop of a large run: tens of millions of pairs, so no call per pair
        but the verdict's own."""
        drafts, rank_of, min_spread = self.drafts, self.rank_of, self.min_spread
        agree, update = self.neighbours["agree"], self.neighbours["update"]
        keep_pair, keep_related = self.pairs.append, self.related.append
        judge_pair = judge  # the module's name, read per bucket: tests put a recording judge there
        for i, positions, start, end in runs:
            first_a, last_a, basis_a, days_a = times[i]
            a, rank_a = drafts[i], rank_of[i]
            for j in positions[start:end]:
                first_b, last_b, basis_b, days_b = times[j]
                if basis_a == basis_b:
                    if basis_a == "flow":
                        if abs(first_a - first_b) > flow_days or abs(last_a - last_b) > flow_days:
                            continue
                    elif first_b - last_a > days_a or first_a - last_b > days_a:
                        continue
                elif basis_a == "flow" or basis_b == "flow":
                    days = days_b if basis_a == "flow" else days_a
                    if first_b - last_a <= days and first_a - last_b <= days:
                        keep_related((i, j) if i < j else (j, i))
                    continue
                else:
                    continue
                if i < j:
                    verdict, ratio, reason = judge_pair(a, drafts[j], min_spread)
                else:
                    verdict, ratio, reason = judge_pair(drafts[j], a, min_spread)
                rank_b = rank_of[j]
                if verdict == "agree":
                    agree[rank_a].add(rank_b)
                    agree[rank_b].add(rank_a)
                elif verdict == "update":
                    update[rank_a].add(rank_b)
                    update[rank_b].add(rank_a)
                else:  # kept pairwise; `topics` links them from `pairs`
                    x, y = (i, j) if i < j else (j, i)
                    keep_pair((x, y, verdict, ratio, pair_reason(reason, drafts[x])))

    def topics(self) -> list[list[int]]:
        """Figures linked by any verdict form a topic: groups of positions, ascending, each
        figure in exactly one (alone, if need be); sets every draft's `topic` to its group.

        Agreements and updates connect through their neighbourhoods (kept for the clusters);
        the pairs kept pairwise then join those groups (disjoint sets over the groups: a set of
        neighbours per figure for millions of conflicts would be the largest thing a large run
        holds while it judges a bucket)."""
        order, drafts = self.order, self.drafts
        linked = connected(len(drafts), list(self.neighbours.values()))
        group_of = [0] * len(drafts)
        for number, group in enumerate(linked):
            for rank in group:
                group_of[order[rank]] = number
        joined = _joined(len(linked), group_of, self.pairs)
        members: dict[int, list[int]] = {}
        for number, group in enumerate(linked):
            members.setdefault(joined[number], []).extend(order[rank] for rank in group)
        groups = sorted(sorted(group) for group in members.values())
        for number, group in enumerate(groups):
            for member in group:
                drafts[member].topic = number
        return groups


def _joined(count: int, group_of: list[int], pairs) -> list[int]:
    """The root of each group once every pair's two groups are one (disjoint sets with path
    halving, written out: one step per kept pair, millions in a large run)."""
    parent = list(range(count))
    for pair in pairs:
        a, b = group_of[pair[0]], group_of[pair[1]]
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        while parent[b] != b:
            parent[b] = b = parent[parent[b]]
        if a != b:
            if b < a:
                a, b = b, a
            parent[b] = a
    roots = []
    for item in range(count):
        root = item
        while parent[root] != root:
            root = parent[root]
        roots.append(root)
    return roots


def _day(ordinal: int | None) -> int:
    return -1 if ordinal is None else ordinal
