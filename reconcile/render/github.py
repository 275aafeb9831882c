"""GitHub Actions workflow commands: `::error file=…,line=…,title=…::message`, grouped per file.

Everything after `::` is data and each property value is a property, escaped as the runner
expects (data: % CR LF; properties also : and ,). Control characters are folded away first, so
article text cannot end the line and start a command of its own, nor colour the log.
"""

from __future__ import annotations

from itertools import groupby

from reconcile.check.model import CheckItem, CheckResult, Suppression
from reconcile.check.rules import UNUSED_SUPPRESSION, UNUSED_SUPPRESSION_LEVEL
from reconcile.render.escape import one_line
from reconcile.render.lines import Paths, path_of, suppression_message

COMMANDS = {"error": "error", "warning": "warning", "notice": "notice", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, path: str, line: int, column: int, title: str, message: str) -> str:
    properties = ",".join(
        f"{name}={escape_property(one_line(str(value)))}"
        for name, value in (("file", path), ("line", line), ("col", column), ("title", title))
    )
    return f"::{COMMANDS[level]} {properties}::{escape_data(one_line(message))}"


def _item_annotation(item: CheckItem, paths: Paths) -> tuple[str, str]:
    path = path_of(item.anchor.doc, paths)
    title = f"reconcile {item.rule}: {item.title}"
    return path, annotation(item.level, path, item.anchor.line, item.anchor_column, title, item.message)


def _suppression_annotation(suppression: Suppression, paths: Paths) -> tuple[str, str]:
    path = path_of(suppression.doc, paths)
    title = f"reconcile {UNUSED_SUPPRESSION.id}"
    message = suppression_message(suppression)
    return path, annotation(UNUSED_SUPPRESSION_LEVEL, path, suppression.line, suppression.column, title, message)


def render_github(result: CheckResult, paths: Paths) -> str:
    annotations = [_item_annotation(item, paths) for item in result.items]
    annotations += [_suppression_annotation(s, paths) for s in result.unused_suppressions]
    annotations.sort(key=lambda pair: pair[0])
    lines = []
    for path, group in groupby(annotations, key=lambda pair: pair[0]):
        lines.append(f"::group::reconcile: {escape_data(one_line(path))}")
        lines.extend(command for _, command in group)
        lines.append("::endgroup::")
    return "".join(line + "\n" for line in lines)
