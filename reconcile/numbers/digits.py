"""Figures written in digits: separators, decimal marks, exponents and multiplier suffixes.

Which mark separates thousands is decided by shape: "10,500" and "1,234,567.89" (English), "12,34,567"
(South Asian), "1.234.567" and "1.111,11" (European), "279 000" (spaced). A lone "10.500" is a
decimal unless the text elsewhere writes numbers the European way (`european=True`), because
English copy writes 10.5 that way and "4.800" is 4.8 to every English reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

import regex

from reconcile.numbers.patterns import alternation

_SPACES = "[ \u00a0\u202f\u2009]"
MANTISSA = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3})+,\d+"
    r"|\d{1,3}(?:\.\d{3}){2,}(?!\d)"
    rf"|\d{{1,3}}(?:{_SPACES}\d{{3}})+(?:[.,]\d+)?"
    r"|(?<!\d,)\d{1,3},\d{1,2}(?!\d|,\d)"
    r"|\d+(?:\.\d+)?|\.\d+"
)
EXPONENT = r"(?:[eE][-+]?\d+|\^[-+]*\d+|[ \t]*[x×][ \t]*10\^[-+]?\d+)"
# Not glued to letters or digits on the left ("MH17", "A320"), nor the tail of a dotted number.
START = r"(?<![^\W_]|[^\W_]\.)"
# Not glued to letters on the right ("180ml", "29km"), and not cut out of a longer number.
END = r"(?![^\W_]|\.\d|,\d{3}(?!\d))"
# A whole figure "1 1/4" is read by the word grammar; this is one written fraction.
FRACTION = r"\d{1,6}/\d{1,6}(?![\d/])"
# Longer mantissas, larger exponents or values are not figures (and would make arithmetic slow).
MAX_DIGITS = 40
MAX_EXPONENT = 100
LARGEST = 10**30
_SPACE_RUN = regex.compile(_SPACES)
_EUROPEAN_HINT = regex.compile(r"\d\.\d{3},\d|\d{1,3}(?:\.\d{3}){2,}(?!\d)|(?<![\d,])\d+,\d{1,2}(?![\d,])")
_LONE_DOT_GROUP = regex.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])")


def digit_pattern(suffixes: dict[str, float]) -> str:
    """The regex for one digit figure, with the lexicon's multiplier suffixes ("5k", "1.2 bn")."""
    suffix = rf"(?:[ \t]*(?-i:{alternation(suffixes)})(?!\w))"
    return rf"{START}(?:{MANTISSA}){EXPONENT}?{suffix}?{END}"


def european_style(text: str) -> bool:
    """Whether a lone "10.500" in `text` should be read as ten thousand five hundred."""
    return bool(_LONE_DOT_GROUP.search(text)) and bool(_EUROPEAN_HINT.search(text))


@dataclass(frozen=True, slots=True)
class DigitReading:
    value: int | Fraction
    scale: int | None  # the multiplier a suffix applied ("5k" → 1000), for ranges like "5-7k"
    plain: bool  # digits only, no separator, decimal, exponent or suffix ("2014")


class DigitParser:
    """Values of digit figures, with the lexicon's suffixes compiled in."""

    def __init__(self, suffixes: dict[str, float]) -> None:
        self._suffixes = suffixes
        self._parts = regex.compile(
            rf"(?P<mantissa>{MANTISSA})(?P<exponent>{EXPONENT})?"
            rf"(?:[ \t]*(?P<suffix>{alternation(suffixes)}))?"
        )

    def read(self, text: str, european: bool = False) -> DigitReading | None:
        """The value of one matched digit figure, or None when it is too long to be a figure."""
        whole = _whole_number(text)
        if whole is not None:
            return whole
        parts = self._parts.fullmatch(text)
        if parts is None:
            return None
        mantissa = _mantissa(parts["mantissa"], european)
        if mantissa is None:
            return None
        value = _with_exponent(mantissa, parts["exponent"])
        if value is None:
            return None
        if abs(value) > LARGEST:
            return None
        scale = None
        if parts["suffix"]:
            scale = int(self._suffixes[parts["suffix"]])
            value *= scale
        plain = parts["mantissa"].isdigit() and not parts["exponent"] and not parts["suffix"]
        return DigitReading(value=_simplest(value), scale=scale, plain=plain)


def _whole_number(text: str) -> DigitReading | None:
    """The common case, read without regex or Decimal: "82", "10,500"."""
    if text.isdigit() and len(text) <= MAX_DIGITS:
        return DigitReading(value=int(text), scale=None, plain=True)
    head, _, tail = text.partition(",")
    if tail and head.isdigit() and len(head) <= 3 and len(text) <= MAX_DIGITS:
        groups = tail.split(",")
        if all(len(group) == 3 and group.isdigit() for group in groups):
            return DigitReading(value=int(head + "".join(groups)), scale=None, plain=False)
    return None


def read_fraction(text: str) -> Fraction | None:
    """ "3/4" → 3/4; None for a zero divisor."""
    top, _, bottom = text.partition("/")
    divisor = int(bottom)
    return Fraction(int(top), divisor) if divisor else None


def _mantissa(text: str, european: bool) -> Fraction | None:
    digits = _SPACE_RUN.sub("", text) if not text.isdigit() else text
    if sum(c.isdigit() for c in digits) > MAX_DIGITS:
        return None
    normal = _plain_decimal(digits, european)
    try:
        return Fraction(Decimal(normal))
    except (InvalidOperation, ValueError):
        return None


def _plain_decimal(digits: str, european: bool) -> str:
    """Rewrite separators so Decimal can read the number: "1.111,11" → "1111.11"."""
    comma, dot = digits.rfind(","), digits.rfind(".")
    if comma >= 0 and dot >= 0:
        decimal_mark = "," if comma > dot else "."
        thousands = "." if decimal_mark == "," else ","
        return digits.replace(thousands, "").replace(decimal_mark, ".")
    if comma >= 0:
        groups = digits.split(",")
        if all(len(group) in (2, 3) for group in groups[1:]) and len(groups[-1]) == 3:
            return digits.replace(",", "")
        return digits.replace(",", ".")
    if dot >= 0 and (digits.count(".") > 1 or (european and len(digits) - dot == 4 and dot <= 3)):
        return digits.replace(".", "")
    return digits


def _with_exponent(value: Fraction, exponent: str | None) -> Fraction | None:
    if not exponent:
        return value
    body = exponent.strip()
    if body[0] in "eE":
        power, base_power = int(body[1:]), True
    elif body[0] == "^":
        signs = body[1:].rstrip("0123456789")
        negative = signs.count("-") % 2 == 1
        power, base_power = int(body[1 + len(signs):]) * (-1 if negative else 1), False
    else:
        power, base_power = int(body.split("^", 1)[1]), True
    if abs(power) > MAX_EXPONENT or (value == 0 and power < 0):
        return None
    return value * Fraction(10) ** power if base_power else value**power


def _simplest(value: Fraction) -> int | Fraction:
    return value.numerator if value.denominator == 1 else value
