"""When each claim holds: weekdays against the publication date, windows and basis."""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile.extract import extract_text
from reconcile.rulebook import load_rulebook

BOOK = load_rulebook()
FRIDAY = dt.date(2016, 12, 9)
TUESDAY = dt.date(2016, 12, 13)

# (text, published, [(figure, as_of, start, end, window, basis)])
CASES = [
    ("Hundreds of men are missing, United Nations officials said on Friday.", FRIDAY,
     [("Hundreds", dt.date(2016, 12, 9), None, None, None, "stock")]),
    ("Gunmen summarily shot four men on Sunday.", FRIDAY,
     [("four", dt.date(2016, 12, 4), None, None, None, "cumulative")]),
    ("A convoy carrying 70 wounded people left early Wednesday.", TUESDAY,
     [("70", dt.date(2016, 12, 14), None, None, None, "cumulative")]),
    ("Shelling killed 12 people on Dec. 5.", FRIDAY,
     [("12", dt.date(2016, 12, 5), None, None, None, "cumulative")]),
    ("More than 10,500 people have left rebel-held areas in the last 24 hours.", FRIDAY,
     [("More than 10,500", None, dt.date(2016, 12, 8), dt.date(2016, 12, 9), "last 24 hours", "flow")]),
    ("Approximately 30,000 have fled in the past week.", FRIDAY,
     [("Approximately 30,000", None, dt.date(2016, 12, 2), dt.date(2016, 12, 9), "past week", "flow")]),
    ("Airstrikes killed 40 people over the past two days.", FRIDAY,
     [("40", None, dt.date(2016, 12, 7), dt.date(2016, 12, 9), "past two days", "flow")]),
    ("At least 120 people have been arrested since Thursday.", TUESDAY,
     [("At least 120", None, dt.date(2016, 12, 8), dt.date(2016, 12, 13), "since Thursday", "cumulative")]),
    ("At least 40,000 people have fled to government areas during the offensive.", FRIDAY,
     [("At least 40,000", None, None, dt.date(2016, 12, 9), "the offensive", "cumulative")]),
    ("More than 300 civilians have been killed since the offensive began.", FRIDAY,
     [("More than 300", None, None, dt.date(2016, 12, 9), "since the offensive began", "cumulative")]),
    ("About 2,000 people were killed last month.", FRIDAY,
     [("About 2,000", None, dt.date(2016, 11, 9), dt.date(2016, 12, 9), "last month", "flow")]),
    ("More than 280000 people have been killed since the conflict began in 2011.", FRIDAY,
     [("More than 280000", None, None, dt.date(2016, 12, 9), "since the conflict began", "cumulative")]),
    ("The army took several hundred people back to one district.", FRIDAY,
     [("several hundred", dt.date(2016, 12, 9), None, None, None, "cumulative")]),
    ("There are 200,000 people in eastern Aleppo.", FRIDAY,
     [("200,000", dt.date(2016, 12, 9), None, None, None, "stock")]),
]


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:45] for c in CASES])
def test_time_of_each_claim(text, published, expected):
    claims = extract_text(text, BOOK, published)
    got = [(c.quantity.text, c.time.as_of, c.time.start, c.time.end, c.time.window, c.time.basis) for c in claims]
    assert got == expected
    assert all(c.time.published == published for c in claims)


def test_a_paragraph_carries_its_date_to_the_next_sentence():
    text = "Signs of friction emerged early Wednesday in Aleppo. A convoy of vans carrying 70 wounded people pulled out."
    claims = extract_text(text, BOOK, TUESDAY)
    assert [(c.quantity.text, c.time.as_of) for c in claims] == [("70", dt.date(2016, 12, 14))]
