"""Gold files: hand-made claims (and numbers that must not be claims) for a set of documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class GoldTime(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    window: str | None = None


class GoldClaim(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    doc: str
    published: dt.date | None = None
    quote: str
    figure: str
    kind: str | None = None
    value: float | None = None
    category: str
    subject: str | None = None
    place: str | None = None
    source: str | None = None
    speaker: str | None = None
    time: GoldTime = Field(default_factory=GoldTime)
    tier: str = "core"
    parent: str | None = None


class GoldNegative(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    doc: str
    quote: str
    why: str = ""


class GoldError(ValueError):
    """A gold file that cannot be read, with the line that is wrong."""


def read_jsonl(path: Path, model):
    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise GoldError(f"{path}: cannot read: {error.strerror}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            items.append(model.model_validate(json.loads(line)))
        except (ValueError, TypeError) as error:
            first = str(error).splitlines()[0]
            raise GoldError(f"{path}:{number}: not a valid record: {first}") from None
    return items


def negatives_path(gold: Path) -> Path | None:
    """seeds-claims.jsonl → seeds-not-claims.jsonl beside it, when there is one."""
    name = gold.name
    stem = name[: -len("-claims.jsonl")] if name.endswith("-claims.jsonl") else gold.stem
    candidate = gold.with_name(f"{stem}-not-claims.jsonl")
    return candidate if candidate.is_file() else None
