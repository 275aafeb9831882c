"""Where a claim holds: names, descriptors, fuzzy spellings, datelines and appositions."""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile.extract import extract_text
from reconcile.rulebook import load_rulebook

BOOK = load_rulebook()
DAY = dt.date(2016, 12, 9)

CASES = [
    ("Shelling killed 12 civilians in the Jub Al-Quby neighborhood on Friday.", [("12", "Jubb al-Qubbeh")]),
    ("BEIRUT, Lebanon — Air strikes killed 15 people in Hasakeh on Friday.", [("15", "Hasaka")]),
    ("Shelling resumed in rebel-held neighborhoods of Aleppo, Syria, halting the evacuation of thousands of civilians.", [("thousands", "eastern Aleppo")]),
    ("The United Nations said 82 people were killed in four neighborhoods — Bustan al-Qasr, al-Fardous, al-Kallaseh and al-Saleheen.", [("82", "eastern Aleppo")]),
    ("About 37,000 people have fled eastern Aleppo for western areas of the city, according to the United Nations.", [("About 37,000", "eastern Aleppo")]),
    ("Hundreds of Syrian men who escaped eastern Aleppo are missing.", [("Hundreds", "eastern Aleppo")]),
    ("At least 20 people were killed in a car bomb blast in Azaz, Aleppo province, local sources said.", [("At least 20", "Azaz")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_place_of_each_claim(text, expected):
    claims = extract_text(text, BOOK, DAY)
    assert [(c.quantity.text, c.place.name) for c in claims] == expected
