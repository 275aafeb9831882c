"""A cheap test that none of a list of word patterns can match a text, before running the regex.

Most trigger and cue patterns start with a literal word ("killed", "shot\\s+dead",
"(?:summarily\\s+|fatally\\s+)shot"). A text whose words hold none of those first words cannot
match, so the costly regex scan is skipped. The gate is only ever a necessary condition: when it
cannot tell (a pattern starting with a class, a wildcard or a placeholder), it stays open.

Matching is case-insensitive: a pattern's first words are casefolded and compared with the
casefolded text, whose ASCII letter runs are its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_LETTERS = re.compile(r"[A-Za-z]+")
# Verbose mode, references, recursion, the `regex` module's fuzzy matching ("{e<=1}": a
# "required" word may then be missing from the text), and sets inside sets ("[[:alpha:]xyz]",
# "[[a-z]--[aeiou]]", which the reader below would end early): no gate is read from these.
_UNREADABLE = re.compile(
    r"\(\?[a-zA-Z0-9-]*x|\\[gk]<|\(\?P[=>]|\(\?[&R\d]"
    r"|(?<!\\[pPN])\{[^}]*(?<![a-z])[eids](?![a-z])[^}]*\}"
    r"|\[(?:\\.|[^\]\\\[])*\["
)
_TEXT_WORD = re.compile(r"[a-z]+")
_SPACE = re.compile(r"(?:\\s\+|\\s|\s+)(?![*?{])")  # at least one space: "\s+", "\s", " "
_ZERO_WIDTH_GROUPS = ("(?<!", "(?<=", "(?!", "(?=")
_WORD_END = re.compile(r"\\s\+|(?:\\s| )(?![*?{])|\(\?!\[\\w-\]\)|\\b")
# Words too common to make a useful gate when a rarer word of the same phrase is at hand.
_COMMON = frozenset(
    "the a an of to in on at by for and or with from their his her its have has had were was are is "
    "be been that this these those people".split()
)
First = frozenset[tuple[str, bool]]  # (word, whole): a whole word, or a prefix of the first word


def first_words(pattern: str) -> First | None:
    """The words every match of `pattern` starts with; None when that cannot be read."""
    if _UNREADABLE.search(pattern):
        return None
    return _first(pattern, True)


def required_words(pattern: str) -> First | None:
    r"""Words (as parts of words) every match of `pattern` holds somewhere: the best single
    required piece of its top-level sequence, a run of literal letters ("only\s+to\s+be" →
    "only") or a group of alternatives that each start with a word; None when there is none."""
    if _UNREADABLE.search(pattern):
        return None
    alternatives = _split_top(pattern)
    if alternatives is None:
        return None
    if len(alternatives) > 1:
        return _union(required_words(alternative) for alternative in alternatives)
    best = None
    for piece in _required_pieces(pattern):
        if best is None or _worst(piece) > _worst(best):
            best = piece
    return best


def every_required(pattern: str) -> list[First]:
    """The words of every required piece of `pattern` (a match holds all of them), or of its
    one best piece when it has top-level alternatives; [] when none can be read."""
    if _UNREADABLE.search(pattern):
        return []
    alternatives = _split_top(pattern)
    if alternatives is None:
        return []
    if len(alternatives) > 1:
        words = required_words(pattern)
        return [words] if words else []
    return [piece for piece in _required_pieces(pattern) if piece]


def _required_pieces(pattern: str):
    """Each required piece of a sequence with its words; a word is whole when the pattern puts
    a word start before it and a word end after it."""
    letters, letters_start, position, starts_word = "", False, 0, False
    while position < len(pattern):
        end = _atom_end(pattern, position)
        if end is None:
            break
        quantifier = _quantifier(pattern[end:])
        atom = pattern[position:end]
        after = end + len(quantifier)
        if not quantifier and len(atom) == 1 and atom.isascii() and atom.isalpha():
            if not letters:
                letters_start = starts_word
            letters += atom.casefold()
        else:
            if letters:
                yield frozenset({(letters, letters_start and _ends_word(pattern[position:]))})
            letters = ""
            if atom.startswith("(") and not (quantifier and _may_be_empty(quantifier)):
                group = _group_words(atom, "" if quantifier else pattern[after:], starts_word)
                if group:
                    yield group
        starts_word = atom in _WORD_STARTS and quantifier in ("", "+", "+?", "++")
        position = after
    if letters:
        yield frozenset({(letters, letters_start and _ends_word(""))})


def _atom_end(pattern: str, position: int) -> int | None:
    """Where the atom at `position` ends: a group, a class, an escape or one character."""
    char = pattern[position]
    if char == "(":
        close = _closing(pattern, position)
        return None if close is None else close + 1
    if char == "[":
        close = _class_end(pattern, position)
        return None if close is None else close + 1
    if char == "\\":
        return _escape_end(pattern, position)
    return position + 1


# Atoms after which a word starts: a word-start lookbehind, "\b", a space.
_WORD_STARTS = frozenset({r"(?<![\w-])", r"\b", r"\s", " "})
_ESCAPE_SIZES = {"x": 4, "u": 6, "U": 10, "p": 3, "P": 3}


def _escape_end(pattern: str, position: int) -> int:
    r"""Where an escape ends: "\s", "\x41", "\u00e9", "\p{Lu}", "\N{EM DASH}" (hex digits are no letters)."""
    letter = pattern[position + 1 : position + 2]
    if pattern.startswith("{", position + 2) and letter in "xpPN" and "}" in pattern[position:]:
        return pattern.index("}", position) + 1
    return position + _ESCAPE_SIZES.get(letter, 2)


def _group_words(atom: str, rest: str, at_word_start: bool) -> First | None:
    """The first words of each alternative of a plain group; `rest` is what follows the group
    (empty when it repeats), `at_word_start` whether the pattern puts a word start before it."""
    inner = atom[1:-1]
    if inner.startswith("?:"):
        inner = inner[2:]
    elif inner.startswith("?P<") and ">" in inner:
        inner = inner[inner.index(">") + 1 :]
    elif inner.startswith("?"):
        return None  # a lookaround or flags: not a required piece
    alternatives = _split_top(inner)
    if alternatives is None:
        return None
    words = _union(_first(alternative + rest, False) for alternative in alternatives)
    if not words:
        return None
    return words if at_word_start else frozenset((word, False) for word, _ in words)


def _worst(words: First) -> tuple[bool, int]:
    return min(_quality(word) for word in words)


def leads_with(pattern: str, prefix: str) -> bool:
    """`pattern` starts with `prefix` once its leading lookarounds (zero-width) are passed."""
    start = _skip_zero_width(pattern)
    return start is not None and pattern.startswith(prefix, start)


def word_start(pattern: str) -> bool:
    r"""The pattern only matches at the start of a word: it opens with "(?<![\w-])"."""
    return pattern.startswith(r"(?<![\w-])")


# Reading a group appends the rest of the pattern to each of its alternatives, so the same tails
# are read again and again (the reading is quadratic in nesting): both readings are remembered.
@lru_cache(maxsize=8192)
def _first(pattern: str, end_whole: bool) -> First | None:
    alternatives = _split_top(pattern)
    if alternatives is None:
        return None
    if len(alternatives) > 1:
        return _union(_first(alternative, end_whole) for alternative in alternatives)
    start = _skip_zero_width(pattern)
    if start is None or start >= len(pattern):
        return None
    if pattern[start].isascii() and pattern[start].isalpha():
        return _literal(pattern, start, end_whole)
    if pattern[start] == "(":
        return _group(pattern, start, end_whole)
    return None


def _literal(pattern: str, start: int, end_whole: bool) -> First | None:
    r"""The best of the literal words the pattern starts with ("the\s+deaths?\s+of" → "death", a
    prefix): any of them is a necessary condition, and a long, uncommon one is a rare one. When
    they are all common and a group follows ("in\s+the\s+(?:last|past)"), its words may do better."""
    words: list[tuple[str, bool]] = []
    position, following = start, None
    while (letters := _LETTERS.match(pattern, position)) is not None:
        word = letters.group().casefold()
        rest = pattern[letters.end():]
        if rest[:1] in ("?", "*", "{"):
            if len(word) > 1:
                words.append((word[:-1], False))  # the last letter is optional
            break
        if rest == "":
            words.append((word, end_whole))
            break
        words.append((word, _ends_word(rest)))
        gap = _SPACE.match(rest)
        if gap is None:
            break
        position = letters.end() + gap.end()
        if pattern.startswith("(", position):
            following = position  # after a space, a group: another word starts there
    if not words:
        return None
    best = max(words, key=_quality)
    if following is not None:
        after = _first(pattern[following:], end_whole)
        if after and min(_quality(w) for w in after) > _quality(best):
            return after
    return frozenset({best})


def _quality(word: tuple[str, bool]) -> tuple[bool, int]:
    return (word[0] not in _COMMON, len(word[0]))


def _ends_word(rest: str) -> bool:
    r"""What follows a word in the pattern makes it end there: a space, "(?![\w-])", "\b"."""
    return _WORD_END.match(rest) is not None


def _group(pattern: str, start: int, end_whole: bool) -> First | None:
    close = _closing(pattern, start)
    if close is None:
        return None
    inner = pattern[start + 1 : close]
    if inner.startswith("?:"):
        inner = inner[2:]
    elif inner.startswith("?P<") and ">" in inner:
        inner = inner[inner.index(">") + 1 :]
    elif inner.startswith("?"):
        return None  # flags or another construct: do not guess
    after = pattern[close + 1 :]
    quantifier = _quantifier(after)
    rest = after[len(quantifier):]
    alternatives = _split_top(inner)
    if alternatives is None:
        return None
    if not quantifier:
        return _union(_first(alternative + rest, end_whole) for alternative in alternatives)
    inside = _union(_first(alternative, False) for alternative in alternatives)
    if _may_be_empty(quantifier):
        return _union([inside, _first(rest, end_whole)])
    return inside


def _union(parts) -> First | None:
    words: set[tuple[str, bool]] = set()
    for part in parts:
        if part is None:
            return None
        words |= part
    return frozenset(words)


def _quantifier(text: str) -> str:
    if text[:1] in ("?", "*", "+"):
        size = 1
    elif text[:1] == "{" and "}" in text:
        size = text.index("}") + 1
    else:
        return ""
    if text[size : size + 1] in ("?", "+"):
        size += 1  # lazy or possessive
    return text[:size]


def _may_be_empty(quantifier: str) -> bool:
    return quantifier[0] in ("?", "*") or quantifier.startswith(("{0", "{,"))


def _skip_zero_width(pattern: str) -> int | None:
    position = 0
    while True:
        if pattern.startswith(_ZERO_WIDTH_GROUPS, position):
            close = _closing(pattern, position)
            if close is None:
                return None
            position = close + 1
        elif pattern.startswith(r"\b", position):
            position += 2
        elif pattern.startswith("^", position):
            position += 1
        else:
            return position


def _closing(pattern: str, start: int) -> int | None:
    """The index of the parenthesis closing the one at `start`."""
    depth = 0
    for position, char in _structure(pattern, start):
        if char is None:
            return None
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return position
    return None


def _structure(pattern: str, start: int = 0):
    """(position, character) of each parenthesis and bar of `pattern` from `start`, escapes and
    character classes skipped; (position, None) where a class never closes, and nothing after."""
    position = start
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 2
            continue
        if char == "[":
            end = _class_end(pattern, position)
            if end is None:
                yield position, None
                return
            position = end
        elif char in "()|":
            yield position, char
        position += 1


def _class_end(pattern: str, start: int) -> int | None:
    position = start + 1
    if pattern[position : position + 1] == "^":
        position += 1
    if pattern[position : position + 1] == "]":
        position += 1
    while position < len(pattern):
        if pattern[position] == "\\":
            position += 2
            continue
        if pattern[position] == "]":
            return position
        position += 1
    return None


@lru_cache(maxsize=8192)
def _split_top(pattern: str) -> tuple[str, ...] | None:
    """The top-level alternatives of `pattern`."""
    parts, depth, last = [], 0, 0
    for position, char in _structure(pattern):
        if char is None:
            return None
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:  # a bar
            parts.append(pattern[last:position])
            last = position + 1
    parts.append(pattern[last:])
    return tuple(parts)


@dataclass
class Words:
    """A text's casefolded form and its words, computed once for every gate that asks (at once:
    every gate reads the words, and cached_property would take a lock on each first read)."""

    text: str
    folded: str = field(init=False, repr=False)
    words: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.folded = self.text.casefold()
        self.words = frozenset(_TEXT_WORD.findall(self.folded))


@dataclass(frozen=True)
class Gate:
    """Open for a text that may match one of the patterns; closed only when none can."""

    whole: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    always_open: bool = False

    @classmethod
    def anywhere(cls, patterns: list[str]) -> Gate:
        """The gate of words the patterns must hold somewhere (see required_words)."""
        return cls._of_words(patterns, required_words, whole_words=True)

    @classmethod
    def of(cls, patterns: list[str], *, word_start: bool) -> Gate:
        r"""`word_start`: the patterns are only ever matched at the start of a word (the rule
        files wrap word lists in `(?<![\w-])`); otherwise a first word may be part of a longer one."""
        return cls._of_words(patterns, first_words, whole_words=word_start)

    @classmethod
    def _of_words(cls, patterns: list[str], read, *, whole_words: bool) -> Gate:
        """Open when any pattern's words (`read(pattern)`) are in a text; always open when one
        pattern's cannot be read. Without `whole_words`, every word counts as part of a word."""
        whole: set[str] = set()
        prefixes: set[str] = set()
        for pattern in patterns:
            words = read(pattern)
            if words is None:
                return cls(always_open=True)
            for word, is_whole in words:
                (whole if is_whole and whole_words else prefixes).add(word)
        return cls(frozenset(whole), tuple(sorted(prefixes)))

    @classmethod
    def each_required(cls, pattern: str) -> tuple[Gate, ...]:
        """One gate per required piece of the pattern: a text that may match opens them all.
        Pieces with a word shorter than three letters are left out (see `narrowest`)."""
        return tuple(
            cls(frozenset(w for w, whole in words if whole), tuple(sorted(w for w, whole in words if not whole)))
            for words in every_required(pattern)
            if min(len(word) for word, _ in words) >= _SHORTEST_GATE_WORD
        )

    @classmethod
    def narrowest(cls, patterns: list[str], *, word_start: bool) -> Gate:
        """The gate of the patterns' first words or of the words they hold anywhere, whichever
        is rarer: both are necessary conditions, and "in the war" is better gated by "war" than
        by "in". Words held further on are preferred only when none is shorter than three
        letters: a letter or two closes next to no sentence, and a pattern is still tried (and
        a runaway one still caught) on the sentences its first words let through."""
        first = cls.of(patterns, word_start=word_start)
        anywhere = cls.anywhere(patterns)
        if anywhere.rarity() > first.rarity() and anywhere.shortest() >= _SHORTEST_GATE_WORD:
            return anywhere
        return first

    def shortest(self) -> int:
        """The length of the gate's shortest word (0 for an open gate)."""
        words = [*self.whole, *self.prefixes]
        return min(map(len, words)) if words and not self.always_open else 0

    def rarity(self) -> tuple[bool, int]:
        """How rare the gate's commonest word is (uncommon beats common, then longer beats
        shorter); an always-open gate is the least rare."""
        if self.always_open or not (self.whole or self.prefixes):
            return (False, -1)
        return min(
            [_quality((word, True)) for word in self.whole] + [_quality((p, False)) for p in self.prefixes]
        )

    def may_match(self, text: Words) -> bool:
        if self.always_open:
            return True
        if not self.whole.isdisjoint(text.words):
            return True
        folded = text.folded
        return any(prefix in folded for prefix in self.prefixes)


