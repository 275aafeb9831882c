"""A claim's id: a fingerprint of what it says, so it survives lines moving in the file."""

from __future__ import annotations

import hashlib
from functools import lru_cache

import regex

_SPACE = regex.compile(r"\s+")
# str.split() splits at regex's \s and also at these four, which regex does not count as spaces
_SPLIT_ONLY = regex.compile(r"[\x1c-\x1f]")


@lru_cache(maxsize=256)  # a sentence with several figures is normalised once
def normalised(text: str) -> str:
    if _SPLIT_ONLY.search(text):
        return _SPACE.sub(" ", text).strip().casefold()
    return " ".join(text.split()).casefold()  # the same, faster


def claim_id(doc: str, sentence: str, figure: str, occurrence: int) -> str:
    key = "\x1f".join((doc, normalised(sentence), normalised(figure), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
