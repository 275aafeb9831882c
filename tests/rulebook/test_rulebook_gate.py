"""The word gate before a costly scan is only a necessary condition: it may let through a text
that does not match, never stop one that does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.cli.inputs import load_inputs
from reconcile.rulebook import load_rulebook
from reconcile.rulebook.gate import Gate, Words, first_words, required_words
from reconcile.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]

FIRST_WORDS = [
    (r"killed", {("killed", True)}),
    (r"shot\s+dead", {("shot", True)}),
    (r"shot\s*dead", {("shot", False)}),
    (r"shot\s?dead", {("shot", False)}),
    (r"deaths?", {("death", False)}),
    (r"kill(?:ed|ing)", {("kill", False)}),
    (r"the\s+deaths?\s+of", {("death", False)}),
    (r"lost\s+their\s+lives", {("lives", True)}),
    (r"(?:summarily\s+|fatally\s+)shot", {("summarily", True), ("fatally", True)}),
    (r"(?:summarily\s+|fatally\s+)?shot", {("summarily", True), ("fatally", True), ("shot", True)}),
    (r"(?:kill|murder)ed", {("killed", True), ("murdered", True)}),
    (r"puts?\s+the\s+(?:number|figure)\s+at", {("put", False)}),
    (r"a|b+", {("a", True), ("b", False)}),
    (r"a|[bc]", None),
    (r"[a-z]+ed", None),
    (r"{quantity}\s+fled", None),
    (r"(?i:killed)", None),
    (r"\p{Lu}\w+", None),
]


@pytest.mark.parametrize(("pattern", "expected"), FIRST_WORDS, ids=[p for p, _ in FIRST_WORDS])
def test_first_words_of_a_pattern(pattern, expected):
    got = first_words(pattern)
    assert (None if got is None else set(got)) == expected


REQUIRED_WORDS = [
    (r"\ue000+\s+only\s+to\s+be\s+(?:arrested|detained)", {("arrested", False), ("detained", False)}),
    (r"\ue000+\s+in\s+need\s+of\s+medical\s+care", {("medical", True)}),
    (r"\ue000+\s+in\s+need\s+of\s+(?:urgent\s+)?medical\s+care", {("medical", False)}),
    (r"\ue000+(?<![\w-])(?:dead|deaths)(?![\w-])", {("dead", True), ("deaths", True)}),
    (r"\ue000+x(?:dead|deaths)(?![\w-])", {("dead", False), ("deaths", False)}),
    (r"\ue000+(?:\s+of\s+the)?\s+wounded", {("wounded", False)}),
    (r"\ue000+(?:\s+(?:fled|left))?", None),
    (r"\ue000+(?=\s+fled)", None),
    (r"deaths?\s+\ue000", {("death", False)}),
    (r"(?x) fled # a comment", None),
    (r"(?P<a>fled)\s+(?P=a)", None),
    (r"fled|\ue000", None),
]


@pytest.mark.parametrize(("pattern", "expected"), REQUIRED_WORDS, ids=[p for p, _ in REQUIRED_WORDS])
def test_required_words_of_a_pattern(pattern, expected):
    got = required_words(pattern)
    assert (None if got is None else set(got)) == expected


def test_a_gate_with_a_pattern_it_cannot_read_is_always_open():
    gate = Gate.of(["killed", "[a-z]+ed"], word_start=True)
    assert gate.always_open and gate.may_match(Words("nothing here"))


def test_a_whole_word_gate_does_not_open_for_a_longer_word():
    gate = Gate.of(["killed"], word_start=True)
    assert gate.may_match(Words("Two were Killed."))
    assert not gate.may_match(Words("The skilledworkers left."))
    assert Gate.of(["killed"], word_start=False).may_match(Words("The unkilled."))


def _gated(book):
    """(gate, regex) of every gated scan of the rulebook."""
    pairs = [(book.sources.cue_gate, finder) for finder in (book.sources.verbs, book.sources.according, book.sources.put_number)]
    pairs += [(gate, finder) for _, finder, gate in book.sources.cue_finders]
    pairs.append((book.places._descriptor_gate, book.places._descriptor_finder))
    pairs.append((book.places._area_gate, book.places._descriptor_finder))
    pairs += [(c.trigger_gate, c.trigger_presence) for c in book.categories.values() if c.trigger_presence is not None]
    return pairs


def _texts(book) -> list[str]:
    texts = [e.text for c in book.categories.values() for e in (*c.examples, *c.counter_examples)]
    documents, _ = load_inputs([str(ROOT / "seeds")])
    texts += [s.text for d in documents for s in split_sentences(d)]
    return texts


def test_the_gates_never_close_on_a_text_their_patterns_match():
    book = load_rulebook()
    texts = _texts(book)
    missed = [
        (text[:60], gate)
        for text in texts for gate, finder in _gated(book)
        if finder.search(text) is not None and not gate.may_match(Words(text))
    ]
    assert missed == []
    matched = sum(1 for text in texts for _, finder in _gated(book) if finder.search(text))
    assert matched > 100  # the check above is not vacuous


_BOOK = load_rulebook()
_VOCABULARY = sorted(
    {w for gate, _ in _gated(_BOOK) for w in (*gate.whole, *gate.prefixes)}
    | {"The", "KILLED", "Shot", "dead", "-", ",", "people", "un", "ed", "s", "’s"}
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), max_size=12), st.lists(st.sampled_from([" ", "", "-", "  ", "\n"]), max_size=12))
def test_gates_hold_on_word_soup(words, glue):
    text = "".join(w + (glue[i] if i < len(glue) else " ") for i, w in enumerate(words))
    for gate, finder in _gated(_BOOK):
        if finder.search(text) is not None:
            assert gate.may_match(Words(text)), (text, finder.pattern[:80])


def _category_gates(book) -> list[Gate]:
    return [g for c in book.categories.values() for g in (c.trigger_gate, *(p.gate for p in c.patterns))]


_GATE_WORDS = sorted({w for g in _category_gates(_BOOK) for w in (*g.whole, *g.prefixes)} | {"The", "un", "s"})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_GATE_WORDS), max_size=12), st.lists(st.sampled_from([" ", "", "-", "\n"]), max_size=12))
def test_a_gate_set_opens_exactly_the_gates_that_open_alone(words, glue):
    # GateSet answers for many gates at once; each answer must be the gate's own.
    text = "".join(w + (glue[i] if i < len(glue) else " ") for i, w in enumerate(words))
    gates = _BOOK.category_gates.gates
    opened = gates.open(Words(text))
    assert [bool(opened & gates.bit(g)) for g in _category_gates(_BOOK)] == [
        g.may_match(Words(text)) for g in _category_gates(_BOOK)
    ]


def test_a_gate_set_agrees_with_each_gate_on_the_seeds():
    gates = _BOOK.category_gates.gates
    texts = _texts(_BOOK)
    answers = [(bool(gates.open(Words(t)) & gates.bit(g)), g.may_match(Words(t))) for t in texts for g in _category_gates(_BOOK)]
    assert all(together == alone for together, alone in answers)
    assert sum(alone for _, alone in answers) > 100 and not all(alone for _, alone in answers)  # both answers occur


def test_an_always_open_gate_in_a_gate_set_is_open_for_any_text():
    from reconcile.rulebook.gate import GateSet

    shut, always = Gate(frozenset({"killed"})), Gate(always_open=True)
    gates = GateSet([shut, always])
    assert gates.open(Words("")) == gates.bit(always)
    assert gates.open(Words("they killed")) == gates.bit(always) | gates.bit(shut)


NARROWEST = [
    # the first words are common: the words held further on gate better
    (r"(?:in|during)\s+the\s+(?:war|conflict)(?![\w-])", Gate(frozenset(), ("conflict", "during", "war"))),
    # a rare first word stays
    (r"(?<![\w-])killed\s+in\s+the\s+war", Gate(frozenset({"killed"}))),
    # nothing readable anywhere: open
    (r"\d+", Gate(always_open=True)),
    # a one-letter word further on is no better gate than the first words
    (r"(?:a|aa)+b\d", Gate(frozenset(), ("a", "aa"))),
]


@pytest.mark.parametrize(("pattern", "expected"), NARROWEST, ids=[p for p, _ in NARROWEST])
def test_the_narrowest_gate_of_a_pattern(pattern, expected):
    from reconcile.rulebook.gate import word_start

    assert Gate.narrowest([pattern], word_start=word_start(pattern)) == expected


EVERY_REQUIRED = [
    (r"took\s+(?:about\s+)?\d+\s+of\s+(?:the\s+)?(?:territory|land)(?![\w-])",
     # after an optional group, a word start is not sure: parts of words (substrings)
     [{("took", False)}, {("of", True)}, {("territory", False), ("land", False)}]),
    (r"(?:fled|left)\s+(?:their\s+)?homes?", [{("fled", False), ("left", False)}, {("home", False)}]),
    (r"killed|wounded", [{("killed", False), ("wounded", False)}]),  # alternatives: the best piece only
    (r"\d+", []),
]


def test_pieces_with_words_of_one_or_two_letters_make_no_gate():
    # "killed" ends the pattern without a word end after it: a part of a word
    assert Gate.each_required(r"(?:a|aa)+b\s+of\s+killed") == (Gate(frozenset(), ("killed",)),)


@pytest.mark.parametrize(("pattern", "expected"), EVERY_REQUIRED, ids=[p for p, _ in EVERY_REQUIRED])
def test_every_required_piece_of_a_pattern(pattern, expected):
    from reconcile.rulebook.gate import every_required

    assert [set(piece) for piece in every_required(pattern)] == expected


def test_a_gate_set_finds_prefixes_inside_words_and_others_in_the_text():
    from reconcile.rulebook.gate import GateSet

    inside, dotted, whole = Gate(frozenset(), ("kill",)), Gate(frozenset(), ("u.n",)), Gate(frozenset({"un"}))
    gates = GateSet([inside, dotted, whole])
    for text in ("the U.N. killed", "the un skill", "nothing here", "UN-led killing"):
        opened = gates.open(Words(text))
        for _ in range(2):  # the second time from the words already worked out
            assert opened == gates.open(Words(text))
        assert [bool(opened & gates.bit(g)) for g in (inside, dotted, whole)] == [
            g.may_match(Words(text)) for g in (inside, dotted, whole)
        ], text
