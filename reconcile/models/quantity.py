"""A figure found in text, as an honest interval with the words that made it."""

from __future__ import annotations

from typing import Any, Literal, TypeVar

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


Model = TypeVar("Model", bound=BaseModel)
_set = object.__setattr__
# One set of every field name per model class, shared by all its trusted instances (see `trusted`).
_ALL_FIELDS: dict[type, set[str]] = {}


def trusted(cls: type[Model], /, **values: Any) -> Model:
    """An instance of the frozen model `cls` from values that are already valid (they come from
    validated input or from code that only ever makes valid values), given for EVERY field, in
    field order: pydantic's own validation is skipped, as `model_construct` skips it, but cheaper
    in memory, which decides how many claims a run can hold.

    - `model_construct` gives each instance its own `__pydantic_fields_set__` (a set per model,
      six per claim: more than half of a claim's memory). Every field is given here, so the set
      of fields set is the class's full set of field names: one set, shared. Pydantic only ever
      adds field names to it (all already there) or copies it, so sharing it is safe.
    - The attributes are set one by one, so that CPython stores them in a key-sharing dict (the
      keys kept once per class): 40 % smaller than the dict `model_construct` makes.

    tests/models checks that a trusted instance equals, and dumps exactly as, its validated twin."""
    instance = cls.__new__(cls)
    for name, value in values.items():
        _set(instance, name, value)
    fields = _ALL_FIELDS.get(cls)
    if fields is None:
        fields = _ALL_FIELDS[cls] = set(cls.model_fields)
    _set(instance, "__pydantic_fields_set__", fields)
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance
