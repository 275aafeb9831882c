"""Reconciler scaling: reconcile() time and peak memory at 10k, 100k and 1M synthetic claims.

Each size runs in its own subprocess, so its peak RSS is its own, under a memory cap (a size
that would swamp the shared machine fails with MemoryError and is reported as such). The claims
come from synthetic_claims.py at a constant density per day, so a linear reconciler shows a flat
time per claim; `exponent` is the log-log slope of CPU time against claims (1 linear, 2 quadratic),
`exponent_vs_findings` the same against the number of findings (the output's size).
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import time
from pathlib import Path

from common import limit_memory, load_average, parser, peak_rss_mb, run_child, timed_both, write_results

SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (5_000, 20_000)
# A size's repeats stop once this much time is spent: a 1M run is measured once.
REPEAT_BUDGET_SECONDS = 30.0


def main() -> None:
    options = parser(__doc__.splitlines()[0])
    options.add_argument("--sizes", type=lambda text: [int(s) for s in text.split(",")], help="claim counts, comma-separated")
    options.add_argument("--claims-per-day", type=int, help="density of the synthetic archive (default: synthetic_claims)")
    options.add_argument("--memory-gib", type=float, default=6.0, help="address-space cap per size")
    options.add_argument("--timeout", type=float, default=300.0, help="seconds allowed per size")
    options.add_argument("--child", type=int, help=argparse.SUPPRESS)  # one size, in this process
    args = options.parse_args()
    if args.child:
        measure_one_size(args)
    else:
        measure_all_sizes(args)


def measure_all_sizes(args) -> None:
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    runs: list[dict] = []
    for size in sizes:
        runs.append(measure_size(args, size, runs))
        print(_line(runs[-1]), file=sys.stderr)
    write_results(args.json, "reconcile-scaling", {"sizes": runs, **growth(runs)})


def measure_size(args, size: int, earlier: list[dict]) -> dict:
    """One size in its own process; a size projected to need more than the memory cap is not
    started (it would only fail after minutes) and its projection is reported instead."""
    guess = projection(earlier, size)
    if guess.get("projected_peak_rss_mb", 0) > args.memory_gib * 1024:
        return {"claims": size, "failed": f"skipped: projected over the {args.memory_gib:g} GiB memory cap", **guess}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(size), "--repeat", str(args.repeat),
               "--memory-gib", str(args.memory_gib)]
    if args.claims_per_day:
        command += ["--claims-per-day", str(args.claims_per_day)]
    figures, failure = run_child(command, args.timeout)
    run = {"claims": size, **(figures or {"failed": failure})}
    for key in ("benchmark", "cores", "python"):
        run.pop(key, None)
    if "failed" in run:
        run.update(guess)
    return run


def projection(done: list[dict], size: int) -> dict:
    """What a size that could not run would take, from the two largest sizes that did (time by
    their log-log slope, memory per claim as at the largest): a projection, labelled as one."""
    finished = [run for run in done if "failed" not in run]
    if len(finished) < 2:
        return {}
    small, large = finished[-2], finished[-1]
    slope = math.log(large["cpu_seconds"] / small["cpu_seconds"]) / math.log(large["claims"] / small["claims"])
    scale = size / large["claims"]
    return {
        "projected_cpu_seconds": round(large["cpu_seconds"] * scale**slope, 0),
        "projected_peak_rss_mb": round(large["peak_rss_mb"] * scale, 0),
        "projected_findings": round(large["findings"] * scale),
    }


def _line(run: dict) -> str:
    if "failed" in run:
        guess = ""
        if "projected_cpu_seconds" in run:
            guess = (f"; projected {run['projected_cpu_seconds']:.0f} s CPU, "
                     f"{run['projected_peak_rss_mb'] / 1024:.1f} GiB")
        return f"{run['claims']:>9,} claims: FAILED ({run['failed']}){guess}"
    return (f"{run['claims']:>9,} claims: {run['seconds']:.2f} s ({run['cpu_seconds']:.2f} s CPU), "
            f"{run['us_per_claim']:.1f} µs/claim, {run['findings']:,} findings, peak {run['peak_rss_mb']:.0f} MiB")


def growth(runs: list[dict]) -> dict:
    """How time per claim grows from the smallest to the largest size that finished."""
    done = [run for run in runs if "failed" not in run]
    if len(done) < 2:
        return {"exponent": None}
    first, last = done[0], done[-1]
    exponent = math.log(last["cpu_seconds"] / first["cpu_seconds"]) / math.log(last["claims"] / first["claims"])
    output = math.log(last["cpu_seconds"] / first["cpu_seconds"]) / math.log(last["findings"] / first["findings"])
    return {
        "exponent": round(exponent, 2),
        "exponent_vs_findings": round(output, 2),
        "per_claim_growth": round(last["us_per_claim"] / first["us_per_claim"], 2),
        "findings_per_claim_growth": round(
            (last["findings"] / last["claims"]) / (first["findings"] / first["claims"]), 2
        ),
        "growth_between": [first["claims"], last["claims"]],
    }


def measure_one_size(args) -> None:
    limit_memory(args.memory_gib)
    from synthetic_claims import CLAIMS_PER_DAY, synthetic_archive

    from reconcile.compare import reconcile

    density = args.claims_per_day or CLAIMS_PER_DAY
    try:
        build_wall, _, archive = timed_both(lambda: synthetic_archive(args.child, claims_per_day=density))
    except (MemoryError, SystemError):  # SystemError: an allocation failed inside C code
        _give_up(args, "building the claims")
    gc.collect()
    claims_rss = peak_rss_mb()
    walls, cpus, findings, topics = [], [], 0, 0
    started = time.perf_counter()
    while len(walls) < max(args.repeat, 1):
        try:
            wall, cpu, result = timed_both(lambda: reconcile(archive.claims, archive.places, sources=archive.sources))
        except (MemoryError, SystemError):
            _give_up(args, f"reconciling ({claims_rss:.0f} MiB held by the claims)")
        walls.append(wall)
        cpus.append(cpu)
        findings, topics = len(result.findings), len(result.topics)
        del result
        if time.perf_counter() - started > REPEAT_BUDGET_SECONDS:
            break
    seconds, cpu_seconds = statistics.median(walls), statistics.median(cpus)
    write_results(args.json, "reconcile-one-size", {
        "claims": args.child,
        "days": archive.days,
        "claims_per_day": density,
        "build_seconds": round(build_wall, 2),
        "runs": len(walls),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "us_per_claim": round(cpu_seconds / args.child * 1e6, 2),
        "topics": topics,
        "findings": findings,
        "findings_per_claim": round(findings / args.child, 2),
        "us_per_finding": round(cpu_seconds / max(findings, 1) * 1e6, 2),
        "rss_after_claims_mb": round(claims_rss, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "reconcile_rss_mb": round(peak_rss_mb() - claims_rss, 1),
        "load_average": load_average(),
    })


def _give_up(args, stage: str) -> None:
    """Report the memory cap as this size's result, not as a crash."""
    figures = {"claims": args.child, "failed": f"over the {args.memory_gib:g} GiB memory cap while {stage}"}
    write_results(args.json, "reconcile-one-size", figures)
    raise SystemExit(0)


if __name__ == "__main__":
    main()
