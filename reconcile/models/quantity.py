"""A figure found in text, as an honest interval with the words that made it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Qualifier = Literal[
    "exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"
]
Unit = Literal["count", "percent", "share"]
# Numbers that look like figures but are not counts; the extractor ignores every kind but "quantity".
# "money" is an amount ("$20", "3 million dollars"): a figure, but never a count of people.
QuantityKind = Literal[
    "quantity", "age", "clock_time", "year", "date", "duration", "ordinal", "reference", "phone",
    "money",
]
Number = int | float


class Quantity(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    low: Number | None
    high: Number | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    nominal: Number | None = None
    qualifier: Qualifier = "exact"
    unit: Unit = "count"
    kind: QuantityKind = "quantity"
