"""Claims built trusted (no validation, shared fields sets, shared sources, places and time
frames) are the same claims as their validated twins: equal, dumped byte for byte alike, with the
same fields set; and sharing never lets one claim's copy change another."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract.building import as_percent, complemented
from reconcile.models.claim import Claim, shared_place, shared_source, shared_time, trusted_claim, trusted_span
from reconcile.models.quantity import Quantity
from reconcile.models.trusted import trusted

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))  # synthetic_claims
from synthetic_claims import synthetic_archive  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MODELS = ("quantity", "source", "place", "time", "span")


@pytest.fixture(scope="module")
def seed_claims() -> list[Claim]:
    """The seeds' claims as the extractor builds them."""
    from reconcile.cli.inputs import load_inputs
    from reconcile.extract import extract_document
    from reconcile.rulebook import load_rulebook

    book = load_rulebook()
    documents, _ = load_inputs([str(ROOT / "seeds")])
    return [claim for document in documents for claim in extract_document(document, book)]


def _validated_twin(claim: Claim) -> Claim:
    return Claim.model_validate(claim.model_dump())


def _assert_same_as_validated(claim: Claim) -> None:
    twin = _validated_twin(claim)
    assert claim == twin
    assert claim.model_dump_json() == twin.model_dump_json()
    assert claim.model_dump() == twin.model_dump()
    assert claim.model_fields_set == twin.model_fields_set == set(Claim.model_fields)
    for name in MODELS:
        part, twin_part = getattr(claim, name), getattr(twin, name)
        assert part.model_fields_set == twin_part.model_fields_set == set(type(part).model_fields)
        assert list(part.__dict__) == list(twin_part.__dict__)  # field order, as repr and dumps show it
    assert hash(claim) == hash(twin)


def test_synthetic_claims_equal_their_validated_twins() -> None:
    for claim in synthetic_archive(600, seed=7).claims:
        _assert_same_as_validated(claim)


def test_extracted_claims_equal_their_validated_twins(seed_claims) -> None:
    assert seed_claims
    for claim in seed_claims:
        _assert_same_as_validated(claim)


def test_equal_sources_places_and_times_are_one_object() -> None:
    day = dt.date(2016, 12, 13)
    assert shared_source("UN", "un", "the UN", None, True) is shared_source("UN", "un", "the UN", None, True)
    assert shared_source("UN", "un", "the UN", None, True) is not shared_source("UN", "un", "the UN", None, False)
    assert shared_place("Aleppo", "Aleppo") is shared_place("Aleppo", "Aleppo")
    assert shared_time(day, day, None, None, None, "stock") is shared_time(
        dt.date(2016, 12, 13), day, None, None, None, "stock")


def test_a_copy_with_changes_leaves_the_shared_fields_set_and_the_original_alone() -> None:
    claim = synthetic_archive(1, seed=3).claims[0]
    moved = claim.model_copy(update={"span": claim.span.model_copy(update={"line": 99})})
    assert moved.span.line == 99 and claim.span.line != 99
    assert claim.model_fields_set == set(Claim.model_fields)
    assert moved.model_fields_set is not claim.model_fields_set
    with pytest.raises(Exception):
        claim.span.line = 5  # frozen, as a validated claim is


numbers = st.one_of(st.none(), st.integers(0, 10**7), st.floats(0, 1, allow_nan=False))


@settings(max_examples=60, deadline=None)
@given(
    low=numbers, high=numbers, nominal=numbers, low_inclusive=st.booleans(), high_inclusive=st.booleans(),
    unit=st.sampled_from(["count", "percent", "share"]),
    qualifier=st.sampled_from(["exact", "approx", "at_least", "vague"]),
    text=st.text(max_size=20), start=st.integers(0, 500), line=st.integers(1, 900),
)
def test_trusted_quantities_and_their_share_arithmetic_match_validated_ones(
    low, high, nominal, low_inclusive, high_inclusive, unit, qualifier, text, start, line
) -> None:
    values = dict(text=text, start=start, end=start + len(text), low=low, high=high, low_inclusive=low_inclusive,
                  high_inclusive=high_inclusive, nominal=nominal, qualifier=qualifier, unit=unit, kind="quantity")
    validated = Quantity(**values)
    for quantity in (as_percent(validated), complemented(as_percent(validated))):
        assert quantity == Quantity.model_validate(quantity.model_dump())
    fast = trusted(Quantity, **values)
    assert fast == validated and fast.model_dump_json() == validated.model_dump_json()
    claim = trusted_claim(
        "c1", "doc.txt", "killed/x", "killed", "people", "people", fast,
        shared_source("UN", "un", "UN", None, True), shared_place(None, ""),
        shared_time(None, None, None, None, None, "stock"), None,
        trusted_span(1, start, start + len(text), line, 1, "a sentence"),
    )
    _assert_same_as_validated(claim)


def test_a_validated_claim_compacted_is_the_same_claim(seed_claims) -> None:
    from reconcile.models.claim import compact

    for claim in seed_claims + synthetic_archive(200, seed=5).claims:
        validated = _validated_twin(claim)
        small = compact(validated)
        assert small == validated and small.model_dump_json() == validated.model_dump_json()
        _assert_same_as_validated(small)
