"""The fast whitespace folding of plain text and CSV cells (`folded_block`) must give the same text
and the same source line and column for every character as the slow, per-character map
(`SourceText`), which HTML and Markdown use."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.load.sourcetext import SourceText, folded_block

WORDS = st.text(alphabet="ab,é", min_size=1, max_size=4)
SPACES = st.text(alphabet=" \n\t\u00a0\u2009", min_size=1, max_size=4)


@st.composite
def raw_texts(draw) -> str:
    pieces = draw(st.lists(st.tuples(SPACES, WORDS), max_size=12))
    lead = draw(st.sampled_from(["", " ", "\n  ", "\t"]))
    tail = draw(st.sampled_from(["", " ", "\n", "  \n "]))
    return lead + "".join(space + word for space, word in pieces)[1:] + tail


@settings(max_examples=300, deadline=None)
@given(raw_texts(), st.integers(min_value=1, max_value=50))
def test_folded_block_maps_every_character_like_the_char_map(text: str, first_line: int) -> None:
    lines = list(enumerate(text.split("\n"), start=first_line))
    expected = SourceText.from_lines(lines).fold_whitespace()
    block = folded_block("paragraph", text, first_line)
    if not expected.text.strip():
        assert block is None
        return
    expected = SourceText(expected.text.strip(), expected.positions[len(expected.text) - len(expected.text.lstrip()):])
    assert block.text == expected.text
    assert [block.position(offset) for offset in range(len(block.text))] == list(expected.positions)


def test_plain_single_spaces_need_one_anchor() -> None:
    block = folded_block("paragraph", "  five people fled", 3)
    assert block.text == "five people fled"
    assert [(a.offset, a.line, a.column) for a in block.anchors] == [(0, 3, 3)]
