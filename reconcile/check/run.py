"""The check as one pure function: claims before and after a change in, new results out."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reconcile.check.baseline import split_baselined
from reconcile.check.items import check_items
from reconcile.check.model import CheckResult, Suppression
from reconcile.check.newness import involves, is_conflict, split_findings
from reconcile.check.rules import UNUSED_SUPPRESSION_LEVEL, rule_for
from reconcile.check.scope import claims_meeting, scoped_claims
from reconcile.check.suppress import apply_suppressions, unused_suppressions
from reconcile.compare import ReconcileConfig, reconcile
from reconcile.group.places import PlaceHierarchy, SourceHierarchy
from reconcile.models.claim import Claim
from reconcile.models.finding import LEVEL_RANK


def run_check(
    before: Sequence[Claim],
    after: Sequence[Claim],
    checked_docs: Collection[str],
    *,
    places: PlaceHierarchy | None = None,
    sources: SourceHierarchy | None = None,
    config: ReconcileConfig | None = None,
    suppressions: Sequence[Suppression] = (),
    accepted: frozenset[str] = frozenset(),
) -> CheckResult:
    """`before`: the corpus without the change; `after`: with it; `checked_docs`: the changed ids."""
    places = places or PlaceHierarchy()
    sources = sources or SourceHierarchy()
    config = config or ReconcileConfig()
    before_ids = {claim.id for claim in before}
    new_claims = frozenset(claim.id for claim in after if claim.id not in before_ids)
    touching = new_claims | {claim.id for claim in after if claim.doc in checked_docs}
    before_scope, after_scope = scoped_claims(before, after, touching, places, config.default_whole)
    # The rulebook's source nesting, as `report` uses it: "the Russian Defence Ministry" and
    # "Russia" are one source, so their figures are an update, never a conflict between sources.
    after_run = reconcile(after_scope, places, config, sources=sources)
    # Only conflicts involving new claims are compared with the corpus before the change, and a
    # known finding has the same claims: the before run needs just their buckets (often none).
    candidates = [f for f in after_run.findings if is_conflict(f) and involves(f, new_claims)]
    before_needed = claims_meeting(before_scope, candidates, places, config.default_whole)
    before_run = reconcile(before_needed, places, config, sources=sources)
    new, known = split_findings(before_run.findings, after_run.findings, new_claims)
    columns = {claim.id: claim.span.column for claim in after if claim.id in new_claims}
    kept, suppressed = apply_suppressions(check_items(new, new_claims, columns), suppressions)
    kept, baselined = split_baselined(kept, accepted)
    conflicts = [(finding, rule_for(finding.verdict).id) for finding in after_run.findings if is_conflict(finding)]
    return CheckResult(
        items=kept,
        known=known,
        suppressed=suppressed,
        baselined=baselined,
        unused_suppressions=unused_suppressions(suppressions, conflicts),
    )


def fails(result: CheckResult, fail_on: str) -> bool:
    """Whether anything reported is at or above the fail level."""
    threshold = LEVEL_RANK[fail_on]
    levels = [item.level for item in result.items]
    if result.unused_suppressions:
        levels.append(UNUSED_SUPPRESSION_LEVEL)
    return any(LEVEL_RANK[level] >= threshold for level in levels)
