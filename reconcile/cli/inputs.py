"""Reading the user's paths: walk folders, read files, hand bytes to the loaders.

This is the one place that touches article files. A file that cannot become a document is
recorded as a LoadError with its reason, and the run goes on with the rest.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from reconcile.load import CSV_HEAD_BYTES, CsvColumns, LoadFailure, is_csv_corpus, load_bytes
from reconcile.models.document import Document, LoadError

# A news article is kilobytes; anything this large is an export or a mistake, and reading it
# whole would stall the run. CSV corpora (judged by content) hold many articles and are exempt.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
_SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".reconcile", "__pycache__", "node_modules", ".venv"})


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    for field in ("id", "title", "text", "date", "source"):
        parser.add_argument(f"--csv-{field}", metavar="COLUMN", help=f"CSV column holding the {field}")
    parser.add_argument(
        "--max-size",
        type=_positive_bytes,
        default=MAX_ARTICLE_BYTES,
        metavar="BYTES",
        help="largest non-CSV file read as an article (default: 10 MiB)",
    )


def _positive_bytes(value: str) -> int:
    size = int(value)
    if size <= 0:
        raise argparse.ArgumentTypeError("--max-size takes a positive number of bytes")
    return size


def csv_columns(args: argparse.Namespace) -> CsvColumns:
    return CsvColumns(
        id=args.csv_id, title=args.csv_title, text=args.csv_text, date=args.csv_date, source=args.csv_source
    )


def load_inputs(
    paths: list[str], csv: CsvColumns | None = None, max_size: int = MAX_ARTICLE_BYTES
) -> tuple[list[Document], list[LoadError]]:
    documents: list[Document] = []
    errors: list[LoadError] = []
    for given in paths:
        for file, root in iter_files(Path(given), errors):
            try:
                documents.extend(load_file(file, root, csv, max_size))
            except LoadFailure as failure:
                errors.append(LoadError(path=str(file), reason=str(failure)))
    return documents, errors


def iter_files(given: Path, errors: list[LoadError]):
    """(file, corpus root) for every file under `given`; what cannot be walked goes to `errors`."""
    if given.is_dir():
        for directory, subdirs, names in os.walk(given, onerror=lambda e: errors.append(_os_error(e))):
            subdirs[:] = sorted(d for d in subdirs if d not in _SKIPPED_DIRS and not d.startswith("."))
            for name in sorted(names):
                if not name.startswith("."):
                    yield Path(directory) / name, given
    elif given.exists() or given.is_symlink():
        yield given, given.parent
    else:
        errors.append(LoadError(path=str(given), reason="no such file or folder"))


def load_file(file: Path, root: Path, csv: CsvColumns | None, max_size: int) -> list[Document]:
    """The documents in one file, with ids relative to `root`. Raises LoadFailure with the reason."""
    try:
        size = file.stat().st_size
        if size > max_size and not _is_csv_corpus(file, csv):
            raise LoadFailure(
                f"{size / 1048576:.1f} MiB is larger than an article (limit {max_size / 1048576:.0f} MiB; "
                "raise it with --max-size)"
            )
        data = file.read_bytes()
    except OSError as error:
        raise LoadFailure(f"cannot read: {error.strerror or error}") from None
    doc_id = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.name
    return load_bytes(data, doc_id=doc_id, path=str(file), csv=csv)


def _is_csv_corpus(file: Path, csv: CsvColumns | None) -> bool:
    with file.open("rb") as handle:
        return is_csv_corpus(handle.read(CSV_HEAD_BYTES), csv)


def _os_error(error: OSError) -> LoadError:
    return LoadError(path=str(error.filename), reason=f"cannot read: {error.strerror or error}")
