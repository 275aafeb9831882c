"""Reconciling only the buckets a change touches gives the same new findings as reconciling the
whole corpus before and after: a property over random corpora and changes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.check.items import check_items
from reconcile.check.newness import split_findings
from reconcile.check.run import run_check
from reconcile.compare import reconcile
from reconcile.group import PlaceHierarchy

SOURCES = ["United Nations", "Russia", "Unicef", "Syrian Observatory for Human Rights"]
CATEGORIES = ["fled", "killed", "wounded"]
PLACES = ["eastern Aleppo", "Aleppo", "Hanano", "Idlib"]
DAYS = ["2016-12-07", "2016-12-10", "2016-12-13"]

claim_specs = st.tuples(
    st.sampled_from(SOURCES), st.sampled_from(CATEGORIES), st.sampled_from(PLACES), st.sampled_from(DAYS),
    st.sampled_from([50, 300, 37000, 40000, 90000, 100000]), st.integers(min_value=0, max_value=3),
)

# One topic, so that figures meet and conflict often.
narrow_specs = st.tuples(
    st.sampled_from(SOURCES), st.just("fled"), st.just("eastern Aleppo"), st.just("2016-12-13"),
    st.sampled_from([37000, 90000, 100000]), st.just(0),
)


def _claims(build, specs, doc):
    return [
        build.claim(f"{doc}-{n}", doc=doc, source=source, category=category, place=place, published=day, low=value,
                    line=n + 1, sentence=f"{source} {category} {value} {place} {day} {n}")
        for n, (source, category, place, day, value, _) in enumerate(specs)
    ]


def _naive(before, after, new_ids):
    places = PlaceHierarchy()
    new, _ = split_findings(reconcile(before, places).findings, reconcile(after, places).findings, new_ids)
    return sorted((i.fingerprint, i.level) for i in check_items(new, new_ids))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    corpus=st.lists(st.lists(claim_specs, min_size=1, max_size=4), min_size=1, max_size=5),
    change=st.lists(claim_specs, min_size=1, max_size=3),
)
def test_scoped_check_equals_whole_corpus_check(build, corpus, change):
    before = [claim for number, specs in enumerate(corpus) for claim in _claims(build, specs, f"doc{number}.md")]
    new = _claims(build, change, "new.md")
    after = [*before, *new]
    result = run_check(before, after, {"new.md"})
    assert sorted((i.fingerprint, i.level) for i in result.items) == _naive(before, after, {c.id for c in new})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=st.lists(narrow_specs, min_size=1, max_size=6), edit=st.lists(claim_specs | narrow_specs, min_size=1, max_size=3))
def test_an_edited_document_is_scoped_like_the_whole_corpus(build, corpus, edit):
    old = _claims(build, corpus, "edited.md")
    others = _claims(build, corpus[::-1], "other.md")
    kept = old[: len(old) // 2]
    # The edit repeats some kept figures (they join known figures) and adds its own.
    repeated = [*corpus[: len(old) // 2], *edit]
    fresh = [c.model_copy(update={"id": f"edit-{c.id}"}) for c in _claims(build, repeated, "edited.md")]
    edited = [*kept, *fresh]
    before, after = [*others, *old], [*others, *edited]
    new_ids = {c.id for c in edited} - {c.id for c in old}
    result = run_check(before, after, {"edited.md"})
    assert sorted((i.fingerprint, i.level) for i in result.items) == _naive(before, after, new_ids)
