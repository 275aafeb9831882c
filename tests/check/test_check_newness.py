"""Which findings a change creates: the whole list of check items for each scenario."""

from __future__ import annotations

from reconcile.check import run_check

SOHR = "Syrian Observatory for Human Rights"


def summary(result):
    return [
        (item.anchor.doc, item.anchor.line, item.level, item.rule,
         [(c.source, c.text, c.mentions[0].doc, c.mentions[0].line) for c in item.counterparts])
        for item in result.items
    ]


def test_a_new_conflicting_figure_is_new_and_names_the_un_figure(build):
    before = build.corpus_claims()
    sohr = build.claim("sohr", doc="sohr.md", source=SOHR, low=90000, line=5)
    result = run_check(before, [*before, sohr], {"sohr.md"})
    assert summary(result) == [
        ("sohr.md", 5, "error", "figures-disagree", [("United Nations", "37,000", build.SEED_002, 433)]),
        ("sohr.md", 5, "notice", "figures-disagree", [("Russia", "at least 100,000", build.SEED_002, 432)]),
    ]
    assert result.known == [] and result.suppressed == [] and result.unused_suppressions == []


def test_repeating_a_figure_already_in_conflict_adds_a_mention_not_a_finding(build):
    before = build.corpus_claims()
    again = build.claim("un-again", doc="again.md", source="United Nations", low=37000, line=3,
                        sentence="The United Nations says 37,000 people have left.")
    result = run_check(before, [*before, again], {"again.md"})
    assert result.items == []
    assert [(k.finding.verdict, k.finding.level, [m.claim for m in k.added]) for k in result.known] == [
        ("disagree", "error", ["un-again"])
    ]


def test_a_figure_that_fits_every_other_adds_nothing(build):
    before = build.corpus_claims()
    vague = build.claim("vague", doc="vague.md", source=SOHR, low=20000, high=99999, text="tens of thousands")
    result = run_check(before, [*before, vague], {"vague.md"})
    assert result.items == [] and result.known == []


def test_an_edit_that_keeps_the_conflicting_sentence_creates_nothing(build):
    old = build.claim("edited-1", doc="edited.md", source=SOHR, low=90000, line=5)
    before = [*build.corpus_claims(), old]
    moved = old.model_copy(update={"span": old.span.model_copy(update={"line": 9})})
    result = run_check(before, [*build.corpus_claims(), moved], {"edited.md"})
    assert result.items == []


def test_two_new_documents_that_disagree_with_each_other_are_both_annotated(build):
    first = build.claim("a", doc="a.md", source="Unicef", low=5000, category="killed", place="Hanano")
    second = build.claim("b", doc="b.md", source="Russia", low=500, category="killed", place="Hanano")
    result = run_check([], [first, second], {"a.md", "b.md"})
    assert summary(result) == [
        ("a.md", 1, "error", "figures-disagree", [("Russia", "500", "b.md", 1)]),
        ("b.md", 1, "error", "figures-disagree", [("Unicef", "5,000", "a.md", 1)]),
    ]


def test_findings_that_do_not_touch_the_change_are_not_reported(build):
    corpus = [
        build.claim("x", doc="x.md", source="Unicef", low=5000, category="killed", place="Hanano"),
        build.claim("y", doc="y.md", source="Russia", low=500, category="killed", place="Hanano"),
    ]
    sohr = build.claim("sohr", doc="sohr.md", source=SOHR, low=90000)
    result = run_check(corpus, [*corpus, sohr], {"sohr.md"})
    assert result.items == [] and result.known == []


def test_fingerprints_ignore_line_numbers(build):
    before = build.corpus_claims()
    at_five = build.claim("sohr", doc="sohr.md", source=SOHR, low=90000, line=5)
    at_fifty = at_five.model_copy(update={"span": at_five.span.model_copy(update={"line": 50})})
    first = run_check(before, [*before, at_five], {"sohr.md"})
    second = run_check(before, [*before, at_fifty], {"sohr.md"})
    assert [i.fingerprint for i in first.items] == [i.fingerprint for i in second.items]
    assert len({i.fingerprint for i in first.items}) == 2


def test_the_baseline_accepts_by_fingerprint(build):
    before = build.corpus_claims()
    sohr = build.claim("sohr", doc="sohr.md", source=SOHR, low=90000, line=5)
    first = run_check(before, [*before, sohr], {"sohr.md"})
    accepted = frozenset({first.items[0].fingerprint})
    second = run_check(before, [*before, sohr], {"sohr.md"}, accepted=accepted)
    assert [i.level for i in second.items] == ["notice"]
    assert [i.fingerprint for i in second.baselined] == [first.items[0].fingerprint]
