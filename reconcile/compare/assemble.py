"""Working figures to the output models, built without validation: every value comes from claims
that pydantic has already validated, and a large run builds millions of these."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from pydantic import BaseModel

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


def words_fingerprint(words: list[str]) -> str:
    """`fingerprint(*words)` for two or more words with no quotes or backslashes (verdicts, hex
    figure ids), whose repr is known: one per finding, so the repr is written out directly."""
    return hashlib.blake2b(("('" + "', '".join(words) + "')").encode(), digest_size=8).hexdigest()


_ALL_FIELDS: dict[type, set[str]] = {}
_SET_DICT = object.__setattr__
# BaseModel's own slots, set through their descriptors (what object.__setattr__ does, minus the
# lookup by name).
_SET_FIELDS = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_SET_EXTRA = BaseModel.__dict__["__pydantic_extra__"].__set__
_SET_PRIVATE = BaseModel.__dict__["__pydantic_private__"].__set__


def trusted(model: type, **values):
    """What `model_construct` does, for callers that pass every field: no defaults to look up.
    (tests/reconciler checks that each output model round-trips through validation.)"""
    instance = model.__new__(model)
    fields = _ALL_FIELDS.get(model)
    if fields is None:
        fields = _ALL_FIELDS[model] = set(model.model_fields)
    _SET_DICT(instance, "__dict__", values)
    _SET_FIELDS(instance, fields)
    _SET_EXTRA(instance, None)
    _SET_PRIVATE(instance, None)
    return instance


@lru_cache(maxsize=65536)
def _day(ordinal: int | None) -> date | None:
    return None if ordinal is None else date.fromordinal(ordinal)


def mention_model(claim: Claim) -> Mention:
    return trusted(
        Mention,
        claim=claim.id,
        doc=claim.doc,
        line=claim.span.line,
        text=claim.quantity.text,
        quote=claim.span.sentence,
        published=claim.time.published,
        source_raw=claim.source.raw,
        speaker=claim.source.speaker,
    )


def figure_model(draft: FigureDraft, claims: Sequence[Claim]) -> Figure:
    low, high, low_inclusive, high_inclusive = draft.interval
    basis = draft.basis or claims[draft.mentions[0]].time.basis
    return trusted(
        Figure,
        id=draft.id,
        source=draft.source,
        organisation=draft.organisation,
        role=draft.role,
        attributed=draft.attributed,
        text=draft.text,
        low=low,
        high=high,
        low_inclusive=low_inclusive,
        high_inclusive=high_inclusive,
        unit=draft.unit,
        place=draft.place,
        basis=basis,
        first=_day(draft.first),
        last=_day(draft.last),
        mentions=[mention_model(claims[index]) for index in draft.mentions],
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
    return trusted(
        Topic,
        id=fingerprint(bucket, basis, min(draft.id for draft in drafts)),
        label=topic_label(category, subject_class, whole, unit, basis, places, default_whole)
        + period_words(min(firsts) if firsts else None, max(lasts) if lasts else None),
        category=category,
        subject_class=subject_class,
        whole=whole,
        unit=unit,
        basis=basis,
        places=places,
        first=_day(min(firsts)) if firsts else None,
        last=_day(max(lasts)) if lasts else None,
        grade=grade,
        parties=sides[0],
        independent=sides[1],
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
    topic: Topic, verdict: str, level: str, ratio: float | None, why: str, figures: list[Figure], claims: list[str]
) -> Finding:
    """`figures` in id order (the reconciler keeps its figures sorted by id); `claims` sorted."""
    return trusted(
        Finding,
        id=words_fingerprint([verdict, *(figure.id for figure in figures)]),
        topic=topic,
        verdict=verdict,
        level=level,
        spread=ratio,
        why=why,
        figures=figures,
        claims=claims,
    )
