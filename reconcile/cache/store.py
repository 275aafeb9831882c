"""The claim cache: SQLite next to the corpus (<corpus>/.reconcile/cache.sqlite).

An entry is one file's extraction, keyed by the file's path, its content hash, the rules hash and
the extractor's fingerprint. WAL mode lets readers and a writer work at once; writes go in
IMMEDIATE transactions with a busy timeout, so concurrent runs queue instead of corrupting.
A file that is not our database, has another schema version, or fails SQLite's own check is
replaced by a fresh one: the cache is a speed-up, never a source of truth.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reconcile.cache.entry import CachedFile, decode, encode

SCHEMA_VERSION = 1
# 'RCCH' — marks the file as ours, so a foreign SQLite file at this path is never read as a cache.
APPLICATION_ID = 0x52434348
BUSY_TIMEOUT_SECONDS = 30.0
CACHE_DIR = ".reconcile"
CACHE_NAME = "cache.sqlite"

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    rules_hash TEXT NOT NULL,
    extractor TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (path, content_hash, rules_hash, extractor)
) WITHOUT ROWID;
"""

Key = tuple[str, str]  # (path relative to the corpus root, content hash)


class CacheDamaged(Exception):
    """The file is not a cache this code can trust."""


def cache_path(corpus_root: Path) -> Path:
    return corpus_root / CACHE_DIR / CACHE_NAME


class ClaimCache:
    """Use as a context manager; `notes` says what happened (rebuilt, disabled) for the user."""

    def __init__(self, path: Path, rules_hash: str, extractor: str, *, enabled: bool = True) -> None:
        self.path = path
        self.wanted = enabled
        self.rules_hash = rules_hash
        self.extractor = extractor
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

    def get_many(self, keys: Iterable[Key]) -> dict[Key, CachedFile]:
        found: dict[Key, CachedFile] = {}
        if self._connection is None:
            return found
        try:
            for key in keys:
                entry = self._get(key)
                if entry is not None:
                    found[key] = entry
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not read ({error}); extracting without it")
        return found

    def _get(self, key: Key) -> CachedFile | None:
        row = self._connection.execute(
            "SELECT payload FROM files WHERE path = ? AND content_hash = ? AND rules_hash = ? AND extractor = ?",
            (*key, self.rules_hash, self.extractor),
        ).fetchone()
        if row is None:
            return None
        try:
            return decode(row[0])
        except ValueError:
            return None

    def put_many(self, entries: dict[Key, CachedFile]) -> None:
        """One transaction; each path keeps its latest content per rules hash, for this code only."""
        if self._connection is None or not entries:
            return
        rows = [(*key, self.rules_hash, self.extractor, encode(entry)) for key, entry in entries.items()]
        try:
            with _immediate(self._connection) as connection:
                # Older content under the same rules, and anything the previous code made, is dead.
                connection.executemany(
                    "DELETE FROM files WHERE path = ? AND (extractor != ? OR (content_hash != ? AND rules_hash = ?))",
                    [(path, extractor, content, rules) for path, content, rules, extractor, _ in rows],
                )
                connection.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", rows)
        except sqlite3.DatabaseError as error:
            self._give_up(f"could not write ({error}); results are not cached this time")

    def _give_up(self, why: str) -> None:
        self.notes.append(f"claim cache {self.path}: {why}")
        self.__exit__()

    def _open_trusted(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
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
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if application_id == 0 and _is_empty(connection):
        _initialise(connection)
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID:
        raise CacheDamaged("not a reconcile cache")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    stored = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if version != SCHEMA_VERSION or stored is None or stored[0] != str(SCHEMA_VERSION):
        raise CacheDamaged(f"schema version {version}, expected {SCHEMA_VERSION}")
    result = connection.execute("PRAGMA quick_check").fetchall()
    if result != [("ok",)]:
        raise CacheDamaged(f"failed SQLite's check ({'; '.join(str(r[0]) for r in result[:3])})")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")


def _is_empty(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def _initialise(connection: sqlite3.Connection) -> None:
    with _immediate(connection):
        # Another run may have initialised it between our look and our lock.
        if connection.execute("PRAGMA application_id").fetchone()[0] != 0 or not _is_empty(connection):
            return
        for statement in filter(str.strip, _DDL.split(";")):
            connection.execute(statement)
        connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextlib.contextmanager
def _immediate(connection: sqlite3.Connection):
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
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
    handle, temporary = tempfile.mkstemp(prefix=".cache-", suffix=".sqlite", dir=path.parent)
    os.close(handle)
    os.unlink(temporary)
    fresh = sqlite3.connect(temporary, isolation_level=None)
    try:
        _initialise(fresh)
    finally:
        fresh.close()
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")
    os.replace(temporary, path)
