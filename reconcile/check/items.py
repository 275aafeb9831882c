"""New findings to check items: one per place a new document states the conflicting figure.

The annotation goes where the new figure is written; the other figure of the pair, with every
place it is written, is the counterpart the message names and the related locations point at.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from reconcile.check.fingerprint import content_fingerprint, normalised
from reconcile.check.model import CheckItem, Counterpart
from reconcile.check.rules import rule_for
from reconcile.models.finding import LEVEL_RANK, Figure, Finding, Mention

VERDICT_TITLES = {"disagree": "Figures disagree", "revision": "Figure revised"}


def check_items(
    findings: Iterable[Finding], new_claims: Collection[str], columns: Mapping[str, int] | None = None
) -> list[CheckItem]:
    """`columns`: each claim's column in its source line (a Mention keeps only the line)."""
    columns = columns or {}
    items = []
    for finding in findings:
        for figure in finding.figures:
            for mention in figure.mentions:
                if mention.claim in new_claims:
                    items.append(check_item(finding, figure, mention, columns.get(mention.claim, 1)))
    items.sort(key=item_order)
    return items


def item_order(item: CheckItem) -> tuple:
    return item.anchor.doc, item.anchor.line, -LEVEL_RANK[item.level], item.rule, item.fingerprint


def check_item(finding: Finding, figure: Figure, anchor: Mention, column: int = 1) -> CheckItem:
    others = [other for other in finding.figures if other is not figure]
    counterparts = [
        Counterpart(source=other.source, text=other.text, mentions=_others_first(other.mentions, anchor.doc))
        for other in others
    ]
    rule = rule_for(finding.verdict)
    return CheckItem(
        rule=rule.id,
        level=finding.level,
        fingerprint=item_fingerprint(rule.id, finding, figure, anchor, others),
        title=f"{VERDICT_TITLES[finding.verdict]}: {finding.topic.label}",
        message=item_message(figure, anchor, counterparts, finding.why),
        anchor=anchor,
        anchor_column=column,
        anchor_source=figure.source,
        counterparts=counterparts,
        finding=finding,
    )


def _others_first(mentions: list[Mention], anchor_doc: str) -> list[Mention]:
    """Mentions in other documents first: those are what the reader needs to look up."""
    return sorted(mentions, key=lambda m: (m.doc == anchor_doc, m.doc, m.line, m.claim))


def item_message(figure: Figure, anchor: Mention, counterparts: list[Counterpart], why: str) -> str:
    against = "; ".join(_counterpart_words(counterpart) for counterpart in counterparts)
    return f"{anchor.text} ({figure.source}) conflicts with {against}. {why}"


def _counterpart_words(counterpart: Counterpart) -> str:
    first = counterpart.mentions[0]
    more = len(counterpart.mentions) - 1
    also = f" and {more} more place{'s' if more > 1 else ''}" if more else ""
    return f"{counterpart.text} ({counterpart.source}) in {first.doc} line {first.line}{also}"


def item_fingerprint(rule: str, finding: Finding, figure: Figure, anchor: Mention, others: list[Figure]) -> str:
    topic = finding.topic
    return content_fingerprint(
        rule,
        topic.category,
        topic.subject_class,
        topic.whole,
        topic.unit,
        topic.basis,
        anchor.doc,
        normalised(anchor.quote),
        normalised(anchor.text),
        figure.source,
        tuple(sorted((other.source, normalised(other.text)) for other in others)),
    )
