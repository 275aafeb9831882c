"""Stage 1, load: bytes of a file to Documents, whatever form the article comes in.

`load_bytes` is pure: the CLI reads the file and passes its bytes and its name relative to the
corpus root. The format is judged from the content, not the file's extension.
"""

from __future__ import annotations

import hashlib

from reconcile.load.csvfile import TEXT_COLUMNS, CsvColumns, CsvError, parse_csv
from reconcile.load.decode import decode_text
from reconcile.load.detect import NotAnArticle, detect_format, reject_non_text
from reconcile.load.html import parse_html
from reconcile.load.metadata import Metadata
from reconcile.load.plaintext import parse_plaintext
from reconcile.load.seed import parse_seed
from reconcile.models.document import Block, Document

__all__ = ["CsvColumns", "LoadFailure", "load_bytes"]


class LoadFailure(ValueError):
    """The input cannot become a document; the message says why, for the user."""


def load_bytes(data: bytes, *, doc_id: str, path: str, csv: CsvColumns | None = None) -> list[Document]:
    """Every document in one file's bytes (a CSV corpus holds many, an article one)."""
    try:
        reject_non_text(data)
    except NotAnArticle as error:
        raise LoadFailure(str(error)) from None
    text, warning = _decode(data, csv_hint=data[:4096])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kind = detect_format(text, TEXT_COLUMNS | _override_columns(csv))
    if kind == "csv":
        try:
            return parse_csv(text, file_id=doc_id, path=path, columns=csv or CsvColumns())
        except CsvError as error:
            raise LoadFailure(f"CSV: {error}") from None
    metadata, blocks = _parse_article(kind, text)
    if not blocks:
        raise LoadFailure(f"no article text found (read as {kind})")
    return [_document(doc_id, path, kind, data, metadata, blocks, warning)]


def _decode(data: bytes, csv_hint: bytes) -> tuple[str, str | None]:
    # CSV rows are repaired one by one (each row's document gets its own warning), so the
    # file itself is read with surrogateescape; anything else is decoded as a whole.
    text, warning = decode_text(data)
    if warning and b"," in csv_hint.split(b"\n", 1)[0]:
        candidate = data.decode("utf-8", "surrogateescape")
        if detect_format(candidate[:20000], TEXT_COLUMNS) == "csv":
            return candidate, None
    return text, warning


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
