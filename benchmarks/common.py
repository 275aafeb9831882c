"""Shared helpers for the benchmarks: medians of repeated runs, peak memory, corpus replication.

Benchmarks measure; they never assert. Each script prints its own table and, with --json FILE,
writes its figures so that run_all.py can gather them into one table.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "corpus" / "fa-kes" / "fakes.csv"
SEEDS = ROOT / "seeds"
RESULTS = ROOT / "benchmarks" / "results"


def parser(description: str) -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(description=description)
    result.add_argument("--json", type=Path, help="write the figures to this file")
    result.add_argument("--repeat", type=int, default=5, help="runs per measurement (median reported)")
    result.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    return result


def median_seconds(function, repeat: int) -> float:
    """Median wall time of `repeat` calls: the median shrugs off a run disturbed by the machine."""
    times = []
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_results(path: Path | None, name: str, figures: dict) -> None:
    payload = {"benchmark": name, "cores": os.cpu_count(), "python": sys.version.split()[0],
               "load_average": round(os.getloadavg()[0], 2), **figures}
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(payload, indent=2))
    print(json.dumps(payload, indent=2))


def fakes_bytes() -> bytes:
    if not FAKES.exists():
        raise SystemExit(f"benchmark needs {FAKES} (the shared FA-KES corpus)")
    return FAKES.read_bytes()


def replicate_csv(data: bytes, target_bytes: int) -> bytes:
    """The corpus copied until it reaches `target_bytes`, each copy's ids made unique."""
    text = data.decode("utf-8", "surrogateescape")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    id_column = header.index("unit_id") if "unit_id" in header else 0
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    copy = 0
    while out.tell() < target_bytes:
        for row in body:
            row = list(row)
            row[id_column] = f"{row[id_column]}-{copy}"
            writer.writerow(row)
        copy += 1
    return out.getvalue().encode("utf-8", "surrogateescape")


def timed_both(function) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result) of one call. CPU time is the steadier
    figure on a shared machine: other people's processes stretch the wall clock, not our CPU time."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = function()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def limit_memory(gibibytes: float) -> None:
    """Cap this process's address space, so a run that would swamp a shared machine fails with
    MemoryError instead. Call it first thing in a child process."""
    cap = int(gibibytes * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def run_child(command: list[str], timeout: float) -> tuple[dict | None, str | None]:
    """Run a measuring subprocess that writes its figures as JSON to the path after --json.
    Returns (figures, None) or (None, why it failed), never raises: one size failing must not lose
    the others."""
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        target = Path(handle.name)
    try:
        done = subprocess.run([*command, "--json", str(target)], capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            tail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
            return None, f"exit {done.returncode}: {tail[:200]}"
        return json.loads(target.read_text()), None
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout:.0f} s"
    except (OSError, ValueError) as error:
        return None, f"{type(error).__name__}: {error}"
    finally:
        target.unlink(missing_ok=True)


def load_average() -> float:
    """The one-minute load average: above the core count, timings were taken on a busy machine."""
    return round(os.getloadavg()[0], 2)
