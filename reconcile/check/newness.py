"""Which findings a change creates, semgrep --baseline-commit style.

The corpus is reconciled without the change and with it. A finding after the change is new when
it involves a new claim and no finding before the change matches it. Matching looks only at the
old claims of each figure: a new document repeating the UN's 37,000 joins the UN's figure, so the
37,000-vs-100,000 disagreement keeps the same figures (by their old claims) and stays known.
A figure made only of new claims has no old claims, so a finding with one is always new.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reconcile.check.model import KnownFinding
from reconcile.models.finding import LEVEL_RANK, Finding, Mention

FigureKey = frozenset[str]
FindingKey = tuple[str, frozenset[FigureKey]]


def is_conflict(finding: Finding) -> bool:
    """Disagreements and revisions carry a level; agreements and notes are 'info'."""
    return LEVEL_RANK[finding.level] > LEVEL_RANK["info"]


def finding_key(finding: Finding, new_claims: Collection[str]) -> FindingKey | None:
    """The finding as the old corpus would know it; None if a figure is wholly new."""
    figures = []
    for figure in finding.figures:
        old = frozenset(m.claim for m in figure.mentions if m.claim not in new_claims)
        if not old:
            return None
        figures.append(old)
    return finding.verdict, frozenset(figures)


def involves(finding: Finding, new_claims: Collection[str]) -> bool:
    return any(claim in new_claims for claim in finding.claims)


def new_mentions(finding: Finding, new_claims: Collection[str]) -> list[Mention]:
    return [m for figure in finding.figures for m in figure.mentions if m.claim in new_claims]


def split_findings(
    before: Sequence[Finding], after: Sequence[Finding], new_claims: Collection[str]
) -> tuple[list[Finding], list[KnownFinding]]:
    """(new conflicts, known conflicts that gained mentions) among the findings after the change."""
    # A change that makes a known conflict more serious (a figure's interval narrowed by a new
    # mention) is news too, so the level is remembered with each known finding.
    known_levels: dict[FindingKey | None, int] = {}
    for finding in before:
        key = finding_key(finding, ())
        known_levels[key] = max(known_levels.get(key, 0), LEVEL_RANK[finding.level])
    new: list[Finding] = []
    known: list[KnownFinding] = []
    for finding in after:
        if not is_conflict(finding) or not involves(finding, new_claims):
            continue
        key = finding_key(finding, new_claims)
        if key is not None and LEVEL_RANK[finding.level] <= known_levels.get(key, -1):
            known.append(KnownFinding(finding=finding, added=new_mentions(finding, new_claims)))
        else:
            new.append(finding)
    return new, known
