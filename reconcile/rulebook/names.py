"""Name lookup shared by the source list and the gazetteer: exact aliases first, then rapidfuzz.

Both lists are trees of canonical names with aliases. Finding mentions in text looks token
sequences up in a dictionary of aliases; resolving a stray spelling falls back to fuzzy matching.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz, process


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    raw: str


_ARTICLE = regex.compile(r"^the\s+")
_SPACES = regex.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, apostrophe and article differences do not make a different name."""
    text = text.replace("’", "'").replace("‘", "'").casefold().strip(" .,;:")
    return _SPACES.sub(" ", _ARTICLE.sub("", text))


_TOKEN = regex.compile(r"\w+(?:[-.]\w+)*|[^\w\s]")
# The same tokens for ASCII text, with the standard library's faster engine. The classes are
# spelled out: `re`'s \s also takes \x1c-\x1f, which `regex` (Unicode White_Space) does not.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*|[^A-Za-z0-9_\t\n\x0b\x0c\r ]")


class _Tokens:
    """A text's words and marks, and their offsets, read only when asked for: two sentences in
    five start no alias, and the words alone come from one C call (`findall`)."""

    __slots__ = ("words", "folded", "_text", "_tokenizer", "_spans")

    def __init__(self, words: tuple[str, ...], folded: tuple[str, ...], text: str, tokenizer) -> None:
        self.words, self.folded = words, folded
        self._text, self._tokenizer = text, tokenizer
        self._spans: tuple[tuple[int, ...], tuple[int, ...]] | None = None

    @property
    def starts(self) -> tuple[int, ...]:
        return (self._spans or self._read_spans())[0]

    @property
    def ends(self) -> tuple[int, ...]:
        return (self._spans or self._read_spans())[1]

    def _read_spans(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        spans = [m.span() for m in self._tokenizer.finditer(self._text)]
        self._spans = tuple(zip(*spans)) if spans else ((), ())
        return self._spans


@lru_cache(maxsize=512)
def _tokens(text: str) -> _Tokens:
    """Words and marks with their offsets (cached: sources and places read the same sentence)."""
    straight = text.replace("’", "'").replace("‘", "'")  # same length: offsets hold
    tokenizer = _ASCII_TOKEN if straight.isascii() else _TOKEN
    words = tokenizer.findall(straight)
    if not words:
        return _Tokens((), (), straight, tokenizer)
    # One casefold call for all the words: casefolding maps each character on its own, and no
    # token holds a space, so the folded text splits back into the folded words.
    folded = " ".join(words).casefold().split(" ")
    return _Tokens(tuple(words), tuple(folded), straight, tokenizer)


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


_NAME = ""  # the key under which a trie node keeps the name its phrase ends with (no token is empty)


class _Phrases:
    """Aliases as token sequences in a trie, entered at their first token: faster than one huge
    alternation, and exact. Short all-capital aliases ("UN", "IS") match only in capitals."""

    def __init__(self, aliases: dict[str, str]):
        self._folded: dict = {}  # casefolded token → node; node[_NAME] = the name a phrase ends with
        self._exact: dict = {}  # the same, for the acronyms, case kept
        for alias, name in aliases.items():
            words = _tokens(alias).words
            if not words:
                continue
            if _is_acronym(alias):
                _insert(self._exact, words, name)
            else:
                _insert(self._folded, tuple(w.casefold() for w in words), name)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        tokens = _tokens(text)
        folded_trie, exact_trie = self._folded, self._exact
        # Only tokens from which some alias may go on are tried (a comprehension scans the rest
        # fast): "the" starts aliases ("the Ghouta"), but rarely one the next token continues.
        starts = _viable_starts(folded_trie, tokens.folded)
        if exact_trie:
            exact = _viable_starts(exact_trie, tokens.words)
            if exact:
                starts = sorted({*starts, *exact})
        found = []
        after = 0  # the end of the last phrase found: phrases do not overlap
        for i in starts:
            if i < after:
                continue
            hit = self._longest(tokens, i, text)
            if hit:
                length, name = hit
                found.append((tokens.starts[i], tokens.ends[i + length - 1], name))
                after = i + length
        return found

    def _longest(self, tokens: _Tokens, i: int, text: str) -> tuple[int, str] | None:
        """The longest phrase from token i that is a whole mention (a casefolded alias before an
        acronym of the same length)."""
        names: dict[int, str] = {}  # phrase length → name
        _walk(self._folded, tokens.folded, i, names)
        _walk(self._exact, tokens.words, i, names)
        for length in sorted(names, reverse=True):
            if _whole(text, tokens.starts[i], tokens.ends[i + length - 1]):
                return length, names[length]
        return None


def _viable_starts(trie: dict, words: tuple[str, ...]) -> list[int]:
    """The positions whose token is a whole alias or starts one that the next token continues."""
    last = len(words) - 1
    return [
        i for i, word in enumerate(words)
        if (node := trie.get(word)) is not None and (_NAME in node or (i < last and words[i + 1] in node))
    ]


def _insert(trie: dict, words: tuple[str, ...], name: str) -> None:
    node = trie
    for word in words:
        node = node.setdefault(word, {})
    node.setdefault(_NAME, name)  # the first alias listed keeps a phrase


def _walk(trie: dict, words: tuple[str, ...], i: int, names: dict[int, str]) -> None:
    """Every phrase of the trie that words[i:] starts with, by length (names already there stay)."""
    node = trie.get(words[i])
    end = i + 1
    while node is not None:
        name = node.get(_NAME)
        if name is not None:
            names.setdefault(end - i, name)
        if end == len(words):
            return
        node = node.get(words[end])
        end += 1


def _whole(text: str, start: int, end: int) -> bool:
    """Not part of a hyphenated word ("Aleppo-based" is not a mention of Aleppo)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before != "-" and after != "-"


_RECENT_TEXTS = 256
_KEPT_FUZZY = 4096


class NameIndex:
    """Canonical names with aliases and a parent each."""

    def __init__(self, entries: dict[str, tuple[list[str], str | None]], fuzzy_threshold: int):
        self.parents: dict[str, str | None] = {name: parent for name, (_, parent) in entries.items()}
        self._by_alias: dict[str, str] = {}
        spellings: dict[str, str] = {}
        for name, (aliases, _) in entries.items():
            for alias in [name, *aliases]:
                self._by_alias.setdefault(normalise(alias), name)
                spellings.setdefault(alias, name)
        self._keys = list(self._by_alias)
        self._phrases = _Phrases(spellings)
        self._recent: dict[str, tuple[Mention, ...]] = {}
        self._fuzzy_found: dict[str, str | None] = {}
        self.fuzzy_threshold = fuzzy_threshold

    def __contains__(self, name: str) -> bool:
        return name in self.parents

    def find(self, text: str) -> list[Mention]:
        # The last texts' answers are kept: a sentence's sources are asked for again for each of
        # its figures (possessives: "Russia's 100,000").
        found = self._recent.get(text)
        if found is None:
            if len(self._recent) >= _RECENT_TEXTS:
                self._recent.clear()
            found = self._recent[text] = tuple(
                Mention(start, end, name, text[start:end]) for start, end, name in self._phrases.find(text)
            )
        return list(found)

    def resolve(self, raw: str, *, fuzzy: bool = True) -> str | None:
        key = normalise(raw)
        if key in self._by_alias:
            return self._by_alias[key]
        if not fuzzy or len(key) < 4 or not self._keys:
            return None
        # Fuzzy answers are kept: the aliases never change, and a document names the same
        # unlisted spelling in many sentences.
        if key in self._fuzzy_found:
            return self._fuzzy_found[key]
        if len(self._fuzzy_found) >= _KEPT_FUZZY:
            self._fuzzy_found.clear()
        best = process.extractOne(
            key, self._keys, scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold
        )
        found = self._fuzzy_found[key] = self._by_alias[best[0]] if best else None
        return found

    def ancestors(self, name: str) -> list[str]:
        """The name, its parent, its parent's parent … up to the root."""
        chain = [name]
        while (parent := self.parents.get(chain[-1])) and parent not in chain:
            chain.append(parent)
        return chain

    def root(self, name: str) -> str:
        return self.ancestors(name)[-1]

    def contains(self, outer: str, inner: str) -> bool:
        """True when `inner` is `outer` or lies inside it."""
        return outer in self.ancestors(inner)
