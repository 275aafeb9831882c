"""The claim cache: SQLite next to the corpus (<corpus>/.reconcile/cache.sqlite).

An entry is one file's extraction, keyed by the file's path, its content hash, the rules hash and
the extractor's fingerprint. Beside the hash it keeps the file's stat fingerprint (size, mtime,
inode, ctime, as git's index does), so an unchanged file is not even read, and each claim's
reconciler bucket, so a check loads only the claims its new documents can meet. Claims are stored
as their fields that vary per document (id, document, parent) plus a shared body: a figure quoted
word for word in many files (wire copies, replicated test corpora) is stored and validated once.

WAL mode lets readers and a writer work at once; writes go in IMMEDIATE transactions with a busy
timeout, so concurrent runs queue instead of corrupting. A new cache file is built whole under a
temporary name and linked into place, so no run ever sees half a schema. A file that is not our
database, has another schema version or is cut short is replaced by a fresh one; damage found
while reading (SQLite's own page checks, payloads validated against the models) drops the cache
for the run and rebuilds it. The cache is a speed-up, never a source of truth.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reconcile.cache.buckets import Label, bucketing_fingerprint, file_labels
from reconcile.cache.entry import CachedFile, ScopedFile, decode_documents, encode_documents
from reconcile.cache.rows import ClaimRows, Key, Stat, encode_claims
from reconcile.group.places import PlaceHierarchy

SCHEMA_VERSION = 2
# 'RCCH' — marks the file as ours, so a foreign SQLite file at this path is never read as a cache.
APPLICATION_ID = 0x52434348
BUSY_TIMEOUT_SECONDS = 30.0
CACHE_DIR = ".reconcile"
CACHE_NAME = "cache.sqlite"
_TABLES = {"meta", "files", "bodies", "claims"}

_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    rules_hash TEXT NOT NULL,
    extractor TEXT NOT NULL,
    bucketing TEXT NOT NULL,
    documents TEXT NOT NULL,
    size INTEGER, mtime_ns INTEGER, inode INTEGER, ctime_ns INTEGER,
    UNIQUE (path, content_hash, rules_hash, extractor)
);
CREATE INDEX files_by_code ON files (rules_hash, extractor);
CREATE TABLE bodies (id INTEGER PRIMARY KEY, digest TEXT NOT NULL UNIQUE, payload TEXT NOT NULL);
CREATE TABLE claims (
    file INTEGER NOT NULL,
    position INTEGER NOT NULL,
    claim TEXT NOT NULL,
    doc TEXT NOT NULL,
    parent TEXT,
    bucket TEXT NOT NULL,
    parent_bucket TEXT,
    body INTEGER NOT NULL,
    PRIMARY KEY (file, position)
) WITHOUT ROWID;
CREATE INDEX claims_by_bucket ON claims (bucket, file)
"""


class CacheDamaged(Exception):
    """The file is not a cache this code can trust."""


def cache_path(corpus_root: Path) -> Path:
    return corpus_root / CACHE_DIR / CACHE_NAME


