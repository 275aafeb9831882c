"""The synthetic archive the reconciler benchmark (and the optimisation pass) builds on: exact
size, unique ids, reproducible, and every claim one the models would accept from the extractor."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from synthetic_claims import synthetic_archive, world_from_rules  # noqa: E402

from reconcile.models.claim import Claim  # noqa: E402


@pytest.fixture(scope="module")
def world():
    return world_from_rules()


def test_exact_size_and_unique_ids(world):
    claims = synthetic_archive(3_000, world=world).claims
    assert len(claims) == 3_000
    assert len({claim.id for claim in claims}) == 3_000


def test_same_seed_same_archive(world):
    first = synthetic_archive(500, seed=7, world=world).claims
    again = synthetic_archive(500, seed=7, world=world).claims
    other = synthetic_archive(500, seed=8, world=world).claims
    assert [c.model_dump() for c in first] == [c.model_dump() for c in again]
    assert [c.model_dump() for c in first] != [c.model_dump() for c in other]


def test_every_claim_validates(world):
    for claim in synthetic_archive(2_000, world=world).claims:
        assert Claim.model_validate(claim.model_dump()) == claim


def test_parents_point_at_earlier_claims_of_the_archive(world):
    claims = synthetic_archive(2_000, world=world).claims
    seen: set[str] = set()
    parents = 0
    for claim in claims:
        if claim.parent is not None:
            assert claim.parent in seen
            parents += 1
        seen.add(claim.id)
    assert parents > 0


def test_archive_has_the_variety_the_benchmark_claims(world):
    claims = synthetic_archive(5_000, world=world).claims
    roles = Counter(claim.source.role for claim in claims)
    bases = Counter(claim.time.basis for claim in claims)
    units = Counter(claim.quantity.unit for claim in claims)
    assert {"media", "party", "monitor", "un"} <= set(roles)
    assert {"flow", "cumulative", "stock"} <= set(bases)
    assert {"count", "percent"} <= set(units)
    assert any(claim.time.published is None for claim in claims)  # a few undated


def test_archive_grows_in_time_with_its_size(world):
    assert synthetic_archive(2_000, claims_per_day=100, world=world).days == 20
    assert synthetic_archive(4_000, claims_per_day=100, world=world).days == 40
