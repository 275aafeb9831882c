"""Stage 1, load: bytes of a file to Documents, whatever form the article comes in.

`load_bytes` is pure: the CLI reads the file and passes its bytes and its name relative to the
corpus root. The format is judged from the content, not the file's extension.
"""

from __future__ import annotations

import codecs
import hashlib
import io
from collections.abc import Iterable

from reconcile.load.csvfile import TEXT_COLUMNS, CsvColumns, CsvError, parse_csv
from reconcile.load.decode import decode_text, unify_newlines
from reconcile.load.detect import NotAnArticle, detect_format, reject_non_text
from reconcile.load.html import parse_html
from reconcile.load.metadata import Metadata
from reconcile.load.plaintext import parse_plaintext
from reconcile.load.seed import parse_seed
from reconcile.models.document import Block, Document

__all__ = ["CSV_HEAD_BYTES", "CsvColumns", "LoadFailure", "is_csv_corpus", "load_bytes"]

# Enough of a file to tell a CSV corpus by its header and first rows (detect_format reads 20,000
# characters).
CSV_HEAD_BYTES = 80_000


class LoadFailure(ValueError):
    """The input cannot become a document; the message says why, for the user."""


def load_bytes(data: bytes, *, doc_id: str, path: str, csv: CsvColumns | None = None) -> list[Document]:
    """Every document in one file's bytes (a CSV corpus holds many, an article one)."""
    try:
        reject_non_text(data)
    except NotAnArticle as error:
        raise LoadFailure(str(error)) from None
    if is_csv_corpus(data[:CSV_HEAD_BYTES], csv):
        return _csv_documents(_streamed_lines(data), doc_id, path, csv)
    text, warning = decode_text(data)
    text = unify_newlines(text)
    kind = detect_format(text, TEXT_COLUMNS | _override_columns(csv))
    if kind == "csv":  # a UTF-16 one
        return _csv_documents(io.StringIO(text, newline=""), doc_id, path, csv)
    metadata, blocks = _parse_article(kind, text)
    if not blocks:
        raise LoadFailure(f"no article text found (read as {kind})")
    return [_document(doc_id, path, kind, data, metadata, blocks, warning)]


def is_csv_corpus(head: bytes, csv: CsvColumns | None = None) -> bool:
    """Whether a file that starts with `head` (its first CSV_HEAD_BYTES) is a UTF-8 CSV corpus."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    text = head.decode("utf-8-sig", "surrogateescape")
    return detect_format(unify_newlines(text), TEXT_COLUMNS | _override_columns(csv)) == "csv"


def _streamed_lines(data: bytes) -> io.TextIOWrapper:
    """A CSV corpus can be hundreds of megabytes: its rows are decoded as they are parsed, never
    the whole file at once (one stray byte would make all of it two bytes a character). Stray
    bytes stay escaped here and are repaired cell by cell, each row's document with its warning."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", errors="surrogateescape", newline="")


def _csv_documents(lines: Iterable[str], doc_id: str, path: str, csv: CsvColumns | None) -> list[Document]:
    try:
        return parse_csv(lines, file_id=doc_id, path=path, columns=csv or CsvColumns())
    except CsvError as error:
        raise LoadFailure(f"CSV: {error}") from None


def _override_columns(csv: CsvColumns | None) -> frozenset[str]:
    return frozenset({csv.text.lower()}) if csv and csv.text else frozenset()


def _parse_article(kind: str, text: str) -> tuple[Metadata, list[Block]]:
    if kind == "seed":
        return parse_seed(text)
    if kind == "html":
        return parse_html(text)
    return parse_plaintext(text, markdown=kind == "markdown")


def _document(doc_id, path, kind, data, metadata: Metadata, blocks, warning) -> Document:
    return Document(
        id=doc_id,
        path=path,
        format=kind,
        content_hash=hashlib.sha256(data).hexdigest(),
        title=metadata.title,
        published=metadata.published,
        authors=metadata.authors,
        publisher=metadata.publisher,
        url=metadata.url,
        dateline=metadata.dateline,
        blocks=blocks,
        warnings=[warning] if warning else [],
    )
