"""Figures that belong to another figure of the same sentence.

- parts: "341 people, including 44 children" — the children's claim points at its parent;
- shares: "10,500 people …, nearly half of them children" — a share of its parent;
- lists: "341 people … in rebel-held Aleppo, and 81 people …" — the same category, no own trigger.
These are rule kinds (grammar), so they live in code; what counts as a claim stays in rules/.
"""

from __future__ import annotations

import regex

from reconcile.extract.candidates import Candidate, inherited
from reconcile.extract.figures import Figures
from reconcile.rulebook import Rulebook

_INCLUDING = regex.compile(
    r"(?:includ(?:ing|ed|es|e)|among\s+(?:them|whom|those)|of\s+whom|amongst\s+them)"
    r"(?:\s+(?:were|are|was|is))?\s+$",
    regex.IGNORECASE,
)
_OF_THEM = regex.compile(
    r"\s+of\s+(?:them|whom|those)\b,?\s*(?:(?:were|are|being|mostly)\s+)*", regex.IGNORECASE
)
# "Russia says at least 100,000 have left, the United Nations puts the number at 37,000"
_PUT_AT = regex.compile(
    r"(?:puts?|putting|placed?|places|estimated?|estimates)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:number|figure|total|count|tally|estimate)\s+(?:[\w-]+\s+){0,3}?at\s+$",
    regex.IGNORECASE,
)
_LIST_GLUE = regex.compile(
    r"(?:\s*,?\s*(?:in|at|from|near|inside|across|on)\s+[^,;.—–]{1,60})?"
    r"\s*(?:,\s*(?:and|as\s+well\s+as|plus|while)?|and|as\s+well\s+as|plus|or)\s*"
    r"(?:another\s+|a\s+further\s+|some\s+)?$",
    regex.IGNORECASE,
)


def attach_parts(
    figures: Figures, candidates: dict[int, Candidate], book: Rulebook
) -> dict[int, Candidate]:
    """Add or re-parent the figures that hang off a neighbour, left to right."""
    result = dict(candidates)
    for index, quantity in enumerate(figures.quantities):
        before = figures.masked[: quantity.start]
        parent = _nearest_before(result, index)
        if parent is None:
            continue
        if _INCLUDING.search(before[-40:]):
            part = _part(figures, index, result[parent], book, parent, result.get(index))
            if part:
                result[index] = part
            continue
        share = _share_of_them(figures, index, result[parent], book, parent)
        if share:
            result[index] = share
            continue
        if index not in result and _PUT_AT.search(before[-60:]):
            same = result[parent]
            put = inherited(figures, index, same, f"{same.category}/put-at", book, same.parent)
            if put:
                result[index] = put
            continue
        if index not in result and _LIST_GLUE.fullmatch(
            figures.masked[result[parent].phrase_end : quantity.start]
        ):
            listed = _listed(figures, index, result, parent, book)
            if listed:
                result[index] = listed
    return result


def _nearest_before(candidates: dict[int, Candidate], index: int) -> int | None:
    earlier = [i for i in candidates if i < index]
    return max(earlier) if earlier else None


def _top(candidates: dict[int, Candidate], index: int) -> int:
    while (parent := candidates[index].parent) is not None:
        index = parent
    return index


def _part(figures, index, neighbour, book, neighbour_index, own):
    if own is not None and own.category != neighbour.category:
        return own  # the part has its own trigger ("including 5 children wounded")
    parent = neighbour_index if neighbour.parent is None else neighbour.parent
    return inherited(figures, index, neighbour, f"{neighbour.category}/part", book, parent)


def _share_of_them(figures, index, neighbour, book, neighbour_index):
    quantity = figures.quantities[index]
    glue = _OF_THEM.match(figures.masked, quantity.end)
    if glue is None:
        return None
    following = book.subjects.after(" " + figures.masked[glue.end() :], 0)
    if following is None:
        return None
    words = following[0]
    parent = neighbour_index if neighbour.parent is None else neighbour.parent
    return Candidate(
        index=index, category=neighbour.category, rule=f"{neighbour.category}/share-of-them",
        subject=words, subject_class=book.subjects.class_of(words) or book.subjects.default,
        basis=neighbour.basis, parent=parent, complement=False,
        phrase_end=glue.end() + following[1] - 1, span=(quantity.start, glue.end() + following[1] - 1),
    )


def _listed(figures, index, candidates, neighbour_index, book):
    neighbour = candidates[neighbour_index]
    listed = inherited(figures, index, neighbour, f"{neighbour.category}/list", book, None)
    if listed is None or neighbour.parent is None:
        return listed
    grand = candidates[_top(candidates, neighbour_index)]
    # "44 children …, and 81 people": a sibling of the whole, not another part of it
    if listed.subject_class == grand.subject_class:
        return listed
    return listed.with_parent(neighbour.parent)
