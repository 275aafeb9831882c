"""SARIF 2.1.0: valid against the official schema, with stable rule ids, repository-relative URIs,
fingerprints and the conflicting claim in the other document as a related location."""

from __future__ import annotations

import json

import jsonschema

from reconcile.check import parse_suppressions, run_check
from reconcile.render.sarif import render_sarif


def _log(build):
    before = build.corpus_claims()
    sohr = build.claim("sohr", doc="sohr.md", source="Syrian Observatory for Human Rights", low=90000, line=5)
    comments = parse_suppressions("sohr.md", "a\n\n<!-- reconcile-ignore killed -->\nb\n")
    result = run_check(before, [*before, sohr], {"sohr.md"}, suppressions=comments)
    paths = {"sohr.md": "articles/sohr.md", build.SEED_002: f"articles/{build.SEED_002}"}
    return json.loads(render_sarif(result, paths, "file:///work/newsroom"))


def test_the_log_validates_against_the_sarif_2_1_0_schema(build, sarif_schema):
    jsonschema.validate(_log(build), sarif_schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def test_results_point_at_the_new_document_and_relate_the_conflicting_claim(build):
    run = _log(build)["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///work/newsroom/"}}
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == ["figures-disagree", "figure-revised", "unused-suppression"]
    summary = [
        (
            r["ruleId"], rules[r["ruleIndex"]], r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"],
            r["locations"][0]["physicalLocation"]["region"],
            [(rl["id"], rl["physicalLocation"]["artifactLocation"]["uri"], rl["physicalLocation"]["region"]["startLine"])
             for rl in r.get("relatedLocations", [])],
            sorted(r["partialFingerprints"]),
        )
        for r in run["results"]
    ]
    here = {"uri": "articles/sohr.md", "uriBaseId": "%SRCROOT%"}
    seed = f"articles/{build.SEED_002}"
    assert summary == [
        ("figures-disagree", "figures-disagree", "error", here, {"startLine": 5, "startColumn": 1},
         [(1, seed, 433), (2, seed, 475)], ["reconcileFinding/v1"]),
        ("figures-disagree", "figures-disagree", "note", here, {"startLine": 5, "startColumn": 1},
         [(1, seed, 432)], ["reconcileFinding/v1"]),
        ("unused-suppression", "unused-suppression", "warning", here, {"startLine": 3, "startColumn": 1},
         [], ["reconcileFinding/v1"]),
    ]
    assert run["results"][0]["message"]["text"].startswith(
        "90,000 (Syrian Observatory for Human Rights) conflicts with [37,000 (United Nations)](1). "
    )
