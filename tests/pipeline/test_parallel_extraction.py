"""--jobs: worker processes, forked (Linux) or spawned (elsewhere), give the claims one process
gives, in the same order."""

from pathlib import Path

import pytest

from reconcile import pipeline
from reconcile.load import load_bytes
from reconcile.rulebook import load_rulebook

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def documents():
    seeds = sorted(SEEDS.glob("*.txt"))
    # 70 documents: past the size below which extraction stays in one process.
    return [
        document
        for copy in range(14)
        for seed in seeds
        for document in load_bytes(seed.read_bytes(), doc_id=f"{copy:02d}-{seed.name}", path=str(seed))
    ]


@pytest.fixture(scope="module")
def book():
    return load_rulebook(None)


@pytest.fixture(scope="module")
def serial_claims(documents, book):
    return pipeline.extract_claims(documents, book, jobs=1)


def test_forked_workers_give_the_serial_claims(documents, book, serial_claims):
    if not pipeline._can_fork():
        pytest.skip("this system cannot fork")
    done: list[int] = []
    claims = pipeline.extract_claims(documents, book, jobs=2, progress=done.append)
    assert claims == serial_claims
    assert sum(done) == len(documents)
    assert pipeline._worker_documents == () and pipeline._worker_book is None  # nothing kept alive


def test_spawned_workers_give_the_serial_claims(documents, book, serial_claims, monkeypatch):
    monkeypatch.setattr(pipeline, "_can_fork", lambda: False)
    assert pipeline.extract_claims(documents, book, jobs=2) == serial_claims


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_faulty_document_is_reported_and_the_others_extracted(documents, book, serial_claims, monkeypatch, jobs):
    if jobs > 1 and not pipeline._can_fork():
        pytest.skip("the stand-in extractor reaches workers only by fork")
    faulty = documents[40].id
    real = pipeline.extract_document

    def extract_or_fail(document, rules):
        if document.id == faulty:
            raise ValueError("a fault in this article")
        return real(document, rules)

    monkeypatch.setattr(pipeline, "extract_document", extract_or_fail)
    each = pipeline.extract_each(documents, book, jobs=jobs)
    assert each[40] == pipeline.Fault("ValueError: a fault in this article")
    good = [claim for index, claims in enumerate(each) if index != 40 for claim in claims]
    assert good == [claim for claim in serial_claims if claim.doc != faulty]
