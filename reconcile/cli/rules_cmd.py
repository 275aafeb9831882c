"""`reconcile rules check [DIR]`: validate the rule files and run every example.

Exit 0 when every example passes, 1 when one fails, 2 when the rules are invalid.
"""

from __future__ import annotations

import argparse

from rich.table import Table
from rich.text import Text

from reconcile.cli.exit_codes import CLEAN, FINDINGS, USAGE_OR_INPUT
from reconcile.cli.extract_cmd import load_book
from reconcile.cli.output import stdout_console


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="validate rule files and run their examples")
    actions = parser.add_subparsers(dest="rules_action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate the rules and run every example")
    check.add_argument("dir", nargs="?", metavar="DIR", help="a user rules folder, checked with the built-in rules")
    check.add_argument("--failed-only", action="store_true", help="list only the failing examples")
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from reconcile.extract.examples import run_examples

    book = load_book(args.dir)
    if book is None:
        return USAGE_OR_INPUT
    results = run_examples(book)
    failed = [r for r in results if not r.passed]
    console = stdout_console()
    console.print(_table(failed if args.failed_only else results, len(results), len(failed)))
    counts = _per_category(results)
    console.print(_summary(counts))
    return FINDINGS if failed else CLEAN


def _table(shown, total: int, failed: int) -> Table:
    table = Table(title=f"{total - failed}/{total} examples pass")
    for name in ("category", "example", "result", "text / problems"):
        table.add_column(name, overflow="fold")
    for result in shown:
        status = Text("pass", style="green") if result.passed else Text("FAIL", style="bold red")
        detail = Text(result.text if len(result.text) <= 160 else result.text[:157] + "…")
        for problem in result.problems:
            detail.append("\n  • " + problem, style="red")
        table.add_row(Text(result.category), Text(f"{result.kind} {result.number + 1}"), status, detail)
    return table


def _per_category(results) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for result in results:
        entry = counts.setdefault(result.category, [0, 0, 0, 0])
        slot = 0 if result.kind == "example" else 2
        entry[slot] += 1
        entry[slot + 1] += result.passed
    return counts


def _summary(counts: dict[str, list[int]]) -> Table:
    table = Table(title="by category")
    for name in ("category", "examples passing", "counter-examples passing"):
        table.add_column(name)
    for category, (examples, passed, counters, counters_passed) in sorted(counts.items()):
        table.add_row(Text(category), f"{passed}/{examples}", f"{counters_passed}/{counters}")
    return table
