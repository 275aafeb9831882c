"""Claims to findings: bucket by key, merge repeats, sweep for comparable pairs, judge each pair,
report conflicts pair by pair and agreements as clusters (reconcile/compare/clusters.py).

Nothing here compares claims across buckets, so the cost grows with the corpus and with the
number of figures close in time within a topic, never with the square of the corpus.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from reconcile.compare.assemble import topic_model
from reconcile.compare.clusters import agreement_cliques
from reconcile.compare.config import ReconcileConfig
from reconcile.compare.draft import FigureDraft
from reconcile.compare.emit import BucketOutput, add_clusters, add_notes, add_pairs, add_repeats
from reconcile.compare.grading import corroborated_within, grade_of, sources_by_side
from reconcile.compare.judging import BucketVerdicts
from reconcile.compare.merge import merge_mentions
from reconcile.group.keys import basis_key, bucket_key, claim_dates, whole_of
from reconcile.group.places import PlaceHierarchy, SourceHierarchy
from reconcile.group.topics import bucket_times, candidate_runs
from reconcile.models.claim import Claim
from reconcile.models.finding import LEVEL_RANK, Finding, Reconciliation, Topic, claims_sort_key, forget_claims

VERDICT_ORDER = {"disagree": 0, "revision": 1, "not_comparable": 2, "update": 3, "agree": 4, "same": 5}


class _Run:
    """What every bucket needs: the claims, their precomputed keys, and the settings."""

    def __init__(
        self, claims: Sequence[Claim], places: PlaceHierarchy, sources: SourceHierarchy, config: ReconcileConfig
    ) -> None:
        self.claims = claims
        self.places = places
        organisation_of: dict[str, str] = {}  # a few hundred sources for a million claims
        self.organisations = [
            organisation_of.get(name) or organisation_of.setdefault(name, sources.organisation(name))
            for name in (claim.source.name for claim in claims)
        ]
        self.config = config
        self.bases = [basis_key(claim) for claim in claims]
        # One (first, last) tuple per distinct pair of days, not one per claim (a million claims
        # cover a few thousand days; the tuples live as long as the run).
        shared: dict[tuple, tuple] = {}
        self.dates = [shared.setdefault(days, days) for days in map(claim_dates, claims)]
        # Claim lists compare as their ids joined by NUL (the smallest character), as strings
        # compare much faster, unless an id holds a NUL itself.
        self.joined = not any("\0" in claim.id for claim in claims)
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
        run.topics.sort(key=lambda topic: (topic.label, topic.id))
        sort_findings(run.findings, by_claims=False)
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
    """Most severe first (level, spread, verdict), then by topic label and claims. No two findings
    share a verdict and claims (figures partition the claims of a bucket, and a finding's figures
    are the ones its claims make up), so the id, a hash, never breaks a tie."""
    spread = finding.spread
    return (-LEVEL_RANK[finding.level], 0.0 if spread is None else -spread, VERDICT_ORDER[finding.verdict],
            finding.topic.label, finding.claims)


def sort_findings(findings: list[Finding], by_claims: bool = True) -> None:
    """Into `finding_order`, in place, as stable sorts from the last part of the key to the first,
    each keyed by a value the finding already holds: a million findings' key tuples would all be
    alive at once during one sort (hundreds of megabytes at the peak of a large run).

    `by_claims=False` when each bucket's findings are already in claims order (`_reconcile_bucket`):
    findings that tie on everything before the claims share a topic label, and a label names its
    bucket (category, subject and whole, unit, places under one root, dated or not), so they come
    from one bucket, in claims order, and the stable passes keep that order."""
    if by_claims:
        findings.sort(key=_claims)
    findings.sort(key=_label)
    findings.sort(key=_verdict_rank)
    findings.sort(key=_spread, reverse=True)  # reverse keeps equal keys in order: still stable
    findings.sort(key=_level_rank, reverse=True)


def _claims(finding: Finding) -> list[str]:
    return finding.claims


def _label(finding: Finding) -> str:
    return finding.topic.label


def _verdict_rank(finding: Finding) -> int:
    return VERDICT_ORDER[finding.verdict]


def _spread(finding: Finding) -> float:
    spread = finding.spread
    return 0.0 if spread is None else spread


def _level_rank(finding: Finding) -> int:
    return LEVEL_RANK[finding.level]


def _reconcile_bucket(run: _Run, bucket: tuple, indices: list[int]) -> None:
    start = len(run.findings)
    _find(run, bucket, indices)
    found = run.findings[start:]
    if len(found) > 1:
        # In claims order bucket by bucket: the keys (joined ids) are alive for one bucket only.
        found.sort(key=claims_sort_key)
        run.findings[start:] = found
    for finding in found:
        forget_claims(finding)  # the keys were for sorting; read again, the claims are derived


def _find(run: _Run, bucket: tuple, indices: list[int]) -> None:
    drafts = merge_mentions(run.claims, indices, run.bases, run.dates, bucket, run.organisations, run.config.time)
    if len(drafts) == 1 and len(drafts[0].mentions) == 1:
        return
    for draft in drafts:
        draft.depth = run.places.depth(draft.place)
    verdicts = BucketVerdicts(drafts, run.config.thresholds.min_spread)
    times = bucket_times(drafts, run.config.time)
    verdicts.judge_runs(candidate_runs(drafts, run.places, run.config.time, times), times, run.config.time.flow_days)
    groups = verdicts.topics()
    cliques = {
        verdict: [sorted([verdicts.order[rank] for rank in clique]) for clique in agreement_cliques(neighbours)]
        for verdict, neighbours in verdicts.neighbours.items()
    }
    verdicts.neighbours.clear()  # the largest things a big bucket holds: freed before its findings are built
    notes = _notes(drafts, verdicts.related)
    topics = _topics(run, bucket, drafts, groups, verdicts.pairs, cliques, notes)
    out = BucketOutput(drafts, topics, run.claims, run.config, run.findings, run.joined)
    add_repeats(out)
    add_pairs(out, verdicts)
    verdicts.pairs.clear()
    add_clusters(out, cliques)
    add_notes(out, notes)


def _notes(drafts: list[FigureDraft], related) -> dict[tuple[int, int], tuple[set[int], set[int]]]:
    """Related flow/total pairs gathered per pair of topics: one note, not one per pair of figures."""
    notes: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for i, j in related:
        flow, other = (i, j) if drafts[i].basis == "flow" else (j, i)
        flows, others = notes.setdefault((drafts[flow].topic, drafts[other].topic), (set(), set()))
        flows.add(flow)
        others.add(other)
    return notes


def _topics(run, bucket, drafts, groups, pairs, cliques, notes) -> dict[int, Topic]:
    """Topic models for the topics that will carry a finding, graded on their verdicts."""
    contested = set()
    wanted = set()
    for pair in pairs:
        topic = drafts[pair[0]].topic
        wanted.add(topic)
        if pair[2] == "disagree":
            contested.add(topic)
    corroborated = set()
    for clique in cliques["agree"]:
        topic = drafts[clique[0]].topic
        if topic not in corroborated and corroborated_within([drafts[position] for position in clique]):
            corroborated.add(topic)  # one corroborating clique is enough: the topic's others are not read
    wanted |= {drafts[clique[0]].topic for found in cliques.values() for clique in found}
    wanted |= {flow_topic for flow_topic, _ in notes}
    wanted |= {draft.topic for draft in drafts if len(draft.mentions) > 1}
    topics = {}
    for number in sorted(wanted):
        members = [drafts[member] for member in groups[number]]
        grade = grade_of(number in contested, number in corroborated)
        topic = topic_model(bucket, members, run.config.default_whole, grade, sources_by_side(members))
        topics[number] = topic
        run.topics.append(topic)
    return topics
