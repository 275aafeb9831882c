"""The whole pipeline as functions: documents → claims (optionally in parallel) → reconciliation.

Commands call these rather than looping over stages themselves, so `extract`, `report` and `check`
read documents the same way. Pure: nothing here reads files or prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reconcile.extract import extract_document
from reconcile.models.claim import Claim
from reconcile.models.document import Document
from reconcile.rulebook import Rulebook, load_rulebook

# Below this many documents a process pool costs more to start than it saves.
_PARALLEL_THRESHOLD = 64
_CHUNK = 32

Progress = Callable[[int], None]


def extract_claims(
    documents: Sequence[Document],
    book: Rulebook,
    *,
    jobs: int = 1,
    rules_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> list[Claim]:
    """Every claim of `documents`, in document order. `jobs` > 1 extracts in worker processes,
    each loading the rulebook once from `rules_dir` (compiled patterns are not worth shipping)."""
    if jobs <= 1 or len(documents) < _PARALLEL_THRESHOLD:
        return _extract_serially(documents, book, progress)
    chunks = [documents[i : i + _CHUNK] for i in range(0, len(documents), _CHUNK)]
    claims: list[Claim] = []
    with ProcessPoolExecutor(jobs, initializer=_load_worker_rules, initargs=(rules_dir,)) as pool:
        for chunk, chunk_claims in zip(chunks, pool.map(_extract_in_worker, chunks)):
            claims.extend(chunk_claims)
            if progress:
                progress(len(chunk))
    return claims


def _extract_serially(documents, book, progress) -> list[Claim]:
    claims: list[Claim] = []
    for document in documents:
        claims.extend(extract_document(document, book))
        if progress:
            progress(1)
    return claims


_worker_book: Rulebook | None = None


def _load_worker_rules(rules_dir) -> None:
    global _worker_book
    _worker_book = load_rulebook(rules_dir)


def _extract_in_worker(documents: Sequence[Document]) -> list[Claim]:
    assert _worker_book is not None, "worker started without its rulebook"
    return [claim for document in documents for claim in extract_document(document, _worker_book)]
