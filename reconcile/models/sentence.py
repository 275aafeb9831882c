"""A sentence of a block, with offsets into the block's text."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Sentence(BaseModel):
    model_config = ConfigDict(frozen=True)

    doc: str
    block: int
    index: int
    start: int
    end: int
    text: str
    line: int
