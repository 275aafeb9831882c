"""Find a gold quote in a document's blocks, and the figure inside it."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reconcile.models.document import Document

_SPACE = regex.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Located:
    block: int
    start: int
    end: int


def _flexible(text: str) -> str:
    """A pattern for `text` that tolerates any run of whitespace and either apostrophe."""
    parts = []
    for piece in _SPACE.split(text.strip()):
        parts.append("".join("['’]" if c in "'’" else regex.escape(c) for c in piece))
    return r"\s+".join(parts)


def locate_quote(document: Document, quote: str) -> Located | None:
    pattern = regex.compile(_flexible(quote), regex.IGNORECASE)
    for index, block in enumerate(document.blocks):
        match = pattern.search(block.text)
        if match:
            return Located(index, match.start(), match.end())
    return None


def locate_figure(document: Document, quote: str, figure: str) -> Located | None:
    where = locate_quote(document, quote)
    if where is None:
        return None
    text = document.blocks[where.block].text[where.start : where.end]
    match = regex.search(r"(?<![\w-])" + _flexible(figure) + r"(?![\w-])", text, regex.IGNORECASE)
    if match is None:
        return None
    return Located(where.block, where.start + match.start(), where.start + match.end())


def overlaps(a: Located, block: int, start: int, end: int) -> bool:
    return a.block == block and a.start < end and start < a.end
