"""The extractor's identity: a cache entry is only valid for the code that made it.

The rules hash covers the rule files; this covers the Python that reads articles and turns them
into claims, so an upgrade or a local edit never serves claims the current code would not make.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import reconcile

_PACKAGE = Path(reconcile.__file__).resolve().parent
EXTRACTION_PACKAGES = ("load", "segment", "extract", "numbers", "models", "rulebook")


@cache
def extractor_fingerprint() -> str:
    digest = hashlib.sha256(reconcile.__version__.encode())
    for package in EXTRACTION_PACKAGES:
        for path in sorted((_PACKAGE / package).rglob("*.py")):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
