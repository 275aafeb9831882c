"""Fixtures for the reconciler's tests: the gold claims of the seeds as Claim objects."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def load_gold_fixture():
    path = Path(__file__).with_name("gold_fixture.py")
    spec = importlib.util.spec_from_file_location("reconciler_gold_fixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gold():
    return load_gold_fixture()


@pytest.fixture(scope="session")
def gold_claims(gold):
    return gold.gold_claims()


def load_claim_factory():
    path = Path(__file__).with_name("claim_factory.py")
    spec = importlib.util.spec_from_file_location("reconciler_claim_factory", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def make_claim():
    return load_claim_factory().make_claim
