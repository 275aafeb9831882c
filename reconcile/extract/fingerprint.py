"""A claim's id: a fingerprint of what it says, so it survives lines moving in the file."""

from __future__ import annotations

import hashlib

import regex

_SPACE = regex.compile(r"\s+")


def normalised(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def claim_id(doc: str, sentence: str, figure: str, occurrence: int) -> str:
    key = "\x1f".join((doc, normalised(sentence), normalised(figure), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
