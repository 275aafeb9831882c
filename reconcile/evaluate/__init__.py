"""Measure extraction against a gold file: precision, recall, and the fields of each match."""

from reconcile.evaluate.compare import Evaluation, evaluate
from reconcile.evaluate.gold import GoldClaim, GoldError, GoldNegative, negatives_path, read_jsonl
from reconcile.evaluate.scores import Scores, score

__all__ = [
    "Evaluation", "GoldClaim", "GoldError", "GoldNegative", "Scores", "evaluate", "negatives_path",
    "read_jsonl", "score",
]
