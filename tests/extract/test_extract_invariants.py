"""Properties of extraction that must hold for any text (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.extract import extract_document, extract_text
from reconcile.load import load_bytes
from reconcile.rulebook import load_rulebook

BOOK = load_rulebook()

# Real sentences (seeds and FA-KES phrasing) with claims of several kinds, to build documents from.
SENTENCES = [
    "More than 10,500 people have left rebel-held areas in the last 24 hours, Russian officials said on Friday, nearly half of them children.",
    "The latest round of fighting has killed at least 341 people, including 44 children, in rebel-held Aleppo, according to the Syrian Observatory for Human Rights.",
    "Tens of thousands of residents — Russia says at least 100,000, the United Nations puts the number at 37,000 — left the rebel-held districts.",
    "Rupert Colville, a spokesman for the United Nations high commissioner for human rights, said the 82 summary killings were reported in four neighborhoods.",
    "He said four men were summarily shot on Sunday.",
    "At least 13 civilians were killed and 30 others wounded in airstrikes on the town.",
    "About 37,000 people have fled eastern Aleppo for western areas of the city, according to the United Nations.",
    "The resolution received 122 votes in favor and 13 against.",
    "She was 10, he said, with broken bones.",
    "Evacuations were set to begin at 5 a.m. Wednesday.",
]
SEPARATORS = st.sampled_from([" ", "\n", "  ", " \n", "\n  ", "\t"])


def _signature(claims):
    return [
        (c.id, c.category, c.quantity.text, c.subject_class, c.source.name, c.place.name,
         c.time.as_of, c.time.window, c.parent)
        for c in claims
    ]


def _wrapped(paragraphs: list[list[str]], separators) -> str:
    parts = []
    for sentences in paragraphs:
        words = " ".join(sentences).split(" ")
        text = words[0]
        for word in words[1:]:
            text += separators.draw(SEPARATORS) + word
        parts.append(text)
    return "Date: 2016-12-09\n\n" + "\n\n".join(parts) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs=st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3), min_size=1, max_size=3),
    data=st.data(),
)
def test_claims_do_not_depend_on_how_whitespace_is_wrapped(paragraphs, data):
    plain = _wrapped(paragraphs, _Fixed(" "))
    wrapped = _wrapped(paragraphs, data)
    one = load_bytes(plain.encode(), doc_id="a.txt", path="a.txt")
    two = load_bytes(wrapped.encode(), doc_id="a.txt", path="a.txt")
    assert _signature(extract_document(one[0], BOOK)) == _signature(extract_document(two[0], BOOK))


class _Fixed:
    def __init__(self, value: str):
        self.value = value

    def draw(self, _strategy):
        return self.value


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_extraction_never_raises_on_arbitrary_text(text):
    extract_text(text, BOOK, dt.date(2016, 12, 9))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES + ["", "—", "said", "according to", "including", "of them"]), max_size=8), st.text(alphabet=" ,;—–'’\"“”.", max_size=6))
def test_extraction_never_raises_on_shuffled_claim_text(pieces, glue):
    extract_text(glue.join(pieces), BOOK, dt.date(2016, 12, 9))
