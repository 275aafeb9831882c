"""Working figures to the output records, built without validation (on a `blank` record): every
value comes from claims that pydantic has already validated, and a large run builds millions of
these. tests/reconciler checks that the output round-trips through validation and that every
field is set."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from reconcile.compare.draft import FigureDraft
from reconcile.models.claim import Claim
from reconcile.models.finding import Figure, Finding, Mention, Topic, unwritten_finding

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
    mention = _NEW(Mention)
    span, source = claim.span, claim.source
    mention.claim = claim.id
    mention.doc = claim.doc
    mention.line = span.line
    mention.text = claim.quantity.text
    mention.quote = span.sentence
    mention.published = claim.time.published
    mention.source_raw = source.raw
    mention.speaker = source.speaker
    return mention


_NEW = object.__new__  # a bare record, every field set by the caller (as _Record.blank)


def figure_model(draft: FigureDraft, claims: Sequence[Claim]) -> Figure:
    figure = _NEW(Figure)
    figure.id = draft.id
    figure.source = draft.source
    figure.organisation = draft.organisation
    figure.role = draft.role
    figure.attributed = draft.attributed
    figure.text = draft.text
    figure.low, figure.high, figure.low_inclusive, figure.high_inclusive = draft.interval
    figure.unit = draft.unit
    figure.place = draft.place
    figure.basis = draft.basis or claims[draft.mentions[0]].time.basis
    figure.first = _day(draft.first)
    figure.last = _day(draft.last)
    figure.mentions = [mention_model(claims[index]) for index in draft.mentions]
    return figure


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
    topic = Topic.blank()
    topic.id = fingerprint(bucket, basis, min(draft.id for draft in drafts))
    topic.label = topic_label(category, subject_class, whole, unit, basis, places, default_whole) + period_words(
        min(firsts) if firsts else None, max(lasts) if lasts else None
    )
    topic.category = category
    topic.subject_class = subject_class
    topic.whole = whole
    topic.unit = unit
    topic.basis = basis
    topic.places = places
    topic.first = _day(min(firsts)) if firsts else None
    topic.last = _day(max(lasts)) if lasts else None
    topic.grade = grade
    topic.parties, topic.independent = sides
    return topic


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
    topic: Topic, verdict: str, level: str, ratio: float | None, reason, figures: list[Figure], claims
) -> Finding:
    """`figures` in id order (the reconciler keeps its figures sorted by id); `claims` sorted (or
    their sort key); `reason` the recipe of the reason's text. Id and text are written when read
    (Finding)."""
    return unwritten_finding(topic, verdict, level, ratio, reason, figures, claims)
