"""FA-KES: does the largest civilian death count we extract equal the crowd's `nb_civilians`?

Runs the real pipeline (load → segment → extract) on the 804 FA-KES articles and compares, per
article, the largest exact-ish civilian death count (killed claims whose subject class is a
civilian one; vague magnitudes like "dozens" and shares are left out) with the crowd annotation.
An article with no such claim counts as 0. Prints the agreement and a sample of each kind of miss.

    .venv/bin/python benchmarks/fakes_agreement.py [--misses N] [--csv PATH] [--annotated PATH]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "fa-kes"


def crowd_counts(path: Path) -> dict[str, int]:
    """unit_id → nb_civilians; a repeated unit_id gets ~2, ~3 … as the loader names its rows."""
    text = path.read_bytes().decode("cp1252", errors="replace")
    seen: Counter[str] = Counter()
    counts = {}
    for row in csv.DictReader(io.StringIO(text)):
        unit = row["unit_id"]
        seen[unit] += 1
        key = unit if seen[unit] == 1 else f"{unit}~{seen[unit]}"
        counts[key] = int(float(row["nb_civilians"] or 0))
    return counts


# Background totals of the whole war ("the conflict has killed more than 280,000 people since
# 2011") are claims too, but the crowd counted the article's own event.
WAR_WINDOW = ("war", "conflict", "uprising", "crisis", "revolution", "since 19", "since 20")


def is_event_count(claim) -> bool:
    window = (claim.time.window or "").casefold()
    return not any(word in window for word in WAR_WINDOW)


def civilian_death_counts(claims, book) -> list[int]:
    counts = [
        _count(claim.quantity) for claim in claims
        if claim.category == "killed" and claim.quantity.unit == "count"
        and claim.quantity.qualifier != "vague" and book.subjects.is_civilian(claim.subject_class)
        and is_event_count(claim)
    ]
    return [c for c in counts if c is not None]


def largest_civilian_deaths(claims, book) -> int:
    return max(civilian_death_counts(claims, book), default=0)


def _count(quantity):
    value = quantity.nominal if quantity.nominal is not None else quantity.low
    return int(value) if value is not None else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=CORPUS / "fakes.csv")
    parser.add_argument("--annotated", type=Path, default=CORPUS / "fakes-annotated.csv")
    parser.add_argument("--misses", type=int, default=15, help="how many misses of each kind to print")
    args = parser.parse_args()

    from reconcile.cli.inputs import load_inputs
    from reconcile.extract import extract_document
    from reconcile.rulebook import load_rulebook

    book = load_rulebook()
    documents, errors = load_inputs([str(args.csv)])
    if errors:
        print(f"load errors: {errors}", file=sys.stderr)
        return 2
    crowd = crowd_counts(args.annotated)
    kinds: Counter[str] = Counter()
    first_agrees = 0
    misses: dict[str, list[tuple[str, int, int, str]]] = {}
    for document in documents:
        unit = document.id.split("#", 1)[-1]
        if unit not in crowd:
            continue
        claims = extract_document(document, book)
        ours, theirs = largest_civilian_deaths(claims, book), crowd[unit]
        first_agrees += (civilian_death_counts(claims, book) or [0])[0] == theirs
        kind = _kind(ours, theirs)
        kinds[kind] += 1
        if kind != "agree":
            killed = "; ".join(f"{c.quantity.text} {c.subject}" for c in claims if c.category == "killed")
            misses.setdefault(kind, []).append((unit, ours, theirs, killed or (document.title or "")))
    total = sum(kinds.values())
    print(f"articles compared: {total}")
    print(f"agreement (largest civilian death count == nb_civilians): {kinds['agree'] / total:.1%} ({kinds['agree']}/{total})")
    for kind, count in kinds.most_common():
        print(f"  {kind}: {count}")
    print(f"(for comparison: the FIRST civilian death count equals it in {first_agrees / total:.1%}; the crowd "
          "annotated the article's main event, which a later, larger figure often is not)")
    for kind, rows in misses.items():
        print(f"\n== {kind} (first {args.misses})")
        for unit, ours, theirs, detail in rows[: args.misses]:
            print(f"  {unit}: ours {ours}, crowd {theirs} | {detail[:150]}")
    return 0


def _kind(ours: int, theirs: int) -> str:
    if ours == theirs:
        return "agree"
    if ours == 0:
        return "none extracted, crowd has a count"
    if theirs == 0:
        return "extracted, crowd says 0"
    return "both counted, ours larger" if ours > theirs else "both counted, ours smaller"


if __name__ == "__main__":
    sys.exit(main())
