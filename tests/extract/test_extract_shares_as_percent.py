"""A share is a percentage over a hundred: claims carry one unit for both, so that "three-quarters
of their territory" and "93 percent of Aleppo" land in one topic, and "about half" meets "40 percent"."""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile.extract import extract_text
from reconcile.rulebook import load_rulebook

CASES = [
    (
        "After months under siege, rebels had lost more than three-quarters of their territory in eastern Aleppo.",
        [("more than three-quarters", "territory", "percent", 75, 100, False, True, 75)],
    ),
    (
        "On Friday, Russian officials said that 93 percent of Aleppo had been captured by the Syrian Army.",
        [("93 percent", "territory", "percent", 93, 93, True, True, 93)],
    ),
    (
        "More than 10,500 people have left rebel-held areas in the last 24 hours, Russian officials said, nearly half of them children.",
        [
            ("More than 10,500", "fled", "count", 10500, None, False, False, 10500),
            ("nearly half", "fled", "percent", 45, 50, True, True, 50),
        ],
    ),
]


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_shares_are_claimed_as_percentages(book, text, expected):
    claims = extract_text(text, book, dt.date(2016, 12, 9))
    got = [
        (c.quantity.text, c.category, c.quantity.unit, c.quantity.low, c.quantity.high,
         c.quantity.low_inclusive, c.quantity.high_inclusive, c.quantity.nominal)
        for c in claims
    ]
    assert got == expected
