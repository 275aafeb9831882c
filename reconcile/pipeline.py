"""The whole pipeline as functions: documents → claims (optionally in parallel) → reconciliation.

Commands call these rather than looping over stages themselves, so `extract`, `report` and `check`
read documents the same way. Pure: nothing here reads files or prints.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_all_start_methods, get_context
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
    """Every claim of `documents`, in document order. `jobs` > 1 extracts in worker processes.

    Where the system can fork (Linux), workers inherit the rulebook and the documents, so a task is
    a range of document numbers: nothing is compiled again and only claims travel back. Elsewhere
    each worker loads the rulebook once from `rules_dir` and is sent its documents."""
    if jobs <= 1 or len(documents) < _PARALLEL_THRESHOLD:
        return _extract_serially(documents, book, progress)
    ranges = [(start, min(start + _CHUNK, len(documents))) for start in range(0, len(documents), _CHUNK)]
    if _can_fork():
        pool, tasks, work = _forked_pool(jobs, documents, book), ranges, _extract_range
    else:
        pool, tasks, work = _spawned_pool(jobs, rules_dir), [documents[a:b] for a, b in ranges], _extract_in_worker
    claims: list[Claim] = []
    with pool as workers:
        for (start, end), chunk_claims in zip(ranges, workers.map(work, tasks)):
            claims.extend(chunk_claims)
            if progress:
                progress(end - start)
    return claims


def _extract_serially(documents, book, progress) -> list[Claim]:
    claims: list[Claim] = []
    for document in documents:
        claims.extend(extract_document(document, book))
        if progress:
            progress(1)
    return claims


def _can_fork() -> bool:
    # macOS can fork, but system libraries there are not fork-safe; Python defaults to spawn.
    return sys.platform.startswith("linux") and "fork" in get_all_start_methods()


_worker_book: Rulebook | None = None
_worker_documents: Sequence[Document] = ()


@contextmanager
def _forked_pool(jobs: int, documents: Sequence[Document], book: Rulebook) -> Iterator[ProcessPoolExecutor]:
    """A pool whose workers are forked while the module holds this run's rulebook and documents
    (the executor forks every worker at its first task, before it starts its own thread)."""
    global _worker_book, _worker_documents
    _worker_book, _worker_documents = book, documents
    try:
        with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
            yield pool
    finally:
        _worker_book, _worker_documents = None, ()


def _extract_range(bounds: tuple[int, int]) -> list[Claim]:
    start, end = bounds
    return _extract_in_worker(_worker_documents[start:end])


def _spawned_pool(jobs: int, rules_dir) -> ProcessPoolExecutor:
    # Compiled patterns do not pickle cheaply: each spawned worker compiles the rulebook once.
    return ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=_load_worker_rules, initargs=(rules_dir,))


def _load_worker_rules(rules_dir) -> None:
    global _worker_book
    _worker_book = load_rulebook(rules_dir)


def _extract_in_worker(documents: Sequence[Document]) -> list[Claim]:
    assert _worker_book is not None, "worker started without its rulebook"
    return [claim for document in documents for claim in extract_document(document, _worker_book)]