class GateSet:
    """Many gates asked about one text at once, word by word: what each word of the text opens
    (as a whole word, and by every prefix inside it) is worked out once per distinct word and
    kept, so a text costs one dictionary lookup per word instead of one test per gate.

    A prefix of letters only can occur only inside one of the text's letter runs (its words),
    so testing it inside each word answers as testing it on the whole text does. Other prefixes
    (none in the built-in rules) are tested on the whole text.

    `open(text)` answers with the open gates as bits; `bit(gate)` says which bit is a gate's.
    Equal gates share a bit (they always give the same answer)."""

    def __init__(self, gates):
        self._bits: dict[Gate, int] = {}
        self._always = 0
        by_word: dict[str, int] = {}
        by_prefix: dict[str, int] = {}
        for gate in gates:
            if gate in self._bits:
                continue
            bit = self._bits[gate] = 1 << len(self._bits)
            if gate.always_open:
                self._always |= bit
            for word in gate.whole:
                by_word[word] = by_word.get(word, 0) | bit
            for prefix in gate.prefixes:
                by_prefix[prefix] = by_prefix.get(prefix, 0) | bit
        self._by_word = by_word
        self._in_words = tuple((p, b) for p, b in by_prefix.items() if _LETTERS_ONLY.fullmatch(p))
        self._in_text = tuple((p, b) for p, b in by_prefix.items() if not _LETTERS_ONLY.fullmatch(p))
        self._word_bits: dict[str, int] = {}

    def bit(self, gate: Gate) -> int:
        return self._bits[gate]

    def open(self, text: Words) -> int:
        opened = self._always
        word_bits = self._word_bits
        for word in text.words:
            bits = word_bits.get(word)
            opened |= self._bits_of(word) if bits is None else bits
        folded = text.folded
        for prefix, bits in self._in_text:
            if prefix in folded:
                opened |= bits
        return opened

    def _bits_of(self, word: str) -> int:
        bits = self._by_word.get(word, 0)
        for prefix, prefix_bits in self._in_words:
            if prefix in word:
                bits |= prefix_bits
        if len(self._word_bits) >= _WORDS_KEPT:
            self._word_bits.clear()  # a bound for endless archives; the common words come back
        self._word_bits[word] = bits
        return bits


_LETTERS_ONLY = re.compile(r"[a-z]+")
_SHORTEST_GATE_WORD = 3
_WORDS_KEPT = 50_000
