"""Whole numbers from number words and digits: "two hundred and fifty", "4 thousand 3 hundred",
"one million two thousand", "three lakh crore", "three hundred and two dozen".

A reading grows one token at a time while the words still make one number; a word that cannot
join ends it ("three nought four" is three numbers, "3 hundred and 2 hundred" two).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from reconcile.numbers.tokens import (
    AND, ARTICLE, DIGITS, GROUP, HUNDRED, SCALE, TEEN, TENS, UNIT, Token,
)

INTEGER_ROLES = frozenset({UNIT, TEEN, TENS, HUNDRED, SCALE, GROUP, DIGITS, ARTICLE})
ZERO, DIGIT = "zero", "digit"


class Whole(NamedTuple):
    """The state of a number being read: the sum of finished scale groups, and the open group.
    (A named tuple: `_replace` is the hot path of reading words.)"""

    total: int | Fraction = 0
    hundreds: int | Fraction = 0
    rest: int | Fraction = 0
    last_scale: int | None = None
    previous: str = ""
    count: int = 0
    ands_in_group: int = 0
    scale: int | None = None
    digits: bool = False
    closed: bool = False  # nothing may follow ("zero", "5k", a plural scale)

    @property
    def value(self) -> int | Fraction:
        return self.total + self.hundreds + self.rest

    @property
    def ends_on_scale(self) -> bool:
        return self.previous == SCALE and not self.hundreds and not self.rest


@dataclass(frozen=True, slots=True)
class WholeReading:
    state: Whole
    stop: int  # index of the first token not read
    ands: tuple[int, ...]  # indices of the "and" tokens inside the number


def read_whole(tokens: list[Token], first: int, stop: int | None = None) -> WholeReading | None:
    """The longest whole number starting at tokens[first] (and ending before `stop`)."""
    end = len(tokens) if stop is None else stop
    state, index, ands = Whole(), first, []
    while index < end:
        token = tokens[index]
        if token.role == AND:
            joined = _join_after_and(state, tokens, index, end)
            if joined is None:
                break
            state, index = joined, index + 2
            ands.append(index - 2)
        else:
            if token.role not in INTEGER_ROLES or (token.role == ARTICLE and state.count):
                break
            following = step(state, token)
            if following is None:
                break
            state, index = following, index + 1
        if state.closed:
            break
    if state.count == 0 or state.previous == ARTICLE:
        return None
    return WholeReading(state=state, stop=index, ands=tuple(ands))


def _join_after_and(state: Whole, tokens: list[Token], index: int, end: int) -> Whole | None:
    """The state after "and <token>", or None when the "and" does not continue this number.

    "three hundred and 2 hundred" stops before "and": the scale after it would not fit."""
    if state.count == 0 or index + 1 >= end:
        return None
    joined = step(state, tokens[index + 1], after_and=True)
    if joined is None:
        return None
    after = index + 2
    if after < end and tokens[after].role in (HUNDRED, SCALE) and step(joined, tokens[after]) is None:
        return None
    return joined


def step(state: Whole, token: Token, after_and: bool = False, role: str | None = None) -> Whole | None:
    """The state after one more token, or None when it cannot belong to this number.

    `role` reads an ordinal as its cardinal ("one hundred twenty-FIFTH")."""
    if state.closed:
        return None
    role = role or token.role
    if role == DIGITS:
        return _digits(state, token)
    if role == ARTICLE:
        return state._replace(rest=1, previous=ARTICLE, count=1) if not state.count else None
    if role in (UNIT, TEEN, TENS):
        return _small(state, token.value, role, after_and)
    if role == HUNDRED:
        return _hundred(state, token)
    if role == SCALE:
        return _scale(state, token)
    if role == GROUP:
        return _group(state, token)
    return None


def _small(state: Whole, value, role: str, after_and: bool) -> Whole | None:
    if role == UNIT and value == 0:
        return Whole(previous=ZERO, count=1, closed=True) if not state.count else None
    fresh = state.rest == 0 and state.previous in ("", HUNDRED, SCALE)
    if after_and and state.previous not in (HUNDRED, SCALE, TENS):
        return None
    # "twenty-one", and old-fashioned "twenty and three" (once per group).
    unit_after_tens = (
        role == UNIT and state.previous == TENS and (not after_and or state.ands_in_group == 0)
    )
    if not (fresh or unit_after_tens):
        return None
    return state._replace(
        rest=state.rest + value, previous=role, count=state.count + 1,
        ands_in_group=state.ands_in_group + after_and,
    )


def _digits(state: Whole, token: Token) -> Whole | None:
    value = token.value
    if not state.count:
        return state._replace(
            rest=value, previous=DIGIT, count=1, digits=True,
            closed=token.scale is not None, scale=token.scale,
        )
    # "4 thousand 3 hundred and 21"
    limit = 100 if state.previous == HUNDRED else 1000
    fits = state.previous in (HUNDRED, SCALE) and not state.rest and not token.scale
    if fits and isinstance(value, int) and 0 < value < limit:
        return state._replace(rest=value, previous=DIGIT, count=state.count + 1, digits=True)
    return None


def _hundred(state: Whole, token: Token) -> Whole | None:
    if state.hundreds or state.previous in (HUNDRED, GROUP, ZERO):
        return None
    if not state.rest:
        if state.count or token.plural:  # "thousand hundred"; a bare "hundreds" is vague
            return None
        return state._replace(hundreds=100, previous=HUNDRED, count=1)
    return state._replace(
        hundreds=state.rest * 100, rest=0, previous=HUNDRED, count=state.count + 1,
        closed=token.plural, scale=max(state.scale or 0, 100),
    )


def _scale(state: Whole, token: Token) -> Whole | None:
    scale = token.value
    group = state.hundreds + state.rest
    if not group:
        if not state.count and not token.plural:  # "thousand dollars"
            total = scale
        elif state.previous == SCALE and scale > (state.last_scale or 0) and not token.plural:
            total = state.total * scale  # "three lakh crore"
        else:
            return None
    elif state.last_scale is None or scale < state.last_scale:
        total = state.total + group * scale
    else:
        return None
    return state._replace(
        total=total, hundreds=0, rest=0, last_scale=scale, previous=SCALE,
        count=state.count + 1, ands_in_group=0, closed=token.plural,
        scale=max(state.scale or 0, scale),
    )


def _group(state: Whole, token: Token) -> Whole | None:
    if not state.count or state.previous in (GROUP, ZERO) or not state.rest:
        return None
    return state._replace(
        rest=state.rest * token.value, previous=GROUP, count=state.count + 1, closed=token.plural
    )
