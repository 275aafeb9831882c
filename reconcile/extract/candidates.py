"""A figure that a rule claims: category, subject, parent figure, before source/place/time."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reconcile.extract.figures import Figures
from reconcile.extract.matching import Hit
from reconcile.rulebook import Rulebook


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int
    category: str
    rule: str
    subject: str
    subject_class: str
    basis: str | None
    parent: int | None
    complement: bool
    phrase_end: int
    span: tuple[int, int]  # the words that made it a claim (the rule's match, or the figure's phrase)
    flow: bool = False  # its own words make it a flow: "Thousands more fled", "are fleeing"

    def with_parent(self, parent: int | None) -> Candidate:
        return replace(self, parent=parent)


def from_hits(figures: Figures, hits: dict[int, list[Hit]], book: Rulebook) -> dict[int, Candidate]:
    chosen: dict[int, Candidate] = {}
    for index, found in hits.items():
        for hit in found:
            candidate = _from_hit(figures, hit, book)
            if candidate is not None:
                chosen[index] = candidate
                break
    return chosen


def _from_hit(figures: Figures, hit: Hit, book: Rulebook) -> Candidate | None:
    quantity = figures.quantities[hit.quantity]
    vocabulary = book.subjects
    following = vocabulary.after(figures.masked, quantity.end)
    phrase_end = following[1] if following else quantity.end
    if hit.subject:
        words, subject_class = hit.subject, vocabulary.class_of(hit.subject)
        if hit.subject_start is not None and hit.subject_start >= quantity.end:
            phrase_end = max(phrase_end, hit.subject_start + len(hit.subject))
    elif hit.pattern.subject:
        words, subject_class = hit.pattern.subject, hit.pattern.subject
    elif following:
        words, subject_class = following[0], vocabulary.class_of(following[0])
        if subject_class not in book.categories[hit.category].subjects:
            return None  # "killed 3 injured": the figure counts people the category does not
    elif hit.ends_at_figure and not vocabulary.bare_count_allowed(figures.masked, quantity.end):
        return None  # "shelled two encircled enclaves": a count of something else
    else:
        words, subject_class = vocabulary.default, vocabulary.default
    return Candidate(
        index=hit.quantity,
        category=hit.category,
        rule=hit.pattern.id,
        subject=words,
        subject_class=subject_class or vocabulary.default,
        basis=hit.pattern.basis,
        parent=None,
        complement=hit.pattern.complement,
        phrase_end=phrase_end,
        span=(hit.start, hit.end),
    )


def inherited(
    figures: Figures, index: int, model: Candidate, rule: str, book: Rulebook, parent: int | None
) -> Candidate | None:
    """A figure that takes its category from a neighbour ("including 44 children")."""
    quantity = figures.quantities[index]
    vocabulary = book.subjects
    following = vocabulary.after(figures.masked, quantity.end)
    if following:
        words, subject_class = following[0], vocabulary.class_of(following[0])
        phrase_end = following[1]
    elif vocabulary.bare_count_allowed(figures.masked, quantity.end):
        words, subject_class, phrase_end = model.subject, model.subject_class, quantity.end
    else:
        return None
    return Candidate(
        index=index, category=model.category, rule=rule, subject=words,
        subject_class=subject_class or vocabulary.default, basis=model.basis, parent=parent,
        complement=False, phrase_end=phrase_end, span=(quantity.start, phrase_end),
    )
