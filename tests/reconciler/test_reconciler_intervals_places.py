"""The interval arithmetic and the place hierarchy the verdicts stand on."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.compare.intervals import hull, intersect, is_below, overlaps, spread
from reconcile.group import PlaceHierarchy

bounds = st.one_of(st.none(), st.integers(0, 1000))
intervals = st.tuples(st.integers(0, 1000), bounds, st.booleans(), st.booleans()).map(
    lambda t: (t[0], None if t[1] is None else t[0] + t[1], t[2] or t[1] == 0, t[3] or t[1] == 0)
)


def _contains(interval, value) -> bool:
    low, high, low_inclusive, high_inclusive = interval
    above = value > low or (value == low and low_inclusive)
    below = high is None or value < high or (value == high and high_inclusive)
    return above and below


@settings(max_examples=300)
@given(intervals, intervals)
def test_overlap_means_a_shared_value(a, b):
    # Half-integers are enough witnesses for integer bounds.
    shared = any(_contains(a, v / 2) and _contains(b, v / 2) for v in range(0, 4004))
    assert overlaps(a, b) == overlaps(b, a) == shared
    assert (spread(a, b) is None) == shared == (spread(b, a) is None)
    if not shared:
        assert is_below(a, b) != is_below(b, a)
        assert spread(a, b) == spread(b, a) >= 1.0 or spread(a, b) == float("inf")


@settings(max_examples=200)
@given(st.lists(intervals, min_size=1, max_size=4))
def test_intersection_is_what_all_allow_and_hull_holds_all(items):
    both = intersect(items)
    around = hull(items)
    for v in range(0, 4004):
        value = v / 2
        in_all = all(_contains(i, value) for i in items)
        assert in_all == (both is not None and _contains(both, value))
        if any(_contains(i, value) for i in items):
            assert _contains(around, value)


def test_places_nest_through_the_parent_map():
    places = PlaceHierarchy({"eastern Aleppo": "Aleppo", "western Aleppo": "Aleppo", "Hanano": "eastern Aleppo"})
    assert places.nested("Hanano", "Aleppo") and places.nested("Aleppo", "Hanano")
    assert places.nested("eastern Aleppo", "eastern Aleppo")
    assert not places.nested("eastern Aleppo", "western Aleppo")
    assert not places.nested(None, "Aleppo") and places.nested(None, None)
    assert places.root("Hanano") == "Aleppo" and places.root("Homs") == "Homs"


def test_a_cycle_in_the_gazetteer_does_not_hang():
    places = PlaceHierarchy({"a": "b", "b": "a"})
    assert places.chain("a") == ("a", "b") and places.nested("a", "b")


def _figure(interval):
    from reconcile.compare.draft import FigureDraft

    return FigureDraft(id="f", basis="stock", source="s", organisation="s", role="other", attributed=True,
                       place=None, unit="count", interval=interval, nominal=None, first=None, last=None,
                       mentions=[0], claim_ids=["c"], text="t")


@settings(max_examples=300)
@given(intervals, intervals)
def test_the_verdicts_read_the_same_spread_from_figures_as_from_intervals(a, b):
    from reconcile.compare import verdict

    first, second = _figure(a), _figure(b)
    assert verdict.spread(first, second) == spread(a, b)
    assert verdict.is_below(first, second) == is_below(a, b)
    assert verdict.gap_below(first, second) == (spread(a, b) if is_below(a, b) else None)
