"""Stage 4, group: which claims are about the same thing (category, subject class, whole, unit,
basis; places the same or nested; times close)."""

from reconcile.group.places import DEFAULT_PARENTS, Hierarchy, PlaceHierarchy, SourceHierarchy

__all__ = ["DEFAULT_PARENTS", "Hierarchy", "PlaceHierarchy", "SourceHierarchy"]
