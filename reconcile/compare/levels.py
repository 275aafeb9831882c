"""How serious a finding is: disagreements by their spread, against configured thresholds."""

from __future__ import annotations

from reconcile.compare.config import Thresholds


def level_of(verdict: str, ratio: float | None, thresholds: Thresholds) -> str:
    if verdict == "disagree":
        return spread_level(ratio, thresholds)
    if verdict == "revision":
        return "notice"
    return "info"


def spread_level(ratio: float | None, thresholds: Thresholds) -> str:
    if ratio is None:
        return "notice"
    if ratio >= thresholds.error_spread:
        return "error"
    if ratio >= thresholds.warning_spread:
        return "warning"
    return "notice"
