"""The pydantic models that flow through the pipeline: Document → Sentence → Claim → Finding."""

from reconcile.models.claim import Claim, Place, Source, Span, TimeFrame
from reconcile.models.document import Block, Document, LoadError, SourceAnchor
from reconcile.models.quantity import Quantity
from reconcile.models.sentence import Sentence

__all__ = [
    "Block",
    "Claim",
    "Document",
    "LoadError",
    "Place",
    "Quantity",
    "Sentence",
    "Source",
    "SourceAnchor",
    "Span",
    "TimeFrame",
]
