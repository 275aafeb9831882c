"""The report in the terminal (rich): a summary table of topics, then each disagreement with its
figures side by side. Article text is escaped before rich sees it, so it can never restyle."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from reconcile.models.finding import Finding, Report
from reconcile.render.escape import for_rich
from reconcile.render.summary import figure_date, source_words, spread_words, topic_views

LEVEL_STYLES = {"error": "bold red", "warning": "yellow", "notice": "cyan", "info": "dim"}
CONFLICTS = ("disagree", "revision")


def render_terminal(report: Report, console: Console) -> None:
    views = topic_views(report.findings)
    console.print(_summary_table(report, views))
    conflicts = [finding for view in views for finding in view.findings if finding.verdict in CONFLICTS]
    for finding in conflicts:
        console.print()
        console.print(_conflict_table(finding))
    if not conflicts:
        console.print("No figures disagree.")


def _summary_table(report: Report, views) -> Table:
    table = Table(
        title=f"{len(report.documents)} document(s), {len(report.claims)} claim(s), {len(views)} topic(s)",
        box=box.SIMPLE_HEAVY,
    )
    for name, justify in (("Topic", "left"), ("Sources", "right"), ("Verdict", "left"),
                          ("Spread", "right"), ("Grade", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    for view in views:
        style = LEVEL_STYLES[view.worst.level]
        table.add_row(
            for_rich(view.topic.label),
            str(len(view.sources)),
            f"[{style}]{view.verdict.replace('_', ' ')}[/]",
            spread_words(view.spread),
            view.topic.grade,
        )
    return table


def _conflict_table(finding: Finding) -> Table:
    style = LEVEL_STYLES[finding.level]
    table = Table(
        title=f"[{style}]{finding.level}[/]: {for_rich(finding.topic.label)}",
        caption=for_rich(finding.why),
        caption_justify="left",
        box=box.ROUNDED,
        show_lines=True,
    )
    for name in ("Source", "Date", "Figure", "Quote", "Where"):
        table.add_column(name, overflow="fold", ratio=3 if name == "Quote" else None)
    for figure in finding.figures:
        mention = figure.mentions[0]
        where = ", ".join(f"{m.doc}:{m.line}" for m in figure.mentions)
        table.add_row(
            for_rich(source_words(figure)),
            figure_date(figure),
            for_rich(figure.text),
            for_rich(mention.quote),
            for_rich(where),
        )
    return table
