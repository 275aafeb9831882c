"""Bare figures: one pass of the core pattern over a text, each match read into values.

A core is a figure without its surroundings: "10,500", "two-thirds", "tens of thousands",
"Dec. 12". Qualifiers, units and ranges are added later (compose.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import regex

from reconcile.numbers.digits import read_fraction
from reconcile.numbers.grammar import Grammar
from reconcile.numbers.patterns import HYPHENS, normalise
from reconcile.numbers.phrases import COUNT, read_phrase
from reconcile.numbers.tokens import (
    DIGITS, FRACTION_WORD, ORDINAL, RANK, SIGN, TEEN, TENS, UNIT, VULGAR, WRITTEN_FRACTION, Token,
)

NUMBER, ORDINAL_KIND, VAGUE, DECADE = "number", "ordinal", "vague", "decade"
STRUCTURES = {"phone": "phone", "date": "date", "clock": "clock_time"}
_UNKNOWN = ""
_HYPHEN_SET = frozenset(HYPHENS)
_SMALL_WORDS = frozenset({UNIT, TEEN, TENS})


@dataclass(frozen=True, slots=True)
class Core:
    start: int
    end: int
    kind: str
    value: int | Fraction | None = None
    unit: str = COUNT
    low: int | None = None  # vague magnitudes carry their interval
    high: int | None = None
    scale: int | None = None
    plain: bool = False
    spelled: bool = False


def find_cores(text: str, grammar: Grammar, european: bool) -> list[Core]:
    cores: list[Core] = []
    reached = 0
    for start in grammar.scanner.starts(text):
        if start < reached:
            continue
        match = grammar.cores.match(text, start)
        if match is None:
            continue
        reached = match.end()
        kind = match.lastgroup
        if kind in STRUCTURES:
            cores.append(Core(match.start(), match.end(), STRUCTURES[kind]))
        elif kind == "rank":
            cores.append(_rank(match))
        elif kind == "decade":
            cores.append(_decade(match))
        elif kind == "vague":
            cores.append(_vague(match, grammar))
        elif kind == "number":
            cores.extend(_numbers(text, match, grammar, european))
    return cores


def _rank(match: regex.Match) -> Core:
    digits = match.group().rstrip("stndrhSTNDRH")
    return Core(match.start(), match.end(), ORDINAL_KIND, value=int(digits))


def _decade(match: regex.Match) -> Core:
    digits = match.group()[:-1].lstrip("'’")
    value = int(digits) + (1900 if len(digits) == 2 and match.group()[0] in "'’" else 0)
    return Core(match.start(), match.end(), DECADE, value=value, plain=True)


def _vague(match: regex.Match, grammar: Grammar) -> Core:
    words = normalise(match.group()).split()
    low_factor, high_factor = grammar.vague_factors
    padded = f" {' '.join(words)} "
    for quantifier, (low, high) in grammar.vague_quantifiers.items():
        if f" {quantifier} " in padded:
            size = _product(grammar.vague_scales, words)
            return _vague_core(match, low * size, high * size)
    size = _product(grammar.vague_plurals, words)
    return _vague_core(match, low_factor * size, high_factor * size - 1)


def _product(table: dict[str, int], words: list[str]) -> int:
    size = 1
    for word in words:
        size *= table.get(word, 1)
    return size


def _vague_core(match: regex.Match, low: float, high: float) -> Core:
    return Core(match.start(), match.end(), VAGUE, low=round(low), high=round(high))


def _numbers(text: str, match: regex.Match, grammar: Grammar, european: bool) -> list[Core]:
    if match.start("sign") < 0 and len(match.captures("atom")) == 1:
        single = _single_atom(match, grammar, european)
        if single is not None:
            return single
    return _phrase_numbers(text, match, grammar, european)


def _single_atom(match: regex.Match, grammar: Grammar, european: bool) -> list[Core] | None:
    """A lone unsigned atom in digits ("10,500") or a small number word ("three"), nine number
    cores in ten on news text, read as the phrase reader reads it alone, without building its
    tokens; None for any other atom (tests/numbers checks it against _phrase_numbers)."""
    piece = match.captures("atom")[0]
    start, end = match.spans("atom")[0]
    if piece[0].isdigit() or piece[0] == ".":
        if "/" in piece:
            return None
        reading = grammar.digits.read(piece, european)
        if reading is None:
            return []
        value = reading.value
        if isinstance(value, Fraction) and value.denominator == 1:
            value = value.numerator
        return [Core(start, end, NUMBER, value=value, scale=reading.scale, plain=reading.plain)]
    if piece in grammar.vulgar:
        return None
    word = grammar.words.get(piece.lower())
    if word is None or word.role not in _SMALL_WORDS:
        return None
    return [Core(start, end, NUMBER, value=word.value, spelled=True)]


def _phrase_numbers(text: str, match: regex.Match, grammar: Grammar, european: bool) -> list[Core]:
    tokens = _tokens(text, match, grammar, european)

    def adjective_after(position: int) -> bool:
        return grammar.adjective_after.match(text, position) is not None

    cores = []
    for reading in read_phrase(tokens, adjective_after):
        kind = NUMBER if reading.kind == "number" else reading.kind  # "ordinal", "reference"
        cores.append(Core(
            tokens[reading.first].start, tokens[reading.stop - 1].end, kind, value=reading.value,
            unit=reading.unit, scale=reading.scale, plain=reading.plain, spelled=reading.spelled,
        ))
    return cores


def _tokens(text: str, match: regex.Match, grammar: Grammar, european: bool) -> list[Token]:
    tokens: list[Token] = []
    if match.start("sign") >= 0:
        tokens.append(Token(SIGN, 0, match.start("sign"), match.end("sign")))
    previous_end = match.start()
    for (start, end), piece in zip(match.spans("atom"), match.captures("atom")):
        hyphen = start > previous_end and not _HYPHEN_SET.isdisjoint(text[previous_end:start])
        tokens.append(_token(piece, start, end, hyphen, grammar, european))
        previous_end = end
    return _without_part_names(tokens)


def _token(piece: str, start: int, end: int, hyphen: bool, grammar: Grammar, european: bool) -> Token:
    if piece[0].isdigit() or piece[0] == ".":
        if "/" in piece:
            return Token(WRITTEN_FRACTION, read_fraction(piece), start, end, hyphen_before=hyphen)
        reading = grammar.digits.read(piece, european)
        if reading is None:
            return Token(_UNKNOWN, 0, start, end)
        return Token(
            DIGITS, reading.value, start, end, hyphen_before=hyphen, scale=reading.scale,
            plain=reading.plain, text=piece,
        )
    if piece in grammar.vulgar:
        return Token(VULGAR, grammar.vulgar[piece], start, end, hyphen_before=hyphen)
    word = grammar.words.get(piece.lower())
    if word is None:
        return Token(_UNKNOWN, 0, start, end)
    return Token(
        word.role, word.value, start, end, plural=word.plural, standalone=word.standalone,
        cardinal=word.cardinal, hyphen_before=hyphen,
    )


def _without_part_names(tokens: list[Token]) -> list[Token]:
    """ "the second half", "the first quarter": a part's name, not a share."""
    kept = []
    for index, token in enumerate(tokens):
        named_part = (
            token.role == FRACTION_WORD and index and tokens[index - 1].role in (ORDINAL, RANK)
        )
        kept.append(Token(_UNKNOWN, 0, token.start, token.end) if named_part else token)
    return kept

