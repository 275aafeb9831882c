"""Agreeing figures reported as clusters (reconcile/compare/clusters.py): nothing false, nothing lost.

- The cover, on any graph: every edge lies in a clique, every clique is a clique, none repeats.
- Through the reconciler, against the verdict every pair actually got (recorded as it is judged):
  every agree/update pair is held by a finding with that verdict, every pair of figures held by
  an agree/update finding was judged so, and every other verdict is its own finding on exactly
  its two figures.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.compare import judging, reconcile
from reconcile.compare.clusters import agreement_cliques
from reconcile.compare.judging import CLUSTERED


def _graph(edges: set[tuple[int, int]]) -> dict[int, set[int]]:
    neighbours: dict[int, set[int]] = {}
    for a, b in edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    return neighbours


edge_sets = st.sets(
    st.tuples(st.integers(0, 14), st.integers(0, 14)).filter(lambda e: e[0] != e[1]).map(lambda e: (min(e), max(e))),
    max_size=60,
)


@settings(max_examples=300)
@given(edge_sets)
def test_the_cliques_cover_every_edge_and_only_edges(edges):
    cliques = agreement_cliques(_graph(edges))
    covered = {pair for clique in cliques for pair in itertools.combinations(clique, 2)}
    assert covered == edges  # every edge covered; a pair in a clique is an edge
    assert all(clique == sorted(set(clique)) and len(clique) >= 2 for clique in cliques)
    assert len({tuple(clique) for clique in cliques}) == len(cliques)


def test_a_triangle_and_its_tail_are_two_cliques():
    assert agreement_cliques(_graph({(0, 1), (0, 2), (1, 2), (2, 3)})) == [[0, 1, 2], [2, 3]]


DAY_ZERO = date(2016, 12, 1)
SOURCES = [("Russia", "party"), ("United Nations", "un"), ("The New York Times", "media"), ("SOHR", "monitor")]

# One category, one city and its districts, close days: many pairs, so clusters of three or more.
busy_claims = st.lists(
    st.fixed_dictionaries({
        "source": st.sampled_from(SOURCES),
        "place": st.sampled_from(["Aleppo", "eastern Aleppo", "eastern Aleppo", "Hanano"]),
        "basis": st.sampled_from(["cumulative", "cumulative", "stock"]),
        "day": st.integers(0, 6),
        "low": st.integers(90, 130),
        "width": st.sampled_from([0, 0, 10, None]),
    }),
    min_size=2, max_size=16,
)


def _build(make_claim, specs):
    claims = []
    for number, spec in enumerate(specs):
        name, role = spec["source"]
        high = None if spec["width"] is None else spec["low"] + spec["width"]
        claims.append(make_claim(
            f"c{number}", doc=f"d{number % 5}.txt", source=name, role=role, place=spec["place"],
            basis=spec["basis"], low=spec["low"], high=high, end=DAY_ZERO + timedelta(days=spec["day"]),
            sentence=f"Claim {number}.", line=number + 1,
        ))
    return claims


def _judged(claims):
    """reconcile(claims), and the verdict each pair of figures got as it was judged, by figure id."""
    verdicts: dict[frozenset[str], str] = {}
    judge = judging.judge

    def recording(a, b, min_spread):
        judgement = judge(a, b, min_spread)
        verdicts[frozenset((a.id, b.id))] = judgement[0]
        return judgement

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(judging, "judge", recording)
        return reconcile(claims), verdicts


@settings(max_examples=80, deadline=None)
@given(specs=busy_claims)
def test_findings_say_exactly_the_verdicts_the_pairs_got(make_claim, specs):
    result, verdicts = _judged(_build(make_claim, specs))
    held: dict[str, set[frozenset[str]]] = {}
    for finding in result.findings:
        ids = [figure.id for figure in finding.figures]
        if finding.verdict in CLUSTERED:
            for pair in itertools.combinations(ids, 2):
                assert verdicts[frozenset(pair)] == finding.verdict, finding.why
                held.setdefault(finding.verdict, set()).add(frozenset(pair))
        elif finding.verdict in ("disagree", "revision") or (finding.verdict == "not_comparable" and len(ids) == 2
                                                              and frozenset(ids) in verdicts):
            assert len(ids) == 2 and verdicts[frozenset(ids)] == finding.verdict
            held.setdefault(finding.verdict, set()).add(frozenset(ids))
    for pair, verdict in verdicts.items():
        assert pair in held.get(verdict, set()), (pair, verdict)
    pairwise = [frozenset(f.figures[i].id for i in (0, 1)) for f in result.findings if f.verdict in ("disagree", "revision")]
    assert len(pairwise) == len(set(pairwise))


@settings(max_examples=60, deadline=None)
@given(specs=busy_claims, data=st.data())
def test_clusters_do_not_depend_on_the_order_of_claims(make_claim, specs, data):
    claims = _build(make_claim, specs)
    shuffled = data.draw(st.permutations(claims))
    dump = lambda result: [finding.model_dump(mode="json") for finding in result.findings]  # noqa: E731
    assert dump(reconcile(shuffled)) == dump(reconcile(claims))


def _summaries(claims):
    return [(f.verdict, f.claims, f.why) for f in reconcile(claims).findings]


def test_five_sources_that_all_agree_are_one_finding(make_claim):
    names = ["Russia", "SOHR", "The New York Times", "United Nations", "Unicef"]
    claims = [make_claim(f"c{n}", source=name, role="other", low=100 + n, high=200, text=f"{100 + n} to 200",
                         sentence=f"{name} says so.") for n, name in enumerate(names)]
    assert _summaries(claims) == [(
        "agree", ["c0", "c1", "c2", "c3", "c4"],
        # one day: named in the order of the figures' ids
        "5 figures can all be true together: Russia's “100 to 200”, United Nations' “103 to 200”, "
        "SOHR's “101 to 200” and 2 more",
    )]


def test_one_source_raising_its_total_day_by_day_is_one_series(make_claim):
    claims = [make_claim(f"c{n}", low=100 + 10 * n, high=100 + 10 * n, end=f"2016-12-0{n + 1}",
                         sentence=f"Day {n}.") for n in range(5)]
    assert _summaries(claims) == [(
        "update", ["c0", "c1", "c2", "c3", "c4"],
        "United Nations gave “100” on Dec 1, then “110” on Dec 2, then “120” on Dec 3, and 2 more updates",
    )]
