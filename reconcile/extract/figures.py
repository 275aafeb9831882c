"""The counts of a sentence, and the sentence with each count masked into one token.

Patterns are matched against the masked text: every count is overwritten, length for length, by
one head character and tail characters, so `{quantity}` matches exactly one figure and every
offset stays the offset in the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reconcile.models.quantity import Quantity
from reconcile.rulebook.patterns import QUANTITY_HEAD, QUANTITY_TAIL


@dataclass(frozen=True, slots=True)
class Figures:
    quantities: tuple[Quantity, ...]
    masked: str
    by_start: dict[int, int]

    def index_at(self, start: int) -> int | None:
        return self.by_start.get(start)


def parse(text: str, lexicon=None) -> list[Quantity]:
    """Every figure of `text` read with the rulebook's lexicon (the built-in one when None)."""
    # Imported late: the number grammar imports the rulebook's errors (see rulebook/book.py).
    from reconcile.numbers import parse_quantities

    return list(parse_quantities(text, lexicon))


_NOT_A_COUNT_BEFORE = regex.compile(r"(?<![\w-])(?:no|any|each|every|anyone|someone)\s+$", regex.IGNORECASE)


def read_figures(text: str, lexicon=None) -> Figures:
    counts = tuple(
        q for q in parse(text, lexicon)
        if q.kind == "quantity" and q.end > q.start
        and not _NOT_A_COUNT_BEFORE.search(text[max(0, q.start - 12) : q.start])
    )
    return mask(text, counts)


def mask(text: str, quantities: tuple[Quantity, ...]) -> Figures:
    """`text` with each figure (a non-empty span) overwritten, length for length."""
    if not quantities:
        return Figures((), text, {})
    pieces: list[str] = []
    by_start: dict[int, int] = {}
    kept: list[Quantity] = []
    last_end = 0
    for quantity in sorted(quantities, key=lambda q: q.start):
        if quantity.start < last_end:
            continue  # overlapping readings: keep the first
        by_start[quantity.start] = len(kept)
        kept.append(quantity)
        pieces += (text[last_end : quantity.start], QUANTITY_HEAD, QUANTITY_TAIL * (quantity.end - quantity.start - 1))
        last_end = quantity.end
    pieces.append(text[last_end:])
    return Figures(tuple(kept), "".join(pieces), by_start)
