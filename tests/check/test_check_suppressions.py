"""Suppression comments: how they are read, what they silence, and which are reported unused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reconcile.check import parse_suppressions, run_check

CASES = json.loads((Path(__file__).parent / "cases" / "suppression-comments.json").read_text(encoding="utf-8"))
SOHR = "Syrian Observatory for Human Rights"


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_comments_are_read_with_the_lines_they_cover(case):
    found = [s.model_dump(exclude={"doc"}) for s in parse_suppressions("a.md", case["text"])]
    expected = [{**e, "tokens": tuple(e["tokens"])} for e in case["expected"]]
    assert found == expected


def _check(build, text, line=5):
    before = build.corpus_claims()
    sohr = build.claim("sohr", doc="sohr.md", source=SOHR, low=90000, line=line)
    return run_check(before, [*before, sohr], {"sohr.md"}, suppressions=parse_suppressions("sohr.md", text))


PARAGRAPH = "Title\n\n{comment}\nThe Observatory says 90,000\npeople have left eastern Aleppo.\n"


@pytest.mark.parametrize("token", ["figures-disagree", "disagree", "fled", "fled/people", "all"])
def test_a_matching_comment_silences_both_findings_at_the_sentence(build, token):
    result = _check(build, PARAGRAPH.format(comment=f"<!-- reconcile-ignore {token} -->"))
    assert result.items == []
    assert [i.level for i in result.suppressed] == ["error", "notice"]
    assert result.unused_suppressions == []


def test_a_comment_for_another_topic_silences_nothing_and_is_reported(build):
    result = _check(build, PARAGRAPH.format(comment="<!-- reconcile-ignore killed -->"))
    assert [i.level for i in result.items] == ["error", "notice"]
    assert [(s.line, s.tokens) for s in result.unused_suppressions] == [(3, ("killed",))]


def test_a_comment_elsewhere_in_the_file_does_not_reach_the_sentence(build):
    text = "<!-- reconcile-ignore fled -->\nAn unrelated paragraph.\n\nTitle\nThe Observatory says 90,000\n"
    result = _check(build, text)
    assert [i.level for i in result.items] == ["error", "notice"]
    assert [s.line for s in result.unused_suppressions] == [1]


def test_a_file_level_comment_reaches_every_line(build):
    text = "<!-- reconcile-ignore-file fled -->\n\nfar\n\naway\nThe Observatory says 90,000\n"
    result = _check(build, text, line=6)
    assert result.items == [] and len(result.suppressed) == 2 and result.unused_suppressions == []


def test_a_comment_on_a_known_conflict_is_in_use(build):
    before = build.corpus_claims()
    again = build.claim("un-again", doc="again.md", source="United Nations", low=37000, line=2,
                        sentence="The United Nations says 37,000 people have left.")
    comments = parse_suppressions("again.md", "<!-- reconcile-ignore fled -->\nThe UN says 37,000 have left.\n")
    result = run_check(before, [*before, again], {"again.md"}, suppressions=comments)
    assert result.items == [] and result.unused_suppressions == []
