"""Only the buckets a change touches can gain or lose findings, so only those are reconciled.

The reconciler never compares claims across buckets (reconcile/compare/reconciler.py), so running
it on the touched buckets gives exactly the findings a whole-corpus run would give there. A
claim's bucket depends on its parent claim's subject, so the parents' buckets come along too.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reconcile.compare.reconciler import bucket_claims
from reconcile.group.places import PlaceHierarchy
from reconcile.models.claim import Claim
from reconcile.models.finding import Finding


def scoped_claims(
    before: Sequence[Claim],
    after: Sequence[Claim],
    touching: Collection[str],
    places: PlaceHierarchy,
    default_whole: str,
) -> tuple[list[Claim], list[Claim]]:
    """(before, after) cut down to the buckets the change touches, bucketing the corpus once.

    A claim in both runs whose document did not change has the same bucket in both (its parent is
    in the same document), so only the claims that exist before alone are bucketed again.
    """
    after_buckets = bucket_claims(after, places, default_whole)
    keys = {key for key, indices in after_buckets.items() if any(after[i].id in touching for i in indices)}
    after_scope = _closed(after, after_buckets, keys)
    after_ids = {claim.id: claim for claim in after}
    changed_docs = {claim.doc for claim in after if claim.id in touching}
    shared = {c.id for c in after_scope if c.doc not in changed_docs}
    old_only = [c for c in before if c.id not in after_ids or c.doc in changed_docs]
    old_scope = _closed(old_only, bucket_claims(old_only, places, default_whole), keys)
    before_ids = {claim.id for claim in before}
    before_scope = [c for c in after_scope if c.id in shared and c.id in before_ids] + old_scope
    return before_scope, after_scope


def claims_meeting(
    claims: Sequence[Claim], findings: Sequence[Finding], places: PlaceHierarchy, default_whole: str
) -> list[Claim]:
    """The claims in the buckets the findings' claims are in (with their parents' buckets): a
    finding of the corpus before the change can only match a finding after it in those."""
    wanted = {claim_id for finding in findings for claim_id in finding.claims}
    if not wanted:
        return []
    buckets = bucket_claims(claims, places, default_whole)
    keys = {key for key, indices in buckets.items() if any(claims[i].id in wanted for i in indices)}
    return _closed(claims, buckets, keys)


def _closed(claims: Sequence[Claim], buckets: dict[tuple, list[int]], keys: set[tuple]) -> list[Claim]:
    """The claims of the given buckets, plus whole buckets of any parent claims they point at."""
    bucket_of = {index: key for key, indices in buckets.items() for index in indices}
    position = {claim.id: index for index, claim in enumerate(claims)}
    wanted = {key for key in keys if key in buckets}
    while True:
        selected = [index for key in wanted for index in buckets[key]]
        parents = {
            bucket_of[position[claims[index].parent]]
            for index in selected
            if claims[index].parent in position
        }
        if parents <= wanted:
            return [claims[index] for index in sorted(selected)]
        wanted |= parents
