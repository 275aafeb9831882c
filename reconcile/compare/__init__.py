"""Stage 5, compare: verdicts on the figures of each topic (DESIGN.md, "Topics and findings")."""

from reconcile.compare.config import ReconcileConfig, Thresholds, TimeTolerance
from reconcile.compare.reconciler import reconcile

__all__ = ["ReconcileConfig", "Thresholds", "TimeTolerance", "reconcile"]
