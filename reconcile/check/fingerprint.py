"""Content fingerprints for check results: what was said, by whom, where in which document —
never a line number, so that moving or re-wrapping text does not make a known result new."""

from __future__ import annotations

import hashlib
import re

_NOT_WORD = re.compile(r"\W+")


def normalised(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def content_fingerprint(*parts: object) -> str:
    """A short stable hash of plain values (strings, numbers, tuples, None)."""
    digest = hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]
