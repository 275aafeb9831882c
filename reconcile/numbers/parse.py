"""parse_quantities: every figure in a text, as an interval with the words that made it."""

from __future__ import annotations

from reconcile.models.quantity import Quantity
from reconcile.numbers.compose import compose
from reconcile.numbers.cores import find_cores
from reconcile.numbers.digits import european_style
from reconcile.numbers.figures import to_quantity
from reconcile.numbers.lexicon import Lexicon, load_lexicon


def parse_quantities(text: str, lexicon: Lexicon | None = None) -> list[Quantity]:
    """The figures of `text`, sorted by position and never overlapping.

    Each result's `text` is exactly `text[start:end]`. Numbers that are not counts (dates,
    ages, clock times, ...) come back too, with a `kind` other than "quantity"."""
    grammar = (lexicon or load_lexicon()).grammar
    if not text or not grammar.scanner.may_hold_figures(text):
        return []
    cores = find_cores(text, grammar, european_style(text))
    figures = compose(text, cores, grammar)
    return [to_quantity(text, figure) for figure in figures]
