"""`reconcile check`'s outputs: the CI formats (lines, GitHub, SARIF) and, for people, the
report renderers (terminal, Markdown, JSON) fed with only the findings the change creates."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence

from rich.console import Console

from reconcile.check.model import CheckItem, CheckResult
from reconcile.models.claim import Claim
from reconcile.models.document import LoadError
from reconcile.models.finding import DocumentRef, Report
from reconcile.render.escape import for_markdown, for_rich, for_url
from reconcile.render.github import render_github
from reconcile.render.lines import path_of, render_lines, suppression_message
from reconcile.render.markdown import render_markdown
from reconcile.render.report import render_json
from reconcile.render.sarif import render_sarif
from reconcile.render.terminal import LEVEL_STYLES, render_terminal

FORMATS = ("terminal", "line", "json", "github", "sarif", "markdown")
Linker = Callable[[str, int], str | None]


def check_report(
    result: CheckResult, documents: Sequence[DocumentRef], claims: Sequence[Claim], errors: Sequence[LoadError]
) -> Report:
    """The report contract (DESIGN.md, JSON) holding just the new findings and what they cite."""
    findings = list({item.finding.id: item.finding for item in result.items}.values())
    cited = {claim_id for finding in findings for claim_id in finding.claims}
    docs = cited_documents(result)
    return Report.model_construct(
        version=Report.model_fields["version"].default,
        documents=sorted((d for d in documents if d.id in docs), key=lambda d: d.id),
        claims=sorted((c for c in claims if c.id in cited), key=lambda c: (c.doc, c.span.line, c.id)),
        findings=findings,
        errors=list(errors),
    )


def cited_documents(result: CheckResult) -> frozenset[str]:
    """The documents the new findings' figures are stated in: all a report describes."""
    return frozenset(
        mention.doc for item in result.items for figure in item.finding.figures for mention in figure.mentions
    )


def summary_words(result: CheckResult, checked: int) -> str:
    counts: dict[str, int] = {}
    for item in result.items:
        counts[item.level] = counts.get(item.level, 0) + 1
    levels = ", ".join(f"{counts[level]} {level}" for level in ("error", "warning", "notice") if level in counts)
    words = f"{len(result.items)} new finding(s) in {checked} checked document(s)"
    words += f" ({levels})" if levels else ""
    extras = [
        (len(result.known), "known conflict(s) gained a mention"),
        (len(result.suppressed), "suppressed by a comment"),
        (len(result.baselined), "accepted in the baseline"),
        (len(result.unused_suppressions), "unused suppression comment(s)"),
    ]
    return words + "".join(f"; {count} {what}" for count, what in extras if count) + "."


def render_check_json(result: CheckResult, report: Report, checked: Sequence[str]) -> str:
    payload = json.loads(render_json(report))
    payload["check"] = {
        "checked": sorted(checked),
        "new": [_item_json(item) for item in result.items],
        "known": [
            {"finding": known.finding.id, "added": [m.model_dump(mode="json") for m in known.added]}
            for known in result.known
        ],
        "suppressed": [_item_json(item) for item in result.suppressed],
        "baselined": [_item_json(item) for item in result.baselined],
        "unused_suppressions": [s.model_dump(mode="json") for s in result.unused_suppressions],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _item_json(item: CheckItem) -> dict:
    return {
        "rule": item.rule,
        "level": item.level,
        "fingerprint": item.fingerprint,
        "finding": item.finding.id,
        "doc": item.anchor.doc,
        "line": item.anchor.line,
        "column": item.anchor_column,
        "claim": item.anchor.claim,
        "message": item.message,
        "counterparts": [c.model_dump(mode="json") for c in item.counterparts],
    }


def render_check_terminal(result: CheckResult, report: Report, paths: Mapping[str, str], console: Console, checked: int) -> None:
    console.print(f"[bold]reconcile check:[/bold] {for_rich(summary_words(result, checked))}")
    for item in result.items:
        where = f"{path_of(item.anchor.doc, paths)}:{item.anchor.line}:{item.anchor_column}"
        style = LEVEL_STYLES[item.level]
        console.print(f"[{style}]{item.level}[/] {for_rich(where)} {for_rich(item.message)} [dim]\\[{item.rule}][/dim]")
    for suppression in result.unused_suppressions:
        where = f"{path_of(suppression.doc, paths)}:{suppression.line}"
        console.print(f"[yellow]warning[/] {for_rich(where)} {for_rich(suppression_message(suppression))}")
    if result.items:
        console.print()
        render_terminal(report, console)


def render_check_markdown(
    result: CheckResult, report: Report, paths: Mapping[str, str], link: Linker, chart_dir: str | None, checked: int
):
    """(Markdown text, charts by relative name): the check's summary, then the editors' report."""
    lines = ["# reconcile check", "", for_markdown(summary_words(result, checked)), ""]
    if result.items or result.unused_suppressions:
        lines += ["| Level | Where | Finding |", "|---|---|---|"]
        lines += [_item_row(item, paths, link) for item in result.items]
        lines += [
            f"| warning | {_where(s.doc, s.line, paths, link)} | {for_markdown(suppression_message(s))} |"
            for s in result.unused_suppressions
        ]
        lines.append("")
    if not result.items:
        return "\n".join(lines), {}
    rendered = render_markdown(report, chart_dir, link)
    return "\n".join(lines) + "\n" + rendered.text, rendered.charts


def _item_row(item: CheckItem, paths, link: Linker) -> str:
    return f"| {item.level} | {_where(item.anchor.doc, item.anchor.line, paths, link)} | {for_markdown(item.message)} |"


def _where(doc: str, line: int, paths, link: Linker) -> str:
    text = for_markdown(f"{path_of(doc, paths)}:{line}")
    url = link(doc, line)
    return f"[{text}]({for_url(url)})" if url else text


def render_ci(fmt: str, result: CheckResult, paths: Mapping[str, str], root_uri: str | None) -> str:
    if fmt == "line":
        return render_lines(result, paths)
    if fmt == "github":
        return render_github(result, paths)
    return render_sarif(result, paths, root_uri)


def default_format(chosen: str | None) -> str:
    """GitHub annotations when running under GitHub Actions and no format was asked for."""
    return chosen or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "terminal")
