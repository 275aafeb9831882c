"""`reconcile check`'s logic as pure functions: which findings a change creates, baselines of
accepted results, and suppression comments. Only reconcile/cli/ reads files or picks exit codes."""

from reconcile.check.baseline import Baseline, BaselineError, baseline_of, parse_baseline, render_baseline
from reconcile.check.model import CheckItem, CheckResult, Counterpart, KnownFinding, Suppression
from reconcile.check.rules import ALL_RULES, RULES, UNUSED_SUPPRESSION, CheckRule
from reconcile.check.run import fails, run_check
from reconcile.check.suppress import parse_suppressions

__all__ = [
    "ALL_RULES",
    "RULES",
    "UNUSED_SUPPRESSION",
    "Baseline",
    "BaselineError",
    "CheckItem",
    "CheckResult",
    "CheckRule",
    "Counterpart",
    "KnownFinding",
    "Suppression",
    "baseline_of",
    "fails",
    "parse_baseline",
    "parse_suppressions",
    "render_baseline",
    "run_check",
]
