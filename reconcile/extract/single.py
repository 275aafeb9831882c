"""Extraction from a bare piece of text, for `reconcile explain` and the rules' own examples."""

from __future__ import annotations

import datetime as dt
import hashlib

from reconcile.extract.document import extract_document
from reconcile.models.claim import Claim
from reconcile.models.document import Block, Document
from reconcile.rulebook import Rulebook


def text_document(text: str, published: dt.date | None = None, publisher: str | None = None) -> Document:
    """One paragraph holding `text`, as an article of `published` by `publisher`."""
    return Document.model_construct(
        id="<text>", path="<text>", format="text",
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=None, published=published, authors=[], publisher=publisher or "the publisher",
        url=None, dateline=None, blocks=[Block(kind="paragraph", text=text, line=1)], warnings=[],
    )


def extract_text(
    text: str, book: Rulebook, published: dt.date | None = None, publisher: str | None = None
) -> list[Claim]:
    return extract_document(text_document(text, published, publisher), book)
