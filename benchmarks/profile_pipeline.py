"""Profile the pipeline with cProfile: load + extract over FA-KES, or reconcile() over synthetic claims.

Prints the top entries by cumulative time (which stages and callers the time flows through) and
by internal time (the functions that spend it themselves). cProfile adds overhead to every
Python call, so the absolute times are inflated; the ranking is what to read.

    .venv/bin/python benchmarks/profile_pipeline.py [--stage extract|reconcile] [--documents N]
        [--claims N] [--top N] [--quick] [--json FILE]
"""

from __future__ import annotations

import cProfile
import pstats
import sys
from pathlib import Path

from common import FAKES, ROOT, fakes_bytes, parser, write_results

HERE = Path(__file__).resolve().parent
QUICK_DOCUMENTS = 120
QUICK_CLAIMS, CLAIMS = 5_000, 30_000
# The module that drives each profiled stage: the time of each call it makes into another module
# is that module's share (edges out of one hub do not overlap, so the shares add up).
HUBS = {"extract": ("reconcile/extract/document.py", "reconcile/load/__init__.py"),
        "reconcile": ("reconcile/compare/reconciler.py",)}


def main() -> None:
    options = parser(__doc__.splitlines()[0])
    options.add_argument("--stage", choices=("extract", "reconcile"), default="extract")
    options.add_argument("--documents", type=int, help="FA-KES documents to extract (default: all 804)")
    options.add_argument("--claims", type=int, help=f"synthetic claims to reconcile (default: {CLAIMS:,})")
    options.add_argument("--top", type=int, default=25, help="entries printed per ranking")
    args = options.parse_args()
    profiler = cProfile.Profile()
    subject = profile_extract(args, profiler) if args.stage == "extract" else profile_reconcile(args, profiler)
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    cumulative = ranking(stats, "cumulative", args.top)
    internal = ranking(stats, "internal", args.top)
    print(f"profile of {subject}: {total:.2f} s under cProfile\n", file=sys.stderr)
    stages = stage_breakdown(stats, HUBS[args.stage])
    print_ranking("by cumulative time", cumulative, total)
    print_ranking("by internal time", internal, total)
    print_stages(stages, total)
    write_results(args.json, f"profile-{args.stage}", {
        "subject": subject,
        "profiled_seconds": round(total, 2),
        "stages": stages,
        "top_cumulative": cumulative[:15],
        "top_internal": internal[:15],
    })


def profile_extract(args, profiler: cProfile.Profile) -> str:
    from reconcile.extract import extract_document
    from reconcile.load import load_bytes
    from reconcile.rulebook import load_rulebook

    book = load_rulebook()  # once per run, not per document: outside the profile
    data = fakes_bytes()
    count = args.documents or (QUICK_DOCUMENTS if args.quick else None)
    profiler.enable()
    documents = load_bytes(data, doc_id=FAKES.name, path=str(FAKES))[:count]
    claims = [claim for document in documents for claim in extract_document(document, book)]
    profiler.disable()
    return f"load of FA-KES + extract of {len(documents)} of its documents ({len(claims)} claims)"


def profile_reconcile(args, profiler: cProfile.Profile) -> str:
    from synthetic_claims import synthetic_archive

    from reconcile.compare import reconcile

    count = args.claims or (QUICK_CLAIMS if args.quick else CLAIMS)
    archive = synthetic_archive(count)
    profiler.enable()
    result = reconcile(archive.claims, archive.places, sources=archive.sources)
    profiler.disable()
    return f"reconcile of {count:,} synthetic claims ({len(result.findings):,} findings)"


def ranking(stats: pstats.Stats, order: str, top: int) -> list[dict]:
    """The `top` functions by cumulative or internal time, as plain rows."""
    rows = []
    for (file, line, function), (_, calls, internal, cumulative, _) in stats.stats.items():
        if Path(file).parent == HERE or function == "<method 'disable' of '_lsprof.Profiler' objects>":
            continue  # this script's own frames
        rows.append({
            "function": f"{_short(file)}:{line}({function})",
            "calls": calls,
            "internal_s": round(internal, 3),
            "cumulative_s": round(cumulative, 3),
        })
    key = "cumulative_s" if order == "cumulative" else "internal_s"
    rows.sort(key=lambda row: row[key], reverse=True)
    return rows[:top]


def stage_breakdown(stats: pstats.Stats, hubs: tuple[str, ...]) -> list[dict]:
    """Cumulative time per module called from the hub modules (and the hubs' own time), largest
    first: which stage the time goes to, whatever the functions inside are called."""
    seconds: dict[str, float] = {}
    for (file, _, _), (_, _, internal, _, callers) in stats.stats.items():
        callee = _short(file)
        if callee in hubs:
            seconds[callee + " (own)"] = seconds.get(callee + " (own)", 0.0) + internal
            continue
        for (caller_file, _, _), edge in callers.items():
            if _short(caller_file) in hubs:
                seconds[callee] = seconds.get(callee, 0.0) + edge[3]
    rows = [{"module": module, "cumulative_s": round(value, 3)} for module, value in seconds.items()]
    return sorted(rows, key=lambda row: row["cumulative_s"], reverse=True)


def print_stages(stages: list[dict], total: float) -> None:
    print("== by stage (calls out of the driving module, per module called)", file=sys.stderr)
    for row in stages[:15]:
        print(f"{row['cumulative_s']:>12.2f} {100 * row['cumulative_s'] / total:>5.1f}  {row['module']}", file=sys.stderr)
    print(file=sys.stderr)


def _short(file: str) -> str:
    """Paths relative to the checkout or to site-packages; built-ins stay as cProfile names them."""
    path = Path(file)
    if path.is_relative_to(ROOT):
        return path.relative_to(ROOT).as_posix()
    parts = path.parts
    if "site-packages" in parts:
        return "/".join(parts[parts.index("site-packages") + 1 :])
    return file


def print_ranking(title: str, rows: list[dict], total: float) -> None:
    print(f"== {title}", file=sys.stderr)
    print(f"{'cumulative s':>12} {'%':>5} {'internal s':>10} {'%':>5} {'calls':>10}  function", file=sys.stderr)
    for row in rows:
        print(f"{row['cumulative_s']:>12.2f} {100 * row['cumulative_s'] / total:>5.1f} {row['internal_s']:>10.2f} "
              f"{100 * row['internal_s'] / total:>5.1f} {row['calls']:>10}  {row['function']}", file=sys.stderr)
    print(file=sys.stderr)


if __name__ == "__main__":
    main()
