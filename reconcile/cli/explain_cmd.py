"""`reconcile explain "TEXT" [--date YYYY-MM-DD]`: how one sentence is read — the numbers found,
the rules that fired, and the source, place and time of each claim."""

from __future__ import annotations

import argparse
import datetime as dt

from rich.table import Table
from rich.text import Text

from reconcile.cli.exit_codes import CLEAN, USAGE_OR_INPUT
from reconcile.cli.extract_cmd import add_rules_argument, load_book, source_text, time_text
from reconcile.cli.output import stderr_console, stdout_console


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("explain", help="show how one sentence is read")
    parser.add_argument("text", metavar="TEXT", help="a sentence or a short paragraph")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="publication date, for 'on Friday' and windows")
    add_rules_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reconcile.extract.explain import explain

    try:
        published = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        stderr_console().print(Text(f"error: --date {args.date!r} is not YYYY-MM-DD", style="red"))
        return USAGE_OR_INPUT
    book = load_book(args.rules)
    if book is None:
        return USAGE_OR_INPUT
    reading = explain(args.text, book, published)
    console = stdout_console()
    console.print(Text("text: ", style="bold") + Text(reading.text))
    console.print(_numbers(reading))
    console.print(_hits(reading))
    console.print(_context(reading))
    console.print(_claims(reading))
    return CLEAN


def _numbers(reading) -> Table:
    table = Table(title="numbers (only kind 'quantity' can be a claim)")
    for name in ("text", "kind", "interval", "qualifier", "unit"):
        table.add_column(name)
    for q in reading.quantities:
        interval = f"{'[' if q.low_inclusive else '('}{q.low}, {q.high if q.high is not None else '∞'}{']' if q.high_inclusive else ')'}"
        table.add_row(Text(q.text), q.kind, interval, q.qualifier, q.unit)
    return table


def _hits(reading) -> Table:
    table = Table(title="rules that matched each figure (best first)")
    for name in ("figure", "rule", "priority", "subject", "matched text"):
        table.add_column(name, overflow="fold")
    for index, hits in sorted(reading.hits.items()):
        figure = reading.counts[index].text
        for hit in hits:
            table.add_row(
                Text(figure), Text(hit.pattern.id), str(hit.pattern.priority),
                Text(hit.subject or "—"), Text(reading.text[hit.start : hit.end]),
            )
    if not reading.hits:
        table.add_row("—", "no rule matched", "", "", "")
    return table


def _context(reading) -> Table:
    table = Table(title="attribution and time")
    table.add_column("what")
    table.add_column("found", overflow="fold")
    for cue in reading.cues:
        speaker = cue.speaker
        table.add_row("cue", Text(f"{reading.text[cue.start:cue.end]!r} → {speaker.name} ({speaker.role})" + (f", speaker {speaker.person}" if speaker.person else "")))
    table.add_row("date named", str(reading.date or "—"))
    for window in reading.windows:
        table.add_row("window", Text(f"{window.name}: {window.start or '…'} → {window.end or '…'} ({window.basis})"))
    return table


def _claims(reading) -> Table:
    table = Table(title=f"claims ({len(reading.claims)})")
    for name in ("figure", "category", "rule", "subject", "source", "place", "time", "parent"):
        table.add_column(name, overflow="fold")
    figures = {c.id: c.quantity.text for c in reading.claims}
    for claim in reading.claims:
        table.add_row(
            Text(claim.quantity.text), Text(claim.category), Text(claim.rule),
            Text(f"{claim.subject} ({claim.subject_class})"), Text(source_text(claim)),
            Text(claim.place.name or "—"), Text(time_text(claim)), Text(figures.get(claim.parent, "—")),
        )
    return table
