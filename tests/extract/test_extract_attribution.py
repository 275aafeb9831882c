"""Who says each figure: every attribution form the issue lists, one sentence or paragraph each."""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile.extract import extract_text
from reconcile.rulebook import load_rulebook

BOOK = load_rulebook()
DAY = dt.date(2016, 12, 13)

# (text, [(figure, source, speaker, attributed)])
CASES = [
    ("At least 16 people were killed, the Syrian Observatory for Human Rights said.",
     [("At least 16", "Syrian Observatory for Human Rights", None, True)]),
    ("The Syrian Observatory for Human Rights says at least 16 people were killed.",
     [("at least 16", "Syrian Observatory for Human Rights", None, True)]),
    ("At least 16 people were killed, said Rami Abdel Rahman.",
     [("At least 16", "Syrian Observatory for Human Rights", None, True)]),
    ("At least 16 people were killed, according to the United Nations.",
     [("At least 16", "United Nations", None, True)]),
    ("Russia says at least 100,000 people have left, while the United Nations puts the number at 37,000.",
     [("at least 100,000", "Russia", None, True), ("37,000", "United Nations", None, True)]),
    ("Many people — estimates range from Russia’s tens of thousands to the United Nations’ 250,000 — stayed.",
     [("tens of thousands", "Russia", None, True), ("250,000", "United Nations", None, True)]),
    ("Tens of thousands of residents — Russia says at least 100,000, the United Nations puts the number at 37,000 — left the rebel-held districts.",
     [("Tens of thousands", "the publisher", None, False), ("at least 100,000", "Russia", None, True), ("37,000", "United Nations", None, True)]),
    ("Rupert Colville, a spokesman for the United Nations high commissioner for human rights, said four men were summarily shot.",
     [("four", "UN human rights office", "Rupert Colville", True)]),
    ("Rupert Colville, a spokesman for the United Nations high commissioner for human rights, spoke in Geneva. Mr. Colville said 82 people were killed.",
     [("82", "UN human rights office", "Rupert Colville", True)]),
    ("Hanaa Singer, Unicef’s Syria representative, spoke from Damascus. She said 20 children were killed.",
     [("20", "Unicef", "Hanaa Singer", True)]),
    ("About half of the people fleeing east Aleppo are children, said Hanaa Singer, Unicef’s Syria representative.",
     [("About half", "Unicef", "Hanaa Singer", True)]),
    ("About 37,000 people have fled eastern Aleppo for western areas of the city, according to the United Nations.",
     [("About 37,000", "United Nations", None, True)]),
    ("Russian officials said 10,500 people had left. Nearly half of them were children, they added.",
     [("10,500", "Russia", None, True)]),
    ("Thousands more fled to rebel- or Kurdish-held areas.",
     [("Thousands", "the publisher", None, False)]),
    ("In a joint statement, the leaders of Canada, France, Germany, Italy, Britain and the United States warned of disaster. The statement cited an urgent need to provide assistance to 200,000 people in eastern Aleppo.",
     [("200,000", "Western governments", None, True)]),
    ("A convoy of vans carrying 70 wounded people pulled out. The convoy had been turned back, residents reported.",
     [("70", "residents", None, True)]),
    ("A convoy of vans carrying 70 wounded people pulled out. Shelling resumed, residents reported.",
     [("70", "the publisher", None, False)]),
    ("IS controls more than 60 percent of the city besieging an estimated 200000 people there.",
     [("more than 60 percent", "the publisher", None, False), ("an estimated 200000", "the publisher", None, False)]),
    ("Two people were reported killed in the town.",
     [("Two", "the publisher", None, False)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_source_of_each_figure(text, expected):
    claims = extract_text(text, BOOK, DAY)
    got = [(c.quantity.text, c.source.name, c.source.speaker, c.source.attributed) for c in claims]
    assert got == expected


def test_he_said_does_not_reach_into_an_unrelated_paragraph():
    text = "Mr. Colville said the agency had heard reports."
    other = "There were dozens of wounded and dead around the clinic, he added."
    from reconcile.extract.single import text_document
    from reconcile.extract import extract_document
    from reconcile.models.document import Block

    document = text_document(text, DAY).model_copy(update={"blocks": [
        Block(kind="paragraph", text="Rupert Colville, a spokesman for the United Nations high commissioner for human rights, spoke.", line=1),
        Block(kind="paragraph", text="The weather was cold. " + other, line=3),
    ]})
    claims = extract_document(document, BOOK)
    assert [(c.quantity.text, c.source.name) for c in claims] == [("dozens", "unidentified speaker")]
