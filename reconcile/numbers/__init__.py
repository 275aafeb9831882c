"""The number grammar: every way the news writes a figure, as an honest interval.

`parse_quantities(text)` returns a `Quantity` for each figure in `text`, sorted by `start`,
never overlapping, with `text[q.start:q.end] == q.text`. The span covers the words that qualify
the figure ("at least 100,000", "About 37,000", "more than three-quarters", "Tens of thousands",
"by the thousands"), and its unit word ("93 percent"), but not the thing counted.

Conventions (the lexicon, rules/quantities.toml, says why for each):
- Intervals: `low`/`high` are None on an open side. "more than 10,500" is (10500, None);
  "at least 341" is [341, None]; "about 37,000" is 37,000 ± 10 %; "nearly half" is
  [0.45, 0.5]; ranges are closed; "tens of thousands" is [20,000, 99,999].
- Units: a percentage keeps the number written (93 percent → nominal 93, unit "percent"); a
  fraction written in words or digits is a share between 0 and 1 ("three-quarters" → nominal
  0.75, unit "share"). A share is a percentage divided by 100, and a bound on either stops at
  the whole: "more than three-quarters" is (0.75, 1].
- Qualifiers: exact, approx, at_least, more_than, at_most, less_than, range, vague. `nominal`
  is the stated number, None for ranges and vague magnitudes.
- Non-quantities are RETURNED, not dropped, with `kind` set to what they are: "age" ("aged
  30 to 50", "a 10-year-old", "Ahmed Tawfik, 24,"), "clock_time" ("5 a.m."), "year" ("in 2014"),
  "date" ("Dec. 12"), "duration" ("four-year battle", "24 hours"), "ordinal" ("the third",
  "21st"), "reference" ("Resolution 2254", "B-52"), "phone" and "money" ("$20"). The
  extractor uses only kind == "quantity". Ages, years, durations, references and money keep
  the interval the grammar read ("more than thirty years old" is an age over 30); dates, clock
  times and phone numbers have no interval (low, high and nominal are None).
- Words that never make a figure are not returned: "one" as a pronoun ("the one you
  mentioned"), a bare "a", numbers inside links and e-mail addresses, digits glued to a unit
  ("180ml") or to letters on the left ("MH17").
"""

from reconcile.numbers.lexicon import Lexicon, LexiconError, load_lexicon
from reconcile.numbers.parse import parse_quantities

__all__ = ["Lexicon", "LexiconError", "load_lexicon", "parse_quantities"]
