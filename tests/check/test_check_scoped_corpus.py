"""A warm check loads only the cached claims in the buckets its new documents touch. On the seeds
plus a conflicting new document (real extraction, real rules), that gives exactly the findings
and check results that extracting and reconciling the whole corpus gives."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile.cache import ClaimCache, cache_path, extractor_fingerprint
from reconcile.check.items import check_items
from reconcile.check.newness import involves, split_findings
from reconcile.check.run import run_check
from reconcile.cli.check_corpus import Scope, corpus_files, extract_corpus
from reconcile.cli.inputs import MAX_ARTICLE_BYTES
from reconcile.compare import ReconcileConfig, reconcile
from reconcile.group import PlaceHierarchy, SourceHierarchy
from reconcile.rulebook import load_rulebook

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NEW = "new.md"
SOHR_90000 = (
    "Title: Aleppo update\nDate: 2016-12-13\nSource: Example News\n\n"
    "The Syrian Observatory for Human Rights reports that 90,000 people have left eastern Aleppo "
    "since the offensive began. Activists said 300 people were killed in the bombing on Monday.\n"
)


@pytest.fixture(scope="module")
def book():
    return load_rulebook(None)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("scoped") / "corpus"
    (root / "again").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, root / seed.name)
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:  # repeats: the same figures in other documents
        shutil.copy(seed, root / "again" / seed.name)
    (root / NEW).write_text(SOHR_90000, encoding="utf-8")
    return root


def _extract(corpus: Path, book, *, cached: bool, scoped: bool):
    places = PlaceHierarchy(book.places.index.parents)
    scope = Scope(checked={NEW}, places=places, default_whole=ReconcileConfig().default_whole) if scoped else None
    files = corpus_files([corpus], corpus, []).values()
    with ClaimCache(cache_path(corpus), book.hash, extractor_fingerprint(), enabled=cached, places=places) as cache:
        extraction = extract_corpus(files, corpus, book, cache, None, MAX_ARTICLE_BYTES, scope)
        assert cache.notes == []
    return extraction


def _runs(extraction, book):
    before = extraction.claims([key for key in extraction.files if key != NEW])
    return before, extraction.claims()


def test_the_scoped_corpus_gives_the_whole_corpus_findings_and_results(corpus, book):
    whole = _extract(corpus, book, cached=False, scoped=False)
    _extract(corpus, book, cached=True, scoped=True)  # fills the cache
    scoped = _extract(corpus, book, cached=True, scoped=True)
    assert (scoped.extracted, scoped.cached) == (0, len(whole.files))
    assert 0 < len(scoped.claims()) < len(whole.claims())  # it did leave claims out

    places, sources = PlaceHierarchy(book.places.index.parents), SourceHierarchy(book.sources.index.parents)
    config = ReconcileConfig()
    whole_before, whole_after = _runs(whole, book)
    scoped_before, scoped_after = _runs(scoped, book)
    new_ids = {claim.id for claim in whole_after if claim.doc == NEW}
    assert new_ids == {claim.id for claim in scoped_after if claim.doc == NEW} and len(new_ids) == 2

    def touching(claims):
        return [f for f in reconcile(claims, places, config, sources=sources).findings if involves(f, new_ids)]

    expected = touching(whole_after)
    assert touching(scoped_after) == expected
    assert {finding.verdict for finding in expected} >= {"disagree"}

    result = run_check(scoped_before, scoped_after, {NEW}, places=places, sources=sources, config=config)
    new, known = split_findings(
        reconcile(whole_before, places, config, sources=sources).findings,
        reconcile(whole_after, places, config, sources=sources).findings,
        new_ids,
    )
    columns = {claim.id: claim.span.column for claim in whole_after if claim.id in new_ids}
    assert result.items == check_items(new, new_ids, columns)
    assert [k.finding for k in result.known] == [k.finding for k in known]
    assert any("37,000 (United Nations)" in item.message for item in result.items)


def _check_json(corpus: Path, new: Path, *extra: str) -> tuple[int, str]:
    env = {**os.environ, "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}
    done = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", str(new), "--corpus", str(corpus), "--format", "json", *extra],
        capture_output=True, text=True, env=env,
    )
    return done.returncode, done.stdout


def test_the_command_says_the_same_without_a_cache_cold_and_warm(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, corpus / seed.name)
    new = tmp_path / NEW
    new.write_text(SOHR_90000, encoding="utf-8")
    without = _check_json(corpus, new, "--no-cache")
    assert without[0] == 1 and '"37,000"' in without[1]
    assert _check_json(corpus, new) == without  # cold: fills the cache
    assert _check_json(corpus, new) == without  # warm: scoped loading
