"""Hand-built claims for the check's unit tests (the extractor is tested elsewhere)."""

from __future__ import annotations

from datetime import date

from reconcile.models.claim import Claim, Place, Source, Span, TimeFrame
from reconcile.models.quantity import Quantity


def claim(
    id: str,
    *,
    doc: str,
    source: str,
    low,
    high="same",
    text: str | None = None,
    line: int = 1,
    published: str = "2016-12-13",
    category: str = "fled",
    subject_class: str = "people",
    place: str | None = "eastern Aleppo",
    basis: str = "cumulative",
    role: str = "other",
    sentence: str | None = None,
    qualifier: str = "exact",
) -> Claim:
    high = low if high == "same" else high
    text = text if text is not None else f"{low:,}"
    sentence = sentence if sentence is not None else f"{source} says {text} people have left."
    day = date.fromisoformat(published)
    return Claim.model_construct(
        id=id,
        doc=doc,
        rule="test",
        category=category,
        subject="people",
        subject_class=subject_class,
        quantity=Quantity.model_construct(
            text=text, start=0, end=len(text), low=low, high=high, low_inclusive=True,
            high_inclusive=True, nominal=low if low == high else None, qualifier=qualifier,
            unit="count", kind="quantity",
        ),
        source=Source.model_construct(name=source, role=role, raw=source, speaker=None, attributed=True),
        place=Place.model_construct(name=place, raw=place or ""),
        time=TimeFrame.model_construct(
            published=day, as_of=None, start=None, end=day, window=None, basis=basis
        ),
        parent=None,
        span=Span.model_construct(block=0, start=0, end=len(text), line=line, column=1, sentence=sentence),
    )


SEED_002 = "002_633bf2dcf50b54a3.txt"
SEED_003 = "003_21191902d38af47f.txt"


def corpus_claims() -> list[Claim]:
    """The seeds' fled figures around Dec 13 (tests/gold/seeds-claims.jsonl)."""
    return [
        claim("russia", doc=SEED_002, source="Russia", low=100000, high=None, text="at least 100,000", line=432,
              sentence="Tens of thousands of residents — Russia says at least 100,000, the United Nations puts the number at 37,000 — left"),
        claim("un", doc=SEED_002, source="United Nations", low=37000, text="37,000", line=433,
              sentence="Tens of thousands of residents — Russia says at least 100,000, the United Nations puts the number at 37,000 — left"),
        claim("un-caption", doc=SEED_002, source="United Nations", low=37000, text="About 37,000", line=475,
              sentence="About 37,000 people have fled eastern Aleppo, according to the United Nations."),
    ]
