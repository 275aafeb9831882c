"""Claims for tests, from a few keyword arguments (everything else has a plain default)."""

from __future__ import annotations

from datetime import date

from reconcile.models.claim import Claim, Place, Source, Span, TimeFrame
from reconcile.models.quantity import Quantity


def _day(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def make_claim(
    id: str,
    *,
    doc: str = "a.txt",
    source: str = "United Nations",
    role: str = "un",
    attributed: bool = True,
    category: str = "fled",
    subject_class: str = "people",
    low=100,
    high=100,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    nominal="same",
    unit: str = "count",
    text: str | None = None,
    place: str | None = "eastern Aleppo",
    basis: str = "cumulative",
    published="2016-12-13",
    as_of=None,
    start=None,
    end=None,
    parent: str | None = None,
    sentence: str | None = None,
    line: int = 1,
) -> Claim:
    if nominal == "same":
        nominal = low if low == high else None
    text = text if text is not None else (f"{low:,}" if low is not None else "some")
    sentence = sentence if sentence is not None else f"{source} says {text} people {category}."
    return Claim.model_construct(
        id=id,
        doc=doc,
        rule="test",
        category=category,
        subject=subject_class,
        subject_class=subject_class,
        quantity=Quantity.model_construct(
            text=text, start=0, end=len(text), low=low, high=high, low_inclusive=low_inclusive,
            high_inclusive=high_inclusive, nominal=nominal, qualifier="exact", unit=unit, kind="quantity",
        ),
        source=Source.model_construct(name=source, role=role, raw=source, speaker=None, attributed=attributed),
        place=Place.model_construct(name=place, raw=place or ""),
        time=TimeFrame.model_construct(
            published=_day(published), as_of=_day(as_of), start=_day(start), end=_day(end), window=None, basis=basis
        ),
        parent=parent,
        span=Span.model_construct(block=0, start=0, end=len(text), line=line, column=1, sentence=sentence),
    )
