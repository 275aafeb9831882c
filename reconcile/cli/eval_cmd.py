"""`reconcile eval --gold FILE.jsonl PATHS…`: extraction measured against a gold file.

Reports precision and recall overall, per tier and per category; for each field (source, place,
time, value) how often a matched claim has it right; the misses and the extra claims; and any
number from the negatives file (`*-not-claims.jsonl` beside the gold, or --negatives) that was
extracted. Exit 0 after a report, 2 on unreadable input or bad rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.table import Table
from rich.text import Text

from reconcile.cli.exit_codes import CLEAN, USAGE_OR_INPUT
from reconcile.cli.extract_cmd import add_rules_argument, load_book, source_text, time_text
from reconcile.cli.extraction import extract_for_cli
from reconcile.cli.inputs import add_input_arguments, csv_columns, load_inputs
from reconcile.cli.output import report_load_errors, stderr_console, stdout_console


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="measure extraction against a gold file")
    parser.add_argument("--gold", required=True, metavar="FILE", help="gold claims, JSON Lines")
    parser.add_argument("--negatives", metavar="FILE", help="numbers that must not be claims (default: *-not-claims.jsonl beside the gold)")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="the documents the gold file describes")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    add_rules_argument(parser)
    add_input_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reconcile.evaluate import GoldClaim, GoldError, GoldNegative, evaluate, negatives_path, read_jsonl, score

    gold_path = Path(args.gold)
    negatives_file = Path(args.negatives) if args.negatives else negatives_path(gold_path)
    try:
        gold = read_jsonl(gold_path, GoldClaim)
        negatives = read_jsonl(negatives_file, GoldNegative) if negatives_file else []
    except GoldError as error:
        stderr_console().print(Text(f"error: {error}", style="red"))
        return USAGE_OR_INPUT
    book = load_book(args.rules)
    if book is None:
        return USAGE_OR_INPUT
    documents, errors = load_inputs(args.paths, csv_columns(args), args.max_size)
    claims = extract_for_cli(documents, book, rules_dir=args.rules)
    result = evaluate(documents, claims, gold, negatives, book)
    scores = score(result)
    if args.format == "json":
        json.dump(_as_json(result, scores), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        _print(result, scores)
    report_load_errors(errors)
    return USAGE_OR_INPUT if errors else CLEAN


def _as_json(result, scores) -> dict:
    return {
        "scores": scores.as_dict(),
        "missed": [g.model_dump(mode="json") for g in result.missed],
        "extra": [c.model_dump(mode="json") for c in result.extra],
        "field_errors": [
            {"gold": m.gold.id, "field": c.name, "expected": c.expected, "got": c.got}
            for m in result.matches for c in m.checks if not c.right
        ],
        "negatives_extracted": [
            {"quote": n.quote, "why": n.why, "claim": c.model_dump(mode="json")} for n, c in result.negatives_extracted
        ],
        "unlocated": result.unlocated,
    }


def _print(result, scores) -> None:
    console = stdout_console()
    summary = Table(title="extraction against gold")
    summary.add_column("measure")
    summary.add_column("value")
    summary.add_row("precision (all tiers)", scores.precision.text())
    summary.add_row("recall (all tiers)", scores.recall.text())
    for tier, ratio in scores.recall_by_tier.items():
        summary.add_row(f"recall, {tier}", ratio.text())
    for name, ratio in scores.fields.items():
        core = scores.fields_core.get(name)
        summary.add_row(f"{name} right", ratio.text() + (f"   core {core.text()}" if core else ""))
    summary.add_row("negatives extracted", str(len(result.negatives_extracted)))
    console.print(summary)
    console.print(_categories(scores))
    console.print(_listing("missed", [(g.doc, g.category, g.figure, g.tier, g.quote) for g in result.missed]))
    console.print(_listing("extra", [(c.doc, c.category, c.quantity.text, f"{source_text(c)}; {time_text(c)}", c.span.sentence) for c in result.extra]))
    wrong = [(m.gold.id, c.name, c.expected, c.got, "") for m in result.matches for c in m.checks if not c.right]
    console.print(_listing("wrong fields", wrong, ("gold", "field", "expected", "got", "")))
    console.print(_listing("negatives extracted", [(n.doc, n.quote, n.why, c.quantity.text, c.category) for n, c in result.negatives_extracted]))
    for item in result.unlocated:
        console.print(Text(f"warning: gold quote not found: {item}", style="yellow"))


def _categories(scores) -> Table:
    table = Table(title="by category")
    for name in ("category", "precision", "recall"):
        table.add_column(name)
    for category, (precision, recall) in scores.by_category.items():
        table.add_row(Text(category), precision.text(), recall.text())
    return table


def _listing(title: str, rows, columns=("doc", "category", "figure", "detail", "text")) -> Table:
    table = Table(title=f"{title} ({len(rows)})")
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(Text(str(cell)) for cell in row))
    return table
