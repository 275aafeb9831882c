"""Alias lookup in text (NameIndex.find): the trie walk finds exactly what trying every phrase
length at every token finds — the longest whole alias, left to right, never overlapping."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.rulebook.names import NameIndex, _is_acronym, _tokens

ENTRIES = {
    "Syria": (["the country", "Syrian Arab Republic"], None),
    "Aleppo": (["the city of Aleppo", "Halab"], "Syria"),
    "Aleppo Province": (["the province of Aleppo"], "Syria"),
    "Azaz": (["A'zaz", "A’zaz"], "Aleppo Province"),
    "Eastern Ghouta": (["the Ghouta", "Ghouta"], "Syria"),
    "United Nations": (["UN", "U.N.", "the United Nations", "UN-Habitat"], None),
    "Islamic State": (["IS", "ISIS", "the Islamic State group"], None),
}
INDEX = NameIndex(ENTRIES, fuzzy_threshold=90)


def _by_trying_every_length(text: str) -> list[tuple[int, int, str]]:
    """The plain reading: at each token, every phrase length from the longest down."""
    folded: dict[tuple[str, ...], str] = {}
    exact: dict[tuple[str, ...], str] = {}
    for name, (aliases, _) in ENTRIES.items():
        for alias in [name, *aliases]:
            words = _tokens(alias).words
            if _is_acronym(alias):
                exact.setdefault(words, name)
            else:
                folded.setdefault(tuple(w.casefold() for w in words), name)
    tokens = _tokens(text)
    found, i = [], 0
    while i < len(tokens.words):
        for length in range(len(tokens.words) - i, 0, -1):
            name = folded.get(tokens.folded[i : i + length]) or exact.get(tokens.words[i : i + length])
            start, end = tokens.starts[i], tokens.ends[i + length - 1]
            if name and text[start - 1 : start] != "-" and text[end : end + 1] != "-":
                found.append((start, end, name))
                i += length
                break
        else:
            i += 1
    return found


CASES = [
    ("The UN said the city of Aleppo and A’zaz were hit.", [(4, 6, "United Nations"), (12, 30, "Aleppo"), (35, 40, "Azaz")]),
    ("Aleppo-based groups left the Ghouta; un officials stayed.", [(25, 35, "Eastern Ghouta")]),
    ("the province of Aleppo, the province of Idlib", [(0, 22, "Aleppo Province")]),
    ("IS and is and ISIS", [(0, 2, "Islamic State"), (14, 18, "Islamic State")]),
]


def test_cases():
    for text, expected in CASES:
        assert [(m.start, m.end, m.name) for m in INDEX.find(text)] == expected, text


WORDS = st.sampled_from(
    ["the", "The", "city", "of", "Aleppo", "aleppo", "province", "A'zaz", "A’zaz", "UN", "un", "U.N.", "IS",
     "Ghouta", "country", "Syrian", "Arab", "Republic", "United", "Nations", "-", "Habitat", ",", "said"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=14), st.lists(st.sampled_from([" ", "-", "  ", ""]), max_size=14))
def test_the_trie_finds_what_trying_every_length_finds(words, glue):
    text = "".join(w + (glue[i] if i < len(glue) else " ") for i, w in enumerate(words))
    assert [(m.start, m.end, m.name) for m in INDEX.find(text)] == _by_trying_every_length(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_text_is_tokenized_as_the_unicode_tokenizer_does(text):
    from reconcile.rulebook.names import _ASCII_TOKEN, _TOKEN

    assert [m.span() for m in _ASCII_TOKEN.finditer(text)] == [m.span() for m in _TOKEN.finditer(text)]
