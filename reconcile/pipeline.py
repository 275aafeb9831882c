"""The whole pipeline as functions: documents → claims (optionally in parallel) → reconciliation.

Commands call these rather than looping over stages themselves, so `extract`, `report` and `check`
read documents the same way. Pure: nothing here reads files or prints.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
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
    each = _map_documents(_claims_of, documents, book, jobs, rules_dir, progress)
    return [claim for claims in each for claim in claims]


@dataclass(frozen=True)
class Fault:
    """Why one document's extraction failed (its exception, as text: it crosses processes)."""

    reason: str


def extract_each(
    documents: Sequence[Document], book: Rulebook, *, jobs: int = 1, rules_dir: str | Path | None = None
) -> list[list[Claim] | Fault]:
    """The claims of each document, or the fault that stopped its extraction: for callers that
    must go on past a faulty article (`reconcile check` reports it like an unreadable file)."""
    return _map_documents(_claims_or_fault, documents, book, jobs, rules_dir, None)


def _map_documents(work_one, documents, book, jobs, rules_dir, progress) -> list:
    if jobs <= 1 or len(documents) < _PARALLEL_THRESHOLD:
        return _map_serially(work_one, documents, book, progress)
    ranges = [(start, min(start + _CHUNK, len(documents))) for start in range(0, len(documents), _CHUNK)]
    if _can_fork():
        pool, tasks, work = _forked_pool(jobs, documents, book), ranges, partial(_work_on_range, work_one)
    else:
        tasks = [documents[a:b] for a, b in ranges]
        pool, work = _spawned_pool(jobs, rules_dir), partial(_work_in_worker, work_one)
    results: list = []
    with pool as workers:
        for (start, end), chunk in zip(ranges, workers.map(work, tasks)):
            results.extend(chunk)
            if progress:
                progress(end - start)
    return results


def _map_serially(work_one, documents, book, progress) -> list:
    results = []
    for document in documents:
        results.append(work_one(document, book))
        if progress:
            progress(1)
    return results


def _claims_of(document: Document, book: Rulebook) -> list[Claim]:
    return extract_document(document, book)


def _claims_or_fault(document: Document, book: Rulebook) -> list[Claim] | Fault:
    try:
        return extract_document(document, book)
    except Exception as error:  # noqa: BLE001 - any fault of one article is reported, not raised
        return Fault(f"{type(error).__name__}: {error}")


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


def _work_on_range(work_one, bounds: tuple[int, int]) -> list:
    start, end = bounds
    return _work_in_worker(work_one, _worker_documents[start:end])


def _spawned_pool(jobs: int, rules_dir) -> ProcessPoolExecutor:
    # Compiled patterns do not pickle cheaply: each spawned worker compiles the rulebook once.
    return ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=_load_worker_rules, initargs=(rules_dir,))


def _load_worker_rules(rules_dir) -> None:
    global _worker_book
    _worker_book = load_rulebook(rules_dir)


def _work_in_worker(work_one, documents: Sequence[Document]) -> list:
    assert _worker_book is not None, "worker started without its rulebook"
    return [work_one(document, _worker_book) for document in documents]
