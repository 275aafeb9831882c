"""The real FA-KES corpus: 804 rows of messy, partly non-UTF-8 CSV, all loaded with no flags."""

from pathlib import Path

import pytest

from reconcile.load import load_bytes

FAKES = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "fa-kes" / "fakes.csv"


@pytest.fixture(scope="module")
def documents():
    if not FAKES.exists():
        pytest.skip(f"{FAKES} is not beside this checkout")
    return load_bytes(FAKES.read_bytes(), doc_id="fakes.csv", path=str(FAKES))


def test_every_row_loads_with_a_date_and_text(documents):
    assert len(documents) == 804
    assert len({d.id for d in documents}) == 804
    assert all(d.published is not None for d in documents)
    assert all(any(b.kind == "paragraph" and b.text for b in d.blocks) for d in documents)


def test_decoding_warnings_are_counted_per_row(documents):
    warned = [d for d in documents if d.warnings]
    # 123 stray bytes (0x95/0x81/0xb5) sit in 53 rows; each row says which column was repaired.
    assert len(warned) == 53
    assert all("not valid UTF-8" in w for d in warned for w in d.warnings)
    assert not any("\udc80" <= ch <= "\udcff" for d in documents for b in d.blocks for ch in b.text)


def test_slashed_dates_are_month_first(documents):
    first = documents[0]
    assert (first.id, first.published.isoformat()) == ("fakes.csv#1914947530", "2017-04-05")
