"""The seeds end to end: the real extractor, then the real reconciler.

The reconciler's own tests start from claims built from the gold; these start from the articles,
so a claim read with the wrong basis or subject class (a false disagreement) fails here:
- the WHOLE list of conflicts (disagree and revision) is asserted, so an extra one fails;
- every finding of tests/gold/seeds-findings.jsonl is reached with its verdict;
- the 24-hour flow is never compared head-to-head with a running total.
"""

from __future__ import annotations

import json
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from reconcile.cli.inputs import load_inputs
from reconcile.compare import reconcile
from reconcile.evaluate import GoldClaim, evaluate, read_jsonl
from reconcile.extract import extract_document
from reconcile.group import PlaceHierarchy, SourceHierarchy
from reconcile.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"

# (verdict, {(source, figure as written, published)}) of every conflict on the seeds.
EXPECTED_CONFLICTS = {
    ("disagree", frozenset({("Russia", "at least 100,000", "2016-12-13"), ("United Nations", "37,000", "2016-12-13")})),
    ("disagree", frozenset({("The New York Times", "At least 40,000", "2016-12-10"), ("United Nations", "37,000", "2016-12-13")})),
    ("disagree", frozenset({("Russia", "tens of thousands", "2016-12-10"), ("United Nations", "250,000", "2016-12-10")})),
    ("disagree", frozenset({("Russia", "tens of thousands", "2016-12-10"), ("Western governments", "200,000", "2016-12-07")})),
    ("disagree", frozenset({("United Nations", "250,000", "2016-12-10"), ("Western governments", "200,000", "2016-12-07")})),
}


@lru_cache(maxsize=1)
def _run():
    book = load_rulebook()
    documents, errors = load_inputs([str(ROOT / "seeds")])
    assert errors == []
    claims = [claim for document in documents for claim in extract_document(document, book)]
    result = reconcile(
        claims, PlaceHierarchy(book.places.index.parents), sources=SourceHierarchy(book.sources.index.parents)
    )
    gold = read_jsonl(GOLD / "seeds-claims.jsonl", GoldClaim)
    matched = {m.gold.id: m.claim.id for m in evaluate(documents, claims, gold, [], book).matches}
    return claims, result.findings, matched


def _figure_key(figure) -> tuple[str, str, str]:
    lead = figure.mentions[0]
    return (figure.source, figure.text, str(lead.published))


def test_the_whole_list_of_conflicts_on_the_seeds():
    _, findings, _ = _run()
    conflicts = [
        (f.verdict, frozenset(_figure_key(g) for g in f.figures))
        for f in findings if f.verdict in ("disagree", "revision")
    ]
    assert len(conflicts) == len(set(conflicts))
    assert set(conflicts) == EXPECTED_CONFLICTS


def test_russia_against_the_un_is_a_disagreement_of_about_2_7():
    _, findings, _ = _run()
    spreads = [
        f.spread for f in findings
        if {g.text for g in f.figures} == {"at least 100,000", "37,000"} and f.verdict == "disagree"
    ]
    assert len(spreads) == 1 and 2.6 < spreads[0] < 2.8


def _verdict_on(findings, claim_ids: set[str]) -> set[str]:
    """The verdicts of the findings that hold all of these claims (merged figures included)."""
    return {f.verdict for f in findings if claim_ids <= set(f.claims)}


def test_every_gold_finding_is_reached_with_its_verdict():
    _, findings, matched = _run()
    wrong = []
    for line in (GOLD / "seeds-findings.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        for pair in combinations(gold["claims"], 2):  # a finding is a verdict on a pair of figures
            verdicts = _verdict_on(findings, {matched[claim] for claim in pair})
            if gold["verdict"] not in verdicts:
                wrong.append((gold["id"], pair, gold["verdict"], sorted(verdicts)))
    assert wrong == []


def test_the_24_hour_flow_is_never_compared_head_to_head_with_a_running_total():
    claims, findings, matched = _run()
    flow = matched["d09-left-10500"]
    basis = {c.id: c.time.basis for c in claims}
    assert basis[flow] == "flow"
    for finding in findings:
        if flow in finding.claims and any(basis[c] == "cumulative" for c in finding.claims):
            assert finding.verdict == "not_comparable", finding.why


def test_increments_and_streams_are_flows_and_kinds_of_killing_their_own_class():
    claims, _, matched = _run()
    by_id = {c.id: c for c in claims}
    assert by_id[matched["d13-fled-thousands-more"]].time.basis == "flow"
    assert by_id[matched["d14-fleeing-thousands"]].time.basis == "flow"
    for gold_id in ("d13-killed-82-summary", "d13-killed-82-toll"):
        assert by_id[matched[gold_id]].subject_class == "summary killings", gold_id
    children = by_id[matched["d13-killed-13-children"]]
    assert children.subject_class == "children"
    assert by_id[children.parent].subject_class == "summary killings"
    assert by_id[matched["d13-killed-hundreds"]].subject_class == by_id[matched["d07-killed-341"]].subject_class == "people"
