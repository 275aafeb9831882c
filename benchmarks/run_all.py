"""Run every benchmark, print one table against the issue's targets, write results/summary.json.

Each benchmark runs as its own subprocess with --json into benchmarks/results/ (git-ignored). A
benchmark that fails, times out or writes nothing is named in the table and the run carries on.
With --runs N every benchmark runs N times and the table shows the median of each figure.

    .venv/bin/python benchmarks/run_all.py [--quick] [--runs N] [--only NAME,…] [--skip NAME,…]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


@dataclass
class Benchmark:
    name: str
    script: str
    args: list[str] = field(default_factory=list)
    quick_args: list[str] = field(default_factory=lambda: ["--quick"])
    timeout: float = 900.0
    writes_json: bool = True  # else its stdout is kept and read by `rows_of`
    in_quick: bool = True


BENCHMARKS = [
    Benchmark("floor", "bench_floor.py", quick_args=["--quick", "--repeat", "3"], timeout=300),
    Benchmark("numbers", "bench_numbers.py", timeout=300),
    Benchmark("extract", "bench_extract.py", timeout=1800),
    Benchmark("reconcile", "bench_reconcile.py", args=["--repeat", "3"], quick_args=["--quick", "--repeat", "1"],
              timeout=1800),
    # bench_check's own --quick still builds 500 documents; a smoke run needs far fewer.
    Benchmark("check", "bench_check.py", quick_args=["--documents", "40", "--repeat", "2"], timeout=1800),
    Benchmark("fakes_agreement", "fakes_agreement.py", args=["--misses", "0"], timeout=600, writes_json=False,
              in_quick=False),
    Benchmark("profile", "profile_pipeline.py", args=["--top", "10"], quick_args=["--quick", "--top", "10"],
              timeout=600),
    Benchmark("profile_reconcile", "profile_pipeline.py", args=["--stage", "reconcile", "--claims", "20000", "--top", "10"],
              quick_args=["--stage", "reconcile", "--quick", "--top", "10"], timeout=600),
]


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="small inputs: a smoke run of every benchmark")
    options.add_argument("--runs", type=int, default=1, help="runs of each benchmark; the table shows medians")
    options.add_argument("--only", type=_names, default=None, help="comma-separated benchmark names")
    options.add_argument("--skip", type=_names, default=set(), help="comma-separated benchmark names")
    args = options.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    outcomes = {}
    for bench in selected(args):
        outcomes[bench.name] = [run_one(bench, args.quick, number, args.runs) for number in range(args.runs)]
    rows = [row for name, runs in outcomes.items() for row in median_rows(name, runs)]
    failures = [{"benchmark": name, "run": i + 1, "error": run["error"]}
                for name, runs in outcomes.items() for i, run in enumerate(runs) if "error" in run]
    print_table(rows, failures)
    profiles = {name: _last_good(outcomes.get(name, [])) for name in ("profile", "profile_reconcile")}
    for profile in profiles.values():
        if profile:
            print_profile(profile)
    summary = {
        "machine": machine(),
        "quick": args.quick,
        "runs": args.runs,
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
        "failures": failures,
        "profile_top5": {name: _profile_top5(profile) for name, profile in profiles.items()},
        "results": {name: [run.get("file") for run in runs] for name, runs in outcomes.items()},
    }
    (RESULTS / "summary.json").write_text(json.dumps(summary, indent=2))
    print(f"\n{len(rows)} figures, {len(failures)} failures, {summary['seconds']:.0f} s; "
          f"written to {(RESULTS / 'summary.json').relative_to(HERE.parent)}")
    return 0


def _names(text: str) -> set[str]:
    return {name.strip() for name in text.split(",") if name.strip()}


def selected(args) -> list[Benchmark]:
    """The listed benchmarks, plus any bench_*.py added since (run with --json and --quick)."""
    known = {bench.script for bench in BENCHMARKS}
    extra = [Benchmark(path.stem.removeprefix("bench_"), path.name) for path in sorted(HERE.glob("bench_*.py"))
             if path.name not in known]
    chosen = []
    for bench in BENCHMARKS + extra:
        if args.only is not None and bench.name not in args.only:
            continue
        if bench.name in args.skip:
            continue
        if args.quick and not bench.in_quick:
            print(f"-- {bench.name}: skipped in --quick mode", file=sys.stderr)
            continue
        chosen.append(bench)
    return chosen


def run_one(bench: Benchmark, quick: bool, number: int, runs: int) -> dict:
    """One run of one benchmark: its figures, or the reason it has none."""
    if not (HERE / bench.script).exists():
        return {"error": f"{bench.script} does not exist"}
    suffix = f".run{number + 1}" if runs > 1 else ""
    target = RESULTS / f"{bench.name}{suffix}.{'json' if bench.writes_json else 'txt'}"
    target.unlink(missing_ok=True)
    command = [sys.executable, bench.script, *(bench.quick_args if quick else bench.args)]
    if bench.writes_json:
        command += ["--json", str(target)]
    print(f"-- {bench.name}{suffix}: {' '.join(command[1:])}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=HERE, capture_output=True, text=True, timeout=bench.timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {bench.timeout:.0f} s"}
    seconds = time.perf_counter() - started
    print(f"   {seconds:.0f} s, exit {done.returncode}", file=sys.stderr, flush=True)
    if not bench.writes_json:
        target.write_text(done.stdout)
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"error": f"exit {done.returncode}: {tail[:300]}", "seconds": seconds}
    try:
        figures = json.loads(target.read_text()) if bench.writes_json else read_text_figures(bench.name, done.stdout)
    except (OSError, ValueError) as error:
        return {"error": f"no readable results: {error}", "seconds": seconds}
    return {"figures": figures, "file": str(target.relative_to(HERE.parent)), "seconds": seconds}


def read_text_figures(name: str, stdout: str) -> dict:
    """Figures of a benchmark that prints text only (fakes_agreement.py)."""
    match = re.search(r"agreement[^:]*:\s*([\d.]+)%\s*\((\d+)/(\d+)\)", stdout)
    if not match:
        raise ValueError(f"{name}: no 'agreement … N% (a/b)' line in its output")
    return {"agreement_percent": float(match[1]), "agreeing": int(match[2]), "compared": int(match[3])}


# ------------------------------------------------------------------------- figures to table rows


@dataclass
class Metric:
    label: str
    path: str  # dotted path into the results; [n] picks a list item
    unit: str = ""
    target: str = ""
    meets: object = None  # value -> bool, for a figure with a target


def metrics_of(name: str, figures: dict) -> list[Metric]:
    if name == "extract":
        return _extract_metrics(figures)
    if name == "reconcile":
        return _reconcile_metrics(figures)
    fixed = {
        "floor": [Metric("floor (bench_floor.py; see README)", "mb_per_s", "MB/s")],
        "numbers": [
            Metric("number grammar, seed sentences", "ours_sentences_per_s", "sent/s"),
            Metric("number grammar / quantulum3", "ratio_ours_over_quantulum3", "×"),
        ],
        "check": _check_metrics(figures),
        "fakes_agreement": [Metric("FA-KES civilian deaths = crowd", "agreement_percent", "%")],
        "profile": [Metric("extract under cProfile", "profiled_seconds", "s")],
        "profile_reconcile": [Metric("reconcile under cProfile", "profiled_seconds", "s")],
    }
    return fixed.get(name) or [Metric(key, key) for key, value in figures.items()
                               if isinstance(value, (int, float)) and not isinstance(value, bool)
                               and key not in ("cores", "load_average")]


def _check_metrics(figures: dict) -> list[Metric]:
    metrics = []
    for index, run in enumerate(figures.get("warm", [])):
        documents = run.get("documents", 0)
        full = documents >= 50_000
        metrics += [
            Metric(f"check, warm, {documents:,} docs: wall", f"warm.[{index}].warm_wall_seconds", "s",
                   "< 2 s" if full else "", _at_full_size(full, lambda v: v < 2)),
            Metric(f"check, warm, {documents:,} docs: CPU", f"warm.[{index}].warm_cpu_seconds", "s"),
        ]
    cold = figures.get("cold", {})
    metrics.append(Metric(f"check, cold, {cold.get('documents', '?')} docs: CPU", "cold.cpu_seconds", "s"))
    return metrics


def _at_full_size(full: bool, meets):
    """A target stated for a size is judged only on a run of that size."""
    return meets if full else None


def _extract_metrics(figures: dict) -> list[Metric]:
    metrics = [
        Metric("extract FA-KES: MB/s per core", "mb_per_s_per_core", "MB/s", "≥ 5", lambda v: v >= 5),
        Metric("extract FA-KES: documents/s", "docs_per_s", "docs/s"),
        Metric("extract FA-KES: peak RSS", "peak_rss_mb", "MiB"),
        Metric("floor over FA-KES (lxml + one regex pass)", "corpora.[0].floor_mb_per_s", "MB/s"),
        Metric("extract FA-KES: × slower than floor", "floor_ratio", "×"),
        Metric("extract: --jobs 2 speed-up (wall, measured)", "jobs_speedup", "×"),
        Metric("extract: --jobs 2 bound if 2 cores free", "jobs.speedup_bound_if_cores_free", "×"),
        Metric("pipeline / quantulum3 (sentences/s)", "peer_ratio", "×", "≥ 50", lambda v: v >= 50),
    ]
    for index, corpus in enumerate(figures.get("corpora", [])[1:], start=1):
        label = f"extract {corpus.get('corpus')}"
        metrics += [
            Metric(f"{label}: MB/s per core", f"corpora.[{index}].mb_per_s_per_core", "MB/s", "≥ 5", lambda v: v >= 5),
            Metric(f"{label}: peak RSS", f"corpora.[{index}].peak_rss_mb", "MiB"),
            Metric(f"{label}: share extracted", f"corpora.[{index}].extracted_share", ""),
        ]
    return metrics


def _reconcile_metrics(figures: dict) -> list[Metric]:
    metrics = []
    for index, size in enumerate(figures.get("sizes", [])):
        claims = size.get("claims", 0)
        label = f"reconcile {claims:,} claims"
        million = claims >= 1_000_000
        if "failed" in size:
            metrics.append(Metric(f"{label}: projected CPU s", f"sizes.[{index}].projected_cpu_seconds", "s",
                                  "< 30 s" if million else "", (lambda v: v < 30) if million else None))
            metrics.append(Metric(f"{label}: projected peak RSS", f"sizes.[{index}].projected_peak_rss_mb", "MiB",
                                  "< 2048" if million else "", (lambda v: v < 2048) if million else None))
            continue
        metrics += [
            Metric(f"{label}: CPU s", f"sizes.[{index}].cpu_seconds", "s", "< 30 s" if million else "",
                   (lambda v: v < 30) if million else None),
            Metric(f"{label}: µs per claim", f"sizes.[{index}].us_per_claim", "µs"),
            Metric(f"{label}: peak RSS (claims included)", f"sizes.[{index}].peak_rss_mb", "MiB",
                   "< 2048" if million else "", (lambda v: v < 2048) if million else None),
            Metric(f"{label}: reconcile's own RSS increase", f"sizes.[{index}].reconcile_rss_mb", "MiB"),
            Metric(f"{label}: findings per claim", f"sizes.[{index}].findings_per_claim", ""),
        ]
    metrics.append(Metric("reconcile: time exponent (1 = linear)", "exponent", "", "≈ 1", lambda v: v < 1.3))
    return metrics


def lookup(figures: dict, path: str):
    value = figures
    for part in path.split("."):
        if part.startswith("[") and isinstance(value, list):
            position = int(part[1:-1])
            value = value[position] if position < len(value) else None
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
        if value is None:
            return None
    return value


def median_rows(name: str, runs: list[dict]) -> list[dict]:
    """One row per figure: the median over the runs that produced it."""
    good = [run["figures"] for run in runs if "figures" in run]
    if not good:
        return [{"benchmark": name, "figure": "(no results)", "value": None, "runs": 0, "unit": "", "target": "",
                 "met": None}]
    rows = []
    for metric in metrics_of(name, good[-1]):
        values = [v for v in (lookup(figures, metric.path) for figures in good) if isinstance(v, (int, float))]
        value = statistics.median(values) if values else None
        rows.append({
            "benchmark": name, "figure": metric.label, "value": value, "unit": metric.unit,
            "target": metric.target, "runs": len(values),
            "spread": [min(values), max(values)] if len(values) > 1 else None,
            "met": (bool(metric.meets(value)) if metric.meets and value is not None else None),
        })
    return rows


def print_table(rows: list[dict], failures: list[dict]) -> None:
    print(f"\n{'figure':<48} {'value':>12} {'unit':<7} {'target':<22} {'met':<4} runs", flush=True)
    print("-" * 102)
    for row in rows:
        value = _format(row["value"])
        met = {True: "yes", False: "NO", None: ""}[row["met"]]
        print(f"{row['figure']:<48} {value:>12} {row['unit']:<7} {row['target']:<22} {met:<4} {row['runs']}")
    for failure in failures:
        print(f"FAILED {failure['benchmark']} (run {failure['run']}): {failure['error']}")


def _format(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return f"{value:,}"


def _last_good(runs: list[dict]) -> dict | None:
    good = [run["figures"] for run in runs if "figures" in run]
    return good[-1] if good else None


def _profile_top5(profile: dict | None) -> dict | None:
    if not profile:
        return None
    return {"subject": profile.get("subject"), "by_cumulative": profile.get("top_cumulative", [])[:5],
            "by_internal": profile.get("top_internal", [])[:5], "stages": profile.get("stages", [])[:8]}


def print_profile(profile: dict) -> None:
    print(f"\nprofile top 5 ({profile.get('subject')}, {profile.get('profiled_seconds')} s under cProfile):")
    for title, key in (("cumulative", "top_cumulative"), ("internal", "top_internal")):
        print(f"  by {title} time:")
        for row in profile.get(key, [])[:5]:
            print(f"    {row['cumulative_s']:>8.2f} cum {row['internal_s']:>8.2f} own {row['calls']:>9}  {row['function']}")
    print("  by stage (time spent in each module the driving module calls):")
    for row in profile.get("stages", [])[:8]:
        print(f"    {row['cumulative_s']:>8.2f} s  {row['module']}")


def machine() -> dict:
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "load_average": [round(value, 2) for value in os.getloadavg()],
    }


if __name__ == "__main__":
    sys.exit(main())
