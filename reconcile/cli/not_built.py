"""Placeholder for commands whose issue has not landed yet: says so and exits 2."""

from __future__ import annotations

import argparse
import sys

from reconcile.cli.exit_codes import USAGE_OR_INPUT


def register_placeholder(subparsers: argparse._SubParsersAction, name: str, summary: str) -> None:
    parser = subparsers.add_parser(name, help=f"{summary} (not yet built)")
    parser.add_argument("rest", nargs=argparse.REMAINDER)
    parser.set_defaults(func=lambda args: _not_built(name))


def _not_built(name: str) -> int:
    print(f"reconcile {name}: not yet built", file=sys.stderr)
    return USAGE_OR_INPUT
