"""The claim cache's shortcuts: a file whose stat fingerprint is unchanged is not read; a touched
but identical file is read and still served from the cache; an edit is always seen; a check loads
only the claims in the buckets its documents touch (with their parents' buckets), whatever the
configured default whole; stale bucket labels are worked out again."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

import reconcile.cli.check_corpus as check_corpus
import reconcile.pipeline as pipeline
from reconcile.cache import ClaimCache, cache_path
from reconcile.cli.check_corpus import Scope, corpus_files, extract_corpus
from reconcile.group import PlaceHierarchy

HOUR_AGO = time.time_ns() - 3600 * 10**9


class _Book:
    hash = "rules-1"


def _claims(build, doc: str, specs: list[tuple]) -> list:
    """specs: (name, category, subject class, parent name or None)."""
    claims = []
    for name, category, subject_class, parent in specs:
        claim = build.claim(f"{doc}-{name}", doc=doc, source="United Nations", low=100, category=category,
                            subject_class=subject_class, sentence=f"{doc} {name}")
        claims.append(claim.model_copy(update={"parent": f"{doc}-{parent}" if parent else None}))
    return claims


class _Corpus(type(Path())):
    """The corpus folder, with the fake extractor's table and calls."""

    calls: list[str]
    table: dict[str, list[tuple]]


@pytest.fixture
def corpus(tmp_path, monkeypatch, build):
    """Four articles; extraction is faked from a table, and every call is recorded. Fingerprints
    are trusted at once (the files' ctimes are seconds old; see the racy test for the guard)."""
    monkeypatch.setattr(check_corpus, "RACY_NANOSECONDS", 0)
    folder = _Corpus(tmp_path / "corpus")
    folder.mkdir()
    table = {
        "fled.md": [("a", "fled", "people", None)],
        "killed.md": [("a", "killed", "people", None)],
        "parts.md": [("all", "killed", "summary killings", None), ("kids", "killed", "children", "all")],
        "other-summary.md": [("b", "killed", "summary killings", None)],
    }
    for name in table:
        (folder / name).write_text(f"Title: {name}\n\nText of {name}.\n", encoding="utf-8")
        os.utime(folder / name, ns=(HOUR_AGO, HOUR_AGO))
    calls: list[str] = []

    def fake_extract(document, book):
        calls.append(document.id)
        return _claims(build, document.id, table.get(Path(document.id).name, []))

    monkeypatch.setattr(check_corpus, "extract_document", fake_extract)

    monkeypatch.setattr(pipeline, "extract_document", fake_extract)  # the corpus's files go through the pipeline
    folder.calls = calls
    folder.table = table
    return folder


def _run(folder: Path, scope: Scope | None = None, reads: list | None = None, monkeypatch=None):
    with ClaimCache(cache_path(folder), "rules-1", "code-1") as cache:
        files = corpus_files([folder], folder, [])
        extraction = extract_corpus(files.values(), folder, _Book(), cache, None, 10**6, scope)
        assert cache.notes == []
    return extraction


def _reads(monkeypatch, folder: Path) -> list[str]:
    seen: list[str] = []
    original = Path.read_bytes

    def read_bytes(path):
        if folder in path.parents:
            seen.append(path.name)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return seen


def test_an_unchanged_stat_means_no_read_and_a_touched_identical_file_is_still_a_hit(corpus, monkeypatch):
    _run(corpus)
    reads = _reads(monkeypatch, corpus)
    second = _run(corpus)
    assert (reads, second.extracted, second.cached) == ([], 0, 4)
    os.utime(corpus / "fled.md", ns=(HOUR_AGO + 10**9, HOUR_AGO + 10**9))
    corpus.calls.clear()
    third = _run(corpus)
    assert (reads, third.extracted, third.cached, corpus.calls) == (["fled.md"], 0, 4, [])
    reads.clear()
    _run(corpus)
    assert reads == []  # the new fingerprint was recorded


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(corpus):
    _run(corpus)
    path = corpus / "killed.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Text", "Test"), encoding="utf-8")  # same size
    os.utime(path, ns=(HOUR_AGO, HOUR_AGO))  # same mtime: the ctime still moves
    corpus.calls.clear()
    edited = _run(corpus)
    assert (edited.extracted, corpus.calls) == (1, ["killed.md"])


