"""Extraction against gold: which claims match, which are missed, which are extra, and how
right each matched claim is on source, place, time and value.

A claim matches a gold claim when document, figure span, category and value agree
(tests/gold/README.md). Names that refer to the same organisation count as the same source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

import regex

from reconcile.evaluate.gold import GoldClaim, GoldNegative
from reconcile.evaluate.locate import Located, locate_figure, locate_quote, overlaps
from reconcile.models.claim import Claim
from reconcile.models.document import Document
from reconcile.rulebook import Rulebook

FIELDS = ("source", "speaker", "place", "time", "value", "parent")
_PARENTHETICAL = regex.compile(r"\s*\([^)]*\)\s*$")


@dataclass
class FieldCheck:
    name: str
    right: bool
    expected: str
    got: str


@dataclass
class Match:
    gold: GoldClaim
    claim: Claim
    checks: list[FieldCheck]


@dataclass
class Evaluation:
    matches: list[Match] = field(default_factory=list)
    missed: list[GoldClaim] = field(default_factory=list)
    extra: list[Claim] = field(default_factory=list)
    negatives_extracted: list[tuple[GoldNegative, Claim]] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)
    claims_considered: int = 0


def doc_key(doc_id: str) -> str:
    """Gold names documents by file name; extraction by path under the corpus root."""
    return PurePosixPath(doc_id.split("#", 1)[0]).name + ("#" + doc_id.split("#", 1)[1] if "#" in doc_id else "")


def evaluate(
    documents: list[Document],
    claims: list[Claim],
    gold: list[GoldClaim],
    negatives: list[GoldNegative],
    book: Rulebook,
) -> Evaluation:
    by_doc = {doc_key(d.id): d for d in documents}
    gold_docs = {doc_key(g.doc) for g in gold}
    considered = [c for c in claims if doc_key(c.doc) in gold_docs]
    result = Evaluation(claims_considered=len(considered))
    spans = _gold_spans(gold, by_doc, result)
    used: set[str] = set()
    matched_ids: dict[str, str] = {}
    for item in gold:
        claim = _find(item, spans.get(item.id), considered, used)
        if claim is None:
            result.missed.append(item)
            continue
        used.add(claim.id)
        matched_ids[item.id] = claim.id
        result.matches.append(Match(item, claim, []))
    for match in result.matches:
        match.checks = _checks(match.gold, match.claim, book, matched_ids)
    result.extra = [c for c in considered if c.id not in used]
    result.negatives_extracted = _negatives(negatives, by_doc, considered, result)
    return result


def _gold_spans(gold, by_doc, result) -> dict[str, Located]:
    spans = {}
    for item in gold:
        document = by_doc.get(doc_key(item.doc))
        where = locate_figure(document, item.quote, item.figure) if document else None
        if where is None:
            result.unlocated.append(item.id)
        else:
            spans[item.id] = where
    return spans


def _find(item: GoldClaim, where: Located | None, claims: list[Claim], used: set[str]) -> Claim | None:
    if where is None:
        return None
    for claim in claims:
        if claim.id in used or doc_key(claim.doc) != doc_key(item.doc):
            continue
        if not overlaps(where, claim.span.block, claim.span.start, claim.span.end):
            continue
        if claim.category == item.category and value_agrees(item, claim):
            return claim
    return None


def value_agrees(item: GoldClaim, claim: Claim) -> bool:
    quantity = claim.quantity
    if item.value is None:
        return quantity.qualifier == "vague" or quantity.nominal is None
    readings = {v for v in (quantity.nominal, quantity.low, quantity.high) if v is not None}
    scaled = readings | {v * 100 for v in readings} | {v / 100 for v in readings}
    return any(abs(v - item.value) < 1e-6 * max(1.0, abs(item.value)) for v in scaled)


def _checks(item: GoldClaim, claim: Claim, book: Rulebook, matched: dict[str, str]) -> list[FieldCheck]:
    checks = [
        FieldCheck("value", _kind_agrees(item.kind, claim.quantity.qualifier), f"{item.kind} {item.value}", f"{claim.quantity.qualifier} {claim.quantity.low}..{claim.quantity.high}"),
    ]
    if item.source:
        checks.append(FieldCheck("source", source_agrees(item.source, claim, book), item.source, _source_text(claim)))
    if item.speaker:
        got = claim.source.speaker or ""
        checks.append(FieldCheck("speaker", item.speaker.split()[-1].casefold() in got.casefold(), item.speaker, got))
    if item.place:
        checks.append(FieldCheck("place", place_agrees(item.place, claim, book), item.place, claim.place.name or ""))
    if item.time.as_of or item.time.end or item.time.start or item.time.window:
        checks.append(FieldCheck("time", time_agrees(item, claim), _gold_time(item), _claim_time(claim)))
    if item.parent:
        checks.append(FieldCheck("parent", claim.parent is not None and claim.parent == matched.get(item.parent), item.parent, claim.parent or ""))
    return checks


def _kind_agrees(kind: str | None, qualifier: str) -> bool:
    accepted = {
        "exact": {"exact"}, "approx": {"approx"}, "approx_below": {"approx", "at_most", "less_than"},
        "at_least": {"at_least"}, "more_than": {"more_than"}, "vague": {"vague"},
    }
    return kind is None or qualifier in accepted.get(kind, {kind})


def _names(text: str) -> list[str]:
    bare = _PARENTHETICAL.sub("", text).strip()
    return [bare, text]


def source_agrees(expected: str, claim: Claim, book: Rulebook) -> bool:
    index = book.sources.index
    got = claim.source
    for name in _names(expected):
        canonical = index.resolve(name)
        if canonical and got.name in index:
            return index.root(canonical) == index.root(got.name)
    wanted = regex.sub(r"\s+", " ", _names(expected)[0]).casefold()
    said = [s.casefold() for s in (got.name, got.speaker or "", got.raw) if s]
    return any(wanted in s or (s and s in wanted) for s in said)


def place_agrees(expected: str, claim: Claim, book: Rulebook) -> bool:
    index = book.places.index
    inner = regex.search(r"\(([^)]*)\)", expected)
    # "Aleppo (al-Halk)": the neighbourhood is the place, when the gazetteer knows it
    canonical = (index.resolve(inner.group(1)) if inner else None) or index.resolve(_PARENTHETICAL.sub("", expected))
    got = claim.place.name
    if not got or not canonical:
        return False
    return canonical == got or index.contains(canonical, got)


def time_agrees(item: GoldClaim, claim: Claim) -> bool:
    time = claim.time
    reference = time.as_of or time.end
    wanted = item.time.as_of or item.time.end
    if wanted and reference != wanted:
        return False
    if item.time.start and time.start != item.time.start:
        return False
    return not (item.time.window and not time.window)


def _source_text(claim: Claim) -> str:
    source = claim.source
    text = source.name + (f" ({source.speaker})" if source.speaker else "")
    return text if source.attributed else text + " [unattributed]"


def _gold_time(item: GoldClaim) -> str:
    t = item.time
    return " ".join(f"{k}={v}" for k, v in (("as_of", t.as_of), ("start", t.start), ("end", t.end), ("window", t.window)) if v)


def _claim_time(claim: Claim) -> str:
    t = claim.time
    return " ".join(f"{k}={v}" for k, v in (("as_of", t.as_of), ("start", t.start), ("end", t.end), ("window", t.window)) if v)


def _negatives(negatives, by_doc, claims, result) -> list[tuple[GoldNegative, Claim]]:
    found = []
    for negative in negatives:
        document = by_doc.get(doc_key(negative.doc))
        where = locate_quote(document, negative.quote) if document else None
        if where is None:
            result.unlocated.append(f"not-claim: {negative.quote}")
            continue
        for claim in claims:
            if doc_key(claim.doc) == doc_key(negative.doc) and overlaps(where, claim.span.block, claim.span.start, claim.span.end):
                found.append((negative, claim))
    return found
