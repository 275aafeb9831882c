"""CSV corpora: one article a row, with the usual column names found by themselves."""

from __future__ import annotations

import csv
import hashlib
import itertools
import sys
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from reconcile.load.dates import parse_date
from reconcile.load.decode import decode_fragment, unify_newlines
from reconcile.load.sourcetext import folded_block
from reconcile.models.document import Block, Document

# Candidate header names, most specific first; --csv-* flags override them.
COLUMN_CANDIDATES = {
    "id": ("unit_id", "id", "article_id", "doc_id"),
    "title": ("article_title", "title", "headline"),
    "text": ("article_content", "text", "content", "body", "article_text"),
    "date": ("date", "published", "publication_date", "date_published"),
    "source": ("source", "publisher", "outlet"),
}
TEXT_COLUMNS = frozenset(COLUMN_CANDIDATES["text"])

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class CsvColumns(BaseModel):
    """Column names chosen by the user; None means "detect from the header"."""

    model_config = ConfigDict(frozen=True)

    id: str | None = None
    title: str | None = None
    text: str | None = None
    date: str | None = None
    source: str | None = None


class CsvError(ValueError):
    pass


def parse_csv(lines: Iterable[str], *, file_id: str, path: str, columns: CsvColumns) -> list[Document]:
    """Documents from the lines of a CSV file, read as the file's newline="" text stream gives
    them (a quoted cell may span lines)."""
    lines = iter(lines)
    first = next(lines, "")
    reader = csv.reader(itertools.chain([first], lines), dialect=_dialect(first))
    header = next(reader, None)
    if not header:
        raise CsvError("no header row")
    chosen = _choose_columns([name.strip() for name in header], columns)
    documents: list[Document] = []
    seen: dict[str, int] = {}
    first_line = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            documents.append(_row_document(row, chosen, first_line, file_id, path, seen))
        first_line = reader.line_num + 1
    return documents


def _dialect(text: str):
    header = text.split("\n", 1)[0]
    return csv.excel_tab if header.count("\t") > header.count(",") else csv.excel


def _choose_columns(header: list[str], columns: CsvColumns) -> dict[str, int | None]:
    lowered = {name.lower(): index for index, name in enumerate(header)}
    chosen: dict[str, int | None] = {}
    for field, candidates in COLUMN_CANDIDATES.items():
        override = getattr(columns, field)
        if override is not None:
            if override.lower() not in lowered:
                raise CsvError(f"--csv-{field} {override!r} is not a column (columns: {', '.join(header)})")
            chosen[field] = lowered[override.lower()]
        else:
            chosen[field] = next((lowered[c] for c in candidates if c in lowered), None)
    if chosen["text"] is None:
        raise CsvError(f"no text column found (columns: {', '.join(header)}); name it with --csv-text")
    return chosen


def _row_document(row, chosen, line, file_id, path, seen) -> Document:
    row = [unify_newlines(cell) for cell in row]
    warnings: list[str] = []
    cells = {}
    for field, index in chosen.items():
        value = row[index] if index is not None and index < len(row) else ""
        value, repaired = decode_fragment(value)
        if repaired:
            warnings.append(f"line {line}: {field} column is not valid UTF-8; stray bytes decoded as cp1252")
        cells[field] = value.strip()
    row_id = cells["id"] or f"row-{line}"
    seen[row_id] = seen.get(row_id, 0) + 1
    if seen[row_id] > 1:
        row_id = f"{row_id}~{seen[row_id]}"  # repeated ids stay distinct documents, nothing is dropped
    return Document(
        id=f"{file_id}#{row_id}",
        path=path,
        format="csv",
        content_hash=hashlib.sha256("\x1f".join(row).encode("utf-8", "surrogateescape")).hexdigest(),
        title=cells["title"] or None,
        published=parse_date(cells["date"]),
        publisher=cells["source"] or None,
        blocks=_row_blocks(cells, line),
        warnings=warnings,
    )


def _row_blocks(cells: dict[str, str], line: int) -> list[Block]:
    blocks = []
    if cells["title"]:
        blocks.append(folded_block("headline", cells["title"], line))
    paragraphs = cells["text"].split("\n")
    offset = 0
    for paragraph in paragraphs:
        block = folded_block("paragraph", paragraph, line + offset)
        if block is not None:
            blocks.append(block)
        offset += 1
    return [block for block in blocks if block is not None]
