"""Masking figures: each kept figure is overwritten length for length, overlapping ones dropped."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract.figures import mask
from reconcile.models.quantity import Quantity
from reconcile.rulebook.patterns import QUANTITY_HEAD, QUANTITY_TAIL


def _by_characters(text, spans):
    characters, kept, last_end = list(text), [], -1
    for start, end in sorted(spans):
        if start < last_end:
            continue
        kept.append((start, end))
        characters[start] = QUANTITY_HEAD
        characters[start + 1 : end] = QUANTITY_TAIL * (end - start - 1)
        last_end = end
    return "".join(characters), kept


@st.composite
def _text_and_spans(draw):
    text = draw(st.text(alphabet="ab 12,", min_size=1, max_size=30))
    starts = draw(st.lists(st.integers(0, len(text) - 1), max_size=5, unique=True))
    spans = [(s, draw(st.integers(s + 1, len(text)))) for s in starts]
    return text, spans


@settings(max_examples=300, deadline=None)
@given(_text_and_spans())
def test_mask_is_the_character_by_character_overwrite(case):
    text, spans = case
    quantities = tuple(Quantity(text=text[s:e], start=s, end=e, low=1, high=1, nominal=1) for s, e in spans)
    figures = mask(text, quantities)
    masked, kept = _by_characters(text, spans)
    assert figures.masked == masked
    assert [(q.start, q.end) for q in figures.quantities] == kept
    assert figures.by_start == {start: i for i, (start, _) in enumerate(kept)}
