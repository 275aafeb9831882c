"""What makes two claims about the same thing: the grouping keys, and each claim's dates.

A claim's bucket is (category, subject class, whole, unit, root place, dated). Claims are only ever
compared inside one bucket, so grouping a million claims is one pass over a dict, not all pairs.
Within a bucket the basis splits topics; it stays out of the bucket so that a 24-hour flow can be
noted, not compared, next to a running total.
"""

from __future__ import annotations

from collections.abc import Mapping

from reconcile.group.places import PlaceHierarchy
from reconcile.models.claim import Claim

# A share or percentage says what part of a whole something is; it does not pile up over time,
# so "about half" of the people fleeing this week and "nearly half" of today's are the same measure.
RELATIVE_UNITS = frozenset({"percent", "share"})

BucketKey = tuple[str, str, str, str, str | None, bool]


def basis_key(claim: Claim) -> str | None:
    if claim.quantity.unit in RELATIVE_UNITS:
        return None
    return claim.time.basis


def whole_of(claim: Claim, subject_by_id: Mapping[str, str], default_whole: str) -> str:
    """What the counted subject is a part of: the parent claim's subject class, when there is one.

    '13 children' among '82 summary killings' counts something else than '44 children' among
    '341 people' killed; a figure with no parent is a part of the general population.
    """
    if claim.parent is None:
        return default_whole
    return subject_by_id.get(claim.parent, default_whole)


def claim_dates(claim: Claim) -> tuple[int | None, int | None]:
    """(first, last) day ordinals: a flow's window, or the one day a total or level stands at."""
    time = claim.time
    point = time.end or time.as_of or time.published
    if time.basis == "flow" and claim.quantity.unit not in RELATIVE_UNITS:
        first = time.start or point
        last = point or first
    else:
        first = last = point or time.start
    if first is None:
        return None, None
    return first.toordinal(), last.toordinal()


def bucket_key(claim: Claim, whole: str, places: PlaceHierarchy) -> BucketKey:
    dated = (claim.time.end or claim.time.as_of or claim.time.published or claim.time.start) is not None
    return (
        claim.category,
        claim.subject_class,
        whole,
        claim.quantity.unit,
        places.root(claim.place.name),
        dated,
    )
