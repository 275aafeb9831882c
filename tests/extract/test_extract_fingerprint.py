"""Claim ids: the fast normalisation of a sentence is the regex one, for every kind of space."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract.fingerprint import _SPACE, claim_id, normalised

SPACES = [" ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u2003", "\u2028", "\u3000", "\u200b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SPACES), st.sampled_from(["Aleppo", "ß", "İ", "37,000", "—", "a"])), max_size=12))
def test_normalised_is_the_regex_normalisation(pieces):
    text = "".join(pieces)
    assert normalised(text) == _SPACE.sub(" ", text).strip().casefold()


def test_claim_ids_ignore_spacing_and_case():
    assert claim_id("d", "About  37,000 fled.\n", "37,000", 0) == claim_id("d", "about 37,000 fled.", "37,000", 0)
    assert claim_id("d", "About 37,000 fled.", "37,000", 0) != claim_id("d", "About 37,000 fled.", "37,000", 1)
