"""Documents to claims for the commands: --jobs worker processes and a progress bar on big inputs.

The bar is drawn on stderr, and only when a person is watching stdout: never into a pipe or a file,
and never between JSON lines.
"""

from __future__ import annotations

import argparse
import os
import sys

from rich.progress import Progress

from reconcile.cli.output import stderr_console
from reconcile.models.claim import Claim
from reconcile.models.document import Document
from reconcile.pipeline import extract_claims
from reconcile.rulebook import Rulebook

# Below this much text, extraction takes about a second: a bar would only flicker.
LARGE_INPUT_CHARACTERS = 2_000_000


def add_jobs_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        type=_job_count,
        default=1,
        metavar="N",
        help="extract in N worker processes (0: one per core; default 1)",
    )


def _job_count(value: str) -> int:
    count = int(value)
    if count < 0:
        raise argparse.ArgumentTypeError("--jobs takes 0 (one per core) or a positive number")
    return count or os.cpu_count() or 1


def extract_for_cli(
    documents: list[Document],
    book: Rulebook,
    *,
    jobs: int = 1,
    rules_dir: str | None = None,
    progress_allowed: bool = True,
) -> list[Claim]:
    console = stderr_console()
    size = sum(len(block.text) for document in documents for block in document.blocks)
    watched = progress_allowed and sys.stdout.isatty() and console.is_terminal
    if not watched or size < LARGE_INPUT_CHARACTERS:
        return extract_claims(documents, book, jobs=jobs, rules_dir=rules_dir)
    # Redrawn by hand, not by rich's refresh thread: --jobs forks its workers, and a process that
    # forks while another of its threads holds a lock (the console's) can hang the child.
    with Progress(console=console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("extracting", total=len(documents))

        def advance(done: int) -> None:
            progress.advance(task, done)
            progress.refresh()

        return extract_claims(documents, book, jobs=jobs, rules_dir=rules_dir, progress=advance)
