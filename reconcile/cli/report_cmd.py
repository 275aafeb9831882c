"""`reconcile report [PATHS…]`: where the figures disagree, in the terminal, as JSON, and as a
Markdown report for editors (--markdown FILE, with an SVG chart per topic beside it)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reconcile.cli.exit_codes import CLEAN, USAGE_OR_INPUT
from reconcile.cli.extraction import add_jobs_argument, extract_for_cli
from reconcile.cli.inputs import add_input_arguments, csv_columns, load_inputs
from reconcile.cli.output import report_load_errors, report_warnings, stderr_console, stdout_console
from reconcile.compare import reconcile
from reconcile.group import PlaceHierarchy, SourceHierarchy
from reconcile.models.claim import Claim
from reconcile.models.document import Document
from reconcile.render import build_report, render_json, render_markdown, render_terminal
from reconcile.render.escape import for_rich

_PACKAGE = Path(__file__).resolve().parents[1]


def default_seeds_dir() -> Path:
    """The bundled seed articles: inside an installed wheel, or at the top of a source checkout."""
    packaged = _PACKAGE / "_seeds"
    return packaged if packaged.is_dir() else _PACKAGE.parent / "seeds"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="report where figures disagree")
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the bundled seed articles)"
    )
    parser.add_argument("--format", choices=("terminal", "json"), default="terminal")
    parser.add_argument("--markdown", metavar="FILE", help="also write the editors' report (charts go beside it)")
    parser.add_argument("--rules", metavar="DIR", help="a folder of rules that adds to or overrides the built-in ones")
    add_jobs_argument(parser)
    add_input_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [str(default_seeds_dir())]
    documents, errors = load_inputs(paths, csv_columns(args), args.max_size)
    try:
        claims, places, sources = extract_with_rules(documents, args.rules, args.jobs)
    except RulesUnusable as error:
        stderr_console().print(f"[red]error:[/red] {for_rich(str(error))}")
        return USAGE_OR_INPUT
    report = build_report(documents, claims, reconcile(claims, places, sources=sources), errors)
    if args.format == "json":
        sys.stdout.write(render_json(report) + "\n")
    else:
        render_terminal(report, stdout_console())
    if args.markdown:
        try:
            write_markdown(report, Path(args.markdown), documents)
        except OSError as error:
            stderr_console().print(f"[red]error:[/red] cannot write {for_rich(args.markdown)}: {for_rich(error.strerror or str(error))}")
            return USAGE_OR_INPUT
    report_warnings(documents, verbose=False)
    report_load_errors(errors)
    return USAGE_OR_INPUT if errors else CLEAN


class RulesUnusable(Exception):
    """The rule files could not be read or are invalid; the message names the file and key."""


def extract_with_rules(
    documents: list[Document], rules_dir: str | None, jobs: int = 1
) -> tuple[list[Claim], PlaceHierarchy, SourceHierarchy]:
    """Documents to claims with the rule files, and the nesting of places and sources."""
    from reconcile.rulebook import RuleError, load_rulebook

    try:
        book = load_rulebook(rules_dir)
    except RuleError as error:
        raise RulesUnusable(str(error)) from None
    claims = extract_for_cli(documents, book, jobs=jobs, rules_dir=rules_dir)
    return claims, PlaceHierarchy(book.places.index.parents), SourceHierarchy(book.sources.index.parents)


def write_markdown(report, target: Path, documents: list[Document]) -> None:
    folder = target.parent
    paths = {document.id: document.path for document in documents}

    def link(doc: str, line: int) -> str | None:
        if doc not in paths:
            return None
        relative = os.path.relpath(os.path.abspath(paths[doc].split("#", 1)[0]), os.path.abspath(folder))
        return f"{Path(relative).as_posix()}#L{line}"

    rendered = render_markdown(report, f"{target.stem}-charts", link)
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(rendered.text, encoding="utf-8")
    for name, svg in rendered.charts.items():
        chart = folder / name
        chart.parent.mkdir(parents=True, exist_ok=True)
        chart.write_text(svg, encoding="utf-8")
