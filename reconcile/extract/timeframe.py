"""When a claim holds: the date it is stated for, or the window it counts over, and its basis.

A weekday ("on Friday") is the most recent such day up to the publication date, or the day after
it when the rules allow (an article dated Tuesday that reports "early Wednesday" was updated
overnight). A sentence with no date of its own takes the last date named earlier in its
paragraph. A window ("in the last 24 hours", "during the offensive") ends on that date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from reconcile.rulebook.gate import Words
from reconcile.rulebook.patterns import bounded_finditer
from reconcile.rulebook.timerules import CompiledWindow, TimeRules

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# "since Thursday" opens a window; it does not date the sentence.
_WEEKDAY = regex.compile(r"(?<!since\s)(?<![\w-])(" + "|".join(WEEKDAYS) + r")(?![\w-])", regex.IGNORECASE)
_RELATIVE_DAY = regex.compile(r"(?<![\w-])(yesterday|today|tonight)(?![\w-])", regex.IGNORECASE)
_MONTH_DAY = regex.compile(
    r"(?<![\w-])(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?!\d)"
    r"(?:,?\s+((?:19|20)\d\d))?|(?<!\d)(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|"
    r"dec)[a-z]*(?:\s+((?:19|20)\d\d))?",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Window:
    name: str
    basis: str
    start: dt.date | None
    end: dt.date | None
    position: int


def weekday_date(name: str, published: dt.date, next_day_allowed: bool) -> dt.date:
    target = WEEKDAYS.index(name.casefold())
    back = (published.weekday() - target) % 7
    if next_day_allowed and back == 6:
        return published + dt.timedelta(days=1)
    return published - dt.timedelta(days=back)


def sentence_date(
    text: str, published: dt.date | None, rules: TimeRules, words: Words | None = None
) -> dt.date | None:
    """The date the sentence names for its events, if any (the first one named)."""
    if published is None or not _may_name_a_date(text, words or Words(text)):
        return None
    found: list[tuple[int, dt.date]] = []
    for match in _WEEKDAY.finditer(text):
        found.append((match.start(), weekday_date(match.group(1), published, rules.next_day_allowed)))
    for match in _RELATIVE_DAY.finditer(text):
        shift = -1 if match.group(1).casefold() == "yesterday" else 0
        found.append((match.start(), published + dt.timedelta(days=shift)))
    for match in _MONTH_DAY.finditer(text):
        date = _month_day(match, published)
        if date:
            found.append((match.start(), date))
    if not found:
        return None
    found.sort()
    return found[0][1]


_DIGIT = regex.compile(r"\d")
_DAY_WORDS = frozenset(WEEKDAYS) | {"yesterday", "today", "tonight"}


def _may_name_a_date(text: str, words: Words) -> bool:
    """A weekday or day word, or a month word beside digits: without one, no scan can find a date."""
    if not _DAY_WORDS.isdisjoint(words.words):
        return True
    return any(w[:3] in MONTHS for w in words.words) and _DIGIT.search(text) is not None


def _month_day(match: regex.Match, published: dt.date) -> dt.date | None:
    month_name = (match.group(1) or match.group(5)).casefold()[:4].rstrip(".")
    month = MONTHS.get(month_name) or MONTHS.get(month_name[:3])
    day = int(match.group(2) or match.group(4))
    year_text = match.group(3) or match.group(6)
    year = int(year_text) if year_text else published.year
    try:
        date = dt.date(year, month, day)
    except (ValueError, TypeError):
        return None
    if not year_text and date > published + dt.timedelta(days=1):
        date = date.replace(year=year - 1)
    return date


def find_windows(
    text: str, reference: dt.date | None, published: dt.date | None, rules: TimeRules, words: Words | None = None
) -> list[Window]:
    windows = []
    opened = rules.window_gates.open(words or Words(text))
    for compiled, bit in zip(rules.windows, rules.window_bits):
        if not opened & bit:
            continue
        for match in bounded_finditer(compiled.regex, text):
            windows.append(_window(compiled, match, reference, published, rules))
    return windows


def _window(compiled: CompiledWindow, match: regex.Match, reference, published, rules) -> Window:
    rule = compiled.rule
    groups = match.groupdict()
    name = rule.window or _name(match.group(0))
    start = None
    if rule.since_weekday and groups.get("weekday") and published:
        start = weekday_date(groups["weekday"], published, False)
    elif reference is not None:
        days = _days(rule.days, groups, rules)
        if days is not None:
            start = reference - dt.timedelta(days=max(round(days), 1))
    return Window(name, rule.basis, start, reference, match.start())


def _days(fixed: int | None, groups: dict, rules: TimeRules) -> float | None:
    if fixed is not None:
        return fixed
    unit = groups.get("unit")
    if not unit:
        return None
    count_text = (groups.get("count") or "1").casefold()
    count_text = _TRAILING_OF.sub("", _SPACES.sub(" ", count_text))
    if count_text.isdigit():
        count = int(count_text)
    else:
        count = rules.number_words.get(count_text) or rules.number_words.get(count_text.split()[-1])
    per_unit = rules.unit_days.get(unit.casefold())
    if count is None or per_unit is None:
        return None
    return count * per_unit


_SPACES = regex.compile(r"\s+")
_TRAILING_OF = regex.compile(r"\s+of$")
_PREPOSITION = regex.compile(r"^(?:in|over|during|within|for|throughout|over the course of)\s+", regex.IGNORECASE)
_ARTICLE = regex.compile(r"^the\s+(?=(?:last|past|previous|preceding|latest)\b)", regex.IGNORECASE)


def _name(words: str) -> str:
    """'in the last 24 hours' → 'last 24 hours': the window without its preposition."""
    words = _SPACES.sub(" ", words.strip())
    words = _PREPOSITION.sub("", words)
    return _ARTICLE.sub("", words)


def nearest_window(windows: list[Window], position: int) -> Window | None:
    return min(windows, key=lambda w: abs(w.position - position)) if windows else None
