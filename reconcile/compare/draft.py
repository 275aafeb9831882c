"""A figure while the reconciler works on it: plain slots, no validation (it is built from
already-validated claims, and a million-claim run makes millions of these reads)."""

from __future__ import annotations

from reconcile.compare.intervals import Interval


class FigureDraft:
    __slots__ = (
        "id",
        "basis",
        "source",
        "organisation",
        "role",
        "attributed",
        "place",
        "unit",
        "interval",
        "nominal",
        "first",
        "last",
        "mentions",
        "text",
        "topic",
        "depth",
    )

    def __init__(
        self,
        *,
        id: str,
        basis: str | None,
        source: str,
        organisation: str,
        role: str,
        attributed: bool,
        place: str | None,
        unit: str,
        interval: Interval,
        nominal: float | None,
        first: int | None,
        last: int | None,
        mentions: list[int],
        text: str,
    ) -> None:
        self.id = id
        self.basis = basis
        self.source = source  # as the lead mention names it ("Unicef")
        self.organisation = organisation  # as sources are compared ("United Nations")
        self.role = role
        self.attributed = attributed
        self.place = place
        self.unit = unit
        self.interval = interval
        self.nominal = nominal
        self.first = first
        self.last = last
        self.mentions = mentions
        self.text = text
        self.topic = -1
        self.depth = 0  # how deep the place lies in the gazetteer; the deeper of two is the part
