"""What the cache keeps for one file: its documents (as references) and their claims."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

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

    def doc_ids(self) -> list[str]:
        return [document.ref.id for document in self.documents]


class ScopedFile:
    """Some of a file's claims (those a check can meet) and its documents, decoded only when
    asked: a check names a few documents, while its buckets may span every file of the corpus."""

    __slots__ = ("claims", "_payload", "_documents")

    def __init__(self, claims: list[Claim], documents_payload: object) -> None:
        self.claims = claims
        self._payload = documents_payload
        self._documents: list[CachedDocument] | None = None

    @property
    def documents(self) -> list[CachedDocument]:
        if self._documents is None:
            self._documents = decode_documents(self._payload) or self._bare_documents()
        return self._documents

    def doc_ids(self) -> list[str]:
        """The documents its claims are in: the only ones a finding can cite."""
        return list(dict.fromkeys(claim.doc for claim in self.claims))

    def _bare_documents(self) -> list[CachedDocument]:
        """Damaged document records: the ids and no more (titles and dates are only shown)."""
        return [CachedDocument(ref=DocumentRef(id=doc, path=doc)) for doc in self.doc_ids()]


_ADAPTER = TypeAdapter(CachedFile)
_DOCUMENTS = TypeAdapter(list[CachedDocument])


def encode_documents(documents: list[CachedDocument]) -> str:
    return _DOCUMENTS.dump_json(list(documents)).decode()


def decode_documents(payload: object) -> list[CachedDocument] | None:
    try:
        return _DOCUMENTS.validate_json(payload) if isinstance(payload, str) else None
    except ValidationError:
        return None


def encode(entry: CachedFile) -> str:
    return entry.model_dump_json()


def decode(payload: str) -> CachedFile:
    """Validated, never trusted: a payload that does not fit the models raises ValueError."""
    return _ADAPTER.validate_json(payload)
