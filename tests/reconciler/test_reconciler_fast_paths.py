"""The reconciler's fast paths say what their plain definitions say.

- The judging loop tests time relations inline: the pairs it judges (COMPARABLE) and keeps as
  RELATED are exactly those group/timing.py `relation` names, over every pair of nested places,
  each pair once.
- Findings are put in claims order by their ids joined with NUL: the same order as the lists.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.compare import judging
from reconcile.compare.config import TimeTolerance
from reconcile.compare.draft import FigureDraft
from reconcile.compare.judging import BucketVerdicts
from reconcile.group import PlaceHierarchy
from reconcile.group.timing import COMPARABLE, RELATED, relation
from reconcile.group.topics import bucket_times, candidate_runs

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic_claims import synthetic_archive  # noqa: E402

PLACES = PlaceHierarchy({"eastern Aleppo": "Aleppo", "Hanano": "eastern Aleppo", "western Aleppo": "Aleppo",
                         "Aleppo": "Syria", "loop a": "loop b", "loop b": "loop a"})
PLACE_NAMES = ["Syria", "Aleppo", "eastern Aleppo", "western Aleppo", "Hanano", "loop a", "loop b", None]

figure_specs = st.tuples(
    st.sampled_from(PLACE_NAMES), st.sampled_from(["flow", "cumulative", "stock"]),
    st.integers(0, 40), st.integers(0, 5),
)


def _draft(number: int, place, basis, first, length) -> FigureDraft:
    return FigureDraft(id=f"f{number:03d}", basis=basis, source="s", organisation="s", role="other",
                       attributed=True, place=place, unit="count", interval=(1, 1, True, True), nominal=1,
                       first=first, last=None if first is None else first + length, mentions=[number], claim_ids=[f"c{number}"], text="1")


@settings(max_examples=150, deadline=None)
@given(specs=st.lists(figure_specs, max_size=25), stock=st.integers(0, 6), cumulative=st.integers(0, 15),
       flow=st.integers(0, 3), dated=st.booleans())
def test_the_judging_loop_meets_exactly_the_related_and_comparable_pairs(specs, stock, cumulative, flow, dated):
    tolerance = TimeTolerance(stock_days=stock, cumulative_days=cumulative, flow_days=flow)
    drafts = [_draft(n, place, basis, first if dated else None, length if dated else 0)
              for n, (place, basis, first, length) in enumerate(specs)]
    times = bucket_times(drafts, tolerance)
    judged: list[tuple[int, int]] = []

    def recording(a, b, min_spread):
        judged.append((drafts.index(a), drafts.index(b)))
        return "agree", None, (lambda x, y: "", a, b)

    verdicts = BucketVerdicts(drafts, 1.05)
    original = judging.judge
    judging.judge = recording
    try:
        verdicts.judge_runs(candidate_runs(drafts, PLACES, tolerance, times), times, tolerance.flow_days)
    finally:
        judging.judge = original
    expected = {COMPARABLE: [], RELATED: []}
    for i in range(len(drafts)):
        for j in range(i + 1, len(drafts)):
            if PLACES.nested(drafts[i].place, drafts[j].place):
                kind = relation(times[i], times[j], tolerance.flow_days)
                if kind:
                    expected[kind].append((i, j))
    assert sorted(judged) == expected[COMPARABLE] and len(judged) == len(set(judged))
    assert sorted(verdicts.related) == expected[RELATED] and len(verdicts.related) == len(set(verdicts.related))


ids = st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=0x2FF), max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(ids, min_size=1, max_size=4), max_size=12))  # a finding names a claim or more
def test_claim_lists_sort_as_their_ids_joined_with_nul(lists):
    assert sorted(lists, key="\0".join) == sorted(lists)


@pytest.mark.parametrize("nul_in_an_id", [False, True])
def test_a_findings_claims_are_its_figures_mentions(monkeypatch, nul_in_an_id):
    """A finding is built with its claims' sort key (the ids joined by NUL; the list of ids when
    an id holds a NUL), which is dropped once its bucket is sorted: the key is always that of its
    figures' mentions' claim ids, sorted, which is what its claims read as afterwards, for every
    kind of finding; and the findings come out in order."""
    from reconcile.compare import reconcile, reconciler
    from reconcile.compare.reconciler import finding_order
    from reconcile.models.finding import claims_of, claims_sort_key

    claims = synthetic_archive(3000, seed=11, claims_per_day=400).claims
    if nul_in_an_id:
        claims = [claim.model_copy(update={"id": f"{claim.id[:3]}\0{claim.id}"}) if n % 7 == 0 else claim
                  for n, claim in enumerate(claims)]
        parents = {claim.id[4:]: claim.id for claim in claims if "\0" in claim.id}
        claims = [claim.model_copy(update={"parent": parents.get(claim.parent, claim.parent)}) for claim in claims]
    archive = synthetic_archive(1, seed=11)
    built: list[tuple] = []
    forget = reconciler.forget_claims
    monkeypatch.setattr(reconciler, "forget_claims", lambda f: (built.append((f, claims_sort_key(f))), forget(f)))
    result = reconcile(claims, archive.places, sources=archive.sources)
    assert len(built) == len(result.findings) and {f.verdict for f, _ in built} >= {"same", "agree", "disagree"}
    for finding, key in built:
        ids = claims_of(finding.figures)
        assert key == (ids if nul_in_an_id else "\0".join(ids))
        assert finding.claims == ids
    assert result.findings == sorted(result.findings, key=finding_order)
