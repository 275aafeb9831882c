"""A loaded article: metadata plus ordered body blocks that remember where they came from."""

from __future__ import annotations

import bisect
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BlockKind = Literal["headline", "heading", "paragraph", "caption"]
DocumentFormat = Literal["seed", "html", "text", "markdown", "csv"]


class SourceAnchor(BaseModel):
    """From `offset` in the block text on, characters were copied verbatim from `line`:`column`.

    A block's text is cleaned (whitespace folded, Markdown links reduced to their words), so a
    character's source position is found from the last anchor at or before it.
    """

    model_config = ConfigDict(frozen=True)

    offset: int
    line: int
    column: int


class Block(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: BlockKind
    text: str
    line: int = Field(description="1-based line in the source file where the text starts")
    anchors: list[SourceAnchor] = Field(default_factory=list)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) in the source file of the character at `offset`."""
        if not self.anchors:
            return self.line, 1
        offsets = [anchor.offset for anchor in self.anchors]
        index = max(bisect.bisect_right(offsets, offset) - 1, 0)
        anchor = self.anchors[index]
        return anchor.line, anchor.column + max(offset - anchor.offset, 0)

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]


class Document(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(description="path relative to the corpus root; file.csv#row-id for CSV rows")
    path: str
    format: DocumentFormat
    content_hash: str = Field(description="sha256 of the document's own bytes or row")
    title: str | None = None
    published: date | None = None
    authors: list[str] = Field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    dateline: str | None = None
    blocks: list[Block] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class LoadError(BaseModel):
    """An input that could not become a document, and why, in words a user can act on."""

    model_config = ConfigDict(frozen=True)

    path: str
    reason: str
