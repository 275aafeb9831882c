"""SARIF 2.1.0 for code-scanning tools: stable rule ids, repository-relative URIs under
%SRCROOT%, partialFingerprints from the content fingerprint, and relatedLocations for the
conflicting figure in the other document, linked from the message.

Article text goes into JSON strings (the encoder escapes it) and, in message text, has its square
brackets and backslashes escaped so it cannot forge the spec's embedded links.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from reconcile import __version__
from reconcile.check.model import CheckItem, CheckResult, Suppression
from reconcile.check.rules import ALL_RULES, UNUSED_SUPPRESSION, UNUSED_SUPPRESSION_LEVEL, CheckRule
from reconcile.models.finding import Mention
from reconcile.render.escape import one_line
from reconcile.render.lines import Paths, path_of, suppression_message

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT = "%SRCROOT%"
FINGERPRINT_KEY = "reconcileFinding/v1"
LEVELS = {"error": "error", "warning": "warning", "notice": "note", "info": "none"}
DEFAULT_LEVELS = {"figures-disagree": "warning", "figure-revised": "note", UNUSED_SUPPRESSION.id: "warning"}
RULE_INDEX = {rule.id: index for index, rule in enumerate(ALL_RULES)}


def message_text(text: str) -> str:
    """Plain SARIF message text: brackets would start an embedded link, so they are escaped."""
    return one_line(text).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/-._~")


def render_sarif(result: CheckResult, paths: Paths, root_uri: str | None = None) -> str:
    run: dict = {
        "tool": {"driver": _driver()},
        "columnKind": "unicodeCodePoints",
        "results": [_item_result(item, paths) for item in result.items]
        + [_suppression_result(s, paths) for s in result.unused_suppressions],
    }
    if root_uri:
        run["originalUriBaseIds"] = {ROOT: {"uri": root_uri if root_uri.endswith("/") else root_uri + "/"}}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _driver() -> dict:
    return {
        "name": "reconcile",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(rule) for rule in ALL_RULES],
    }


def _rule(rule: CheckRule) -> dict:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.short},
        "fullDescription": {"text": rule.help},
        "help": {"text": rule.help},
        "defaultConfiguration": {"level": DEFAULT_LEVELS[rule.id]},
    }


def _location(path: str, line: int, column: int = 1) -> dict:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    return {"physicalLocation": {"artifactLocation": {"uri": uri(path), "uriBaseId": ROOT}, "region": region}}


def _item_result(item: CheckItem, paths: Paths) -> dict:
    related, links = _related(item, paths)
    anchor = item.anchor
    text = (
        f"{message_text(anchor.text)} ({message_text(item.anchor_source)}) conflicts with "
        f"{'; '.join(links)}. {message_text(item.finding.why)}"
    )
    return {
        "ruleId": item.rule,
        "ruleIndex": RULE_INDEX[item.rule],
        "level": LEVELS[item.level],
        "message": {"text": text},
        "locations": [_location(path_of(anchor.doc, paths), anchor.line, item.anchor_column)],
        "relatedLocations": related,
        "partialFingerprints": {FINGERPRINT_KEY: item.fingerprint},
        "properties": _properties(item),
    }


def _related(item: CheckItem, paths: Paths) -> tuple[list[dict], list[str]]:
    """Every place each counterpart figure is written; the message links to the first of each."""
    related: list[dict] = []
    links: list[str] = []
    for counterpart in item.counterparts:
        label = f"{message_text(counterpart.text)} ({message_text(counterpart.source)})"
        links.append(f"[{label}]({len(related) + 1})")
        for mention in counterpart.mentions:
            related.append(_related_location(len(related) + 1, mention, label, paths))
    return related, links


def _related_location(number: int, mention: Mention, label: str, paths: Paths) -> dict:
    location = _location(path_of(mention.doc, paths), mention.line)
    location["id"] = number
    location["message"] = {"text": f"{label}: “{message_text(mention.quote)}”"}
    return location


def _properties(item: CheckItem) -> dict:
    finding = item.finding
    properties = {
        "verdict": finding.verdict,
        "topic": finding.topic.label,
        "category": finding.topic.category,
        "tags": ["figures", finding.topic.category],
    }
    if finding.spread is not None and finding.spread != float("inf"):
        properties["spread"] = round(finding.spread, 3)
    return properties


def _suppression_result(suppression: Suppression, paths: Paths) -> dict:
    return {
        "ruleId": UNUSED_SUPPRESSION.id,
        "ruleIndex": RULE_INDEX[UNUSED_SUPPRESSION.id],
        "level": LEVELS[UNUSED_SUPPRESSION_LEVEL],
        "message": {"text": message_text(suppression_message(suppression))},
        "locations": [_location(path_of(suppression.doc, paths), suppression.line, suppression.column)],
        "partialFingerprints": {
            FINGERPRINT_KEY: f"unused-suppression:{suppression.doc}:{','.join(suppression.tokens)}"
        },
    }
