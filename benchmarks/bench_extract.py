"""Extraction throughput: load + extract over FA-KES and over FA-KES replicated to ~100 MB.

Reports, per corpus size (each in its own subprocess, so peak RSS is that run's own):
documents per second, MB per second per core (MB over the CPU seconds of one process), peak RSS,
and the floor (lxml parse + one regex pass over the same bytes, bench_floor.py) with our ratio
to it. In the same run: the speed-up of `extract_claims(jobs=2)` over `jobs=1`, and our full
pipeline's sentences per second against quantulum3's number-only parser on the same sentences.

The replicated corpus is loaded whole, but at today's speed extracting all of it takes tens of
minutes, so its extraction stops after --budget CPU seconds and the rate is measured over the
documents done (`extracted_share` says how many); --full extracts everything.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import (
    FAKES, fakes_bytes, limit_memory, load_average, parser, peak_rss_mb, replicate_csv, run_child, timed_both,
    write_results,
)

BIG_BYTES = 100 * 1024 * 1024
QUICK_BIG_BYTES = 10 * 1024 * 1024
BIG_BUDGET_SECONDS = 30.0
QUICK_BUDGET_SECONDS = 5.0
JOBS_DOCUMENTS, QUICK_JOBS_DOCUMENTS = 400, 128
PEER_SENTENCES, QUICK_PEER_SENTENCES = 400, 100
MEMORY_GIB = 8.0
FLOOR_CHUNK_BYTES = 4 * 1024 * 1024
CHILD_TIMEOUT = 900.0


def main() -> None:
    options = parser(__doc__.splitlines()[0])
    options.add_argument("--full", action="store_true", help="extract the whole replicated corpus (slow)")
    options.add_argument("--budget", type=float, help="CPU seconds of extraction per corpus (default: all of FA-KES)")
    options.add_argument("--child", choices=("corpus", "jobs", "peer"), help=argparse.SUPPRESS)
    options.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    options.add_argument("--label", help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.child:
        limit_memory(MEMORY_GIB)
        {"corpus": measure_corpus, "jobs": measure_jobs, "peer": measure_peer}[args.child](args)
    else:
        measure_everything(args)


# ---------------------------------------------------------------------------------------- parent


def measure_everything(args) -> None:
    me = [sys.executable, str(Path(__file__).resolve()), "--repeat", str(args.repeat)] + (["--quick"] if args.quick else [])
    figures: dict = {"corpora": []}
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as scratch:
        for label, path, budget in corpora(args, Path(scratch)):
            command = me + ["--child", "corpus", "--corpus", str(path), "--label", label]
            if budget:
                command += ["--budget", str(budget)]
            figures["corpora"].append(_child(command, {"corpus": label}))
    figures["jobs"] = _child(me + ["--child", "jobs"], {})
    figures["peer"] = _child(me + ["--child", "peer"], {})
    figures.update(headline(figures))
    print_table(figures)
    write_results(args.json, "extract-throughput", figures)


def corpora(args, scratch: Path):
    """(label, file, extraction budget) per corpus size; the big one is written to a scratch file
    so the child reads it as the CLI would, and its peak RSS holds no copy made to build it."""
    small_budget = args.budget or (QUICK_BUDGET_SECONDS if args.quick else None)
    yield "fakes", FAKES, small_budget
    big = QUICK_BIG_BYTES if args.quick else BIG_BYTES
    path = scratch / "fakes-replicated.csv"
    path.write_bytes(replicate_csv(fakes_bytes(), big))
    big_budget = None if args.full else (args.budget or (QUICK_BUDGET_SECONDS if args.quick else BIG_BUDGET_SECONDS))
    yield f"fakes x{round(big / FAKES.stat().st_size)}", path, big_budget


def _child(command: list[str], base: dict) -> dict:
    result, failure = run_child(command, CHILD_TIMEOUT)
    if failure:
        print(f"FAILED {' '.join(command[2:])}: {failure}", file=sys.stderr)
        return {**base, "failed": failure}
    for key in ("benchmark", "cores", "python"):
        result.pop(key, None)
    return {**base, **result}


def headline(figures: dict) -> dict:
    """The figures the issue's targets are stated in, from the FA-KES run."""
    fakes = next((c for c in figures["corpora"] if c.get("corpus") == "fakes" and "failed" not in c), None)
    peer = figures.get("peer", {})
    jobs = figures.get("jobs", {})
    return {
        "mb_per_s_per_core": fakes and fakes["mb_per_s_per_core"],
        "docs_per_s": fakes and fakes["docs_per_s"],
        "peak_rss_mb": fakes and fakes["peak_rss_mb"],
        "floor_ratio": fakes and fakes["floor_ratio"],
        "peer_ratio": peer.get("ratio"),
        "jobs_speedup": jobs.get("speedup"),
    }


