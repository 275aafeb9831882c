"""Publication dates in the forms news pages and corpora write them."""

from __future__ import annotations

from datetime import date, datetime

import regex

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_ISO = regex.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_MONTH_FIRST = regex.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})")
_DAY_FIRST = regex.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})")
_SLASHED = regex.compile(r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{2}|\d{4})\b")


def parse_date(text: str | None, *, day_first: bool = False) -> date | None:
    """The first date in `text`, or None. Slashed dates are month first unless `day_first`."""
    if not text:
        return None
    text = text.strip()
    for parse in (_parse_iso, _parse_named_month, _parse_slashed):
        found = parse(text, day_first)
        if found:
            return found
    return None


def _parse_iso(text: str, _day_first: bool) -> date | None:
    match = _ISO.search(text)
    return _safe_date(match["year"], match["month"], match["day"]) if match else None


def _parse_named_month(text: str, _day_first: bool) -> date | None:
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        for match in pattern.finditer(text):
            month = _MONTHS.get(match["month"].lower())
            if month:
                return _safe_date(match["year"], month, match["day"])
    return None


def _parse_slashed(text: str, day_first: bool) -> date | None:
    match = _SLASHED.search(text)
    if not match:
        return None
    year = int(match["year"])
    year = year + 2000 if year < 70 else year + 1900 if year < 100 else year
    first, second = int(match["first"]), int(match["second"])
    month, day = (second, first) if day_first else (first, second)
    # An impossible month means the corpus writes day first; take the reading that is a date.
    return _safe_date(year, month, day) or _safe_date(year, day, month)


def _safe_date(year, month, day) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_timestamp(text: str | None) -> date | None:
    """ISO 8601 timestamps from meta tags and JSON-LD (2016-12-13T05:00:00-05:00)."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return parse_date(text)
