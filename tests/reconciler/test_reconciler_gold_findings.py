"""The reconciler on the hand-made gold claims of the seeds: every gold finding, and nothing more.

cases/seeds-gold-findings.jsonl is the whole expected list (reviewed by hand against
tests/gold/seeds-findings.jsonl); an extra finding, a lost one or a changed verdict fails.

Figures that all agree with one another are one `agree` finding (a cluster, see
reconcile/compare/clusters.py), so a gold pair is reached when a finding with the gold verdict
holds both claims. Disagreements stay one finding per pair of figures, and are asserted so.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from reconcile.compare import reconcile

CASES = Path(__file__).with_name("cases") / "seeds-gold-findings.jsonl"
# Disagreements on the seeds that the gold file does not list, each with its defence. None so far.
DEFENDED_DISAGREEMENTS: dict[frozenset[str], str] = {}


def _summary(finding) -> dict:
    spread = None if finding.spread is None else round(finding.spread, 3)
    return {
        "verdict": finding.verdict,
        "level": finding.level,
        "spread": spread,
        "claims": finding.claims,
        "topic": finding.topic.label,
        "grade": finding.topic.grade,
    }


@pytest.fixture(scope="module")
def findings(gold_claims):
    return reconcile(gold_claims).findings


def test_the_whole_list_of_findings_is_as_reviewed(findings):
    expected = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]
    assert [_summary(finding) for finding in findings] == expected


def _gold_findings(gold):
    return gold.gold_lines(gold.GOLD_FINDINGS)


def _pairs_with(findings, verdict):
    """Pairs of claims that some finding with this verdict holds together."""
    pairs = set()
    for finding in findings:
        if finding.verdict == verdict:
            pairs |= {frozenset(pair) for pair in itertools.combinations(finding.claims, 2)}
    return pairs


@pytest.mark.parametrize("index", range(9))
def test_every_gold_finding_is_reached_with_its_verdict(gold, findings, index):
    expected = _gold_findings(gold)[index]
    reached = _pairs_with(findings, expected["verdict"])
    for pair in itertools.combinations(expected["claims"], 2):
        assert frozenset(pair) in reached, f"{expected['id']}: {pair} not {expected['verdict']}"


def test_gold_has_nine_findings(gold):
    assert len(_gold_findings(gold)) == 9


def test_no_disagreement_beyond_the_gold_ones(gold, findings):
    allowed = set(DEFENDED_DISAGREEMENTS)
    for expected in _gold_findings(gold):
        if expected["verdict"] == "disagree":
            allowed |= {frozenset(pair) for pair in itertools.combinations(expected["claims"], 2)}
    for finding in findings:
        if finding.verdict != "disagree":
            continue
        assert len(finding.figures) == 2
        first, second = ([mention.claim for mention in figure.mentions] for figure in finding.figures)
        # A figure said twice is one claim: the pair is allowed if any mention of each is.
        assert any(frozenset((x, y)) in allowed for x in first for y in second), finding.why


def test_russia_against_the_un_is_about_two_point_seven(findings):
    finding = next(f for f in findings if {"d13-left-russia-100000", "d13-left-un-37000"} <= set(f.claims))
    assert finding.verdict == "disagree"
    assert finding.spread == pytest.approx(100000 / 37000)
    assert finding.level == "error"


def test_un_body_and_caption_are_one_figure(findings):
    holding = [f for f in findings if "d13-fled-un-37000-caption" in f.claims and f.verdict != "not_comparable"]
    assert holding
    for finding in holding:
        assert "d13-left-un-37000" in finding.claims
        un = [figure for figure in finding.figures if figure.source == "United Nations"]
        assert len(un) == 1 and len(un[0].mentions) == 2
        assert (un[0].low, un[0].high) == (37000, 37000)


def test_the_24_hour_flow_is_never_judged_against_a_running_total(findings):
    holding = [finding for finding in findings if "d09-left-10500" in finding.claims]
    assert holding
    assert {finding.verdict for finding in holding} == {"not_comparable"}
