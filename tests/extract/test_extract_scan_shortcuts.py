"""The extractor's shortcuts find exactly what the full scans find, on real sentences:
- a pattern that opens with the figure, tried at each figure only, against a scan of every position;
- a pattern's word gate never closes on a sentence the pattern matches;
- the date gate never closes on a sentence that names a weekday, a day word or a month and day;
- the pronoun gate never hides a pronoun the word-pair scan finds."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.cli.inputs import load_inputs
from reconcile.extract import speakers, timeframe
from reconcile.extract.figures import read_figures
from reconcile.rulebook import load_rulebook
from reconcile.rulebook.gate import Gate, Words
from reconcile.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def _book():
    return load_rulebook()


@lru_cache(maxsize=1)
def _sentences() -> tuple[str, ...]:
    book = _book()
    texts = [e.text for c in book.categories.values() for e in (*c.examples, *c.counter_examples)]
    documents, _ = load_inputs([str(ROOT / "seeds")])
    texts += [s.text for d in documents for s in split_sentences(d)]
    return tuple(texts)


def _patterns():
    return [p for c in _book().categories.values() for p in c.patterns]


def _flow_cues():
    return [cue for c in _book().categories.values() for cue in c.flow_cues]


def test_patterns_opening_with_the_figure_match_only_at_figures():
    book, checked, different = _book(), 0, []
    for text in _sentences():
        figures = read_figures(text, book.lexicon)
        starts = {q.start for q in figures.quantities}
        for pattern in _patterns():
            if not pattern.at_figures:
                continue
            everywhere = {m.span() for m in pattern.regex.finditer(figures.masked, overlapped=True)}
            at_figures = {m.span() for s in starts if (m := pattern.regex.match(figures.masked, s))}
            checked += len(everywhere)
            if everywhere != at_figures:
                different.append((pattern.id, text[:60]))
    assert different == []
    assert checked > 50


def test_pattern_gates_never_close_on_a_match():
    book, matched, missed = _book(), 0, []
    for text in _sentences():
        masked, words = read_figures(text, book.lexicon).masked, Words(text)
        for pattern in _patterns():
            if pattern.regex.search(masked) is None:
                continue
            matched += 1
            if not pattern.gate.may_match(words):
                missed.append((pattern.id, text[:60]))
            missed += [(pattern.id, str(g), text[:60]) for g in Gate.each_required(pattern.regex.pattern) if not g.may_match(words)]
    assert missed == []
    assert matched > 20


def test_a_pattern_runs_only_when_all_its_gates_are_open():
    # find_hits asks the GateSet: a pattern's needs are its gate and one gate per required piece
    book = _book()
    gates = book.category_gates.gates
    for text in _sentences():
        words = Words(text)
        opened = gates.open(words)
        for gated in book.category_gates.categories:
            for pattern, needs in zip(gated.category.patterns, gated.pattern_needs):
                alone = pattern.gate.may_match(words) and all(g.may_match(words) for g in Gate.each_required(pattern.regex.pattern))
                assert (opened & needs == needs) == alone, (pattern.id, text[:60])


def test_flow_cue_gates_never_close_on_a_match():
    book, matched, missed = _book(), 0, []
    texts = [*_sentences(), "Thousands more fled.", "Another 70 were wounded.", "They are fleeing by the thousands."]
    for text in texts:
        masked, words = read_figures(text, book.lexicon).masked, Words(text)
        for cue in _flow_cues():
            if cue.regex.search(masked) is None:
                continue
            matched += 1
            if not cue.gate.may_match(words):
                missed.append((cue.regex.pattern[:40], text[:60]))
    assert missed == []
    assert matched >= 3


def test_window_gates_never_close_on_a_window():
    book, matched, missed = _book(), 0, []
    for text in _sentences():
        words = Words(text)
        for window in book.time.windows:
            if window.regex.search(text) is None:
                continue
            matched += 1
            if not window.gate.may_match(words):
                missed.append((window.rule.id, text[:60]))
    assert missed == []
    assert matched > 10


def _date_found(text: str) -> bool:
    return any(p.search(text) for p in (timeframe._WEEKDAY, timeframe._RELATIVE_DAY, timeframe._MONTH_DAY))


_DATE_WORDS = [
    "Friday", "friday", "since", "Dec.", "December", "Sept", "sept.", "may", "May", "today", "Tonight",
    "yesterday", "5", "12", "2016", "on", "the", "killed", "decided", "mars", "-", ",", "Monday-", "é",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=8), st.sampled_from([" ", "", "  "]))
def test_the_date_gate_never_closes_on_a_date(words, glue):
    text = glue.join(words)
    if _date_found(text):
        assert timeframe._may_name_a_date(text, Words(text)), text


def test_the_date_gate_on_real_sentences():
    missed = [t[:60] for t in _sentences() if _date_found(t) and not timeframe._may_name_a_date(t, Words(t))]
    assert missed == []


def test_the_pronoun_gate_never_hides_a_pronoun():
    book = _book()
    hidden = []
    for text in _sentences():
        with_gate = [m for m in speakers.find_mentions(text, book, Words(text)) if m.kind == "pronoun"]
        scanned = [
            m.group(1) for m in speakers._WORD_PAIR.finditer(text)
            if m.group(1).casefold() in book.sources.pronouns
            or m.group(1).casefold().split()[0] in book.sources.pronouns
        ]
        if len(with_gate) != len(scanned):
            hidden.append(text[:60])
    assert hidden == []


_STATEMENT_WORDS = ["the", "The", "a", "its", "joint", "written", "statement", "Statement", "STATEMENT", "report",
                    "reports", "communiqué", "communique", "Communiqué", "said", "-", ",", "statements"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_STATEMENT_WORDS), max_size=8), st.lists(st.sampled_from([" ", "", "-", "  "]), max_size=8))
def test_the_statement_gate_never_hides_a_statement(words, glue):
    text = "".join(w + (glue[i] if i < len(glue) else " ") for i, w in enumerate(words))
    scanned = [m.span() for m in speakers.STATEMENT.finditer(text)]
    with_gate = [(m.start, m.end) for m in speakers.find_mentions(text, _book(), Words(text)) if m.kind == "statement"]
    assert with_gate == scanned
    assert speakers.names_a_statement(text, Words(text)) == bool(scanned)


def test_the_statement_gate_on_real_sentences():
    hidden = [
        t[:60] for t in _sentences()
        if speakers.STATEMENT.search(t) and not speakers.names_a_statement(t, Words(t))
    ]
    assert hidden == []
    assert any(speakers.STATEMENT.search(t) for t in _sentences())  # not vacuous


def _continues_story_by_search(sentence: str, following: str) -> bool:
    """The reference reading: one search per noun the sentence introduced."""
    import regex

    from reconcile.extract.attribution import _INDEFINITE

    nouns = {n.casefold() for m in _INDEFINITE.finditer(sentence) for n in m.groups() if n}
    return any(
        regex.search(rf"(?<![\w-])the\s+{regex.escape(n)}(?![\w-])", following, regex.IGNORECASE) for n in nouns
    )


_STORY_WORDS = ["a", "an", "convoy", "Convoy", "of", "vans", "the", "The", "the the", "convoy-led", "convoys", "convoy’s", "bus", "2", ",", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_STORY_WORDS), max_size=8), st.lists(st.sampled_from(_STORY_WORDS), max_size=8))
def test_a_story_continues_exactly_when_a_search_per_noun_says_so(first, second):
    from reconcile.extract.attribution import continues_story

    sentence, following = " ".join(first), " ".join(second)
    assert continues_story(sentence, following) == _continues_story_by_search(sentence, following)


_SLOT_WORDS = ["in", "of", "to", "from", "Old", "City", "city", "District", "district", "Districts", "camp", "Camps",
               "Bustan", "al-Qasr", "al-", "Jub", "Al-Quby", "downtown", "Aleppo", "the", "-", "’s", "neighbourhood"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SLOT_WORDS), max_size=10), st.lists(st.sampled_from([" ", "", "-", "  ", ", "]), max_size=10))
def test_place_slots_are_those_of_the_full_scan(words, glue):
    # Without an area word, the scan runs its first branch alone; the slots must not change.
    from reconcile.extract import placing

    text = "".join(w + (glue[i] if i < len(glue) else " ") for i, w in enumerate(words))
    spans = lambda matches: [(m.span(), m.group("after"), m.groupdict().get("before")) for m in matches]
    assert spans(placing.place_slots(text, 0, Words(text))) == spans(placing._PLACE_SLOT.finditer(text))


def test_place_slots_on_real_sentences():
    from reconcile.extract import placing

    differ = [
        t[:60] for t in _sentences()
        if [m.span() for m in placing.place_slots(t, 0, Words(t))] != [m.span() for m in placing._PLACE_SLOT.finditer(t)]
    ]
    assert differ == []
