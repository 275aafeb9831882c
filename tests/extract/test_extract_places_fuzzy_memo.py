"""Fuzzy place lookups are kept per index: asking again, in any order, answers as a fresh index
(which runs rapidfuzz) does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.rulebook import load_rulebook
from reconcile.rulebook.names import NameIndex

ENTRIES = {
    "Aleppo": (["Halab", "the city of Aleppo"], "Syria"),
    "Jubb al-Qubbeh": (["Jub al-Qubba"], "Aleppo"),
    "Bustan al-Qasr": (["Bustan al Qasr"], "Aleppo"),
    "Syria": ([], None),
}
SPELLINGS = st.sampled_from(
    ["Jub Al-Quby", "Jubb al Qubbeh", "Bustan al-Kasr", "Aleppo", "Alepo", "Halab", "Hallab", "Syira", "Idlib", "abc", "ab"]
)


def _fresh(raw: str, fuzzy: bool) -> str | None:
    return NameIndex(ENTRIES, fuzzy_threshold=85).resolve(raw, fuzzy=fuzzy)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(SPELLINGS, st.booleans()), max_size=20))
def test_a_kept_answer_is_the_fresh_answer(asks):
    index = NameIndex(ENTRIES, fuzzy_threshold=85)
    assert [index.resolve(raw, fuzzy=fuzzy) for raw, fuzzy in asks] == [_fresh(raw, fuzzy) for raw, fuzzy in asks]


def test_the_gazetteer_answers_each_spelling_twice_the_same():
    index = load_rulebook().places.index
    spellings = ["Jub Al-Quby", "Bustan al-Kasr", "Aleppo", "Alepo", "Nowhere Special", "Jub Al-Quby"]
    first = [index.resolve(raw) for raw in spellings]
    fresh = load_rulebook().places.index
    assert first == [index.resolve(raw) for raw in spellings] == [fresh.resolve(raw) for raw in spellings]
    assert first[0] == first[-1]
