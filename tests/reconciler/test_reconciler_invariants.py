"""Properties of the reconciler that hold for any claims (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.compare import ReconcileConfig, reconcile
from reconcile.compare.reconciler import finding_order

SOURCES = [("Russia", "party"), ("United Nations", "un"), ("The New York Times", "media"), ("SOHR", "monitor")]
PLACES = ["Aleppo", "eastern Aleppo", "western Aleppo", "Hanano", None]
CATEGORIES = ["fled", "killed"]
BASES = ["flow", "cumulative", "stock"]
DAY_ZERO = date(2016, 12, 1)

figures = st.tuples(
    st.integers(0, 20000), st.one_of(st.none(), st.integers(0, 20000)), st.booleans(), st.booleans()
).map(lambda t: (t[0], None if t[1] is None else t[0] + t[1], t[2], t[3]))

claim_specs = st.fixed_dictionaries(
    {
        "doc": st.sampled_from(["a.txt", "b.txt", "c.txt"]),
        "source": st.sampled_from(SOURCES),
        "place": st.sampled_from(PLACES),
        "category": st.sampled_from(CATEGORIES),
        "basis": st.sampled_from(BASES),
        "day": st.integers(0, 20),
        "length": st.integers(0, 7),
        "figure": figures,
        "unit": st.sampled_from(["count", "count", "share"]),
    }
)


def build(make_claim, number: int, spec: dict, figure=None):
    low, high, low_inclusive, high_inclusive = figure or spec["figure"]
    end = DAY_ZERO + timedelta(days=spec["day"])
    name, role = spec["source"]
    return make_claim(
        f"c{number}",
        doc=spec["doc"],
        source=name,
        role=role,
        category=spec["category"],
        place=spec["place"],
        basis=spec["basis"],
        unit=spec["unit"],
        low=low,
        high=high,
        low_inclusive=low_inclusive or high is None or low == high,
        high_inclusive=high_inclusive or low == high,
        start=end - timedelta(days=spec["length"]) if spec["basis"] == "flow" else None,
        end=end,
        sentence=f"Claim {number} says {low}.",
        line=number + 1,
    )


def dump(result) -> list:
    return [finding.model_dump(mode="json") for finding in result.findings]


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(claim_specs, max_size=14), data=st.data())
def test_findings_do_not_depend_on_the_order_of_claims(make_claim, specs, data):
    claims = [build(make_claim, number, spec) for number, spec in enumerate(specs)]
    shuffled = data.draw(st.permutations(claims))
    assert dump(reconcile(shuffled)) == dump(reconcile(claims))


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(claim_specs, max_size=14), data=st.data())
def test_findings_do_not_depend_on_the_order_of_documents(make_claim, specs, data):
    claims = [build(make_claim, number, spec) for number, spec in enumerate(specs)]
    documents = sorted({claim.doc for claim in claims})
    order = data.draw(st.permutations(documents))
    regrouped = [claim for doc in order for claim in claims if claim.doc == doc]
    assert dump(reconcile(regrouped)) == dump(reconcile(claims))


@settings(max_examples=80, deadline=None)
@given(specs=st.lists(claim_specs, min_size=1, max_size=14), figure=figures)
def test_a_document_alone_never_disagrees_with_itself_on_one_figure(make_claim, specs, figure):
    claims = [build(make_claim, number, dict(spec, doc="alone.txt"), figure) for number, spec in enumerate(specs)]
    verdicts = {finding.verdict for finding in reconcile(claims).findings}
    assert not verdicts & {"disagree", "revision"}


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(claim_specs, min_size=1, max_size=12), pick=st.integers(0, 100))
def test_repeating_a_figure_elsewhere_adds_a_mention_never_a_finding(make_claim, specs, pick):
    claims = [build(make_claim, number, spec) for number, spec in enumerate(specs)]
    original = claims[pick % len(claims)]
    repeat = original.model_copy(update={"id": "repeat", "doc": "z-repeat.txt"})
    before = {(f.id, f.verdict) for f in reconcile(claims).findings if f.verdict != "same"}
    after = {(f.id, f.verdict) for f in reconcile([*claims, repeat]).findings if f.verdict != "same"}
    assert after == before


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(claim_specs, max_size=14))
def test_every_disagreement_is_wider_than_rounding_and_between_two_sources(make_claim, specs):
    config = ReconcileConfig()
    for finding in reconcile([build(make_claim, n, spec) for n, spec in enumerate(specs)], config=config).findings:
        if finding.verdict == "disagree":
            assert finding.spread >= config.thresholds.min_spread
            assert len({figure.source for figure in finding.figures}) == 2
            assert finding.level in {"notice", "warning", "error"}
        elif finding.verdict != "revision":
            assert finding.level == "info"


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(claim_specs, max_size=14))
def test_findings_come_most_severe_first_then_by_topic_and_claims(make_claim, specs):
    findings = reconcile([build(make_claim, n, spec) for n, spec in enumerate(specs)]).findings
    assert findings == sorted(findings, key=finding_order)
