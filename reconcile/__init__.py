"""reconcile: cross-source figure reconciliation for editors and fact-checkers.

The pipeline, one stage per package: load → segment → extract → group → compare → render.
"""

__version__ = "0.1.0"

from reconcile.numbers import parse_quantities  # noqa: E402  (the number grammar, issue 3)

__all__ = ["__version__", "parse_quantities"]
