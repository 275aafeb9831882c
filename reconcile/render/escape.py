"""Article text is untrusted: it must never restyle the terminal, break a Markdown table or inject
HTML into a report or a chart. Every renderer passes such text through one of these."""

from __future__ import annotations

import re
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from rich.markup import escape as rich_escape

# C0 and C1 control characters (ANSI escapes start with ESC) and Unicode line/paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#!])")


def one_line(text: str) -> str:
    """Whitespace and control characters (newlines, ESC) folded to single spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


def for_rich(text: str) -> str:
    return rich_escape(one_line(text))


def for_markdown(text: str) -> str:
    """Safe inside a Markdown paragraph or table cell: no markup, no HTML, no cell breaks."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def for_svg(text: str) -> str:
    return xml_escape(one_line(text), {'"': "&quot;", "'": "&#39;"})


def for_url(path: str) -> str:
    return quote(path, safe="/#:.-_~")
