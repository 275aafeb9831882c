"""The claim cache: one file's extraction kept in SQLite, keyed by content, rules and code, so a
check of one new document against a large corpus extracts only that document."""

from reconcile.cache.entry import CachedDocument, CachedFile
from reconcile.cache.fingerprint import extractor_fingerprint
from reconcile.cache.store import CACHE_DIR, ClaimCache, cache_path

__all__ = ["CACHE_DIR", "CachedDocument", "CachedFile", "ClaimCache", "cache_path", "extractor_fingerprint"]
