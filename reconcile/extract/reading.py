"""What a claim is compared as, read from its own words once its parts are known.

- alone: "Hundreds of civilians" is a count of people, unless it is a part of another count
  ("20 people, including 15 civilians"): subjects.toml, `alone_as`;
- kind: "82 summary killings", or "the toll reaching 82 civilians" after "gunning down families",
  count one kind of killing and get that kind's subject class: a category's `[[kinds]]`;
- flow: "Thousands more fled" (an increment) and "are fleeing by the thousands" (a verb in
  progress) count new arrivals, not the running total so far: time.toml, `[[flow_cues]]`.
A part ("including 13 children") keeps its own class (its whole is its parent's) and is a flow
when its parent is.
"""

from __future__ import annotations

from dataclasses import replace

from reconcile.extract.candidates import Candidate
from reconcile.extract.figures import Figures
from reconcile.rulebook import Rulebook
from reconcile.rulebook.categories import CompiledCategory
from reconcile.rulebook.gate import Words
from reconcile.rulebook.patterns import bounded_finditer, bounded_search


def refine(
    figures: Figures, candidates: dict[int, Candidate], book: Rulebook, earlier_category: str | None = None,
    words: Words | None = None,
) -> dict[int, Candidate]:
    """`earlier_category`: the category of the last claim of the previous sentence in the same
    paragraph, which "Another 70 were wounded" may add to. `words`: the sentence's words."""
    words = words or Words(figures.masked)
    refined: dict[int, Candidate] = {}
    previous = earlier_category
    for index in sorted(candidates):
        candidate = candidates[index]
        same_as_before = previous is None or previous == candidate.category
        previous = candidate.category
        category = book.categories[candidate.category]
        subject_class = candidate.subject_class
        if candidate.parent is None:
            subject_class = book.subjects.alone_as(subject_class)
            subject_class = _kind(figures, index, candidate, category, subject_class)
        parent = refined.get(candidate.parent) if candidate.parent is not None else None
        flow = (parent is not None and parent.flow) or _flow_cued(
            figures, index, candidate, category, same_as_before, words
        )
        if subject_class != candidate.subject_class or flow != candidate.flow:
            candidate = replace(candidate, subject_class=subject_class, flow=flow)
        refined[index] = candidate
    return refined


def _kind(figures: Figures, index: int, candidate: Candidate, category: CompiledCategory, subject_class: str) -> str:
    """The kind named in the figure's own words; a figure whose words name no event of the
    category ("the toll reaching 82") takes the kind from the sentence before it, back to the
    previous figure."""
    kinds = [k for k in category.kinds if subject_class in k.classes]
    if not kinds:
        return subject_class
    start, end = candidate.span
    masked = figures.masked
    presence = category.trigger_presence
    if presence is None or bounded_search(presence, masked[start:end]) is None:
        start = figures.quantities[index - 1].end if index > 0 else 0
    for kind in kinds:
        if bounded_search(kind.regex, masked[start:end]) is not None:
            return kind.subject
    return subject_class


def _flow_cued(
    figures: Figures, index: int, candidate: Candidate, category: CompiledCategory, same_as_before: bool,
    words: Words,
) -> bool:
    """A running total's count whose own words make it a flow. Levels (stock) stay levels:
    "are missing", "are living under siege" say where people are, not how many arrive. An
    increment adds to the count named before it: "five were killed and dozens more wounded" are
    more people, not more of the wounded."""
    if (candidate.basis or category.basis) != "cumulative":
        return False
    start, end = candidate.span
    figure_start = figures.quantities[index].start
    for cue in category.flow_cues:
        if (cue.refers_back and not same_as_before) or not cue.gate.may_match(words):
            continue
        anchored = "quantity" in cue.regex.groupindex
        for match in bounded_finditer(cue.regex, figures.masked):
            if anchored and match.start("quantity") == figure_start:
                return True
            if not anchored and match.start() < end and start < match.end():
                return True
    return False


__all__ = ["refine"]
