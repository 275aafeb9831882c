"""Findings regrouped by topic, the way an editor reads them: the worst first, figures by date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from reconcile.models.finding import LEVEL_RANK, Figure, Finding, Topic

VERDICT_SEVERITY = {"disagree": 5, "revision": 4, "not_comparable": 3, "update": 2, "agree": 1, "same": 0}

PLAIN_VERDICTS = {
    "disagree": "the figures disagree",
    "revision": "a source lowered or contradicted its own figure",
    "not_comparable": "related figures that count different things",
    "update": "a source updated its figure",
    "agree": "the figures agree",
    "same": "one figure, written more than once",
}

PLAIN_GRADES = {
    "contested": "contested: the sources disagree",
    "corroborated": "corroborated by an independent source",
    "single": "not independently corroborated",
}


@dataclass
class TopicView:
    topic: Topic
    findings: list[Finding] = field(default_factory=list)

    @property
    def worst(self) -> Finding:
        return max(self.findings, key=severity)

    @property
    def verdict(self) -> str:
        return self.worst.verdict

    @property
    def spread(self) -> float | None:
        spreads = [f.spread for f in self.findings if f.verdict == "disagree" and f.spread is not None]
        return max(spreads) if spreads else None

    @property
    def figures(self) -> list[Figure]:
        unique = {figure.id: figure for finding in self.findings for figure in finding.figures}
        return sorted(unique.values(), key=figure_order)

    @property
    def sources(self) -> list[str]:
        return sorted({figure.organisation or figure.source for figure in self.figures})


def severity(finding: Finding) -> tuple:
    spread = finding.spread or 0.0
    return LEVEL_RANK[finding.level], VERDICT_SEVERITY[finding.verdict], spread


def figure_order(figure: Figure) -> tuple:
    day = figure.last or figure.first
    return (day is not None, day or date.min, figure.source, figure.id)


def topic_views(findings: Sequence[Finding]) -> list[TopicView]:
    views: dict[str, TopicView] = {}
    for finding in findings:
        views.setdefault(finding.topic.id, TopicView(finding.topic)).findings.append(finding)
    ordered = sorted(views.values(), key=lambda view: (tuple(-x for x in severity(view.worst)), view.topic.label))
    for view in ordered:
        view.findings.sort(key=lambda f: (tuple(-x for x in severity(f)), f.id))
    return ordered


def spread_words(spread: float | None) -> str:
    if spread is None:
        return "—"
    if spread == float("inf"):
        return "∞×"
    return f"{spread:.2f}×" if spread < 1.995 else f"{spread:.1f}×"


def figure_date(figure: Figure) -> str:
    if figure.first and figure.last and figure.first != figure.last:
        return f"{figure.first.isoformat()} – {figure.last.isoformat()}"
    day = figure.last or figure.first
    return day.isoformat() if day else "undated"


def number_words(value: float, unit: str) -> str:
    if unit == "share":
        return f"{value * 100:g}%"
    if unit == "percent":
        return f"{value:g}%"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def interval_words(figure: Figure) -> str:
    """The figure as the interval the reconciler compared: "≥ 100,000", "20,000–99,999"."""
    low, high, unit = figure.low, figure.high, figure.unit
    if low is None and high is None:
        return "any"
    if high is None:
        return f"{'≥' if figure.low_inclusive else '>'} {number_words(low, unit)}"
    if low is None:
        return f"{'≤' if figure.high_inclusive else '<'} {number_words(high, unit)}"
    if low == high:
        return number_words(low, unit)
    return f"{number_words(low, unit)}–{number_words(high, unit)}"


def source_words(figure: Figure) -> str:
    """"Unicef (United Nations, un)" when the source is part of a larger organisation."""
    if figure.organisation and figure.organisation != figure.source:
        return f"{figure.source} ({figure.organisation}, {figure.role})"
    return f"{figure.source} ({figure.role})"
