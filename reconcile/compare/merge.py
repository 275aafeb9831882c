"""One source repeating a figure is one figure with several mentions, never a conflict.

Two mentions are one figure when, within a bucket and basis, and at dates no further apart than
the basis's time tolerance,
- the same source gives the same number for the same place (body and caption, a later article
  quoting the UN's 37,000 again; for a count over a window, the same window), or
- the sentence itself is the same (a wire story carried by two outlets, whoever it is credited to).
The merged interval is what all mentions allow: "37,000" and "about 37,000" are 37,000.

The time limit matters in a long archive: a monitor reporting "3 killed in Daraa" in 2012 and
again in 2015 is not repeating itself, and one figure spanning those years would be compared with
every figure of Daraa in between (the reconciler's work would grow with the square of the archive).
Mentions of one key are therefore split into periods: sorted by date, a new period starts where
the gap to the period so far is wider than the tolerance.
"""

from __future__ import annotations

import hashlib
from operator import attrgetter
from collections.abc import Sequence

from reconcile.compare.config import TimeTolerance
from reconcile.compare.draft import FigureDraft
from reconcile.compare.intervals import Interval, hull, intersect
from reconcile.group.timing import tolerance_days
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
    tolerance: TimeTolerance,
) -> list[FigureDraft]:
    """The figures of one bucket, sorted by id; `bases`, `dates` and `organisations` (the source as
    compared: Unicef is the United Nations) are per claim index, precomputed once."""
    by_source: dict[tuple, list[int]] = {}
    by_figure: dict[tuple, list[int]] = {}
    repeat_keys: list[tuple] = []
    for position, index in enumerate(indices):
        claim = claims[index]
        quantity = claim.quantity
        basis = bases[index]
        window = dates[index] if basis == "flow" else None
        figure = _figure_key(claim)
        repeat = (basis, organisations[index], claim.place.name, window, figure)
        repeat_keys.append(repeat)
        by_source.setdefault(repeat, []).append(position)
        by_figure.setdefault((basis, quantity.start, quantity.text.casefold(), figure), []).append(position)
    limits = {basis: tolerance_days(basis, tolerance) for basis in ("flow", "cumulative", "stock", None)}
    by_sentence = _same_sentences(claims, indices, by_figure.values())
    groups = _figures_of(len(indices), (*by_source.values(), *by_sentence), [dates[i] for i in indices],
                         [limits[bases[i]] for i in indices])
    drafts = []
    keys = []
    for group in groups:
        if len(group) == 1:
            drafts.append(_single(claims, indices[group[0]], dates, bases, organisations))
            keys.append(repr(repeat_keys[group[0]]))
        else:
            drafts.append(_draft(claims, [indices[m] for m in group], dates, bases, organisations))
            keys.append(min(repr(repeat_keys[m]) for m in group))
    _name(drafts, keys, bucket)
    drafts.sort(key=_ID)
    return drafts


def _same_sentences(claims: Sequence[Claim], indices: Sequence[int], by_figure) -> list[list[int]]:
    """Positions whose claims are one sentence, the same figure at the same place in it. The
    sentence is compared (as `_sentence_key`) only between claims that already share the rest:
    most claims share it with none, and normalising every sentence is a large part of merging."""
    found = []
    for group in by_figure:
        if len(group) > 1:
            by_sentence: dict[str, list[int]] = {}
            for position in group:
                by_sentence.setdefault(_sentence_key(claims[indices[position]]), []).append(position)
            found.extend(same for same in by_sentence.values() if len(same) > 1)
    return found


_ID = attrgetter("id")


def _figures_of(count: int, keyed: Sequence[list[int]], days, limits: Sequence[int]) -> list[list[int]]:
    """Positions that are one figure: those of one key within one period (`limits`: each
    position's tolerance in days; one key has one basis), joined transitively; a position no
    other shares a key with is a figure alone."""
    sets = UnionFind(count)
    joined: set[int] = set()
    for group in keyed:
        if len(group) > 1:
            for period in _periods(group, days, limits[group[0]]):
                if len(period) > 1:
                    joined.update(period)
                    for position in period[1:]:
                        sets.union(period[0], position)
    groups: dict[int, list[int]] = {}
    for position in sorted(joined):
        groups.setdefault(sets.find(position), []).append(position)
    return [[position] for position in range(count) if position not in joined] + list(groups.values())


def _periods(group: list[int], days: Sequence[tuple[int | None, int | None]], limit: int) -> list[list[int]]:
    """Positions of one key split where their dates lie more than `limit` days apart."""
    ordered = sorted(group, key=lambda position: (_day(days[position][0]), _day(days[position][1]), position))
    periods = [[ordered[0]]]
    end = _day(days[ordered[0]][1])
    for position in ordered[1:]:
        first, last = _day(days[position][0]), _day(days[position][1])
        if first - end > limit:
            periods.append([position])
        else:
            periods[-1].append(position)
        end = max(end, last)
    return periods


def _day(ordinal: int | None) -> int:
    return -1 if ordinal is None else ordinal


def _name(drafts: list[FigureDraft], keys: list[str], bucket: tuple) -> None:
    """A figure's id is a hash of its bucket and its smallest repeat key (`keys`, as reprs). When
    one key is split into periods, the earliest period keeps that id and later ones add their first
    day, so ids stay as they were for a figure whose repeats are close in time."""
    prefix = repr(bucket)
    by_key: dict[str, list[FigureDraft]] = {}
    for draft, key in zip(drafts, keys):
        by_key.setdefault(key, []).append(draft)
    for key, named in by_key.items():
        if len(named) > 1:
            named.sort(key=lambda draft: _day(draft.first))
        named[0].id = _fingerprint(f"({prefix}, {key})")
        for draft in named[1:]:
            # its first day, and its first claim in case another period starts the same day
            draft.id = _fingerprint(f"({prefix}, {key}, {draft.first!r}, {draft.claim_ids[0]!r})")


def _fingerprint(text: str) -> str:
    """blake2b of `repr(parts)`, the repr written by the caller."""
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _mention_order(claim: Claim) -> tuple:
    return claim.doc, claim.span.line, claim.span.start, claim.quantity.start, claim.id


def _single(claims, index, dates, bases, organisations) -> FigureDraft:
    """The figure of a mention said once (most are): FigureDraft's fields in order, positionally
    (a million of these)."""
    claim = claims[index]
    quantity, source = claim.quantity, claim.source
    first, last = dates[index]
    return FigureDraft(
        "", bases[index], source.name, organisations[index], source.role, source.attributed, claim.place.name,
        quantity.unit, (quantity.low, quantity.high, quantity.low_inclusive, quantity.high_inclusive),
        quantity.nominal, first, last, [index], [claim.id], quantity.text,
    )


def _draft(claims, members, dates, bases, organisations) -> FigureDraft:
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
        id="",
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
