"""`reconcile check` latency: one new document against the seeds replicated to 5,000 and 50,000
documents, with a warm claim cache; and a cold run (no cache), measured smaller and projected.

Warm: every corpus file is in the cache (same bytes, rules and code) with its stat fingerprint,
and the new document's text is different each run, so only that document is extracted. Each run
is a whole `reconcile check` process, start-up included, as CI runs it. Wall and CPU time (the
child's user + system) are medians of --repeat runs, after one unmeasured run.

How the warm cache is filled: extracting 50,000 documents would take about half an hour, so the
cache is written the way an earlier check would have written it, without running the extractor
50,000 times. Each of the five seeds is loaded and extracted once through the real code path
(reconcile.cli.check_corpus.extract_documents). Each replica then gets that extraction with its
own document id and path, and claim ids recomputed by the extractor's own id function for the
replica's document id (checked first: recomputing a seed's ids must reproduce them). The entries
are stored with the ClaimCache's own put_many, keyed by the replica's path and content hash under
the current rules hash and extractor fingerprint, with the file's real stat fingerprint. So the
cache holds what a cold `reconcile check` over the same corpus would store (the warm runs report
the same conflict as a cache-less run; tests/check/test_check_scoped_corpus.py compares warm,
cold and cache-less checks on the seeds). Replicas are byte-identical copies, so every replica's claim bodies are
the same five seeds' bodies: the cache validates each distinct body once (see reconcile/cache),
which flatters decoding here; a corpus of 50,000 different articles decodes every claim once.
Replication also makes the buckets the new document touches (fled/people in Syria, December 2016)
hold ~27 % of the whole corpus's claims: a worst case for scoping, which is what the check's time
grows with.

Cold: no cache, so every corpus file is loaded and extracted. It grows linearly with the corpus
(one extraction per file), so it is measured at --cold-documents (default 1,000) and projected.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RESULTS, SEEDS, parser, write_results

NEW_DOCUMENTS = (
    "The Syrian Observatory for Human Rights reports that 90,000 people have left eastern Aleppo "
    "since the offensive began.",
    "The Syrian Observatory for Human Rights said 85,000 people had fled eastern Aleppo since the "
    "offensive began.",
    "Activists said 80,000 people had left eastern Aleppo since the offensive began.",
    "Local officials said 95,000 people had fled eastern Aleppo since the offensive began.",
)


def build_corpus(folder: Path, documents: int) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    for number in range(documents):
        seed = seeds[number % len(seeds)]
        shutil.copyfile(seed, folder / f"{number:05d}_{seed.name}")


def fill_cache(corpus: Path) -> None:
    """Cache entries for every file of the corpus, as a cold check would store them (see above)."""
    import hashlib
    from collections import Counter

    from reconcile.cache import CachedDocument, CachedFile, ClaimCache, cache_path, extractor_fingerprint
    from reconcile.cli.check_corpus import _stat, _trusted, as_corpus_file, extract_documents
    from reconcile.cli.inputs import load_file
    from reconcile.extract.fingerprint import claim_id, normalised
    from reconcile.group import PlaceHierarchy
    from reconcile.rulebook import load_rulebook

    book = load_rulebook(None)
    places = PlaceHierarchy(book.places.index.parents)

    def replica(entry: CachedFile, doc: str, path: Path) -> CachedFile:
        seen: Counter = Counter()
        ids = {}
        for claim in entry.claims:
            key = (normalised(claim.span.sentence), normalised(claim.quantity.text))
            ids[claim.id] = claim_id(doc, claim.span.sentence, claim.quantity.text, seen[key])
            seen[key] += 1
        claims = [
            claim.model_copy(update={"id": ids[claim.id], "doc": doc, "parent": ids.get(claim.parent)})
            for claim in entry.claims
        ]
        documents = [
            CachedDocument(ref=d.ref.model_copy(update={"id": doc, "path": str(path)}), warnings=d.warnings)
            for d in entry.documents
        ]
        return CachedFile(documents=documents, claims=claims)

    extracted = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        entry = extract_documents(load_file(seed, SEEDS, None, 10**7), book)
        if replica(entry, seed.name, seed) .claims != entry.claims:
            raise SystemExit(f"recomputed claim ids differ from the extractor's for {seed.name}")
        extracted[seed.name] = entry
    files = sorted(path for path in corpus.iterdir() if path.is_file())
    with ClaimCache(cache_path(corpus), book.hash, extractor_fingerprint(), places=places) as cache:
        for start in range(0, len(files), 1000):
            entries, stats = {}, {}
            for path in files[start : start + 1000]:
                corpus_file = as_corpus_file(path, corpus)
                key = (corpus_file.key, hashlib.sha256(path.read_bytes()).hexdigest())
                entries[key] = replica(extracted[path.name.split("_", 1)[1]], corpus_file.key, path)
                stats[key] = _trusted(_stat(path))
            cache.put_many(entries, stats)
        if cache.notes:
            raise SystemExit(f"filling the cache failed: {cache.notes}")


def write_new(path: Path, body: str) -> None:
    path.write_text(f"Title: Aleppo\nDate: 2016-12-13\nSource: Bench News\n\n{body}\n", encoding="utf-8")


def check(corpus: Path, new: Path) -> tuple[int, float, float]:
    """(output lines, wall seconds, CPU seconds) of one `reconcile check` process."""
    env = {**os.environ, "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", str(new), "--corpus", str(corpus), "--format", "line"],
        capture_output=True, text=True, env=env,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    results = len(done.stdout.splitlines())
    # The new documents all conflict with the seeds: exit 1 with no results means a crash.
    if done.returncode != 1 or not results:
        raise SystemExit(f"reconcile check did not report the conflict ({done.returncode}): {done.stderr}")
    return results, wall, cpu


def warm(documents: int, repeat: int, scratch: Path) -> dict:
    corpus = scratch / f"corpus-{documents}"
    corpus.mkdir()
    build_corpus(corpus, documents)
    time.sleep(2.1)  # files younger than 2 s get no trusted stat fingerprint (reconcile/cli/check_corpus.py)
    start = time.perf_counter()
    fill_cache(corpus)
    filled = time.perf_counter() - start
    new = scratch / "new.md"
    bodies = iter(NEW_DOCUMENTS * (repeat + 1))
    runs = []
    for _ in range(repeat + 1):  # the first run is not counted
        write_new(new, next(bodies))  # new content each time: that one document is extracted
        runs.append(check(corpus, new))
    runs = runs[1:]
    cache = corpus / ".reconcile" / "cache.sqlite"
    figures = {
        "documents": documents,
        "warm_wall_seconds": round(statistics.median(r[1] for r in runs), 2),
        "warm_cpu_seconds": round(statistics.median(r[2] for r in runs), 2),
        "warm_wall_runs": [round(r[1], 2) for r in runs],
        "warm_cpu_runs": [round(r[2], 2) for r in runs],
        "warm_results": runs[0][0],
        "cache_fill_seconds": round(filled, 1),
        "cache_megabytes": round(cache.stat().st_size / 1e6, 1),
        "load_average": round(os.getloadavg()[0], 2),
    }
    shutil.rmtree(corpus)
    return figures


def cold(documents: int, scratch: Path) -> dict:
    corpus = scratch / f"cold-{documents}"
    corpus.mkdir()
    build_corpus(corpus, documents)
    new = scratch / "new-cold.md"
    write_new(new, NEW_DOCUMENTS[0])
    results, wall, cpu = check(corpus, new)
    shutil.rmtree(corpus)
    return {"documents": documents, "wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1), "results": results,
            "cpu_ms_per_document": round(cpu / documents * 1000, 1)}


def main() -> None:
    options = parser(__doc__.splitlines()[0])
    options.add_argument("--documents", default="5000,50000", help="warm corpus sizes, comma separated")
    options.add_argument("--cold-documents", type=int, default=1000, help="cold corpus size (projected up)")
    args = options.parse_args()
    sizes = [500] if args.quick else [int(size) for size in args.documents.split(",")]
    repeat = max(args.repeat, 3)
    with tempfile.TemporaryDirectory(prefix="bench-check-") as scratch:
        warm_runs = [warm(size, repeat, Path(scratch)) for size in sizes]
        cold_run = cold(min(100 if args.quick else args.cold_documents, max(sizes)), Path(scratch))
    per_document = cold_run["cpu_seconds"] / cold_run["documents"]
    largest = warm_runs[-1]
    figures = {
        # The figures run_all.py tabulates: the largest warm corpus, and the cold run projected to it.
        "documents": largest["documents"],
        "warm_seconds": largest["warm_wall_seconds"],
        "cold_seconds": round(cold_run["wall_seconds"] / cold_run["documents"] * largest["documents"], 1),
        "cold_seconds_is_projected": cold_run["documents"] != largest["documents"],
        "warm": warm_runs,
        "cold": cold_run,
        "cold_cpu_seconds_projected": {str(size): round(per_document * size, 1) for size in sizes},
        "ratio_cold_to_warm_cpu": {
            str(run["documents"]): round(per_document * run["documents"] / run["warm_cpu_seconds"], 1) for run in warm_runs
        },
    }
    write_results(args.json or RESULTS / "bench_check.json", "check-cold-vs-warm", figures)


if __name__ == "__main__":
    main()
