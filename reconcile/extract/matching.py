"""Which category rule claims each figure of a sentence.

Every compiled pattern is run over the masked sentence (overlapping matches allowed, each with a
time limit); a figure goes to its strongest match: highest priority first, then the tightest
match (the trigger nearest the figure).
"""

from __future__ import annotations

from dataclasses import dataclass

from reconcile.extract.figures import Figures
from reconcile.rulebook import Rulebook
from reconcile.rulebook.categories import CompiledPattern
from reconcile.rulebook.gate import Words
from reconcile.rulebook.patterns import bounded_finditer, bounded_match, bounded_search


@dataclass(frozen=True, slots=True)
class Hit:
    quantity: int
    pattern: CompiledPattern
    start: int
    end: int
    subject: str | None
    subject_start: int | None
    ends_at_figure: bool

    @property
    def category(self) -> str:
        return self.pattern.category

    def rank(self) -> tuple[int, int]:
        return (-self.pattern.priority, self.end - self.start)


def find_hits(figures: Figures, book: Rulebook, words: Words | None = None) -> dict[int, list[Hit]]:
    """All matches of all patterns, by figure, best first. `words`: the sentence's words, when
    already at hand."""
    hits: dict[int, list[Hit]] = {}
    if not figures.quantities:
        return hits
    words = words or Words(figures.masked)
    plan = book.category_gates
    opened = plan.gates.open(words)
    for gated in plan.categories:
        category = gated.category
        has_trigger = None  # searched for only when a frame's own gate is open
        for pattern, needs in zip(category.patterns, gated.pattern_needs):
            if opened & needs != needs:
                continue
            if pattern.needs_trigger:
                if has_trigger is None:
                    has_trigger = _has_trigger(category, figures, opened & gated.trigger_bit)
                if not has_trigger:
                    continue
            for hit in _run(pattern, figures):
                hits.setdefault(hit.quantity, []).append(hit)
    for found in hits.values():
        found.sort(key=Hit.rank)
    return hits


def _has_trigger(category, figures: Figures, gate_open: int) -> bool:
    presence = category.trigger_presence
    return bool(presence is not None and gate_open and bounded_search(presence, figures.masked) is not None)


def _run(pattern: CompiledPattern, figures: Figures) -> list[Hit]:
    found: list[Hit] = []
    seen: set[int] = set()
    if pattern.at_figures:  # it can only start where a figure does
        matches = [
            match for quantity in figures.quantities
            if (match := bounded_match(pattern.regex, figures.masked, quantity.start)) is not None
        ]
    else:
        matches = bounded_finditer(pattern.regex, figures.masked, overlapped=True)
    for match in sorted(matches, key=lambda m: m.end() - m.start()):
        index = figures.index_at(match.start("quantity"))
        if index is None or index in seen:
            continue
        if figures.quantities[index].unit not in pattern.units:
            continue
        seen.add(index)
        subject = match.groupdict().get("subject")
        found.append(
            Hit(
                index, pattern, match.start(), match.end(), subject,
                match.start("subject") if subject else None,
                match.end() == match.end("quantity"),
            )
        )
    return found


def hit_summary(hit: Hit) -> str:
    return f"{hit.pattern.id} [{hit.start}:{hit.end}]"

