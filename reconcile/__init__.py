"""reconcile: cross-source figure reconciliation for editors and fact-checkers.

The pipeline, one stage per package: load → segment → extract → group → compare → render.
"""

__version__ = "0.1.0"
