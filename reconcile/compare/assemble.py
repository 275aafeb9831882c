"""Working figures to the output records, built without validation (Record.trusted): every value
comes from claims that pydantic has already validated, and a large run builds millions of these.
tests/reconciler checks that the output round-trips through validation."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from reconcile.compare.draft import FigureDraft
from reconcile.models.claim import Claim
from reconcile.models.finding import Figure, Finding, Mention, Topic

BASIS_WORDS = {
    "flow": "count over a window",
    "cumulative": "running total",
    "stock": "level",
    None: "share",
}


def fingerprint(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


@lru_cache(maxsize=65536)
def _day(ordinal: int | None) -> date | None:
    return None if ordinal is None else date.fromordinal(ordinal)


def mention_model(claim: Claim) -> Mention:
    return Mention.trusted(
        claim.id,
        claim.doc,
        claim.span.line,
        claim.quantity.text,
        claim.span.sentence,
        claim.time.published,
        claim.source.raw,
        claim.source.speaker,
    )


def figure_model(draft: FigureDraft, claims: Sequence[Claim]) -> Figure:
    low, high, low_inclusive, high_inclusive = draft.interval
    return Figure.trusted(
        draft.id,
        draft.source,
        draft.organisation,
        draft.role,
        draft.attributed,
        draft.text,
        low,
        high,
        low_inclusive,
        high_inclusive,
        draft.unit,
        draft.place,
        draft.basis or claims[draft.mentions[0]].time.basis,
        _day(draft.first),
        _day(draft.last),
        [mention_model(claims[index]) for index in draft.mentions],
    )


def topic_model(
    bucket: tuple,
    drafts: list[FigureDraft],
    default_whole: str,
    grade: str,
    sides: tuple[list[str], list[str]],
) -> Topic:
    category, subject_class, whole, unit = bucket[:4]
    basis = drafts[0].basis
    places = sorted({draft.place for draft in drafts if draft.place is not None})
    firsts = [draft.first for draft in drafts if draft.first is not None]
    lasts = [draft.last for draft in drafts if draft.last is not None]
    return Topic.trusted(
        fingerprint(bucket, basis, min(draft.id for draft in drafts)),
        topic_label(category, subject_class, whole, unit, basis, places, default_whole)
        + period_words(min(firsts) if firsts else None, max(lasts) if lasts else None),
        category,
        subject_class,
        whole,
        unit,
        basis,
        places,
        _day(min(firsts)) if firsts else None,
        _day(max(lasts)) if lasts else None,
        grade,
        sides[0],
        sides[1],
    )


def topic_label(category, subject_class, whole, unit, basis, places, default_whole) -> str:
    subject = subject_class if whole == default_whole else f"{subject_class} (of {whole})"
    where = " / ".join(places) or "place not named"
    measure = BASIS_WORDS[basis] if unit == "count" else f"{unit}"
    return f"{category}: {subject}, {where} — {measure}"


def period_words(first: int | None, last: int | None) -> str:
    if first is None:
        return ""
    start, end = date.fromordinal(first), date.fromordinal(last)
    if start == end:
        return f", {start:%b} {start.day}"
    if (start.year, start.month) == (end.year, end.month):
        return f", {start:%b} {start.day}–{end.day}"
    return f", {start:%b} {start.day}–{end:%b} {end.day}"


def finding_model(
    topic: Topic, verdict: str, level: str, ratio: float | None, why, figures: list[Figure], claims: list[str]
) -> Finding:
    """`figures` in id order (the reconciler keeps its figures sorted by id); `claims` sorted;
    `why` the reason's text, or its recipe. The id is left to be computed when read (Finding.id)."""
    return Finding.trusted(
        None,
        topic,
        verdict,
        level,
        ratio,
        why,
        figures,
        claims,
    )
