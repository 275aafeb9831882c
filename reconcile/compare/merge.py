"""One source repeating a figure is one figure with several mentions, never a conflict.

Two mentions are one figure when, within a bucket and basis,
- the same source gives the same number for the same place (body and caption, a later article
  quoting the UN's 37,000 again; for a count over a window, the same window), or
- the sentence itself is the same (a wire story carried by two outlets, whoever it is credited to).
The merged interval is what all mentions allow: "37,000" and "about 37,000" are 37,000.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from reconcile.compare.draft import FigureDraft
from reconcile.compare.intervals import Interval, hull, intersect
from reconcile.group.unionfind import UnionFind
from reconcile.models.claim import Claim


def interval_of(claim: Claim) -> Interval:
    quantity = claim.quantity
    return quantity.low, quantity.high, quantity.low_inclusive, quantity.high_inclusive


def _figure_key(claim: Claim) -> tuple:
    quantity = claim.quantity
    if quantity.nominal is not None:
        return ("number", quantity.nominal)
    return ("interval", quantity.low, quantity.high, quantity.low_inclusive, quantity.high_inclusive)


def _sentence_key(claim: Claim) -> str:
    return " ".join(claim.span.sentence.casefold().split())


def merge_mentions(
    claims: Sequence[Claim],
    indices: Sequence[int],
    bases: Sequence[str | None],
    dates: Sequence[tuple[int | None, int | None]],
    bucket: tuple,
    organisations: Sequence[str],
) -> list[FigureDraft]:
    """The figures of one bucket; `bases`, `dates` and `organisations` (the source as compared:
    Unicef is the United Nations) are per claim index, precomputed once."""
    sets = UnionFind(len(indices))
    source_keys: dict[tuple, int] = {}
    sentence_keys: dict[tuple, int] = {}
    repeat_keys: list[tuple] = []
    for position, index in enumerate(indices):
        claim = claims[index]
        basis = bases[index]
        window = dates[index] if basis == "flow" else None
        figure = _figure_key(claim)
        repeat = (basis, organisations[index], claim.place.name, window, figure)
        repeat_keys.append(repeat)
        sets.union(position, source_keys.setdefault(repeat, position))
        sentence = (basis, _sentence_key(claim), claim.quantity.start, claim.quantity.text.casefold(), figure)
        sets.union(position, sentence_keys.setdefault(sentence, position))
    drafts = []
    for members in sets.groups().values():
        drafts.append(_draft(claims, [indices[m] for m in members], [repeat_keys[m] for m in members],
                             bases, dates, bucket, organisations))
    drafts.sort(key=lambda draft: draft.id)
    return drafts


def _mention_order(claim: Claim) -> tuple:
    return claim.doc, claim.span.line, claim.span.start, claim.quantity.start, claim.id


def _draft(claims, members, keys, bases, dates, bucket, organisations) -> FigureDraft:
    if len(members) > 1:
        members.sort(key=lambda index: _mention_order(claims[index]))
        intervals = [interval_of(claims[index]) for index in members]
        merged = intersect(intervals) or hull(intervals)
    else:
        merged = interval_of(claims[members[0]])
    first_claim = claims[members[0]]
    firsts = [dates[index][0] for index in members if dates[index][0] is not None]
    lasts = [dates[index][1] for index in members if dates[index][1] is not None]
    lead = min(members, key=lambda index: (not claims[index].source.attributed, _mention_order(claims[index])))
    return FigureDraft(
        id=_fingerprint(bucket, min(keys, key=repr)),
        basis=bases[members[0]],
        source=claims[lead].source.name,
        organisation=organisations[lead],
        role=claims[lead].source.role,
        attributed=claims[lead].source.attributed,
        place=first_claim.place.name,
        unit=first_claim.quantity.unit,
        interval=merged,
        nominal=first_claim.quantity.nominal,
        first=min(firsts) if firsts else None,
        last=max(lasts) if lasts else None,
        mentions=members,
        claim_ids=sorted(claims[index].id for index in members),
        text=first_claim.quantity.text,
    )


def _fingerprint(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()
