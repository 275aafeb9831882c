"""The corpus as claims, through the claim cache: a file whose bytes, rules and extractor are
unchanged is never loaded again (nor read, while its stat fingerprint holds); only new or edited
files are extracted; a check loads only the cached claims its checked files can meet."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.cache import CachedDocument, CachedFile, ClaimCache, Key, ScopedFile, Stat, real_key, wanted_labels
from reconcile.cli.inputs import iter_files, load_file
from reconcile.compare.reconciler import bucket_claims
from reconcile.extract import extract_document
from reconcile.group.places import PlaceHierarchy
from reconcile.load import CsvColumns, LoadFailure, load_bytes
from reconcile.models.claim import Claim
from reconcile.models.document import Document, LoadError
from reconcile.models.finding import DocumentRef
from reconcile.pipeline import Fault, extract_each
from reconcile.render.report import document_ref
from reconcile.rulebook import Rulebook

# How recently changed a file must not be for its stat fingerprint to be trusted (see _trusted).
RACY_NANOSECONDS = 2_000_000_000


@dataclass
class CorpusFile:
    path: Path
    key: str  # the path relative to the corpus root: the document id of an article

    @property
    def is_inside(self) -> bool:
        return not self.key.startswith("../")


@dataclass
class Extraction:
    """Claims of a set of files, with what the user needs to hear about them."""

    files: dict[str, CachedFile | ScopedFile] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)
    extracted: int = 0
    cached: int = 0
    paths: dict[str, Path] = field(default_factory=dict)  # where each file is in this run

    def claims(self, keys: Iterable[str] | None = None) -> list[Claim]:
        chosen = self.files if keys is None else (k for k in keys if k in self.files)
        return [claim for key in chosen for claim in self.files[key].claims]

    def documents(self, ids: Collection[str] | None = None) -> list[CachedDocument]:
        """The documents (all, or those with these ids), with this run's paths: the cache may
        have been filled from another checkout."""
        return [
            CachedDocument(ref=_ref_at(document.ref, self.paths[key]), warnings=document.warnings)
            for key, entry in self.files.items()
            if ids is None or not ids.isdisjoint(entry.doc_ids())
            for document in entry.documents
            if ids is None or document.ref.id in ids
        ]

    def doc_files(self) -> dict[str, Path]:
        """Document id -> file, for the documents a finding can cite."""
        return {doc: self.paths[key] for key, entry in self.files.items() for doc in entry.doc_ids()}


def corpus_files(sources: Iterable[Path], root: Path, errors: list[LoadError]) -> dict[str, CorpusFile]:
    """Every file under the sources (folders walked as `reconcile report` walks them), by key."""
    found: dict[str, CorpusFile] = {}
    inside = str(root.absolute()).rstrip(os.sep) + os.sep
    for source in sources:
        for file, _ in iter_files(source, errors):
            corpus_file = _corpus_file(file, inside)
            found.setdefault(corpus_file.key, corpus_file)
    return found


def as_corpus_file(file: Path, root: Path) -> CorpusFile:
    return _corpus_file(Path(file), str(root.absolute()).rstrip(os.sep) + os.sep)


def _corpus_file(file: Path, inside: str) -> CorpusFile:
    """As Path.relative_to would say, on strings: both paths are absolute and normalised by
    pathlib, so a prefix test is the same test, and 50,000 files cost milliseconds, not a second."""
    absolute = file if file.is_absolute() else file.absolute()
    text = str(absolute)
    if text.startswith(inside):
        key = text[len(inside) :].replace(os.sep, "/")
    else:
        key = f"../{absolute.name}"
    return CorpusFile(path=absolute, key=key)


def extract_corpus(
    files: Iterable[CorpusFile],
    root: Path,
    book: Rulebook,
    cache: ClaimCache,
    csv: CsvColumns | None,
    max_size: int,
    scope: Scope | None = None,
    jobs: int = 1,
) -> Extraction:
    """Claims of the corpus: new and edited files extracted (and cached), the others from the cache.

    Without a scope every file's claims are loaded. With one, only the checked files are loaded
    whole; of the others, only the claims in the buckets the checked files' claims fall into
    (closed over parent claims), which is all a check can need (reconcile/check/scope.py).
    Files and claims keep the corpus's order, so the reconciler sees what a whole run would.
    """
    extraction = Extraction()
    survey = survey_files(files, cache, extraction.errors)
    cache.record_stats(survey.restamped)
    extract = _Extractor(root, book, csv, max_size, extraction, cache, survey, jobs)
    extract.files(survey.misses)
    missed = set(survey.misses)
    hits = [key for key in survey.digests if key not in missed]
    extract.from_cache(hits if scope is None else [key for key in hits if key in scope.checked])
    if scope is not None:
        touched = scope.labels([extraction.files[key].claims for key in scope.checked if key in extraction.files])
        others = {(key, survey.digests[key]) for key in hits if key not in scope.checked}
        partial, damaged = cache.in_buckets(others, touched, scope.closure)
        extraction.files.update({key: entry for (key, _), entry in partial.items()})
        extract.files([key for key, _ in damaged])
    extraction.cached = sum(1 for key in hits if key not in extract.redone)
    extraction.files = {key: extraction.files[key] for key in survey.files if key in extraction.files}
    extraction.paths = {key: survey.files[key].path for key in extraction.files}
    return extraction


@dataclass
class Scope:
    """What a check needs from the corpus: the checked files, and how buckets are keyed."""

    checked: Collection[str]
    places: PlaceHierarchy
    default_whole: str

    def labels(self, claims_by_file: Iterable[Sequence[Claim]]) -> set[str]:
        keys = {key for claims in claims_by_file for key in bucket_claims(claims, self.places, self.default_whole)}
        return wanted_labels(keys, self.default_whole)

    def closure(self, stored: set[str]) -> set[str]:
        return wanted_labels({real_key(label, self.default_whole) for label in stored}, self.default_whole)


@dataclass
class Survey:
    """Each readable file's content hash, learnt from its stat fingerprint or by hashing it."""

    files: dict[str, CorpusFile] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    stats: dict[str, Stat | None] = field(default_factory=dict)  # None: too fresh to be trusted
    restamped: dict[Key, Stat | None] = field(default_factory=dict)  # cached, with a new fingerprint
    misses: list[str] = field(default_factory=list)


