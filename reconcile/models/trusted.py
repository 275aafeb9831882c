"""Models built from values that are already valid, without pydantic's validation and with less
memory per instance: the extractor and the cache build millions of them."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

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
