"""`reconcile extract PATHS… [--format table|json] [--rules DIR] [--jobs N]`: the claims in documents.

JSON is JSON Lines, one claim a line, with the fields of DESIGN.md ("A claim"). A progress bar is
shown only when the input is large and stdout is a terminal, and never with JSON.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.table import Table
from rich.text import Text

from reconcile.cli.exit_codes import CLEAN, USAGE_OR_INPUT
from reconcile.cli.extraction import add_jobs_argument, extract_for_cli
from reconcile.cli.inputs import add_input_arguments, csv_columns, load_inputs
from reconcile.cli.output import report_load_errors, report_warnings, stderr_console, stdout_console
from reconcile.models.claim import Claim

def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="list the claims found in documents")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (walked recursively)")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="json: one claim a line")
    add_rules_argument(parser)
    add_jobs_argument(parser)
    add_input_arguments(parser)
    parser.set_defaults(func=run)


def add_rules_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", metavar="DIR", help="a folder of rules that adds to or overrides the built-in ones")


def load_book(rules_dir: str | None):
    """The rulebook, or None after telling the user which file and key are wrong."""
    from reconcile.rulebook import RuleError, load_rulebook

    try:
        return load_rulebook(rules_dir)
    except RuleError as error:
        stderr_console().print(Text("error: ", style="red") + Text(error.describe()))
        return None


def run(args: argparse.Namespace) -> int:
    book = load_book(args.rules)
    if book is None:
        return USAGE_OR_INPUT
    documents, errors = load_inputs(args.paths, csv_columns(args), args.max_size)
    claims = extract_for_cli(
        documents, book, jobs=args.jobs, rules_dir=args.rules, progress_allowed=args.format == "table"
    )
    if args.format == "json":
        write_json_lines(claims)
    else:
        print_claims(claims)
    report_warnings(documents, verbose=False)
    report_load_errors(errors)
    return USAGE_OR_INPUT if errors else CLEAN


def write_json_lines(claims: list[Claim]) -> None:
    out = sys.stdout
    for claim in claims:
        out.write(json.dumps(claim.model_dump(mode="json"), ensure_ascii=False) + "\n")


def print_claims(claims: list[Claim]) -> None:
    table = Table(title=f"{len(claims)} claim(s)")
    for name in ("where", "category", "figure", "subject", "source", "place", "time"):
        table.add_column(name, overflow="fold")
    for claim in claims:
        table.add_row(
            Text(f"{claim.doc}:{claim.span.line}"),
            Text(claim.category),
            Text(claim.quantity.text),
            Text(claim.subject),
            Text(source_text(claim)),
            Text(claim.place.name or "—"),
            Text(time_text(claim)),
        )
    stdout_console().print(table)


def source_text(claim: Claim) -> str:
    source = claim.source
    text = source.name + (f" ({source.speaker})" if source.speaker else "")
    return text if source.attributed else f"{text} [own voice]"


def time_text(claim: Claim) -> str:
    time = claim.time
    if time.window:
        start = f"{time.start} → " if time.start else "… → "
        return f"{time.window}: {start}{time.end or '…'} ({time.basis})"
    return f"{time.as_of or '—'} ({time.basis})"
