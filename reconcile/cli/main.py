"""`reconcile` entry point: builds the argument parser from one module per command.

Each command lives in `reconcile/cli/<name>_cmd.py` and exposes `register(subparsers)`, which adds
its sub-parser and sets `func(args) -> exit code`. A command whose module is not there yet is
listed as "not yet built" and exits 2.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import traceback

from reconcile import __version__
from reconcile.cli.exit_codes import USAGE_OR_INPUT
from reconcile.cli.not_built import register_placeholder
from reconcile.rulebook.errors import RuleError

COMMANDS = {
    "docs": "list documents with their parsed metadata",
    "extract": "list the claims found in documents",
    "report": "report where figures disagree",
    "check": "CI check of new documents against a corpus",
    "rules": "validate rule files and run their examples",
    "eval": "measure extraction against a gold file",
    "explain": "show how one sentence is read",
}


def _collect_cycles_less_often() -> None:
    """A run builds hundreds of thousands of long-lived objects (claims read from the cache, a
    rulebook, findings) and few cycles: at the default threshold the collector walks the young
    ones every 700 allocations, about a tenth of a large `check`. Cycles are still collected."""
    gc.set_threshold(100_000, 50, 100)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reconcile",
        description="Find where articles disagree on the figures, with quotes and sources.",
        epilog="Exit codes: 0 clean; 1 findings at or above --fail-on; "
        "2 usage, unreadable input or bad rules.",
    )
    parser.add_argument("--version", action="version", version=f"reconcile {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        module = _command_module(name)
        if module is None:
            register_placeholder(subparsers, name, summary)
        else:
            module.register(subparsers)
    return parser


def _command_module(name: str):
    module_name = f"reconcile.cli.{name}_cmd"
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            return None
        raise


def main(argv: list[str] | None = None) -> int:
    _collect_cycles_less_often()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return USAGE_OR_INPUT if exit_.code else 0
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return USAGE_OR_INPUT
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): the output is incomplete, so this is not "clean".
        _silence_stdout()
        return USAGE_OR_INPUT
    except RuleError as error:  # a pattern that ran past its time limit, found mid-run
        print(f"reconcile: error: bad rules: {error.describe()}", file=sys.stderr)
        return USAGE_OR_INPUT
    except Exception as error:  # noqa: BLE001 - the last line of defence, see _internal_error
        return _internal_error(error)


def _silence_stdout() -> None:
    # Python would otherwise report the broken pipe again when it flushes stdout at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _internal_error(error: Exception) -> int:
    """A bug must not exit 1, which CI reads as "findings", nor bury the user in a traceback."""
    if os.environ.get("RECONCILE_DEBUG"):
        traceback.print_exc()
    else:
        print(
            f"reconcile: internal error: {type(error).__name__}: {error}\n"
            "(set RECONCILE_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
    return USAGE_OR_INPUT
