"""A quantitative claim: what is counted, how many, who says so, where, when, and where it stands.

This is the JSON contract of `reconcile extract --format json` (see DESIGN.md, "A claim").
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from reconcile.models.quantity import Quantity

SourceRole = Literal["party", "government", "un", "humanitarian", "monitor", "media", "other"]
Basis = Literal["flow", "cumulative", "stock"]


class Source(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    role: SourceRole = "other"
    raw: str = ""
    speaker: str | None = None
    attributed: bool = True


class Place(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str | None = None
    raw: str = ""


class TimeFrame(BaseModel):
    model_config = ConfigDict(frozen=True)

    published: date | None = None
    as_of: date | None = None
    start: date | None = None
    end: date | None = None
    window: str | None = None
    basis: Basis = "stock"


class Span(BaseModel):
    model_config = ConfigDict(frozen=True)

    block: int
    start: int
    end: int
    line: int
    column: int = 1
    sentence: str


class Claim(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    doc: str
    rule: str
    category: str
    subject: str
    subject_class: str
    quantity: Quantity
    source: Source
    place: Place
    time: TimeFrame
    parent: str | None = None
    span: Span
