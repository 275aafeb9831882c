"""Fixtures for the check's tests: hand-built claims, and the vendored SARIF 2.1.0 schema."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"check_tests_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build():
    return _module("claim_builder")


@pytest.fixture(scope="session")
def sarif_schema():
    return json.loads((HERE / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
