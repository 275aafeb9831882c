"""Read the numbers in one phrase of number tokens: wholes, fractions, mixed numbers, decimals
spelled out, and ordinals.

Fractions follow English usage:
- a plural denominator takes any numerator: "two-thirds", "twenty-three fifths" (23/5);
- a singular one takes only one: "a third", "one twenty-fifth"; "two hundredth" is a rank;
- "X and Y-ths" is a mixed number when Y-ths is a proper fraction ("one hundred and three
  quarters" is 100.75) and a single fraction otherwise ("one hundred and thirty fifths" is 26);
- a tens word right before a unit ordinal belongs to the denominator ("one hundred thirty-fifths"
  is 100/35), unless "and" binds it to the numerator;
- digits never take a spelled denominator ("100 millionths" is the number 100).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reconcile.numbers.integers import WholeReading, read_whole, step
from reconcile.numbers.tokens import (
    AND, ARTICLE, DIGITS, FRACTION_WORD, GROUP, HUNDRED, OF, ORDINAL, POINT, RANK, SCALE, SIGN,
    TEEN, TENS, UNIT, VULGAR, WRITTEN_FRACTION, Token,
)

COUNT, SHARE = "count", "share"
NUMBER, RANK_KIND, REFERENCE = "number", "ordinal", "reference"


@dataclass(frozen=True, slots=True)
class Reading:
    """One number found in a phrase: tokens[first:stop]."""

    first: int
    stop: int
    value: int | Fraction
    unit: str = COUNT
    kind: str = NUMBER
    scale: int | None = None
    plain: bool = False  # bare digits ("2014"), for telling years from counts
    spelled: bool = False


@dataclass(frozen=True, slots=True)
class _Denominator:
    value: int
    stop: int
    plural: bool
    ordinal: bool
    single_unit: bool  # one unit ordinal ("fifths"), which a tens word before it may join


def read_phrase(tokens: list[Token], adjective_after) -> list[Reading]:
    """Every number in the phrase, left to right. `adjective_after(end)` tells whether a word
    follows the text position `end` as an adjective would ("a third time": a rank)."""
    reader = _PhraseReader(tokens, adjective_after)
    readings, index = [], 0
    while index < len(tokens):
        reading = reader.signed(index)
        if reading is None:
            index += 1
        else:
            readings.append(reading)
            index = reading.stop
    return readings


class _PhraseReader:
    def __init__(self, tokens: list[Token], adjective_after) -> None:
        self.tokens = tokens
        self.size = len(tokens)
        self.adjective_after = adjective_after

    def role(self, index: int) -> str:
        return self.tokens[index].role if index < self.size else ""

    def signed(self, index: int) -> Reading | None:
        if self.role(index) != SIGN:
            return self.unsigned(index)
        reading = self.unsigned(index + 1) if index + 1 < self.size else None
        if reading is None or reading.kind != NUMBER:
            return None
        return Reading(
            first=index, stop=reading.stop, value=-reading.value, unit=reading.unit,
            scale=reading.scale, spelled=reading.spelled,
        )

    def unsigned(self, index: int) -> Reading | None:
        token = self.tokens[index]
        if token.role in (VULGAR, WRITTEN_FRACTION):
            return self.written_fraction(index)
        if token.role == FRACTION_WORD:
            return self.bare_fraction_word(index)
        if token.role in (ORDINAL, RANK):
            return None if token.plural else Reading(index, index + 1, token.value, kind=RANK_KIND)
        if token.role == ARTICLE:
            fraction = self.article_fraction(index)
            if fraction is not None:
                return fraction
        whole = read_whole(self.tokens, index)
        return None if whole is None else self.after_whole(index, whole)

    # -- fractions without a whole part ---------------------------------------------------

    def written_fraction(self, index: int) -> Reading | None:
        """ "3/4 of the people", "½"; "the 9/11 attacks" names a thing, like "a third convoy"."""
        token = self.tokens[index]
        if token.value is None or not 0 < token.value < 1:
            return None
        if token.role == WRITTEN_FRACTION and self.adjective_after(token.end):
            return Reading(index, index + 1, token.value, kind=REFERENCE)
        return self.scaled_fraction(index, index + 1, token.value, spelled=token.role == VULGAR)

    def bare_fraction_word(self, index: int) -> Reading | None:
        token = self.tokens[index]
        if token.plural:
            return None
        fraction = Fraction(1, token.value)
        scaled = self.scaled_fraction(index, index + 1, fraction, spelled=True)
        if token.standalone or scaled.unit == COUNT:  # "half of them", "quarter million"
            return scaled
        return None

    def article_fraction(self, index: int) -> Reading | None:
        """ "a third", "an eighth", "a twenty-first"; "a third time" is a rank."""
        denominator = self.denominator(index + 1)
        if denominator is None or denominator.plural:
            return None
        last = self.tokens[denominator.stop - 1]
        if denominator.ordinal and self.adjective_after(last.end):
            return Reading(index + 1, denominator.stop, denominator.value, kind=RANK_KIND)
        return self.scaled_fraction(
            index, denominator.stop, Fraction(1, denominator.value), spelled=True
        )

    def scaled_fraction(self, first: int, stop: int, fraction, spelled: bool) -> Reading:
        """A fraction, times a scale that follows: "half a million", "two thirds of a million"."""
        index = stop
        if self.role(index) == OF and self.role(index + 1) == ARTICLE:
            index += 2
        elif self.role(index) == ARTICLE:
            index += 1
        token = self.tokens[index] if index < self.size else None
        if token is not None and token.role in (SCALE, HUNDRED, GROUP) and not token.plural:
            return Reading(
                first, index + 1, _simplest(fraction * token.value), scale=token.value,
                spelled=spelled,
            )
        return Reading(first, stop, _simplest(fraction), unit=SHARE, spelled=spelled)

    # -- what may follow a whole number ---------------------------------------------------

    def after_whole(self, first: int, whole: WholeReading) -> Reading:
        following = self.role(whole.stop)
        reading = None
        if following in (ORDINAL, FRACTION_WORD, TENS, RANK):
            reading = self.fraction_after(first, whole)
        elif following == AND:
            reading = self.mixed(first, whole)
        elif following == POINT and not whole.state.digits:
            reading = self.spelled_decimal(first, whole)
        elif following in (WRITTEN_FRACTION, VULGAR) and whole.state.digits:
            reading = self.digits_and_fraction(first, whole)
        return reading or self.plain_whole(first, whole)

    def plain_whole(self, first: int, whole: WholeReading) -> Reading:
        state = whole.state
        token = self.tokens[first]
        plain = state.count == 1 and token.role == DIGITS and token.plain
        return Reading(
            first, whole.stop, _simplest(state.value), scale=state.scale, plain=plain,
            spelled=not state.digits,
        )

    def fraction_after(self, first: int, whole: WholeReading) -> Reading | None:
        if whole.state.digits:
            return None
        following = whole.stop
        if self.role(following) == RANK:  # "twenty second"
            return self.compound_rank(first, whole, following)
        denominator = self.denominator(following)
        if denominator is None:
            return None
        if whole.ands:
            mixed = self.mixed_by_and(first, whole, denominator)
            if mixed is not None:
                return mixed
        if denominator.plural:
            return self.plural_fraction(first, whole, denominator)
        if whole.state.value == 1 and whole.state.count == 1:  # "one fifth", "one half"
            last = self.tokens[denominator.stop - 1]
            if denominator.ordinal and self.adjective_after(last.end):
                return None
            return self._fraction(first, denominator.stop, 1, denominator.value)
        if denominator.ordinal and denominator.stop == following + 1:
            return self.compound_rank(first, whole, following)
        return None

    def compound_rank(self, first: int, whole: WholeReading, index: int) -> Reading | None:
        """ "one hundred twenty-fifth", "two hundredth", "three trillionth": ranks."""
        token = self.tokens[index]
        ranked = step(whole.state, token, role=token.cardinal)
        if ranked is None:
            return None
        return Reading(first, index + 1, _simplest(ranked.value), kind=RANK_KIND)

    def plural_fraction(self, first: int, whole: WholeReading, denominator: _Denominator) -> Reading:
        tokens, stop = self.tokens, whole.stop
        if (
            denominator.single_unit and tokens[stop - 1].role == TENS and stop - 1 > first
            and tokens[stop - 2].role != AND
        ):
            numerator = read_whole(tokens, first, stop - 1)
            if numerator is not None and numerator.stop == stop - 1:
                divisor = tokens[stop - 1].value + denominator.value
                return self._fraction(first, denominator.stop, numerator.state.value, divisor)
        return self._fraction(first, denominator.stop, whole.state.value, denominator.value)

    def mixed_by_and(self, first: int, whole: WholeReading, denominator: _Denominator) -> Reading | None:
        """ "one hundred and three quarters" → 100 + 3/4 and "two million and one half" →
        2.5 million, when the part after "and" is a proper fraction."""
        cut = whole.ands[-1]
        part = read_whole(self.tokens, cut + 1, whole.stop)
        base = read_whole(self.tokens, first, cut)
        if part is None or base is None or part.stop != whole.stop or base.stop != cut:
            return None
        numerator = part.state.value
        if numerator >= denominator.value or (not denominator.plural and numerator != 1):
            return None
        return self.mixed_value(first, base.state, Fraction(numerator, denominator.value), denominator.stop)

    def _fraction(self, first: int, stop: int, numerator, divisor) -> Reading:
        return self.scaled_fraction(first, stop, Fraction(numerator, divisor), spelled=True)

    def mixed(self, first: int, whole: WholeReading) -> Reading | None:
        """ "one and a half", "forty two and a third", "one million and a half"."""
        part = self.proper_fraction(whole.stop + 1)
        if part is None:
            return None
        fraction, stop = part
        return self.mixed_value(first, whole.state, fraction, stop)

    def mixed_value(self, first: int, state, fraction: Fraction, stop: int) -> Reading | None:
        """A whole and a fraction. After a large scale the fraction is of that scale ("six
        million and two thirds"); a scale after the fraction multiplies both ("five and a half
        million") or only the fraction ("one billion and three quarters million")."""
        token = self.tokens[stop] if stop < self.size else None
        if token is not None and token.role == SCALE and not token.plural:
            scale = token.value
            if state.last_scale is None:
                value = (state.value + fraction) * scale
            elif scale < state.last_scale:
                value = state.value + fraction * scale
            else:
                return None
            return Reading(first, stop + 1, _simplest(value), scale=scale, spelled=True)
        if state.ends_on_scale:
            value = state.value + fraction * state.last_scale
        else:
            value = state.value + fraction
        return Reading(first, stop, _simplest(value), scale=state.scale, spelled=not state.digits)

    def proper_fraction(self, index: int) -> tuple[Fraction, int] | None:
        """A fraction below one starting at `index`: "a half", "three quarters", "one fifth"."""
        role = self.role(index)
        if role == ARTICLE or role == FRACTION_WORD:
            start = index + 1 if role == ARTICLE else index
            denominator = self.denominator(start)
            if denominator is None or denominator.plural:
                return None
            return Fraction(1, denominator.value), denominator.stop
        numerator = read_whole(self.tokens, index)
        if numerator is None or numerator.state.digits:
            return None
        denominator = self.denominator(numerator.stop)
        value = numerator.state.value
        if denominator is None or value >= denominator.value:
            return None
        if not denominator.plural and value != 1:
            return None
        return Fraction(value, denominator.value), denominator.stop

    def spelled_decimal(self, first: int, whole: WholeReading) -> Reading | None:
        """ "two hundred point zero three", "nought point eleven"."""
        index, digits = whole.stop + 1, ""
        while index < self.size and self.role(index) in (UNIT, TEEN, TENS):
            token = self.tokens[index]
            if token.role == TENS and self.role(index + 1) == UNIT:
                digits += str(token.value + self.tokens[index + 1].value)
                index += 2
            else:
                digits += str(token.value)
                index += 1
        if not digits:
            return None
        value = whole.state.value + Fraction(int(digits), 10 ** len(digits))
        if self.role(index) == SCALE and not self.tokens[index].plural:
            scale = self.tokens[index].value
            return Reading(first, index + 1, _simplest(value * scale), scale=scale, spelled=True)
        return Reading(first, index, _simplest(value), spelled=True)

    def digits_and_fraction(self, first: int, whole: WholeReading) -> Reading | None:
        """ "2 1/4", "2½"."""
        state, token = whole.state, self.tokens[whole.stop]
        if state.count != 1 or not isinstance(state.value, int) or token.value is None:
            return None
        if not 0 < token.value < 1:
            return None
        return Reading(first, whole.stop + 1, _simplest(state.value + token.value))

    def denominator(self, index: int) -> _Denominator | None:
        if index >= self.size:
            return None
        token = self.tokens[index]
        if token.role == TENS and self.role(index + 1) == ORDINAL:
            unit = self.tokens[index + 1]
            if unit.cardinal == UNIT:
                return _Denominator(token.value + unit.value, index + 2, unit.plural, True, False)
        if token.role == ORDINAL and token.value >= 2:
            return _Denominator(token.value, index + 1, token.plural, True, token.cardinal == UNIT)
        if token.role == FRACTION_WORD:
            return _Denominator(token.value, index + 1, token.plural, False, False)
        return None


def _simplest(value):
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return value
