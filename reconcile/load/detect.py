"""Which loader a file needs, judged from its content rather than its name."""

from __future__ import annotations

import csv
import io
import itertools

import regex

from reconcile.models.document import DocumentFormat

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or a Word/Excel file)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}

_HTML_DOCUMENT = regex.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", regex.I)
_HTML_BODY_TAGS = regex.compile(r"<(?:article|p)[\s>]", regex.I)
_MARKDOWN_HEADLINE = regex.compile(r"^#{1,6} \S", regex.M)
_HTML_WRAPPER = regex.compile(r"^<div[\s>]", regex.M)
_MARKDOWN_HINTS = regex.compile(r"^#{1,6} \S|\]\([^)\s]+\)|^\s*[-*] \S", regex.M)


class NotAnArticle(ValueError):
    """The bytes are not text an article could be in (an image, an archive, an empty file)."""


def reject_non_text(data: bytes) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise NotAnArticle(f"binary content ({what}), not an article")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotAnArticle("binary content (NUL bytes), not an article")
    if not data.strip():
        raise NotAnArticle("empty file")


def detect_format(text: str, csv_text_columns: frozenset[str]) -> DocumentFormat:
    head = text[:20000]
    if _HTML_DOCUMENT.search(head):
        return "html"
    if _HTML_WRAPPER.search(head) and _MARKDOWN_HEADLINE.search(text):
        return "seed"
    if _HTML_BODY_TAGS.search(head):
        return "html"
    if _looks_like_csv(head, csv_text_columns):
        return "csv"
    if _MARKDOWN_HINTS.search(head):
        return "markdown"
    return "text"


_COLUMN_NAME = regex.compile(r"^[\w .\-/#]{1,60}$")


def _looks_like_csv(head: str, csv_text_columns: frozenset[str]) -> bool:
    """A header of short column names, and rows that parse to the same number of fields."""
    header_line = head.split("\n", 1)[0].strip()
    delimiter = "\t" if header_line.count("\t") > header_line.count(",") else ","
    names = [name.strip().strip('"').lower() for name in header_line.split(delimiter)]
    if len(names) < 2 or not all(_COLUMN_NAME.match(name) for name in names):
        return False
    if set(names) & csv_text_columns:
        return True
    rows = list(itertools.islice(csv.reader(io.StringIO(head), delimiter=delimiter), 4))
    return len(rows) >= 2 and all(len(row) == len(names) for row in rows[:-1])
