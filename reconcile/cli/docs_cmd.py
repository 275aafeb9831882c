"""`reconcile docs PATHS…`: the documents as loaded, for checking what the tool will read."""

from __future__ import annotations

import argparse

from rich.table import Table
from rich.text import Text

from reconcile.cli.exit_codes import CLEAN, USAGE_OR_INPUT
from reconcile.cli.inputs import add_input_arguments, csv_columns, load_inputs
from reconcile.cli.output import (
    JSON_CONTRACT_VERSION,
    report_load_errors,
    report_warnings,
    stdout_console,
    write_json,
)
from reconcile.segment import split_sentences


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("docs", help="list documents with their parsed metadata")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (walked recursively)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every decoding warning")
    add_input_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    documents, errors = load_inputs(args.paths, csv_columns(args), args.max_size)
    if args.format == "json":
        write_json(
            {
                "version": JSON_CONTRACT_VERSION,
                "documents": [document.model_dump(mode="json") for document in documents],
                "errors": [error.model_dump(mode="json") for error in errors],
            }
        )
    else:
        _print_table(documents)
    report_warnings(documents, args.verbose)
    report_load_errors(errors)
    return USAGE_OR_INPUT if errors else CLEAN


def _print_table(documents) -> None:
    table = Table(title=f"{len(documents)} document(s)")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("title", ratio=1)
    table.add_column("blocks", justify="right")
    table.add_column("sentences", justify="right")
    for document in documents:
        table.add_row(
            Text(document.id),
            Text(str(document.published or "—")),
            Text(document.title or "—"),
            str(len(document.blocks)),
            str(len(split_sentences(document))),
        )
    stdout_console().print(table)