def test_a_just_written_file_gets_no_trusted_fingerprint(corpus, monkeypatch):
    _run(corpus)
    monkeypatch.setattr(check_corpus, "RACY_NANOSECONDS", 3600 * 10**9)  # "just now" is this hour
    (corpus / "fresh.md").write_text("Title: fresh\n\nNew.\n", encoding="utf-8")
    _run(corpus)
    reads = _reads(monkeypatch, corpus)
    _run(corpus)
    _run(corpus)
    assert reads == ["fresh.md", "fresh.md"]


def _scope(checked, default_whole="people"):
    return Scope(checked=set(checked), places=PlaceHierarchy(), default_whole=default_whole)


def _loaded(extraction) -> dict[str, list[str]]:
    return {key: [claim.id for claim in entry.claims] for key, entry in extraction.files.items()}


@pytest.mark.parametrize("default_whole", ["people", "population"])
def test_a_check_loads_only_the_buckets_it_touches_and_its_parents_buckets(corpus, default_whole):
    (corpus / "new.md").write_text("Title: new\n\nNew.\n", encoding="utf-8")
    corpus.table["new.md"] = [("all", "killed", "summary killings", None), ("kids", "killed", "children", "all")]
    _run(corpus)  # everything cached
    scoped = _run(corpus, _scope(["new.md"], default_whole))
    # new.md's children are a part of summary killings: parts.md's children share the bucket, and
    # their parent's bucket (summary killings) comes whole, with other-summary.md's figure in it.
    assert _loaded(scoped) == {
        "new.md": ["new.md-all", "new.md-kids"],
        "other-summary.md": ["other-summary.md-b"],
        "parts.md": ["parts.md-all", "parts.md-kids"],
    }
    (corpus / "new.md").write_text("Title: new\n\nEdited.\n", encoding="utf-8")
    corpus.table["new.md"] = [("a", "killed", "people", None)]
    edited = _run(corpus, _scope(["new.md"], default_whole))
    assert _loaded(edited) == {"killed.md": ["killed.md-a"], "new.md": ["new.md-a"]}
    assert (edited.extracted, edited.cached) == (1, 4)


def test_labels_made_by_other_grouping_code_are_worked_out_again(corpus):
    (corpus / "new.md").write_text("Title: new\n\nNew.\n", encoding="utf-8")
    corpus.table["new.md"] = [("a", "fled", "people", None)]
    _run(corpus)
    connection = sqlite3.connect(cache_path(corpus))
    connection.execute("UPDATE claims SET bucket = '[\"stale\"]', parent_bucket = NULL")
    connection.execute("UPDATE files SET bucketing = 'older code'")
    connection.commit()
    scoped = _run(corpus, _scope(["new.md"]))
    assert _loaded(scoped) == {"fled.md": ["fled.md-a"], "new.md": ["new.md-a"]}
    stale = connection.execute("SELECT count(*) FROM claims WHERE bucket = '[\"stale\"]'").fetchone()[0]
    assert stale == 0


def test_a_damaged_claim_in_a_touched_bucket_means_its_file_is_extracted_again(corpus):
    (corpus / "new.md").write_text("Title: new\n\nNew.\n", encoding="utf-8")
    corpus.table["new.md"] = [("a", "fled", "people", None)]
    _run(corpus)
    connection = sqlite3.connect(cache_path(corpus))
    connection.execute("UPDATE bodies SET payload = '{}' WHERE id = (SELECT body FROM claims WHERE doc = 'fled.md')")
    connection.commit()
    corpus.calls.clear()
    scoped = _run(corpus, _scope(["new.md"]))
    assert corpus.calls == ["fled.md"]
    assert _loaded(scoped)["fled.md"] == ["fled.md-a"]
