"""Shared output helpers: consoles, error lines and JSON, with article text never read as markup."""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.markup import escape

from reconcile.models.document import LoadError

JSON_CONTRACT_VERSION = 1


def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False)


def report_load_errors(errors: list[LoadError]) -> None:
    console = stderr_console()
    for error in errors:
        console.print(f"[red]error:[/red] {escape(error.path)}: {escape(error.reason)}")


def report_warnings(documents, verbose: bool) -> None:
    warned = [document for document in documents if document.warnings]
    if not warned:
        return
    console = stderr_console()
    if verbose:
        for document in warned:
            for warning in document.warnings:
                console.print(f"[yellow]warning:[/yellow] {escape(document.id)}: {escape(warning)}")
    total = sum(len(document.warnings) for document in warned)
    console.print(
        f"[yellow]warning:[/yellow] {total} decoding warning(s) in {len(warned)} document(s)"
        + ("" if verbose else " (-v lists them)")
    )


def write_json(payload) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
