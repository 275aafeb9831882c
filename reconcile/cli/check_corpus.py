"""The corpus as claims, through the claim cache: a file whose bytes, rules and extractor are
unchanged is never loaded or read again; only new or edited files are extracted."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.cache import CachedDocument, CachedFile, ClaimCache
from reconcile.cli.inputs import iter_files, load_file
from reconcile.extract import extract_document
from reconcile.load import CsvColumns, LoadFailure, load_bytes
from reconcile.models.claim import Claim
from reconcile.models.document import Document, LoadError
from reconcile.models.finding import DocumentRef
from reconcile.render.report import document_ref
from reconcile.rulebook import Rulebook


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

    files: dict[str, CachedFile] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)
    extracted: int = 0
    cached: int = 0

    def claims(self, keys: Iterable[str] | None = None) -> list[Claim]:
        chosen = self.files if keys is None else (k for k in keys if k in self.files)
        return [claim for key in chosen for claim in self.files[key].claims]

    def documents(self) -> list[CachedDocument]:
        return [document for entry in self.files.values() for document in entry.documents]


def corpus_files(sources: Iterable[Path], root: Path, errors: list[LoadError]) -> dict[str, CorpusFile]:
    """Every file under the sources (folders walked as `reconcile report` walks them), by key."""
    found: dict[str, CorpusFile] = {}
    for source in sources:
        for file, _ in iter_files(source, errors):
            corpus_file = as_corpus_file(file, root)
            found.setdefault(corpus_file.key, corpus_file)
    return found


def as_corpus_file(file: Path, root: Path) -> CorpusFile:
    absolute = Path(file).absolute()
    try:
        key = absolute.relative_to(root.absolute()).as_posix()
    except ValueError:
        key = f"../{absolute.name}"
    return CorpusFile(path=absolute, key=key)


def extract_corpus(
    files: Iterable[CorpusFile],
    root: Path,
    book: Rulebook,
    cache: ClaimCache,
    csv: CsvColumns | None,
    max_size: int,
) -> Extraction:
    extraction = Extraction()
    pending: dict[tuple[str, str], CorpusFile] = {}
    for corpus_file in files:
        try:
            digest = hashlib.sha256(corpus_file.path.read_bytes()).hexdigest()
        except OSError as error:
            extraction.errors.append(LoadError(path=str(corpus_file.path), reason=f"cannot read: {error.strerror}"))
            continue
        pending[(corpus_file.key, digest)] = corpus_file
    hits = cache.get_many(pending)
    fresh: dict[tuple[str, str], CachedFile] = {}
    for key, corpus_file in pending.items():
        entry = hits.get(key)
        if entry is None:
            entry = _extract_file(corpus_file, root, book, csv, max_size, extraction.errors)
            if entry is None:
                continue
            fresh[key] = entry
        extraction.files[corpus_file.key] = _with_path(entry, corpus_file.path)
    cache.put_many(fresh)
    extraction.extracted, extraction.cached = len(fresh), len(hits)
    return extraction


def _extract_file(corpus_file, root, book, csv, max_size, errors) -> CachedFile | None:
    try:
        documents = load_file(corpus_file.path, root, csv, max_size)
        return extract_documents(documents, book)
    except LoadFailure as failure:
        errors.append(LoadError(path=str(corpus_file.path), reason=str(failure)))
    except Exception as error:  # noqa: BLE001
        # A fault on one article must neither stop the check of the others nor, as an uncaught
        # exception (exit status 1), pass for "findings" in CI. It is reported like a bad input.
        errors.append(LoadError(path=str(corpus_file.path), reason=f"extraction failed: {type(error).__name__}: {error}"))
    return None


def extract_bytes(data: bytes, key: str, shown_path: str, book: Rulebook, csv: CsvColumns | None) -> CachedFile:
    """An old version of a file (from git): never cached, it is read once per check."""
    return extract_documents(load_bytes(data, doc_id=key, path=shown_path, csv=csv), book)


def extract_documents(documents: list[Document], book: Rulebook) -> CachedFile:
    return CachedFile(
        documents=[CachedDocument(ref=document_ref(document), warnings=document.warnings) for document in documents],
        claims=[claim for document in documents for claim in extract_document(document, book)],
    )


def _with_path(entry: CachedFile, path: Path) -> CachedFile:
    """The cache may have been filled from another checkout: paths are this run's."""
    documents = [
        CachedDocument(ref=_ref_at(document.ref, path), warnings=document.warnings) for document in entry.documents
    ]
    return CachedFile.model_construct(documents=documents, claims=entry.claims)


def _ref_at(ref: DocumentRef, path: Path) -> DocumentRef:
    return ref.model_copy(update={"path": str(path)})
