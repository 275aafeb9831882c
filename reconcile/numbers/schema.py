"""The shape of rules/quantities.toml, checked with pydantic so a typo fails loudly at load time."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

BOUNDS = ("at_least", "more_than", "at_most", "less_than", "exact")
SUFFIX_ACTIONS = ("at_least", "at_most", "inclusive")


class _Strict(BaseModel):
    # strict: "7" is not a number here, and 7 is not a word; TOML has the types for both.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class WordList(_Strict):
    words: list[str]

    @field_validator("words")
    @classmethod
    def _no_blank_words(cls, words: list[str]) -> list[str]:
        return _non_blank(words)


class FractionWord(_Strict):
    denominator: int = Field(ge=2)
    standalone: bool = False


class Approximation(_Strict):
    below: float = Field(ge=0, le=1)
    above: float = Field(ge=0, le=1)


class Vague(_Strict):
    low_factor: float = Field(gt=0)
    high_factor: float = Field(gt=0)
    lead_ins: list[str] = []
    need_of: list[str] = []
    plurals: dict[str, int]
    quantifiers: dict[str, Annotated[list[float], Field(min_length=2, max_length=2)]]

    @field_validator("quantifiers")
    @classmethod
    def _ordered(cls, quantifiers: dict[str, list[float]]) -> dict:
        for word, (low, high) in quantifiers.items():
            if not 0 < low <= high:
                raise ValueError(f"{word!r}: needs 0 < low <= high, got [{low}, {high}]")
        return quantifiers


class Ranges(_Strict):
    connectors: list[str]
    alternatives_after: list[str] = []
    openers: dict[str, list[str]]


class Shares(_Strict):
    part_of: list[str]
    divided_by: list[str]
    fraction_followed_by: list[str] = []


class Clock(_Strict):
    markers: list[str]


class Dates(_Strict):
    months: dict[str, int]

    @field_validator("months")
    @classmethod
    def _real_months(cls, months: dict[str, int]) -> dict[str, int]:
        for name, number in months.items():
            if not 1 <= number <= 12:
                raise ValueError(f"{name!r}: a month is 1 to 12, got {number}")
        return months


class Ages(_Strict):
    before: list[str]
    after: list[str]
    pronouns: list[str]
    verbs: list[str]
    oldest: int = Field(gt=0)


class Years(_Strict):
    earliest: int
    latest: int
    before: list[str]


class References(_Strict):
    before: list[str]
    list_joiners: list[str] = []


class Money(_Strict):
    before: list[str]
    after: list[str]


class PronounOne(_Strict):
    after: list[str]


class LexiconFile(_Strict):
    """Every table of quantities.toml. Cross-table checks (a prefix naming a missing
    approximation, a plural of an unknown word) are done by the loader, which knows the file."""

    extends: Literal["builtin"] | None = None
    cardinals: dict[str, int]
    groups: dict[str, int]
    ordinals: dict[str, int]
    rank_ordinals: dict[str, int]
    fraction_words: dict[str, FractionWord]
    plurals: dict[str, str]
    articles: WordList
    signs: WordList
    decimal_point: WordList
    digit_suffixes: dict[str, float]
    vulgar_fractions: dict[str, float]
    percent: WordList
    approximations: dict[str, Approximation]
    prefixes: dict[str, str]
    suffixes: dict[str, Literal["at_least", "at_most", "inclusive"]]
    bound_joiners: WordList
    ranges: Ranges
    shares: Shares
    vague: Vague
    time_units: WordList
    clock: Clock
    dates: Dates
    ages: Ages
    years: Years
    references: References
    money: Money
    pronoun_one: PronounOne

    @field_validator("cardinals", "ordinals", "rank_ordinals")
    @classmethod
    def _composable_values(cls, words: dict[str, int]) -> dict[str, int]:
        for word, value in words.items():
            if not _composable(value):
                raise ValueError(
                    f"{word!r} = {value}: a number word is 0–19, a multiple of ten up to 90, 100, "
                    "or a scale of 1,000 or more (write 23 as two words)"
                )
        return words

    @field_validator("groups", "digit_suffixes")
    @classmethod
    def _positive_multipliers(cls, words: dict[str, float]) -> dict[str, float]:
        for word, value in words.items():
            if value <= 0:
                raise ValueError(f"{word!r}: a multiplier must be positive, got {value}")
        return words


def _composable(value: int) -> bool:
    return 0 <= value <= 19 or (value < 100 and value % 10 == 0) or value == 100 or value >= 1000


def _non_blank(words: list[str]) -> list[str]:
    for word in words:
        if not word.strip():
            raise ValueError("an empty word")
    return words
