"""A quantitative claim: what is counted, how many, who says so, where, when, and where it stands.

This is the JSON contract of `reconcile extract --format json` (see DESIGN.md, "A claim").
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from reconcile.models.quantity import Quantity
from reconcile.models.trusted import trusted

SourceRole = Literal["party", "government", "un", "humanitarian", "monitor", "media", "other"]
Basis = Literal["flow", "cumulative", "stock"]


class Source(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    role: SourceRole = "other"
    raw: str = ""
    speaker: str | None = None
    attributed: bool = True


class Place(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str | None = None
    raw: str = ""


class TimeFrame(BaseModel):
    model_config = ConfigDict(frozen=True)

    published: date | None = None
    as_of: date | None = None
    start: date | None = None
    end: date | None = None
    window: str | None = None
    basis: Basis = "stock"


class Span(BaseModel):
    model_config = ConfigDict(frozen=True)

    block: int
    start: int
    end: int
    line: int
    column: int = 1
    sentence: str


class Claim(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    doc: str
    rule: str
    category: str
    subject: str
    subject_class: str
    quantity: Quantity
    source: Source
    place: Place
    time: TimeFrame
    parent: str | None = None
    span: Span


# Trusted construction (no validation; see models/quantity.py `trusted`) for code that builds claims
# from validated input: the extractor, and benchmarks. Sources, places and time frames repeat from
# claim to claim (a few hundred sources, a gazetteer, one frame per day and window), and they are
# frozen: equal ones are one shared object, kept in a bounded cache.
INTERNED = 1 << 16


@lru_cache(maxsize=INTERNED, typed=True)
def shared_source(name: str, role: str, raw: str, speaker: str | None, attributed: bool) -> Source:
    return trusted(Source, name=name, role=role, raw=raw, speaker=speaker, attributed=attributed)


@lru_cache(maxsize=INTERNED, typed=True)
def shared_place(name: str | None, raw: str) -> Place:
    return trusted(Place, name=name, raw=raw)


@lru_cache(maxsize=INTERNED, typed=True)
def shared_time(
    published: date | None, as_of: date | None, start: date | None, end: date | None, window: str | None, basis: str
) -> TimeFrame:
    return trusted(TimeFrame, published=published, as_of=as_of, start=start, end=end, window=window, basis=basis)


def trusted_span(block: int, start: int, end: int, line: int, column: int, sentence: str) -> Span:
    return trusted(Span, block=block, start=start, end=end, line=line, column=column, sentence=sentence)


def trusted_claim(
    id: str,
    doc: str,
    rule: str,
    category: str,
    subject: str,
    subject_class: str,
    quantity: Quantity,
    source: Source,
    place: Place,
    time: TimeFrame,
    parent: str | None,
    span: Span,
) -> Claim:
    return trusted(
        Claim, id=id, doc=doc, rule=rule, category=category, subject=subject, subject_class=subject_class,
        quantity=quantity, source=source, place=place, time=time, parent=parent, span=span,
    )


def compact(claim: Claim) -> Claim:
    """A validated claim (read from JSON, a cache, gold) rebuilt the trusted way: equal to it,
    dumped the same, in about a seventh of the memory (shared fields sets, sources, places and
    time frames). Only for claims pydantic has validated."""
    source, place, time, span = claim.source, claim.place, claim.time, claim.span
    return trusted_claim(
        claim.id, claim.doc, claim.rule, claim.category, claim.subject, claim.subject_class,
        trusted(Quantity, **claim.quantity.__dict__),
        shared_source(source.name, source.role, source.raw, source.speaker, source.attributed),
        shared_place(place.name, place.raw),
        shared_time(time.published, time.as_of, time.start, time.end, time.window, time.basis),
        claim.parent,
        trusted_span(span.block, span.start, span.end, span.line, span.column, span.sentence),
    )
