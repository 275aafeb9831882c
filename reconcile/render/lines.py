"""`path:line:col: level: message [rule]`, one result a line: the format editors, grep and most
editors' problem matchers understand. Article text is folded to one line without control
characters, so a quote can neither start a new result line nor restyle the terminal."""

from __future__ import annotations

from collections.abc import Mapping

from reconcile.check.model import CheckResult, Suppression
from reconcile.check.rules import UNUSED_SUPPRESSION, UNUSED_SUPPRESSION_LEVEL
from reconcile.render.escape import one_line

Paths = Mapping[str, str]


def path_of(doc: str, paths: Paths) -> str:
    """A document's file, as the user's repository names it (a CSV row points at its file)."""
    return paths.get(doc) or doc.split("#", 1)[0]


def suppression_message(suppression: Suppression) -> str:
    tokens = ", ".join(suppression.tokens)
    scope = "file" if suppression.whole_file else f"lines {suppression.first}–{suppression.last}"
    return f"reconcile-ignore {tokens} ({scope}) matches no finding; remove it"


def render_lines(result: CheckResult, paths: Paths) -> str:
    rows = []
    for item in result.items:
        where = f"{path_of(item.anchor.doc, paths)}:{item.anchor.line}:{item.anchor_column}"
        rows.append(f"{one_line(where)}: {item.level}: {one_line(item.message)} [{item.rule}]")
    for suppression in result.unused_suppressions:
        where = f"{path_of(suppression.doc, paths)}:{suppression.line}:{suppression.column}"
        rows.append(
            f"{one_line(where)}: {UNUSED_SUPPRESSION_LEVEL}: {one_line(suppression_message(suppression))} "
            f"[{UNUSED_SUPPRESSION.id}]"
        )
    return "".join(row + "\n" for row in rows)
