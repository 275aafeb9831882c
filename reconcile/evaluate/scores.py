"""Precision and recall from an evaluation: overall, per tier, per category and per field."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reconcile.evaluate.compare import FIELDS, Evaluation


@dataclass(frozen=True)
class Ratio:
    right: int
    total: int

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def text(self) -> str:
        return "—" if self.value is None else f"{self.value:.1%} ({self.right}/{self.total})"

    def as_dict(self) -> dict:
        return {"right": self.right, "total": self.total, "ratio": self.value}


@dataclass
class Scores:
    precision: Ratio
    recall: Ratio
    recall_by_tier: dict[str, Ratio]
    by_category: dict[str, tuple[Ratio, Ratio]]
    fields: dict[str, Ratio]
    fields_core: dict[str, Ratio]

    def as_dict(self) -> dict:
        return {
            "precision": self.precision.as_dict(),
            "recall": self.recall.as_dict(),
            "recall_by_tier": {k: v.as_dict() for k, v in self.recall_by_tier.items()},
            "by_category": {
                k: {"precision": p.as_dict(), "recall": r.as_dict()} for k, (p, r) in self.by_category.items()
            },
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "fields_core": {k: v.as_dict() for k, v in self.fields_core.items()},
        }


def score(result: Evaluation) -> Scores:
    gold_total = len(result.matches) + len(result.missed)
    tiers = Counter(m.gold.tier for m in result.matches)
    tier_totals = Counter(m.gold.tier for m in result.matches) + Counter(g.tier for g in result.missed)
    return Scores(
        precision=Ratio(len(result.matches), result.claims_considered),
        recall=Ratio(len(result.matches), gold_total),
        recall_by_tier={t: Ratio(tiers[t], tier_totals[t]) for t in sorted(tier_totals)},
        by_category=_by_category(result),
        fields=_fields(result, tier=None),
        fields_core=_fields(result, tier="core"),
    )


def _by_category(result: Evaluation) -> dict[str, tuple[Ratio, Ratio]]:
    matched = Counter(m.gold.category for m in result.matches)
    emitted = Counter(m.claim.category for m in result.matches) + Counter(c.category for c in result.extra)
    expected = matched + Counter(g.category for g in result.missed)
    return {
        name: (Ratio(matched[name], emitted[name]), Ratio(matched[name], expected[name]))
        for name in sorted(set(emitted) | set(expected))
    }


def _fields(result: Evaluation, tier: str | None) -> dict[str, Ratio]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for match in result.matches:
        if tier and match.gold.tier != tier:
            continue
        for check in match.checks:
            total[check.name] += 1
            right[check.name] += check.right
    return {name: Ratio(right[name], total[name]) for name in FIELDS if total[name]}
