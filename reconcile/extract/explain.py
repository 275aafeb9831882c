"""How one sentence is read, step by step, for rule authors debugging a miss."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reconcile.extract import attribution as attr
from reconcile.extract import figures as fig
from reconcile.extract import timeframe
from reconcile.extract.matching import Hit, find_hits
from reconcile.extract.single import extract_text
from reconcile.extract.speakers import SpeakerMemory
from reconcile.models.claim import Claim
from reconcile.models.quantity import Quantity
from reconcile.rulebook import Rulebook


@dataclass
class Explanation:
    text: str
    published: dt.date | None
    quantities: list[Quantity]
    hits: dict[int, list[Hit]]
    counts: list[Quantity]
    cues: list[attr.Cue]
    date: dt.date | None
    windows: list[timeframe.Window]
    claims: list[Claim] = field(default_factory=list)


def explain(text: str, book: Rulebook, published: dt.date | None = None) -> Explanation:
    every = fig.parse(text, book.lexicon)
    figures = fig.read_figures(text, book.lexicon)
    hits = find_hits(figures, book)
    cues = attr.find_cues(text, book, SpeakerMemory(), None)
    date = timeframe.sentence_date(text, published, book.time)
    windows = timeframe.find_windows(text, date or published, published, book.time)
    return Explanation(
        text, published, every, hits, list(figures.quantities), cues, date, windows,
        extract_text(text, book, published=published),
    )
