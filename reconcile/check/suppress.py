"""Suppression comments in articles, and which results they silence.

    <!-- reconcile-ignore figures-disagree -->        the paragraph it sits in, or the next one
    <!-- reconcile-ignore-file fled -->               the whole document

A token names a rule id (figures-disagree), a verdict (disagree), a category (fled), a category
and subject class (fled/children), or a topic id; `all` matches everything, as does a comment
with no token. A comment that silences nothing is reported, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reconcile.check.model import CheckItem, Suppression
from reconcile.models.finding import Finding, Mention

_DIRECTIVE = re.compile(r"<!--\s*reconcile-ignore(?P<file>-file)?\b(?P<tokens>(?:(?!-->).)*)-->", re.IGNORECASE)
_SEPARATOR = re.compile(r"[\s,]+")
EVERYTHING = "all"


def parse_suppressions(doc: str, text: str) -> list[Suppression]:
    lines = text.splitlines()
    found = []
    for number, line in enumerate(lines, start=1):
        for match in _DIRECTIVE.finditer(line):
            tokens = tuple(t.casefold() for t in _SEPARATOR.split(match["tokens"]) if t) or (EVERYTHING,)
            alone = not (line[: match.start()] + line[match.end() :]).strip()
            first, last = _covered_lines(lines, number, alone)
            found.append(
                Suppression(
                    doc=doc, line=number, column=match.start() + 1, tokens=tokens,
                    first=first, last=last, whole_file=bool(match["file"]),
                )
            )
    return found


def _covered_lines(lines: Sequence[str], number: int, alone: bool) -> tuple[int, int]:
    """A comment on its own line covers it and the paragraph after; inline, its own paragraph."""
    index = number - 1
    if alone:
        start = index
        index += 1
        while index < len(lines) and not lines[index].strip():
            index += 1
    else:
        start = index
        while start > 0 and lines[start - 1].strip():
            start -= 1
    end = index
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    return start + 1, end + 1


def finding_tokens(finding: Finding, rule: str) -> frozenset[str]:
    topic = finding.topic
    names = {EVERYTHING, rule, finding.verdict, topic.category, f"{topic.category}/{topic.subject_class}", topic.id}
    return frozenset(name.casefold() for name in names)


def silences(suppression: Suppression, mention: Mention, tokens: frozenset[str]) -> bool:
    return suppression.covers(mention.doc, mention.line) and any(t in tokens for t in suppression.tokens)


def apply_suppressions(
    items: Iterable[CheckItem], suppressions: Sequence[Suppression]
) -> tuple[list[CheckItem], list[CheckItem]]:
    """(kept, suppressed)."""
    kept, suppressed = [], []
    for item in items:
        tokens = finding_tokens(item.finding, item.rule)
        if any(silences(s, item.anchor, tokens) for s in suppressions):
            suppressed.append(item)
        else:
            kept.append(item)
    return kept, suppressed


def unused_suppressions(
    suppressions: Sequence[Suppression], conflicts: Iterable[tuple[Finding, str]]
) -> list[Suppression]:
    """Comments that match no conflict (new or known) at a place they cover."""
    used: set[int] = set()
    for finding, rule in conflicts:
        tokens = finding_tokens(finding, rule)
        for figure in finding.figures:
            for mention in figure.mentions:
                used.update(i for i, s in enumerate(suppressions) if silences(s, mention, tokens))
    return [s for i, s in enumerate(suppressions) if i not in used]