def print_table(figures: dict) -> None:
    out = sys.stderr
    print(f"{'corpus':<10} {'MB':>7} {'docs':>7} {'done':>6} {'docs/s':>7} {'MB/s/core':>9} {'peak MiB':>9} "
          f"{'floor MB/s':>10} {'x floor':>8}", file=out)
    for run in figures["corpora"]:
        if "failed" in run:
            print(f"{run['corpus']:<10} FAILED: {run['failed']}", file=out)
            continue
        print(f"{run['corpus']:<10} {run['megabytes']:>7.1f} {run['documents']:>7} {run['extracted_share']:>6.0%} "
              f"{run['docs_per_s']:>7.1f} {run['mb_per_s_per_core']:>9.3f} {run['peak_rss_mb']:>9.0f} "
              f"{run['floor_mb_per_s']:>10.1f} {run['floor_ratio']:>8.0f}", file=out)
    jobs, peer = figures["jobs"], figures["peer"]
    if "failed" not in jobs:
        print(f"jobs 1 → 2 on {jobs['documents']} documents: {jobs['jobs1_seconds']:.1f} s → "
              f"{jobs['jobs2_seconds']:.1f} s, speed-up {jobs['speedup']:.2f}×", file=out)
    if "failed" not in peer:
        print(f"peer: ours {peer['ours_sentences_per_s']:.0f} sentences/s, quantulum3 "
              f"{peer['quantulum3_sentences_per_s']:.0f} sentences/s: ratio {peer['ratio']:.2f}× "
              f"(target ≥ 50×)", file=out)


# ----------------------------------------------------------------------------- child: one corpus


def measure_corpus(args) -> None:
    from bench_floor import floor_pass

    from reconcile.load import load_bytes
    from reconcile.rulebook import load_rulebook

    book = load_rulebook()
    read_wall, read_cpu, data = timed_both(args.corpus.read_bytes)
    load_wall, load_cpu, documents = timed_both(lambda: load_bytes(data, doc_id=args.corpus.name, path=str(args.corpus)))
    done, claims, extract_wall, extract_cpu = extract_within(documents, book, args.budget)
    peak = peak_rss_mb()  # before the floor runs: its tree is not the pipeline's memory
    share = _text_share(documents, done)
    megabytes = len(data) / 1e6
    seconds_per_mb = (read_cpu + load_cpu) / megabytes + extract_cpu / (megabytes * share)
    floor_seconds = median_floor(floor_pass, data, 1 if megabytes > 20 or args.quick else args.repeat)
    floor_rate = megabytes / floor_seconds
    write_results(args.json, "extract-one-corpus", {
        "megabytes": round(megabytes, 2),
        "documents": len(documents),
        "documents_extracted": done,
        "extracted_share": round(share, 4),
        "sentences_extracted": _sentences(documents[:done]),
        "claims": len(claims),
        "load_seconds": round(read_wall + load_wall, 3),
        "load_cpu_seconds": round(read_cpu + load_cpu, 3),
        "extract_seconds": round(extract_wall, 3),
        "extract_cpu_seconds": round(extract_cpu, 3),
        "load_mb_per_s": round(megabytes / (read_cpu + load_cpu), 2),
        "extract_mb_per_s": round(megabytes * share / extract_cpu, 3),
        "docs_per_s": round(done / (extract_cpu + (read_cpu + load_cpu) * done / len(documents)), 2),
        "mb_per_s_per_core": round(1 / seconds_per_mb, 4),
        "mb_per_s_wall": round(megabytes * share / (extract_wall + (read_wall + load_wall) * share), 4),
        "peak_rss_mb": round(peak, 1),
        "floor_seconds": round(floor_seconds, 3),
        "floor_mb_per_s": round(floor_rate, 1),
        "floor_ratio": round(floor_rate * seconds_per_mb, 1),
        "load_average": load_average(),
    })


def extract_within(documents, book, budget: float | None):
    """Extract in document order until done or `budget` CPU seconds are spent; the claims are
    kept, as a real run keeps them, so peak RSS includes them."""
    from reconcile.extract import extract_document

    claims: list = []
    done = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for document in documents:
        claims.extend(extract_document(document, book))
        done += 1
        if budget and time.process_time() - cpu > budget:
            break
    return done, claims, time.perf_counter() - wall, time.process_time() - cpu


def _text_share(documents, done: int) -> float:
    """The share of the corpus's text in the first `done` documents (rows differ in length)."""
    sizes = [sum(len(block.text) for block in document.blocks) for document in documents]
    return sum(sizes[:done]) / max(sum(sizes), 1)


def _sentences(documents) -> int:
    from reconcile.segment import split_sentences

    return sum(len(split_sentences(document)) for document in documents)


