"""The pieces of one number phrase ("two hundred and fifty", "1.2 million", "three-quarters")."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

# Roles a word can play; cardinals and ordinals also carry the class their value gives them.
UNIT, TEEN, TENS, HUNDRED, SCALE = "unit", "teen", "tens", "hundred", "scale"
GROUP, ORDINAL, RANK, FRACTION_WORD = "group", "ordinal", "rank", "fraction"
ARTICLE, SIGN, POINT, AND, OF = "article", "sign", "point", "and", "of"
DIGITS, WRITTEN_FRACTION, VULGAR = "digits", "written_fraction", "vulgar"

NUMERIC = frozenset({UNIT, TEEN, TENS, HUNDRED, SCALE, DIGITS})


def cardinal_class(value: int) -> str:
    """How a value combines with its neighbours: units follow tens, scales multiply."""
    if value < 10:
        return UNIT
    if value < 20:
        return TEEN
    if value < 100:
        return TENS
    return HUNDRED if value == 100 else SCALE


@dataclass(frozen=True, slots=True)
class Word:
    """What the lexicon says a word is."""

    role: str
    value: int = 0
    plural: bool = False
    standalone: bool = False  # a fraction word that is a share alone ("half")
    cardinal: str = ""  # for ordinals: the class of their cardinal ("fifth" → unit)


@dataclass(frozen=True, slots=True)
class Token:
    role: str
    value: int | Fraction
    start: int
    end: int
    plural: bool = False
    standalone: bool = False
    cardinal: str = ""
    hyphen_before: bool = False  # joined to the previous token by a hyphen ("twenty-five")
    scale: int | None = None  # digits with a multiplier suffix ("5k")
    plain: bool = False  # digits without separators ("2014")
    text: str = ""
