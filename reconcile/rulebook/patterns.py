"""Compose a rule pattern from shared building blocks and compile it once, with a clear error.

A pattern is written in the `regex` module's syntax plus `{name}` placeholders:
- `{quantity}`: the figure (the extractor masks every count so one placeholder matches it);
- `{subject}`: an optional modifier run and one of the category's subject words;
- `{any_subject}`: any subject word of any class (non-capturing);
- a trigger list of the category (`{predicate}`, `{action}`, `{noun}`, …);
- a fragment from frames.toml (`{aux}`, `{gap}`, …).
Regex quantifiers (`{2,3}`) never clash: placeholder names are lower-case words.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from reconcile.rulebook.errors import RuleError

PLACEHOLDER = regex.compile(r"\{([a-z_]+)\}")
# Every count quantity in a sentence is overwritten, length for length, by QUANTITY_HEAD followed
# by QUANTITY_TAIL characters, so patterns see one token per figure and offsets do not move.
QUANTITY_HEAD = "\ue000"
QUANTITY_TAIL = "\ue001"
QUANTITY_PATTERN = f"(?P<quantity>{QUANTITY_HEAD}{QUANTITY_TAIL}*)"
ANY_QUANTITY = f"(?:{QUANTITY_HEAD}{QUANTITY_TAIL}*)"
FLAGS = regex.IGNORECASE | regex.UNICODE
# A user pattern that backtracks for longer than this on one sentence is stopped.
MATCH_TIMEOUT_SECONDS = 1.0


class MissingBlock(Exception):
    """The pattern names a trigger list this category does not have: the frame does not apply."""


def check_syntax(pattern: str, file: str, key_path: str) -> None:
    """Compile the pattern with each placeholder blanked out, so a caret lands in the user's text."""
    blanked = PLACEHOLDER.sub(lambda m: "_" * len(m.group(0)), pattern)
    try:
        regex.compile(blanked, FLAGS)
    except regex.error as error:
        raise RuleError(
            file, key_path, f"bad pattern: {error.msg}", pattern=pattern, position=error.pos
        ) from None


def expand(
    pattern: str,
    blocks: Mapping[str, str],
    *,
    file: str,
    key_path: str,
    optional_blocks: frozenset[str] = frozenset(),
    depth: int = 0,
) -> str:
    """Replace every placeholder by its building block (recursively, for fragments)."""
    if depth > 5:
        raise RuleError(file, key_path, "building blocks refer to each other in a loop")

    def replace(match: regex.Match) -> str:
        name = match.group(1)
        if name in blocks:
            return expand(
                blocks[name], blocks, file=file, key_path=key_path,
                optional_blocks=optional_blocks, depth=depth + 1,
            )
        if name in optional_blocks:
            raise MissingBlock(name)
        raise RuleError(
            file, key_path, f"unknown building block {{{name}}}",
            pattern=pattern, position=match.start(),
        )

    return PLACEHOLDER.sub(replace, pattern)


def compile_expanded(expanded: str, original: str, file: str, key_path: str) -> regex.Pattern:
    try:
        return regex.compile(expanded, FLAGS)
    except regex.error as error:
        raise RuleError(
            file, key_path,
            f"pattern is valid alone but not with its building blocks: {error.msg}",
            pattern=original,
        ) from None


def alternation(words: list[str], *, literal: bool) -> str:
    """One non-capturing group of the alternatives, longest first so the longest wins."""
    ordered = sorted(set(words), key=len, reverse=True)
    parts = [regex.escape(w).replace(r"\ ", r"\s+") if literal else w for w in ordered]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


class PatternTimeout(RuleError):
    """A rule-file pattern ran past its time limit: a bad rule, reported as loudly as a syntax
    error. Dropping its matches quietly would lose claims and let a run crawl, once a sentence."""


def _timed_out(pattern: regex.Pattern, text: str) -> PatternTimeout:
    sample = " ".join(text.split())[:120]
    return PatternTimeout(
        "rule files",
        "pattern",
        f"took longer than {MATCH_TIMEOUT_SECONDS:g} s on the text “{sample}”; "
        "look for nested repetition such as (a|aa)+",
        pattern=pattern.pattern,
    )


def bounded_finditer(pattern: regex.Pattern, text: str, **options) -> list[regex.Match]:
    """All matches of a rule-file pattern, within the time limit (PatternTimeout past it)."""
    try:
        return list(pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS, **options))
    except TimeoutError:
        raise _timed_out(pattern, text) from None


def bounded_search(pattern: regex.Pattern, text: str) -> regex.Match | None:
    try:
        return pattern.search(text, timeout=MATCH_TIMEOUT_SECONDS)
    except TimeoutError:
        raise _timed_out(pattern, text) from None


def bounded_match(pattern: regex.Pattern, text: str, position: int) -> regex.Match | None:
    try:
        return pattern.match(text, position, timeout=MATCH_TIMEOUT_SECONDS)
    except TimeoutError:
        raise _timed_out(pattern, text) from None
