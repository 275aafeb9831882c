"""Claims as cache rows: the fields that vary per document (id, document, parent) in the row, the
rest in a shared body stored once by digest. Everything read back is validated: a body against
the Claim model (once per distinct body), the per-row fields by type."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence

from pydantic import ValidationError

from reconcile.cache.buckets import Label
from reconcile.cache.entry import CachedFile, ScopedFile, decode_documents, encode_documents
from reconcile.models.claim import Claim, trusted_claim

Key = tuple[str, str]  # (path relative to the corpus root, content hash)
Stat = tuple[int, int, int, int]  # (size, mtime_ns, inode, ctime_ns)
EncodedClaim = tuple[str, str, str | None, str, str]  # (id, doc, parent, body digest, body)

_PER_ROW = frozenset({"id", "doc", "parent"})
_SQL_LIMIT = 500  # bound parameters per statement (SQLite allows 32,766; small is plenty fast)


def encode_claims(claims: Sequence[Claim]) -> list[EncodedClaim]:
    encoded = []
    for claim in claims:
        body = claim.model_dump_json(exclude=_PER_ROW)
        encoded.append((claim.id, claim.doc, claim.parent, hashlib.sha256(body.encode()).hexdigest()[:32], body))
    return encoded


class ClaimRows:
    """Reads and writes the claims table on one connection (the caller holds any transaction)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._templates: dict[int, Claim | None] = {}

    def insert(self, file_id: int, claims: list[EncodedClaim], labels: list[tuple[Label, Label | None]]) -> None:
        rows = []
        for position, ((claim, doc, parent, digest, body), (bucket, parent_bucket)) in enumerate(zip(claims, labels)):
            # A stored body that differs from its digest's text is damaged: this one replaces it.
            self.connection.execute(
                "INSERT INTO bodies (digest, payload) VALUES (?, ?) ON CONFLICT (digest) DO UPDATE"
                " SET payload = excluded.payload WHERE payload IS NOT excluded.payload",
                (digest, body),
            )
            body_id = self.connection.execute("SELECT id FROM bodies WHERE digest = ?", (digest,)).fetchone()[0]
            rows.append((file_id, position, claim, doc, parent, bucket, parent_bucket, body_id))
        self.connection.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def relabel(self, file_id: int, labels: list[tuple[Label, Label | None]]) -> None:
        self.connection.executemany(
            "UPDATE claims SET bucket = ?, parent_bucket = ? WHERE file = ? AND position = ?",
            [(bucket, parent, file_id, position) for position, (bucket, parent) in enumerate(labels)],
        )

    def of_file(self, file_id: int) -> list[Claim] | None:
        """Every claim of one file in order; None when any is damaged."""
        rows = self.connection.execute(
            "SELECT claim, doc, parent, body FROM claims WHERE file = ? ORDER BY position", (file_id,)
        ).fetchall()
        claims = [self._claim(*row) for row in rows]
        return None if None in claims else claims

    def in_buckets(
        self,
        rules_hash: str,
        extractor: str,
        files: set[tuple[str, str]],
        labels: set[Label],
        closure: Callable[[set[Label]], set[Label]],
    ) -> tuple[dict[tuple[str, str], ScopedFile], set[tuple[str, str]]]:
        """See ClaimCache.in_buckets. Rows come back by bucket, then file, then position."""
        present = set(self.connection.execute(
            "SELECT path, content_hash FROM files WHERE rules_hash = ? AND extractor = ?", (rules_hash, extractor)
        ))
        selected: dict[int, list[tuple]] = {}
        keys: dict[int, tuple[str, str]] = {}
        asked: set[Label] = set()
        pending = set(labels)
        while pending:
            parents: set[Label] = set()
            for row in self._rows(rules_hash, extractor, sorted(pending)):
                file_id, path, content, position, claim, doc, parent, body, parent_bucket = row
                if (path, content) not in files:
                    continue
                keys[file_id] = (path, content)
                selected.setdefault(file_id, []).append((position, claim, doc, parent, body))
                if parent_bucket is not None:
                    parents.add(parent_bucket)
            asked |= pending
            pending = closure(parents) - asked
        entries, damaged = self._entries(selected, keys)
        # Dropped by another run since the survey (it stored a new version of the path): the file
        # has to be extracted again, or its claims would silently be missing.
        return entries, damaged | (files - present)

    def _rows(self, rules_hash: str, extractor: str, labels: list[Label]):
        for start in range(0, len(labels), _SQL_LIMIT):
            chunk = labels[start : start + _SQL_LIMIT]
            yield from self.connection.execute(
                "SELECT f.id, f.path, f.content_hash, c.position, c.claim, c.doc, c.parent, c.body, c.parent_bucket"
                " FROM claims c JOIN files f ON f.id = c.file"
                f" WHERE c.bucket IN ({','.join('?' * len(chunk))}) AND f.rules_hash = ? AND f.extractor = ?",
                (*chunk, rules_hash, extractor),
            )

    def _entries(self, selected: dict[int, list[tuple]], keys: dict[int, tuple[str, str]]):
        entries: dict[tuple[str, str], ScopedFile] = {}
        damaged: set[tuple[str, str]] = set()
        documents = self._documents(list(selected))
        for file_id, rows in selected.items():
            rows.sort()
            claims = [self._claim(claim, doc, parent, body) for _, claim, doc, parent, body in rows]
            if None in claims:
                damaged.add(keys[file_id])
                continue
            entries[keys[file_id]] = ScopedFile(claims, documents.get(file_id))
        return entries, damaged

    def _documents(self, file_ids: list[int]) -> dict[int, object]:
        """Each file's document records, as stored (ScopedFile decodes them if they are needed)."""
        found: dict[int, object] = {}
        for start in range(0, len(file_ids), _SQL_LIMIT):
            chunk = file_ids[start : start + _SQL_LIMIT]
            found.update(self.connection.execute(
                f"SELECT id, documents FROM files WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ))
        return found

    def _claim(self, claim: object, doc: object, parent: object, body: object) -> Claim | None:
        template = self._template(body)
        if template is None or not isinstance(claim, str) or not isinstance(doc, str):
            return None
        if parent is not None and not isinstance(parent, str):
            return None
        t = template  # validated once per body; the per-row fields are checked above
        return trusted_claim(
            claim, doc, t.rule, t.category, t.subject, t.subject_class, t.quantity, t.source, t.place, t.time, parent, t.span
        )

    def _template(self, body_id: object) -> Claim | None:
        if body_id not in self._templates:
            self._templates[body_id] = self._load_body(body_id)
        return self._templates[body_id]

    def _load_body(self, body_id: object) -> Claim | None:
        row = self.connection.execute("SELECT payload FROM bodies WHERE id = ?", (body_id,)).fetchone()
        if row is None or not isinstance(row[0], str):
            return None
        try:
            fields = json.loads(row[0])
            if not isinstance(fields, dict) or _PER_ROW & fields.keys():
                return None
            return Claim.model_validate({**fields, "id": "", "doc": "", "parent": None})
        except (ValueError, ValidationError):
            return None
