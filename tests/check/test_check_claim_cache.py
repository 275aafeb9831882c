"""The SQLite claim cache: round trips, damaged or foreign files rebuilt, concurrent writers, and
an unchanged corpus extracted once."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

import reconcile.cli.check_corpus as check_corpus
import reconcile.pipeline as pipeline
from reconcile.cache import CachedDocument, CachedFile, ClaimCache, cache_path
from reconcile.cli.check_corpus import corpus_files, extract_corpus
from reconcile.models.finding import DocumentRef


def _entry(build, doc: str) -> CachedFile:
    claims = [c.model_copy(update={"doc": doc, "id": f"{doc}-{c.id}"}) for c in build.corpus_claims()]
    return CachedFile(documents=[CachedDocument(ref=DocumentRef(id=doc, path=doc))], claims=claims)


def _cache(tmp_path: Path, rules: str = "rules-1") -> ClaimCache:
    return ClaimCache(cache_path(tmp_path), rules, "code-1")


def test_an_entry_comes_back_equal_and_only_for_its_content_rules_and_code(tmp_path, build):
    entry = _entry(build, "a.md")
    with _cache(tmp_path) as cache:
        cache.put_many({("a.md", "hash-1"): entry})
    with _cache(tmp_path) as cache:
        assert cache.get_many([("a.md", "hash-1"), ("a.md", "hash-2")]) == {("a.md", "hash-1"): entry}
        assert cache.notes == []
    with _cache(tmp_path, rules="rules-2") as cache:
        assert cache.get_many([("a.md", "hash-1")]) == {}
    with ClaimCache(cache_path(tmp_path), "rules-1", "code-2") as cache:
        assert cache.get_many([("a.md", "hash-1")]) == {}


def test_a_new_version_of_a_file_replaces_the_old_entry(tmp_path, build):
    with _cache(tmp_path) as cache:
        cache.put_many({("a.md", "hash-1"): _entry(build, "a.md")})
        cache.put_many({("a.md", "hash-2"): _entry(build, "a.md")})
    rows = sqlite3.connect(cache_path(tmp_path)).execute("SELECT path, content_hash FROM files").fetchall()
    assert rows == [("a.md", "hash-2")]


def test_edits_leave_no_claim_bodies_behind(tmp_path, build):
    entry = _entry(build, "a.md")
    edited = [claim.model_copy(update={"rule": f"{claim.rule}-edited"}) for claim in entry.claims]
    with _cache(tmp_path) as cache:
        cache.put_many({("a.md", "hash-1"): entry})
        cache.put_many({("a.md", "hash-2"): CachedFile(documents=entry.documents, claims=edited)})
    database = sqlite3.connect(cache_path(tmp_path))
    orphans = "SELECT count(*) FROM bodies WHERE id NOT IN (SELECT body FROM claims)"
    assert database.execute(orphans).fetchone() == (0,)
    in_use = database.execute("SELECT count(DISTINCT body) FROM claims").fetchone()
    assert database.execute("SELECT count(*) FROM bodies").fetchone() == in_use


def test_entries_made_by_other_code_are_dropped_when_a_file_is_stored_again(tmp_path, build):
    with ClaimCache(cache_path(tmp_path), "rules-1", "code-0") as cache:
        cache.put_many({("a.md", "hash-1"): _entry(build, "a.md")})
    with _cache(tmp_path, rules="rules-2") as cache:
        cache.put_many({("a.md", "hash-1"): _entry(build, "a.md")})
    with _cache(tmp_path) as cache:
        cache.put_many({("a.md", "hash-1"): _entry(build, "a.md")})
    rows = sqlite3.connect(cache_path(tmp_path)).execute("SELECT rules_hash, extractor FROM files ORDER BY 1").fetchall()
    assert rows == [("rules-1", "code-1"), ("rules-2", "code-1")]


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database\n" * 200)


def _foreign(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE files (name TEXT)")
    connection.execute("INSERT INTO files VALUES ('not ours')")
    connection.commit()
    connection.close()


def _old_schema(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 0")
    connection.close()


def _bad_payload(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE bodies SET payload = '{\"quantity\": 3}'")
    connection.commit()
    connection.close()


def _bad_documents(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE files SET documents = '[{\"ref\": 3}]'")
    connection.commit()
    connection.close()


def _first_version(path: Path) -> None:
    """A cache as the first release wrote it (schema 1: one JSON payload per file)."""
    path.unlink()
    connection = sqlite3.connect(path)
    connection.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE files (path TEXT NOT NULL, content_hash TEXT NOT NULL, rules_hash TEXT NOT NULL,"
        " extractor TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (path, content_hash, rules_hash, extractor))"
        " WITHOUT ROWID;"
        "INSERT INTO meta VALUES ('schema_version', '1');"
        f"PRAGMA application_id = {0x52434348}; PRAGMA user_version = 1;"
    )
    connection.close()


@pytest.mark.parametrize(
    ("damage", "note"),
    [
        (_truncated, "rebuilt"),
        (_garbage, "not a usable database (file is not a database); rebuilt"),
        (_foreign, "not a reconcile cache; rebuilt"),
        (_old_schema, "schema version 0, expected 2; rebuilt"),
        (_first_version, "schema version 1, expected 2; rebuilt"),
        (_bad_payload, None),
        (_bad_documents, None),
    ],
)
def test_a_damaged_cache_is_never_trusted_and_is_rebuilt(tmp_path, build, damage, note):
    path = cache_path(tmp_path)
    entry = _entry(build, "a.md")
    with _cache(tmp_path) as cache:
        cache.put_many({("a.md", "hash-1"): entry})
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    damage(path)
    with _cache(tmp_path) as cache:
        assert cache.get_many([("a.md", "hash-1")]) == {}
        assert (note is None and cache.notes == []) or (note is not None and cache.notes[0].endswith(note))
        cache.put_many({("a.md", "hash-1"): entry})
    with _cache(tmp_path) as cache:
        assert cache.get_many([("a.md", "hash-1")]) == {("a.md", "hash-1"): entry}
        assert cache.notes == []


def _writer(root: str, worker: int, count: int, entry_json: str, start) -> None:
    entry = CachedFile.model_validate_json(entry_json)
    start.wait()  # every writer begins at once, so their transactions really overlap
    for number in range(count):
        with ClaimCache(cache_path(Path(root)), "rules-1", "code-1") as cache:
            cache.put_many({(f"w{worker}-{number}.md", "h"): entry})
            cache.get_many([(f"w{(worker + 1) % 4}-{number}.md", "h")])
            assert cache.notes == []


def test_concurrent_writers_do_not_corrupt_the_cache(tmp_path, build):
    entry_json = _entry(build, "a.md").model_dump_json()
    context = multiprocessing.get_context("fork")
    start = context.Barrier(4)
    workers = [context.Process(target=_writer, args=(str(tmp_path), w, 25, entry_json, start)) for w in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    keys = [(f"w{w}-{n}.md", "h") for w in range(4) for n in range(25)]
    with _cache(tmp_path) as cache:
        assert len(cache.get_many(keys)) == 100
        assert cache.notes == []
    assert sqlite3.connect(cache_path(tmp_path)).execute("PRAGMA integrity_check").fetchall() == [("ok",)]


class _Book:
    hash = "rules-1"


def test_an_unchanged_corpus_is_not_extracted_again(tmp_path, monkeypatch, build):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(3):
        (corpus / f"a{number}.md").write_text(f"Title: A{number}\n\nSome {number} text.\n", encoding="utf-8")
    calls: list[str] = []

    def fake_extract(document, book):
        calls.append(document.id)
        return [c.model_copy(update={"doc": document.id, "id": f"{document.id}-{c.id}"}) for c in build.corpus_claims()]

    monkeypatch.setattr(check_corpus, "extract_document", fake_extract)

    monkeypatch.setattr(pipeline, "extract_document", fake_extract)  # the corpus's files go through the pipeline

    def run():
        calls.clear()
        with _cache(corpus) as cache:
            files = corpus_files([corpus], corpus, [])
            extraction = extract_corpus(files.values(), corpus, _Book(), cache, None, 10**6)
        return extraction, sorted(calls)

    first, first_calls = run()
    assert (first.extracted, first.cached, first_calls) == (3, 0, ["a0.md", "a1.md", "a2.md"])
    second, second_calls = run()
    assert (second.extracted, second.cached, second_calls) == (0, 3, [])
    assert second.claims() == first.claims()
    (corpus / "a1.md").write_text("Title: A1\n\nEdited text.\n", encoding="utf-8")
    third, third_calls = run()
    assert (third.extracted, third.cached, third_calls) == (1, 2, ["a1.md"])
