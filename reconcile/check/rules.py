"""The check's rule ids: stable names for what a result means, shared by every output format.

Ids are part of the contract (SARIF ruleId, baselines, suppression comments): never rename one.
"""

from __future__ import annotations

from typing import NamedTuple


class CheckRule(NamedTuple):
    id: str
    name: str
    short: str
    help: str


RULES: dict[str, CheckRule] = {
    "disagree": CheckRule(
        "figures-disagree",
        "FiguresDisagree",
        "Sources give figures for the same thing that cannot both be true",
        "Two sources count the same thing (same category, people, place and time) and their figures "
        "cannot both be true. Check both quotes; name the sources and give the range, or attribute "
        "the figure more carefully.",
    ),
    "revision": CheckRule(
        "figure-revised",
        "FigureRevised",
        "One source gives figures for the same thing that contradict each other",
        "A source lowered its running total, or gives two different figures for the same time. "
        "Say which figure is current and when it changed.",
    ),
}

UNUSED_SUPPRESSION = CheckRule(
    "unused-suppression",
    "UnusedSuppression",
    "A reconcile-ignore comment that no longer matches any finding",
    "The figures it silenced no longer conflict, or the comment names the wrong rule or topic. "
    "Remove the comment so that it cannot hide a future conflict.",
)

ALL_RULES: list[CheckRule] = [*RULES.values(), UNUSED_SUPPRESSION]


def rule_for(verdict: str) -> CheckRule:
    return RULES[verdict]

# A stale comment is worth fixing, but it is not a conflict in the articles: it fails a run only
# when the team asks for --fail-on warning.
UNUSED_SUPPRESSION_LEVEL = "warning"
