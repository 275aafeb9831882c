"""`reconcile check [NEW…] [--base REF]`: the CI check. The new or changed documents' figures
against the rest of the corpus; only the findings the change creates are reported, as
annotations, SARIF, Markdown or lines, with an exit code a pipeline can act on.

Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 usage errors, unreadable new
documents, bad rules, a bad configuration or baseline file, or a git failure.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reconcile.cache import ClaimCache, cache_path, extractor_fingerprint
from reconcile.check import BaselineError, baseline_of, fails, parse_baseline, render_baseline, run_check
from reconcile.cli.check_output import FORMATS
from reconcile.cli.check_plan import CheckAborted, CheckPlan, plan_check
from reconcile.cli.check_write import write_outputs
from reconcile.cli.exit_codes import CLEAN, FINDINGS, USAGE_OR_INPUT
from reconcile.cli.extraction import add_jobs_argument
from reconcile.cli.inputs import add_input_arguments, csv_columns
from reconcile.cli.output import report_load_errors, stderr_console
from reconcile.render.escape import for_rich


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="CI check of new documents against a corpus",
        description="Check new or changed documents against the corpus; report only the findings they create.",
        epilog="Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 usage errors, "
        "unreadable documents or bad rules.",
    )
    parser.add_argument("new", nargs="*", metavar="NEW", help="new documents (files or folders)")
    parser.add_argument("--corpus", metavar="DIR", help="the corpus folder (default: configuration, git root or .)")
    parser.add_argument("--base", metavar="REF", help="check the documents added or changed since this git ref")
    parser.add_argument("--baseline", metavar="FILE", help="results accepted earlier (see --write-baseline)")
    parser.add_argument("--write-baseline", metavar="FILE", help="record the current results as accepted, exit 0")
    parser.add_argument("--format", choices=FORMATS, help="stdout format (default: github under GitHub Actions, else terminal)")
    parser.add_argument("--output-sarif", metavar="FILE", help="also write SARIF 2.1.0")
    parser.add_argument("--output-markdown", metavar="FILE", help="also write the Markdown report (charts beside it)")
    parser.add_argument("--output-json", metavar="FILE", help="also write the JSON report")
    parser.add_argument("--fail-on", choices=("notice", "warning", "error"), help="lowest level that fails (default: error)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are at or above --fail-on")
    parser.add_argument("--rules", metavar="DIR", help="a folder of rules that adds to or overrides the built-in ones")
    parser.add_argument("--config", metavar="FILE", help="reconcile.toml or pyproject.toml (default: found from the corpus)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the claim cache")
    add_jobs_argument(parser)  # for a cold cache: a large corpus is extracted once, in parallel
    add_input_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    console = stderr_console()
    try:
        plan = plan_check(args, csv_columns(args))
        return _check(plan, args)
    except CheckAborted as aborted:
        console.print(f"[red]error:[/red] {for_rich(str(aborted))}")
        return USAGE_OR_INPUT
    # Any other fault is reconcile.cli.main's: exit 2 (never 1, which CI reads as findings).


def _check(plan: CheckPlan, args: argparse.Namespace) -> int:
    console = stderr_console()
    accepted = _accepted(plan)
    cache = ClaimCache(
        cache_path(plan.root), plan.book.hash, extractor_fingerprint(), enabled=not args.no_cache, places=plan.places
    )
    with cache:
        corpus = plan.extract(cache)
    for note in cache.notes:
        console.print(f"[yellow]warning:[/yellow] {for_rich(note)}")
    if corpus.checked_errors:
        report_load_errors(corpus.checked_errors)
        return USAGE_OR_INPUT
    _warn_skipped(corpus.other_errors)
    result = run_check(
        corpus.before, corpus.after, corpus.checked_docs, places=plan.places, sources=plan.sources,
        config=plan.settings.reconcile_config(), suppressions=corpus.suppressions, accepted=accepted,
    )
    if args.write_baseline:
        return _write_baseline(Path(args.write_baseline), result)
    write_outputs(plan, corpus, result, args)
    failed = fails(result, args.fail_on or plan.settings.fail_on)
    return FINDINGS if failed and not args.exit_zero else CLEAN


def _accepted(plan: CheckPlan) -> frozenset[str]:
    if plan.baseline is None:
        return frozenset()
    try:
        text = plan.baseline.read_text(encoding="utf-8")
    except OSError as error:
        raise CheckAborted(f"baseline {plan.baseline}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise CheckAborted(f"baseline {plan.baseline}: not UTF-8 text") from None
    try:
        return parse_baseline(text).fingerprints()
    except BaselineError as error:
        raise CheckAborted(f"baseline {plan.baseline}: {error}") from None


def _write_baseline(target: Path, result) -> int:
    baseline = baseline_of([*result.items, *result.baselined])
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_baseline(baseline), encoding="utf-8")
    except OSError as error:
        raise CheckAborted(f"cannot write the baseline {target}: {error.strerror or error}") from None
    stderr_console().print(f"reconcile: {len(baseline.findings)} result(s) recorded in {for_rich(str(target))}")
    return CLEAN


def _warn_skipped(errors) -> None:
    console = stderr_console()
    for error in errors:
        console.print(f"[yellow]warning:[/yellow] skipped {for_rich(error.path)}: {for_rich(error.reason)}")