def survey_files(files: Iterable[CorpusFile], cache: ClaimCache, errors: list[LoadError]) -> Survey:
    """An unchanged stat fingerprint means unchanged bytes (git's index makes the same bet); a
    changed one sends the file to be hashed, so a touched but identical file is still a hit."""
    survey = Survey()
    index = cache.index()
    for corpus_file in files:
        key = corpus_file.key
        try:
            stat = _stat(corpus_file.path)
            known = index.get(key, {})
            digest = next((content for content, seen in known.items() if seen == stat), None)
            if digest is None:
                digest = hashlib.sha256(corpus_file.path.read_bytes()).hexdigest()
                _note_hashed(survey, key, digest, _trusted(stat), known)
        except OSError as error:
            errors.append(LoadError(path=str(corpus_file.path), reason=f"cannot read: {error.strerror}"))
            continue
        survey.files[key] = corpus_file
        survey.digests[key] = digest
        survey.stats[key] = _trusted(stat)
    return survey


def _note_hashed(survey: Survey, key: str, digest: str, stat: Stat | None, known: dict) -> None:
    if digest not in known:
        survey.misses.append(key)
    elif stat is not None:
        survey.restamped[(key, digest)] = stat


def _stat(path: Path) -> Stat:
    found = os.stat(path)
    return found.st_size, found.st_mtime_ns, found.st_ino, found.st_ctime_ns


