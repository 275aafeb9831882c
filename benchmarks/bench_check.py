"""`reconcile check` with a cold and a warm claim cache: one new document against the seeds
replicated to 5,000 documents.

Cold: no cache, so every corpus file is loaded and extracted. Warm: the cache holds the corpus
(from the cold run) and the new document is different, so only that one document is extracted.
Both are whole `reconcile check` processes, start-up included, as CI runs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RESULTS, SEEDS, median_seconds, parser, write_results

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


def write_new(path: Path, body: str) -> None:
    path.write_text(f"Title: Aleppo\nDate: 2016-12-13\nSource: Bench News\n\n{body}\n", encoding="utf-8")


def check(corpus: Path, new: Path) -> int:
    env = {**os.environ, "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}
    done = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", str(new), "--corpus", str(corpus), "--format", "line"],
        capture_output=True, text=True, env=env,
    )
    results = len(done.stdout.splitlines())
    # The new documents all conflict with the seeds: exit 1 with no results means a crash.
    if done.returncode != 1 or not results:
        raise SystemExit(f"reconcile check did not report the conflict ({done.returncode}): {done.stderr}")
    return results


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def main() -> None:
    options = parser(__doc__.splitlines()[0])
    options.add_argument("--documents", type=int, default=5000, help="corpus size (seeds replicated)")
    args = options.parse_args()
    documents = 500 if args.quick else args.documents
    with tempfile.TemporaryDirectory(prefix="bench-check-") as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        build_corpus(corpus, documents)
        new = Path(scratch) / "new.md"
        write_new(new, NEW_DOCUMENTS[0])
        cold, cold_results = timed(lambda: check(corpus, new))
        bodies = iter(NEW_DOCUMENTS[1:] * args.repeat)

        def warm_run() -> int:
            write_new(new, next(bodies))  # new content each time: that one document is extracted
            return check(corpus, new)

        warm_results = warm_run()
        warm = median_seconds(warm_run, max(args.repeat - 1, 1))
        cache = corpus / ".reconcile" / "cache.sqlite"
        figures = {
            "documents": documents,
            "cold_seconds": round(cold, 2),
            "warm_seconds": round(warm, 2),
            "ratio": round(cold / warm, 1),
            "cold_results": cold_results,
            "warm_results": warm_results,
            "cache_megabytes": round(cache.stat().st_size / 1e6, 1) if cache.exists() else None,
        }
    write_results(args.json or RESULTS / "bench_check.json", "check-cold-vs-warm", figures)


if __name__ == "__main__":
    main()
