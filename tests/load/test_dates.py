from datetime import date

import pytest

from reconcile.load.dates import parse_date, parse_timestamp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dec. 14, 2016", date(2016, 12, 14)),
        ("Dec. 13,\n    2016", date(2016, 12, 13)),
        ("December 7, 2016", date(2016, 12, 7)),
        ("Sept. 3, 2015", date(2015, 9, 3)),
        ("14 December 2016", date(2016, 12, 14)),
        ("2016-12-09", date(2016, 12, 9)),
        ("4/5/2017", date(2017, 4, 5)),
        ("12/13/16", date(2016, 12, 13)),
        ("13/12/2016", date(2016, 12, 13)),
        ("Monday", None),
        ("Dec. 45, 2016", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_parse_timestamp_keeps_the_local_date():
    assert parse_timestamp("2016-12-13T23:30:00-05:00") == date(2016, 12, 13)
    assert parse_timestamp("2016-12-13T05:00:00Z") == date(2016, 12, 13)