def _trusted(stat: Stat) -> Stat | None:
    """A file changed within the last moments may change again within the same clock tick, with
    the same size: its fingerprint would then lie. It is hashed again next time instead."""
    _, mtime, _, ctime = stat
    return None if time.time_ns() - max(mtime, ctime) < RACY_NANOSECONDS else stat


# Files extracted (and cached) at a time: enough documents for every worker of --jobs to be busy.
_BATCH_FILES = 512


class _Extractor:
    """Extracts what the cache cannot serve, records the errors, and caches the results."""

    def __init__(self, root, book, csv, max_size, extraction: Extraction, cache: ClaimCache, survey: Survey, jobs: int) -> None:
        self.root, self.book, self.csv, self.max_size, self.jobs = root, book, csv, max_size, jobs
        self.extraction = extraction
        self.cache = cache
        self.survey = survey
        self.redone: set[str] = set()

    def files(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        self.redone.update(keys)
        # In batches: a cold corpus of 50,000 articles must not be held in memory as documents.
        for start in range(0, len(keys), _BATCH_FILES):
            fresh = self._extract_batch(keys[start : start + _BATCH_FILES])
            self.cache.put_many(fresh, {pair: self.survey.stats[pair[0]] for pair in fresh})
            self.extraction.extracted += len(fresh)

    def _extract_batch(self, keys: list[str]) -> dict[Key, CachedFile]:
        loaded = {key: documents for key in keys if (documents := self._load(key)) is not None}
        each = extract_each([d for documents in loaded.values() for d in documents], self.book, jobs=self.jobs)
        fresh: dict[Key, CachedFile] = {}
        position = 0
        for key, documents in loaded.items():
            results, position = each[position : position + len(documents)], position + len(documents)
            fault = next((result for result in results if isinstance(result, Fault)), None)
            if fault is not None:
                self._fail(key, f"extraction failed: {fault.reason}")
                continue
            entry = cached_file(documents, [claim for claims in results for claim in claims])
            fresh[(key, self.survey.digests[key])] = self.extraction.files[key] = entry
        return fresh

    def _load(self, key: str) -> list[Document] | None:
        corpus_file = self.survey.files[key]
        try:
            return load_file(corpus_file.path, self.root, self.csv, self.max_size)
        except LoadFailure as failure:
            self._fail(key, str(failure))
        except Exception as error:  # noqa: BLE001
            # A fault on one article must neither stop the check of the others nor, as an uncaught
            # exception (exit status 1), pass for "findings" in CI. It is reported like a bad input.
            self._fail(key, f"extraction failed: {type(error).__name__}: {error}")
        return None

    def _fail(self, key: str, reason: str) -> None:
        self.extraction.errors.append(LoadError(path=str(self.survey.files[key].path), reason=reason))

    def from_cache(self, keys: list[str]) -> None:
        pairs = [(key, self.survey.digests[key]) for key in keys]
        found = self.cache.get_many(pairs)
        self.extraction.files.update({key: entry for (key, _), entry in found.items()})
        # Gone or damaged since the survey (another run, a broken entry): extracted again.
        self.files([key for key, digest in pairs if (key, digest) not in found])


def extract_bytes(data: bytes, key: str, shown_path: str, book: Rulebook, csv: CsvColumns | None) -> CachedFile:
    """An old version of a file (from git): never cached, it is read once per check."""
    return extract_documents(load_bytes(data, doc_id=key, path=shown_path, csv=csv), book)


def extract_documents(documents: list[Document], book: Rulebook) -> CachedFile:
    return cached_file(documents, [claim for document in documents for claim in extract_document(document, book)])


def cached_file(documents: list[Document], claims: list[Claim]) -> CachedFile:
    return CachedFile(
        documents=[CachedDocument(ref=document_ref(document), warnings=document.warnings) for document in documents],
        claims=claims,
    )


def _ref_at(ref: DocumentRef, path: Path) -> DocumentRef:
    return ref.model_copy(update={"path": str(path)})
