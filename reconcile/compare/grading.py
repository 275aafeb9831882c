"""How well a topic's figure is sourced, the way casualty recorders grade it.

- contested: two sources disagree;
- corroborated: two different sources agree and at least one of them is not a party to the
  conflict (Russia confirming the Syrian government is not independent corroboration);
- single: otherwise.
Parties are listed apart from independent sources (the UN, monitors, the press, witnesses).
"""

from __future__ import annotations

from reconcile.compare.draft import FigureDraft

PARTY_ROLES = frozenset({"party"})


def is_party(figure: FigureDraft) -> bool:
    return figure.role in PARTY_ROLES


def corroborated_within(figures: list[FigureDraft]) -> bool:
    """Whether some two of these mutually agreeing figures corroborate each other: two agreeing
    figures do when they come from different organisations and not both from parties to the
    conflict. With two organisations or more, any figure not from a party has a partner from
    another organisation."""
    if len({figure.organisation for figure in figures}) < 2:
        return False
    return not all(is_party(figure) for figure in figures)


def grade_of(contested: bool, corroborated: bool) -> str:
    if contested:
        return "contested"
    return "corroborated" if corroborated else "single"


def sources_by_side(figures: list[FigureDraft]) -> tuple[list[str], list[str]]:
    parties = sorted({figure.organisation for figure in figures if is_party(figure)})
    independent = sorted({figure.organisation for figure in figures if not is_party(figure)})
    return parties, independent
