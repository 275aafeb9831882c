"""A fault while extracting one article is reported against that article, never raised: an
uncaught exception exits 1, which CI would read as "findings"."""

from __future__ import annotations

import reconcile.cli.check_corpus as check_corpus
import reconcile.pipeline as pipeline
from reconcile.cache import ClaimCache, cache_path
from reconcile.cli.check_corpus import corpus_files, extract_corpus


class _Book:
    hash = "rules-1"


def test_a_crashing_article_becomes_an_error_and_the_rest_are_extracted(tmp_path, monkeypatch, build):
    for name in ("bad.md", "good.md"):
        (tmp_path / name).write_text(f"Title: {name}\n\nText.\n", encoding="utf-8")

    def extract(document, book):
        if document.id == "bad.md":
            raise ValueError("boom")
        return build.corpus_claims()

    monkeypatch.setattr(check_corpus, "extract_document", extract)

    monkeypatch.setattr(pipeline, "extract_document", extract)  # the corpus's files go through the pipeline
    with ClaimCache(cache_path(tmp_path), "rules-1", "code-1") as cache:
        extraction = extract_corpus(corpus_files([tmp_path], tmp_path, []).values(), tmp_path, _Book(), cache, None, 10**6)
    assert [(e.path, e.reason) for e in extraction.errors] == [
        (str(tmp_path / "bad.md"), "extraction failed: ValueError: boom")
    ]
    assert list(extraction.files) == ["good.md"]
