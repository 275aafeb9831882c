"""A figure while the reconciler works on it: plain slots, no validation (it is built from
already-validated claims, and a million-claim run makes millions of these reads)."""

from __future__ import annotations

import math

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
        "low",
        "high",
        "low_inclusive",
        "high_inclusive",
        "nominal",
        "first",
        "last",
        "mentions",
        "claim_ids",
        "text",
        "topic",
        "depth",
        "figure",
    )

    def __init__(
        self,
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
        claim_ids: list[str],
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
        # The bounds again with an open side as ±infinity: the verdicts compare them pair by pair
        # without asking about None each time.
        low, high, self.low_inclusive, self.high_inclusive = interval
        self.low = -math.inf if low is None else low
        self.high = math.inf if high is None else high
        self.nominal = nominal
        self.first = first
        self.last = last
        self.mentions = mentions
        self.claim_ids = claim_ids  # the mentions' claim ids, sorted
        self.text = text
        self.topic = -1
        self.depth = 0  # how deep the place lies in the gazetteer; the deeper of two is the part
        self.figure = None  # the output Figure, once a finding needs it
