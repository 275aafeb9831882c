"""The claim cache: one file's extraction kept in SQLite, keyed by content, rules and code, so a
check of one new document against a large corpus extracts only that document, reads no unchanged
file, and loads only the claims in the buckets the new document's claims fall into."""

from reconcile.cache.buckets import bucketing_fingerprint, real_key, wanted_labels
from reconcile.cache.entry import CachedDocument, CachedFile, ScopedFile
from reconcile.cache.fingerprint import extractor_fingerprint
from reconcile.cache.rows import Key, Stat
from reconcile.cache.store import CACHE_DIR, ClaimCache, cache_path

__all__ = [
    "CACHE_DIR",
    "CachedDocument",
    "CachedFile",
    "ClaimCache",
    "Key",
    "ScopedFile",
    "Stat",
    "bucketing_fingerprint",
    "cache_path",
    "extractor_fingerprint",
    "real_key",
    "wanted_labels",
]
