"""Each loader on a small, hand-made article of its format."""

from datetime import date
from pathlib import Path

import pytest

from reconcile.load import CsvColumns, LoadFailure, load_bytes

CASES = Path(__file__).parent / "cases"


def load_case(name: str, **kwargs):
    return load_bytes((CASES / name).read_bytes(), doc_id=name, path=str(CASES / name), **kwargs)


def kinds_and_texts(document):
    return [(block.kind, block.text) for block in document.blocks]


def test_html_metadata_prefers_json_ld_and_body_skips_furniture():
    [document] = load_case("article.html")
    assert document.format == "html"
    assert document.title == "Thousands Flee Aleppo"
    assert document.published == date(2016, 12, 13)
    assert document.authors == ["Jane Doe", "John Roe"]
    assert document.publisher == "Example Wire"
    assert document.url == "https://example.org/aleppo"
    assert document.dateline == "ALEPPO, Syria"
    assert kinds_and_texts(document) == [
        ("headline", "Thousands Flee Aleppo"),
        ("paragraph", "ALEPPO, Syria — About 37,000 people have fled eastern Aleppo, the United Nations said."),
        ("caption", "Residents leaving on Tuesday."),
        ("paragraph", "Russia says at least 100,000 left."),
        ("paragraph", "We are dying here."),
    ]


def test_html_blocks_point_at_their_source_lines():
    [document] = load_case("article.html")
    lines = (CASES / "article.html").read_text().splitlines()
    for block in document.blocks:
        first_word = block.text.split()[0]
        assert first_word in lines[block.line - 1]


def test_html_with_broken_nesting_still_loads():
    [document] = load_case("broken.html")
    texts = [text for _, text in kinds_and_texts(document)]
    assert texts[0] == "Broken nesting"
    assert "First paragraph with bad nesting." in texts
    assert "Third & last" in texts


def test_plain_text_header_and_paragraphs():
    [document] = load_case("header.txt")
    assert document.format == "text"
    assert (document.title, document.published, document.publisher, document.url) == (
        "Evacuation resumes in Aleppo",
        date(2016, 12, 15),
        "Example Wire",
        "https://example.org/evac",
    )
    assert kinds_and_texts(document) == [
        ("paragraph", "ALEPPO, Syria — Buses carried about 3,000 people out of eastern Aleppo on Thursday, officials said."),
        ("paragraph", "A second convoy was expected on Friday."),
    ]
    assert document.blocks[0].line == 6
    offset = document.blocks[0].text.index("out of")
    assert document.blocks[0].position(offset) == (7, 1)


def test_markdown_headline_caption_and_heading():
    [document] = load_case("article.md")
    assert document.format == "markdown"
    assert document.title == "Aleppo Evacuation Halted"
    assert kinds_and_texts(document) == [
        ("headline", "Aleppo Evacuation Halted"),
        ("paragraph", "*By Jane Doe*"),
        ("paragraph", "Fighting resumed on Wednesday, and the United Nations said evacuations were halted."),
        ("caption", "About 37,000 people have fled eastern Aleppo, according to the United Nations."),
        ("heading", "What comes next"),
        ("paragraph", "Talks continue."),
    ]
    caption = document.blocks[3]
    assert caption.line == 8


def test_csv_columns_detected_and_overridden():
    data = b"key,headline,story,when,outlet\n7,Title A,Body text here.,12/13/2016,Wire\n"
    with pytest.raises(LoadFailure, match="no text column"):
        load_bytes(data, doc_id="c.csv", path="c.csv")
    columns = CsvColumns(id="key", title="headline", text="story", date="when", source="outlet")
    [document] = load_bytes(data, doc_id="c.csv", path="c.csv", csv=columns)
    assert (document.id, document.title, document.published, document.publisher) == (
        "c.csv#7",
        "Title A",
        date(2016, 12, 13),
        "Wire",
    )
    assert kinds_and_texts(document) == [("headline", "Title A"), ("paragraph", "Body text here.")]
    assert document.blocks[1].line == 2


def test_csv_override_naming_a_missing_column_is_an_error():
    data = b"id,text\n1,hello\n"
    with pytest.raises(LoadFailure, match="'story' is not a column"):
        load_bytes(data, doc_id="c.csv", path="c.csv", csv=CsvColumns(text="story"))


def test_csv_repeated_ids_stay_distinct_documents():
    data = b"id,text\n1,first\n1,second\n"
    documents = load_bytes(data, doc_id="c.csv", path="c.csv")
    assert [d.id for d in documents] == ["c.csv#1", "c.csv#1~2"]


def test_not_utf8_falls_back_with_a_warning():
    [document] = load_bytes(b"Caf\xe9 \x93quoted\x94 text.", doc_id="a.txt", path="a.txt")
    assert document.blocks[0].text == "Café “quoted” text."
    assert len(document.warnings) == 1 and "cp1252" in document.warnings[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n \t", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"abc\x00def\x00", "NUL bytes"),
        (b"%PDF-1.4 ...", "PDF"),
    ],
)
def test_non_articles_are_refused_with_a_reason(data, reason):
    with pytest.raises(LoadFailure, match=reason):
        load_bytes(data, doc_id="x", path="x")


def test_html_paragraph_spanning_lines_maps_each_word_to_its_line():
    [document] = load_case("article.html")
    [block] = [b for b in document.blocks if b.text.startswith("Russia says")]
    lines = (CASES / "article.html").read_text().splitlines()
    assert "100,000" in lines[block.line_of(block.text.index("100,000")) - 1]
    assert "Russia" in lines[block.line_of(0) - 1]
