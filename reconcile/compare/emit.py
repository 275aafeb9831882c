"""A bucket's verdicts to findings: repeats, conflicts pair by pair, agreements as clusters, notes.

Figures are built once per draft, before any finding (`BucketOutput.figures`), and shared by every
finding that names them; a finding's id and reason are written when read (models/finding.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from reconcile.compare import reasons
from reconcile.compare.assemble import figure_model, finding_model
from reconcile.compare.config import ReconcileConfig
from reconcile.compare.draft import FigureDraft
from reconcile.compare.judging import BucketVerdicts
from reconcile.compare.levels import level_of
from reconcile.compare.reasons import pair_reason
from reconcile.compare.verdict import judge
from reconcile.models.claim import Claim
from reconcile.models.finding import Figure, Finding, Topic, unwritten_finding


class BucketOutput:
    """Where a bucket's findings go, with the figures and topics they are made of: the figure of
    every draft whose topic carries a finding (`figures`, by position; None for the others)."""

    def __init__(
        self,
        drafts: Sequence[FigureDraft],
        topics: dict[int, Topic],
        claims: Sequence[Claim],
        config: ReconcileConfig,
        findings: list[Finding],
        joined: bool = True,
    ) -> None:
        self.drafts = drafts
        # A finding is built with its claims' sort key in place of its claims (reconciler.py
        # sorts the bucket's findings by it, then drops it): the ids joined by NUL, or, when an
        # id holds a NUL itself, the sorted list of ids.
        self.joined = joined
        self.topics = topics
        self.claims = claims
        self.config = config
        self.findings = findings
        self.figures: list[Figure | None] = []
        for draft in drafts:
            if draft.topic in topics:
                draft.figure = figure_model(draft, claims)
            self.figures.append(draft.figure)

    def figure(self, position: int) -> Figure:
        """The figure of any draft (a note also names the figures of a topic with no finding)."""
        figure = self.figures[position]
        if figure is None:
            draft = self.drafts[position]
            figure = self.figures[position] = draft.figure = figure_model(draft, self.claims)
        return figure

    def add(self, position: int, verdict: str, ratio: float | None, reason, positions, claims) -> None:
        """`positions` ascending (drafts are in id order, so figures are too)."""
        level = level_of(verdict, ratio, self.config.thresholds)
        figures = [self.figures[other] for other in positions]
        topic = self.topics[self.drafts[position].topic]
        self.findings.append(finding_model(topic, verdict, level, ratio, reason, figures, claims))


def add_repeats(out: BucketOutput) -> None:
    for position, draft in enumerate(out.drafts):
        if len(draft.mentions) > 1:
            out.add(position, "same", None, reasons.REPEATED, [position], _claims_key(out.drafts, [position], out.joined))


def add_pairs(out: BucketOutput, verdicts: BucketVerdicts) -> None:
    """One finding per conflict (or shares of different wholes), the hot loop of a large run."""
    drafts, figures, topics, append = out.drafts, out.figures, out.topics, out.findings.append
    thresholds, joined = out.config.thresholds, out.joined
    for i, j, verdict, ratio, reason in verdicts.pairs:
        a, b = drafts[i], drafts[j]
        append(unwritten_finding(topics[a.topic], verdict, level_of(verdict, ratio, thresholds), ratio, reason,
                                 [figures[i], figures[j]], _pair_key(a, b, joined)))


def add_clusters(out: BucketOutput, cliques: dict[str, list[list[int]]]) -> None:
    """One finding per clique of figures (positions, ascending) that all agree or all update one
    another; an agreement or an update is never more than "info"."""
    drafts, figures, topics, append = out.drafts, out.figures, out.topics, out.findings.append
    min_spread, joined = out.config.thresholds.min_spread, out.joined
    for verdict, found in cliques.items():
        cluster_reason = reasons.CLUSTERS[verdict]
        for positions in found:  # ascending
            topic = topics[drafts[positions[0]].topic]
            if len(positions) == 2:
                # The pair's own finding, with its own reason (judged again: cheaper than keeping
                # the reasons of every agreeing pair until the clusters are known).
                i, j = positions
                a, b = drafts[i], drafts[j]
                reason = pair_reason(judge(a, b, min_spread)[2], a)
                append(unwritten_finding(topic, verdict, "info", None, reason, [figures[i], figures[j]],
                                         _pair_key(a, b, joined)))
            else:
                # The reason is written from the finding's figures (in time order) when read.
                append(unwritten_finding(topic, verdict, "info", None, cluster_reason,
                                         [figures[position] for position in positions],
                                         _claims_key(drafts, positions, joined)))


def add_notes(out: BucketOutput, notes: dict[tuple[int, int], tuple[set[int], set[int]]]) -> None:
    figure = out.figure
    for _, (flows, others) in sorted(notes.items()):
        # drafts are in id order, so are positions
        reason = (reasons.flow_beside_total, [figure(i) for i in sorted(flows)], [figure(i) for i in sorted(others)])
        positions = sorted(flows | others)
        out.add(min(flows), "not_comparable", None, reason, positions, _claims_key(out.drafts, positions, out.joined))


def _claims_key(drafts: Sequence[FigureDraft], positions, joined: bool) -> str | list[str]:
    claims: list[str] = []
    for position in positions:
        claims += drafts[position].claim_ids
    claims.sort()
    return "\0".join(claims) if joined else claims


def _pair_key(a: FigureDraft, b: FigureDraft, joined: bool) -> str | list[str]:
    first, second = a.claim_ids, b.claim_ids
    if len(first) == 1 and len(second) == 1:  # most figures are said once
        x, y = (first[0], second[0]) if first[0] < second[0] else (second[0], first[0])
        return f"{x}\0{y}" if joined else [x, y]
    claims = sorted(first + second)
    return "\0".join(claims) if joined else claims
