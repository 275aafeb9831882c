"""Stage 3, extract: the quantitative claims of a document, with source, place and time."""

from reconcile.extract.document import extract_document, extract_sentences
from reconcile.extract.single import extract_text

__all__ = ["extract_document", "extract_sentences", "extract_text"]
