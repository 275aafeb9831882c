"""Turn a candidate and its context into a Claim (trusted data: built without re-validation, with
sources, places and time frames shared between claims; see reconcile/models/claim.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reconcile.extract.speakers import Speaker
from reconcile.extract.candidates import Candidate
from reconcile.extract.timeframe import Window
from reconcile.models.claim import (
    Claim, Source, TimeFrame, shared_place, shared_source, shared_time, trusted_claim, trusted_span,
)
from reconcile.models.quantity import Quantity
from reconcile.models.trusted import trusted


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
        return shared_source(publisher.name, publisher.role, publisher.raw, None, False)
    return shared_source(speaker.name, speaker.role, speaker.raw, speaker.person, True)


def time_of(
    published: dt.date | None, reference: dt.date | None, window: Window | None, basis: str
) -> TimeFrame:
    if window is not None:
        return shared_time(published, None, window.start, window.end, window.name, basis)
    return shared_time(published, reference, None, None, None, basis)


def as_percent(quantity: Quantity) -> Quantity:
    """A share is a percentage over a hundred: one measure, one unit, so that "three-quarters of
    their territory" meets "93 percent of Aleppo" and "about half" meets "40 percent"."""
    if quantity.unit != "share":
        return quantity
    return _changed(
        quantity, low=_hundredfold(quantity.low), high=_hundredfold(quantity.high),
        nominal=_hundredfold(quantity.nominal), unit="percent",
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
    return _changed(
        quantity, low=low, high=high, nominal=flip(quantity.nominal),
        low_inclusive=quantity.high_inclusive, high_inclusive=quantity.low_inclusive,
    )


def _claim_quantity(quantity: Quantity, complement: bool) -> Quantity:
    """The claim's own copy, built trusted (the number grammar's validated quantity has a fields
    set of its own; the claim keeps the class's shared one)."""
    quantity = as_percent(quantity)
    return complemented(quantity) if complement else _changed(quantity)


def _changed(quantity: Quantity, **changes) -> Quantity:
    """A copy with some fields changed (in field order: `trusted` needs every field, in order)."""
    return trusted(Quantity, **{**quantity.__dict__, **changes})


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
    return trusted_claim(
        claim_id,
        where.doc,
        candidate.rule,
        candidate.category,
        candidate.subject,
        candidate.subject_class,
        _claim_quantity(quantity, candidate.complement),
        source,
        shared_place(place[0], place[1]),
        time,
        parent_id,
        trusted_span(where.block, start, where.offset + quantity.end, where.line, where.column, where.sentence),
    )
