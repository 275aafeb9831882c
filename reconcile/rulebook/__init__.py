"""Rule files (rules/): validated with pydantic, compiled once, merged with a user's folder."""

from reconcile.rulebook.book import Rulebook, load_rulebook
from reconcile.rulebook.errors import RuleError

__all__ = ["RuleError", "Rulebook", "load_rulebook"]
