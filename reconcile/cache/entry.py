"""What the cache keeps for one file: its documents (as references) and their claims."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, TypeAdapter

from reconcile.models.claim import Claim
from reconcile.models.finding import DocumentRef


class CachedDocument(BaseModel):
    model_config = ConfigDict(frozen=True)

    ref: DocumentRef
    warnings: list[str] = []


class CachedFile(BaseModel):
    """Everything extraction made of one file, so an unchanged file is never loaded again."""

    model_config = ConfigDict(frozen=True)

    documents: list[CachedDocument]
    claims: list[Claim]


_ADAPTER = TypeAdapter(CachedFile)


def encode(entry: CachedFile) -> str:
    return entry.model_dump_json()


def decode(payload: str) -> CachedFile:
    """Validated, never trusted: a payload that does not fit the models raises ValueError."""
    return _ADAPTER.validate_json(payload)
