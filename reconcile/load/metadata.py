"""Article metadata gathered while a loader reads a page, before the Document is built."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from reconcile.models.document import Block

_AUTHOR_SEPARATORS = regex.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
_BYLINE_PREFIX = regex.compile(r"^\s*By\s+", regex.I)
# "BEIRUT, Lebanon — " or "ALEPPO, Syria (Reuters) - " at the start of the first paragraph.
_DATELINE = regex.compile(r"^(?P<place>[A-Z][A-Z .'\-]+(?:,\s+[A-Z][\w .'\-]+?)?)(?:\s+\([^)]*\))?\s+[—–-]{1,2}\s")


@dataclass
class Metadata:
    title: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    dateline: str | None = None


def split_authors(byline: str) -> list[str]:
    names = _AUTHOR_SEPARATORS.split(_BYLINE_PREFIX.sub("", byline).strip())
    return [name.strip() for name in names if name.strip()]


def dateline_of(blocks: list[Block]) -> str | None:
    first = next((block for block in blocks if block.kind == "paragraph"), None)
    if first is None:
        return None
    match = _DATELINE.match(first.text)
    return match["place"].strip() if match else None