class ClaimCache:
    """Use as a context manager; `notes` says what happened (rebuilt, disabled) for the user.

    `places` is the rulebook's place nesting, which buckets depend on (the rules hash covers it).
    """

    def __init__(
        self, path: Path, rules_hash: str, extractor: str, *, enabled: bool = True, places: PlaceHierarchy | None = None
    ) -> None:
        self.path = path
        self.wanted = enabled
        self.rules_hash = rules_hash
        self.extractor = extractor
        self.places = places or PlaceHierarchy()
        self.notes: list[str] = []
        self._connection: sqlite3.Connection | None = None

    def __enter__(self) -> ClaimCache:
        self._connection = self._open_trusted() if self.wanted else None
        return self

    def __exit__(self, *exc) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @property
    def enabled(self) -> bool:
        return self._connection is not None

    def index(self) -> dict[str, dict[str, Stat | None]]:
        """path -> {content hash: stat fingerprint (None: not trusted)} of every entry for these
        rules and this code: enough to tell, without reading a file, whether it is cached."""
        found: dict[str, dict[str, Stat | None]] = {}
        if self._connection is None:
            return found
        try:
            rows = self._connection.execute(
                "SELECT path, content_hash, size, mtime_ns, inode, ctime_ns FROM files"
                " WHERE rules_hash = ? AND extractor = ?",
                (self.rules_hash, self.extractor),
            ).fetchall()
        except sqlite3.DatabaseError as error:
            self._read_failed(error)
            return found
        for path, content, *stat in rows:
            found.setdefault(path, {})[content] = tuple(stat) if None not in stat else None
        return found

    def get_many(self, keys: Iterable[Key]) -> dict[Key, CachedFile]:
        """Whole entries (every claim); a damaged entry is a miss."""
        found: dict[Key, CachedFile] = {}
        if self._connection is None:
            return found
        try:
            # One snapshot: another run's put_many may delete (and reuse) a file's id between
            # reading its row and reading its claims.
            with _read(self._connection) as connection:
                rows = ClaimRows(connection)
                for key in keys:
                    entry = self._get(rows, key)
                    if entry is not None:
                        found[key] = entry
        except sqlite3.DatabaseError as error:
            self._read_failed(error)
        return found

    def _get(self, rows: ClaimRows, key: Key) -> CachedFile | None:
        row = self._connection.execute(
            "SELECT id, documents FROM files WHERE path = ? AND content_hash = ? AND rules_hash = ? AND extractor = ?",
            (*key, self.rules_hash, self.extractor),
        ).fetchone()
        if row is None:
            return None
        claims = rows.of_file(row[0])
        documents = decode_documents(row[1])
        if claims is None or documents is None:
            return None
        return CachedFile.model_construct(documents=documents, claims=claims)

    def in_buckets(self, keys: Iterable[Key], labels: set[Label], closure) -> tuple[dict[Key, ScopedFile], set[Key]]:
        """The claims of the files `keys` that fall in the buckets `labels`, plus whole buckets of
        their parent claims (`closure(parent labels)` gives the labels to add), with the files'
        documents; and the keys whose stored claims turned out damaged (to extract again)."""
        if self._connection is None:
            return {}, set(keys)
        wanted_files = set(keys)
        try:
            self._relabel_stale()
            with _read(self._connection) as connection:
                return ClaimRows(connection).in_buckets(self.rules_hash, self.extractor, wanted_files, labels, closure)
        except sqlite3.DatabaseError as error:
            self._read_failed(error)
            return {}, wanted_files

    def put_many(self, entries: dict[Key, CachedFile], stats: dict[Key, Stat | None] | None = None) -> None:
        """One transaction; each path keeps its latest content per rules hash, for this code only."""
        if self._connection is None or not entries:
            return
        stats = stats or {}
        try:
            with _immediate(self._connection) as connection:
                for key, entry in entries.items():
                    self._put(connection, key, entry, stats.get(key))
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not write ({error}); results are not cached this time")

    def _put(self, connection: sqlite3.Connection, key: Key, entry: CachedFile, stat: Stat | None) -> None:
        path, content = key
        # Older content under the same rules, and anything the previous code made, is dead.
        dead = connection.execute(
            "SELECT id FROM files WHERE path = ? AND (extractor != ? OR rules_hash = ?)",
            (path, self.extractor, self.rules_hash),
        ).fetchall()
        freed: set[int] = set()
        for (file_id,) in dead:
            freed.update(body for (body,) in connection.execute("SELECT body FROM claims WHERE file = ?", (file_id,)))
            connection.execute("DELETE FROM claims WHERE file = ?", (file_id,))
            connection.execute("DELETE FROM files WHERE id = ?", (file_id,))
        file_id = connection.execute(
            "INSERT INTO files (path, content_hash, rules_hash, extractor, bucketing, documents,"
            " size, mtime_ns, inode, ctime_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (path, content, self.rules_hash, self.extractor, bucketing_fingerprint(),
             encode_documents(entry.documents), *(stat or (None,) * 4)),
        ).lastrowid
        labels = file_labels(entry.claims, self.places)
        ClaimRows(connection).insert(file_id, encode_claims(entry.claims), labels)
        _drop_unused_bodies(connection, freed)

    def record_stats(self, stats: dict[Key, Stat | None]) -> None:
        """New stat fingerprints for files whose bytes were read and found unchanged."""
        if self._connection is None or not stats:
            return
        rows = [(*(stat or (None,) * 4), path, content, self.rules_hash, self.extractor)
                for (path, content), stat in stats.items()]
        try:
            with _immediate(self._connection) as connection:
                connection.executemany(
                    "UPDATE files SET size = ?, mtime_ns = ?, inode = ?, ctime_ns = ?"
                    " WHERE path = ? AND content_hash = ? AND rules_hash = ? AND extractor = ?",
                    rows,
                )
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not write ({error}); results are not cached this time")

    def _relabel_stale(self) -> None:
        """Buckets worked out by older grouping code are worked out again (once, then stored)."""
        current = bucketing_fingerprint()
        stale = self._connection.execute(
            "SELECT id FROM files WHERE rules_hash = ? AND extractor = ? AND bucketing != ?",
            (self.rules_hash, self.extractor, current),
        ).fetchall()
        if not stale:
            return
        with _immediate(self._connection) as connection:
            rows = ClaimRows(connection)
            for (file_id,) in stale:
                claims = rows.of_file(file_id)
                if claims is None:
                    continue  # damaged: in_buckets reports it, and it is extracted again
                rows.relabel(file_id, file_labels(claims, self.places))
                connection.execute("UPDATE files SET bucketing = ? WHERE id = ?", (current, file_id))

    def _read_failed(self, error: sqlite3.DatabaseError) -> None:
        if isinstance(error, sqlite3.OperationalError) and _is_busy(error):
            # Another run held the lock past the timeout: nothing is wrong with the file.
            self._give_up(f"busy ({error}); extracting without it")
        else:
            self._damaged(f"could not read ({error})")

    def _damaged(self, why: str) -> None:
        """Damage found while reading: replaced by an empty cache, which this run then fills."""
        self.__exit__()
        try:
            _replace_with_fresh(self.path)
            self._connection = _open(self.path)
        except (OSError, sqlite3.Error, CacheDamaged) as error:
            self.notes.append(f"claim cache {self.path}: {why}; unusable ({error}); extracting without it")
            return
        self.notes.append(f"claim cache {self.path}: {why}; rebuilt")

    def _give_up(self, why: str) -> None:
        self.notes.append(f"claim cache {self.path}: {why}")
        self.__exit__()

    def _open_trusted(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():
                _create(self.path)
            try:
                return _open(self.path)
            except CacheDamaged as damage:
                self.notes.append(f"claim cache {self.path}: {damage}; rebuilt")
                _replace_with_fresh(self.path)
                return _open(self.path)
        except (OSError, sqlite3.Error, CacheDamaged) as error:
            self.notes.append(f"claim cache {self.path}: unusable ({error}); extracting without it")
            return None


def _open(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        _check(connection)
    except sqlite3.OperationalError as error:
        connection.close()
        if _is_busy(error):
            raise
        raise CacheDamaged(f"not readable ({error})") from None
    except sqlite3.DatabaseError as error:
        connection.close()
        raise CacheDamaged(f"not a usable database ({error})") from None
    except CacheDamaged:
        connection.close()
        raise
    return connection


def _check(connection: sqlite3.Connection) -> None:
    """Cheap checks only: ours and this schema. A full integrity check reads the whole file (seconds
    at 50,000 files, on every run); damage shows instead when its pages are read (_damaged)."""
    with _read(connection):
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if application_id == 0 and _is_empty(connection):
            raise CacheDamaged("empty")  # a file made by something else than _create
        if application_id != APPLICATION_ID:
            raise CacheDamaged("not a reconcile cache")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        stored = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if "meta" in tables else None
        if version != SCHEMA_VERSION or stored is None or stored[0] != str(SCHEMA_VERSION) or tables != _TABLES:
            raise CacheDamaged(f"schema version {version}, expected {SCHEMA_VERSION}")


def _is_empty(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def _create(path: Path) -> None:
    """A complete, empty cache at `path`, unless another run made one first: built under a
    temporary name and hard-linked into place (linking never replaces an existing file)."""
    temporary = _fresh_file(path.parent)
    try:
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


def _fresh_file(folder: Path) -> str:
    handle, temporary = tempfile.mkstemp(prefix=".cache-", suffix=".sqlite", dir=folder)
    os.close(handle)
    os.unlink(temporary)
    fresh = sqlite3.connect(temporary, isolation_level=None)
    try:
        fresh.execute("PRAGMA journal_mode=WAL")
        with _immediate(fresh):
            for statement in filter(str.strip, _DDL.split(";")):
                fresh.execute(statement)
            fresh.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            fresh.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            fresh.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        fresh.close()
    return temporary


def _drop_unused_bodies(connection: sqlite3.Connection, candidates: set[int]) -> None:
    """Bodies only the replaced versions used: without this, every edit of a file would leave its
    old claims' bodies behind and a long-lived cache would only grow."""
    ordered = sorted(candidates)
    for start in range(0, len(ordered), 500):  # SQLite allows 999 parameters a statement
        chunk = ordered[start : start + 500]
        connection.execute(
            f"DELETE FROM bodies WHERE id IN ({', '.join('?' * len(chunk))})"
            " AND id NOT IN (SELECT body FROM claims)",
            chunk,
        )


def _read(connection: sqlite3.Connection):
    """One snapshot for several reads: another run's commit cannot fall between them."""
    return _transaction(connection, "BEGIN")


def _immediate(connection: sqlite3.Connection):
    """A write that takes the lock at once, so two writers never both read then both write."""
    return _transaction(connection, "BEGIN IMMEDIATE")


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection, begin: str):
    connection.execute(begin)
    try:
        yield connection
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _replace_with_fresh(path: Path) -> None:
    """Build an empty cache beside the damaged one and swap it in by rename.

    The old journal files go first: a stale -wal next to a new database would be replayed into it.
    A run still holding the old file keeps its own (now unlinked) copy and cannot harm the new one.
    """
    temporary = _fresh_file(path.parent)
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")
    os.replace(temporary, path)
