"""Turn a candidate and its context into a Claim (trusted data: built without re-validation)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reconcile.extract.speakers import Speaker
from reconcile.extract.candidates import Candidate
from reconcile.extract.timeframe import Window
from reconcile.models.claim import Claim, Place, Source, Span, TimeFrame
from reconcile.models.quantity import Quantity


@dataclass(frozen=True, slots=True)
class Where:
    doc: str
    block: int
    offset: int  # of the sentence in its block
    line: int
    column: int
    sentence: str


def source_of(speaker: Speaker | None, publisher: Speaker) -> Source:
    if speaker is None:
        return Source.model_construct(
            name=publisher.name, role=publisher.role, raw=publisher.raw, speaker=None, attributed=False
        )
    return Source.model_construct(
        name=speaker.name, role=speaker.role, raw=speaker.raw, speaker=speaker.person, attributed=True
    )


def time_of(
    published: dt.date | None, reference: dt.date | None, window: Window | None, basis: str
) -> TimeFrame:
    if window is not None:
        return TimeFrame.model_construct(
            published=published, as_of=None, start=window.start, end=window.end,
            window=window.name, basis=basis,
        )
    return TimeFrame.model_construct(
        published=published, as_of=reference, start=None, end=None, window=None, basis=basis
    )


def as_percent(quantity: Quantity) -> Quantity:
    """A share is a percentage over a hundred: one measure, one unit, so that "three-quarters of
    their territory" meets "93 percent of Aleppo" and "about half" meets "40 percent"."""
    if quantity.unit != "share":
        return quantity
    return quantity.model_copy(
        update={
            "low": _hundredfold(quantity.low), "high": _hundredfold(quantity.high),
            "nominal": _hundredfold(quantity.nominal), "unit": "percent",
        }
    )


def _hundredfold(value):
    if value is None:
        return None
    scaled = round(value * 100, 9)
    return int(scaled) if scaled == int(scaled) else scaled


def complemented(quantity: Quantity) -> Quantity:
    """"only 10 percent left" of a territory: 90 percent taken."""
    whole = 100 if quantity.unit == "percent" else 1
    flip = lambda v: None if v is None else whole - v  # noqa: E731
    low, high = flip(quantity.high), flip(quantity.low)
    if low is None:
        low = 0
    return quantity.model_copy(
        update={
            "low": low, "high": high, "nominal": flip(quantity.nominal),
            "low_inclusive": quantity.high_inclusive, "high_inclusive": quantity.low_inclusive,
        }
    )


def build_claim(
    claim_id: str,
    candidate: Candidate,
    quantity: Quantity,
    where: Where,
    source: Source,
    place: tuple[str | None, str],
    time: TimeFrame,
    parent_id: str | None,
) -> Claim:
    start = where.offset + quantity.start
    return Claim.model_construct(
        id=claim_id,
        doc=where.doc,
        rule=candidate.rule,
        category=candidate.category,
        subject=candidate.subject,
        subject_class=candidate.subject_class,
        quantity=complemented(as_percent(quantity)) if candidate.complement else as_percent(quantity),
        source=source,
        place=Place.model_construct(name=place[0], raw=place[1]),
        time=time,
        parent=parent_id,
        span=Span.model_construct(
            block=where.block, start=start, end=where.offset + quantity.end, line=where.line,
            column=where.column, sentence=where.sentence,
        ),
    )
