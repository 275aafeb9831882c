"""Each cached claim's reconciler bucket, stored as a label, so a check loads only the claims in
the buckets its new documents touch (the reconciler never compares claims across buckets).

A bucket's "whole" falls back to the configured `default_whole` when a claim has no parent; the
configuration is not part of the cache key, so the label keeps a placeholder there, and a lookup
for a bucket whose whole is the default asks for both spellings. A claim's parent is in its own
document (extraction links parts within a sentence run), so a file's labels are its own business.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import reconcile
from reconcile.compare.reconciler import bucket_claims
from reconcile.group.places import PlaceHierarchy
from reconcile.models.claim import Claim

# Not a subject class: rules name subject classes with words, never with control characters.
DEFAULT_WHOLE = "\x00default"
_WHOLE = 2  # the position of the whole in a bucket key (reconcile/group/keys.py BucketKey)
# The code that decides buckets: a change there makes stored labels stale (they are recomputed).
_BUCKETING_CODE = ("group", "compare/reconciler.py")

Label = str


def label_of(key: tuple) -> Label:
    return json.dumps(list(key), ensure_ascii=False, separators=(",", ":"))


def file_labels(claims: Sequence[Claim], places: PlaceHierarchy) -> list[tuple[Label, Label | None]]:
    """(bucket, parent's bucket) of each claim of one file, in order."""
    bucket_of: dict[int, Label] = {}
    for key, indices in bucket_claims(claims, places, DEFAULT_WHOLE).items():
        label = label_of(key)
        for index in indices:
            bucket_of[index] = label
    position = {claim.id: index for index, claim in enumerate(claims)}
    return [
        (bucket_of[index], bucket_of[position[claim.parent]] if claim.parent in position else None)
        for index, claim in enumerate(claims)
    ]


def wanted_labels(keys: Iterable[tuple], default_whole: str) -> set[Label]:
    """The stored labels of the buckets with these (real) keys."""
    labels: set[Label] = set()
    for key in keys:
        labels.add(label_of(key))
        if key[_WHOLE] == default_whole:
            labels.add(label_of((*key[:_WHOLE], DEFAULT_WHOLE, *key[_WHOLE + 1 :])))
    return labels


def real_key(label: Label, default_whole: str) -> tuple:
    key = json.loads(label)
    if key[_WHOLE] == DEFAULT_WHOLE:
        key[_WHOLE] = default_whole
    return tuple(key)


@cache
def bucketing_fingerprint() -> str:
    package = Path(reconcile.__file__).resolve().parent
    digest = hashlib.sha256()
    for name in _BUCKETING_CODE:
        target = package / name
        paths = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for path in paths:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