def median_floor(floor_pass, data: bytes, repeat: int) -> float:
    """CPU seconds of the floor over `data`, fed in chunks: libxml2 stops a text node at 10 MB
    (lxml's huge_tree limit), so one 100 MB <pre> would be parsed only a tenth of the way."""
    chunks = list(_chunks(data, FLOOR_CHUNK_BYTES))
    times = []
    for _ in range(max(repeat, 1)):
        _, cpu, _ = timed_both(lambda: [floor_pass(chunk) for chunk in chunks])
        times.append(cpu)
    return statistics.median(times)


def _chunks(data: bytes, size: int):
    """`data` cut at line ends into pieces of about `size` bytes."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", start + size)
        end = len(data) if end < 0 else end + 1
        yield data[start:end]
        start = end


# ------------------------------------------------------------------------------- child: --jobs


def measure_jobs(args) -> None:
    """Wall time of extract_claims with 1 and 2 worker processes (pool start-up included, as the
    CLI pays it). Wall time, since the work is in other processes."""
    from reconcile.load import load_bytes
    from reconcile.pipeline import extract_claims
    from reconcile.rulebook import load_rulebook

    book = load_rulebook()
    documents = load_bytes(fakes_bytes(), doc_id="fakes.csv", path=str(FAKES))
    documents = documents[: QUICK_JOBS_DOCUMENTS if args.quick else JOBS_DOCUMENTS]
    one, one_cpu, serial = timed_both(lambda: extract_claims(documents, book, jobs=1))
    workers_before = _children_cpu()
    two, two_cpu, parallel = timed_both(lambda: extract_claims(documents, book, jobs=2, rules_dir=None))
    two_cpu += _children_cpu() - workers_before
    write_results(args.json, "extract-jobs", {
        "documents": len(documents),
        "jobs1_seconds": round(one, 3),
        "jobs2_seconds": round(two, 3),
        "speedup": round(one / two, 2),
        # CPU of the parent and both workers over one process's CPU: what parallelism costs in
        # start-up (each worker loads the rulebook) and in shipping documents and claims.
        "jobs1_cpu_seconds": round(one_cpu, 3),
        "jobs2_cpu_seconds": round(two_cpu, 3),
        "parallel_cpu_overhead": round(two_cpu / one_cpu, 2),
        # What two free cores would give if the work split evenly: an upper bound, for a busy
        # machine where the measured speed-up shows only how much of a second core was free.
        "speedup_bound_if_cores_free": round(one_cpu / (two_cpu / 2), 2),
        "same_claims": [c.id for c in serial] == [c.id for c in parallel],
        "load_average": load_average(),
    })


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (the pool's workers, once shut down)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ------------------------------------------------------------------------------- child: peer


def measure_peer(args) -> None:
    """Sentences per second: quantulum3's parser.parse against our whole pipeline (a sentence as
    a one-paragraph document: load-free, but segment, numbers, attribution, place, time, claims)."""
    import warnings

    from reconcile.extract import extract_text
    from reconcile.rulebook import load_rulebook

    warnings.filterwarnings("ignore", module="quantulum3")  # "classifier dependencies not installed"
    from quantulum3 import parser as quantulum

    book = load_rulebook()
    sentences = sample_sentences(QUICK_PEER_SENTENCES if args.quick else PEER_SENTENCES)
    quantulum.parse(sentences[0])  # its first call loads its unit tables: start-up, not parsing
    extract_text(sentences[0], book)
    repeat = 1 if args.quick else min(args.repeat, 3)
    theirs = _median_cpu(lambda: [quantulum.parse(s) for s in sentences], repeat)
    ours = _median_cpu(lambda: [extract_text(s, book) for s in sentences], repeat)
    write_results(args.json, "extract-peer", {
        "sentences": len(sentences),
        "with_digit": sum(any(ch.isdigit() for ch in s) for s in sentences),
        "quantulum3_sentences_per_s": round(len(sentences) / theirs, 1),
        "ours_sentences_per_s": round(len(sentences) / ours, 1),
        "ratio": round(theirs / ours, 2),
        "load_average": load_average(),
    })


def sample_sentences(count: int, seed: int = 804) -> list[str]:
    """The same seeded sample of FA-KES sentences every run."""
    from reconcile.load import load_bytes
    from reconcile.segment import split_sentences

    documents = load_bytes(fakes_bytes(), doc_id="fakes.csv", path=str(FAKES))
    sentences = [s.text for d in documents for s in split_sentences(d) if s.text.strip()]
    return random.Random(seed).sample(sentences, min(count, len(sentences)))


def _median_cpu(function, repeat: int) -> float:
    return statistics.median(timed_both(function)[1] for _ in range(repeat))


if __name__ == "__main__":
    main()
