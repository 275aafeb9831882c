"""Claims to findings: bucket by key, merge repeats, sweep for comparable pairs, judge each pair.

Nothing here compares claims across buckets, so the cost grows with the corpus and with the
number of figures close in time within a topic, never with the square of the corpus.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from reconcile.compare import reasons
from reconcile.compare.assemble import figure_model, finding_model, topic_model
from reconcile.compare.config import ReconcileConfig
from reconcile.compare.draft import FigureDraft
from reconcile.compare.grading import corroborates, grade_of, sources_by_side
from reconcile.compare.levels import level_of
from reconcile.compare.merge import merge_mentions
from reconcile.compare.verdict import judge, output_reason
from reconcile.group.keys import basis_key, bucket_key, claim_dates, whole_of
from reconcile.group.places import PlaceHierarchy, SourceHierarchy
from reconcile.group.topics import sweep_pairs, topic_groups
from reconcile.models.claim import Claim
from reconcile.models.finding import LEVEL_RANK, Figure, Finding, Reconciliation, Topic

VERDICT_ORDER = {"disagree": 0, "revision": 1, "not_comparable": 2, "update": 3, "agree": 4, "same": 5}


class _Run:
    """What every bucket needs: the claims, their precomputed keys, and the settings."""

    def __init__(
        self, claims: Sequence[Claim], places: PlaceHierarchy, sources: SourceHierarchy, config: ReconcileConfig
    ) -> None:
        self.claims = claims
        self.places = places
        self.organisations = [sources.organisation(claim.source.name) for claim in claims]
        self.config = config
        self.bases = [basis_key(claim) for claim in claims]
        self.dates = [claim_dates(claim) for claim in claims]
        self.topics: list[Topic] = []
        self.findings: list[Finding] = []


def reconcile(
    claims: Sequence[Claim],
    places: PlaceHierarchy | None = None,
    config: ReconcileConfig | None = None,
    sources: SourceHierarchy | None = None,
) -> Reconciliation:
    """Findings on `claims`; `places` and `sources` are the gazetteer's and the source list's
    nesting (small defaults for tests), `config` the tolerances and thresholds."""
    run = _Run(claims, places or PlaceHierarchy(), sources or SourceHierarchy(), config or ReconcileConfig())
    with _no_cycle_collection():
        for bucket, indices in bucket_claims(claims, run.places, run.config.default_whole).items():
            _reconcile_bucket(run, bucket, indices)
        # Sorted in place, and here too: the sort keys are millions of short-lived tuples.
        run.topics.sort(key=lambda topic: (topic.label, topic.id))
        run.findings.sort(key=finding_order)
    return Reconciliation.model_construct(topics=run.topics, findings=run.findings)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The reconciler allocates millions of small acyclic objects; the cycle collector would scan
    them again and again (40 % of the run at 100k claims) and find nothing to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def bucket_claims(claims: Sequence[Claim], places: PlaceHierarchy, default_whole: str) -> dict[tuple, list[int]]:
    subject_by_id = {claim.id: claim.subject_class for claim in claims}
    buckets: dict[tuple, list[int]] = {}
    for index, claim in enumerate(claims):
        key = bucket_key(claim, whole_of(claim, subject_by_id, default_whole), places)
        buckets.setdefault(key, []).append(index)
    return buckets


def finding_order(finding: Finding) -> tuple:
    spread = finding.spread if finding.spread is not None else 0.0
    return (-LEVEL_RANK[finding.level], -spread, VERDICT_ORDER[finding.verdict], finding.topic.label,
            finding.claims, finding.id)


def _reconcile_bucket(run: _Run, bucket: tuple, indices: list[int]) -> None:
    drafts = merge_mentions(run.claims, indices, run.bases, run.dates, bucket, run.organisations, run.config.time)
    if len(drafts) == 1 and len(drafts[0].mentions) == 1:
        return
    for draft in drafts:
        draft.depth = run.places.depth(draft.place)
    pairs = sweep_pairs(drafts, run.places, run.config.time)
    groups = topic_groups(len(drafts), pairs.comparable)
    for number, members in enumerate(groups):
        for member in members:
            drafts[member].topic = number
    min_spread = run.config.thresholds.min_spread
    judged = [(i, j, judge(drafts[i], drafts[j], min_spread)) for i, j in pairs.comparable]
    notes = _notes(drafts, pairs.related)
    topics = _topics(run, bucket, drafts, groups, judged, notes)

    def model(position: int) -> Figure:
        draft = drafts[position]
        if draft.figure is None:
            draft.figure = figure_model(draft, run.claims)
        return draft.figure

    _add_repeats(run, drafts, topics, model)
    _add_pairs(run, drafts, topics, judged, model)
    _add_notes(run, drafts, topics, notes, model)


def _claim_ids(*figures: FigureDraft) -> list[str]:
    return sorted(claim for figure in figures for claim in figure.claim_ids)


def _pair_claim_ids(a: FigureDraft, b: FigureDraft) -> list[str]:
    first, second = a.claim_ids, b.claim_ids
    if len(first) == 1 and len(second) == 1:  # most figures are said once
        return [first[0], second[0]] if first[0] < second[0] else [second[0], first[0]]
    return sorted(first + second)


def _notes(drafts: list[FigureDraft], related) -> dict[tuple[int, int], tuple[set[int], set[int]]]:
    """Related flow/total pairs gathered per pair of topics: one note, not one per pair of figures."""
    notes: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for i, j in related:
        flow, other = (i, j) if drafts[i].basis == "flow" else (j, i)
        flows, others = notes.setdefault((drafts[flow].topic, drafts[other].topic), (set(), set()))
        flows.add(flow)
        others.add(other)
    return notes


def _topics(run, bucket, drafts, groups, judged, notes) -> dict[int, Topic]:
    """Topic models for the topics that will carry a finding, graded on their verdicts."""
    contested: set[int] = set()
    corroborated: set[int] = set()
    for i, j, (verdict, _, _) in judged:
        if verdict == "disagree":
            contested.add(drafts[i].topic)
        elif verdict == "agree" and corroborates(drafts[i], drafts[j]):
            corroborated.add(drafts[i].topic)
    wanted = {drafts[i].topic for i, _, _ in judged} | {flow_topic for flow_topic, _ in notes}
    wanted |= {draft.topic for draft in drafts if len(draft.mentions) > 1}
    topics = {}
    for number in sorted(wanted):
        members = [drafts[member] for member in groups[number]]
        grade = grade_of(number in contested, number in corroborated)
        topic = topic_model(bucket, members, run.config.default_whole, grade, sources_by_side(members))
        topics[number] = topic
        run.topics.append(topic)
    return topics


def _add_repeats(run, drafts, topics, model) -> None:
    for position, draft in enumerate(drafts):
        if len(draft.mentions) > 1:
            figure = model(position)
            reason = (reasons.repeated, figure, len(draft.mentions))
            topic = topics[draft.topic]
            run.findings.append(finding_model(topic, "same", "info", None, reason, [figure], _claim_ids(draft)))


def _add_pairs(run, drafts, topics, judged, model) -> None:
    thresholds = run.config.thresholds
    append = run.findings.append
    for i, j, (verdict, ratio, reason) in judged:
        level = level_of(verdict, ratio, thresholds)
        topic = topics[drafts[i].topic]
        claims = _pair_claim_ids(drafts[i], drafts[j])
        figures = [model(i), model(j)]
        append(finding_model(topic, verdict, level, ratio, output_reason(reason), figures, claims))


def _add_notes(run, drafts, topics, notes, model) -> None:
    for (flow_topic, _), (flows, others) in sorted(notes.items()):
        # drafts are in id order, so are positions
        reason = (reasons.flow_beside_total, [model(i) for i in sorted(flows)], [model(i) for i in sorted(others)])
        positions = sorted(flows | others)
        figures = [model(i) for i in positions]
        claims = _claim_ids(*(drafts[i] for i in positions))
        finding = finding_model(topics[flow_topic], "not_comparable", "info", None, reason, figures, claims)
        run.findings.append(finding)
