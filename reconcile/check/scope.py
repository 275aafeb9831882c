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


def touched_buckets(
    claims: Sequence[Claim], touching: Collection[str], places: PlaceHierarchy, default_whole: str
) -> set[tuple]:
    """The bucket keys that hold any claim whose id is in `touching`."""
    keys = set()
    for key, indices in bucket_claims(claims, places, default_whole).items():
        if any(claims[index].id in touching for index in indices):
            keys.add(key)
    return keys


def claims_in_buckets(
    claims: Sequence[Claim], keys: Collection[tuple], places: PlaceHierarchy, default_whole: str
) -> list[Claim]:
    """The claims of the given buckets, plus whole buckets of any parent claims they point at."""
    buckets = bucket_claims(claims, places, default_whole)
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
