"""Article text is untrusted: it must not restyle the terminal, break Markdown tables, inject HTML
or workflow commands, or break the SVG charts."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ElementTree

from markdown_it import MarkdownIt
from rich.console import Console

from reconcile.render import render_markdown, render_terminal
from reconcile.render.escape import for_markdown, for_rich, for_svg, one_line


def _terminal(report) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=300, force_terminal=True, color_system="truecolor")
    render_terminal(report, console)
    return buffer.getvalue()


def test_the_hostile_report_has_a_disagreement(hostile_report):
    assert [f.verdict for f in hostile_report.findings] == ["disagree", "same"]


def test_rich_markup_in_article_text_is_printed_not_applied(hostile_report):
    out = _terminal(hostile_report)
    assert "[bold red]styled[/bold red]" in out
    assert "\x1b[31mansi" not in out  # the article's own escape sequence is neutralised


def test_no_terminal_line_starts_a_workflow_command(hostile_report):
    for line in _terminal(hostile_report).splitlines():
        assert not line.lstrip().startswith("::")


def _markdown(report):
    return render_markdown(report, "charts", lambda doc, line: f"docs/{doc}#L{line}")


def test_markdown_tables_keep_their_shape(hostile_report):
    tokens = MarkdownIt("commonmark").enable("table").parse(_markdown(hostile_report).text)
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            cells = 0
            for inner in tokens[index + 1 :]:
                if inner.type == "tr_close":
                    break
                cells += inner.type in ("td_open", "th_open")
            assert cells in (6,), f"row with {cells} cells"


def test_markdown_has_no_html_or_headings_from_article_text(hostile_report):
    text = _markdown(hostile_report).text
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    html = [t.content for t in tokens if t.type == "html_block"]
    html += [c.content for t in tokens if t.children for c in t.children if c.type == "html_inline"]
    ours = re.compile(r'<a id="topic-[0-9a-f]+">|</a>|<details><summary>\d+ agreement\(s\), repeat\(s\) and note\(s\)</summary>\n?|</details>\n?')
    assert all(ours.fullmatch(fragment) for fragment in html), html
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any("not a heading" in heading for heading in headings)
    links = [c.attrs["href"] for t in tokens if t.children for c in t.children if c.type == "link_open"]
    assert not any("evil.example" in href for href in links)
    assert "<script>" not in text and "\x1b" not in text


def test_charts_are_well_formed_svg_with_the_text_escaped(hostile_report):
    for svg in _markdown(hostile_report).charts.values():
        root = ElementTree.fromstring(svg)
        tags = {element.tag.split("}")[-1] for element in root.iter()}
        assert tags <= {"svg", "title", "rect", "text", "line", "circle", "path", "g"}
        assert any("<script>" in (element.text or "") for element in root.iter())


def test_escape_functions_on_hostile_text():
    assert "\n" not in one_line("a\nb\r\nc\u2028d") and one_line(" a \t b ") == "a b"
    assert for_rich("[bold]x[/bold]") == "\\[bold]x\\[/bold]"
    assert for_markdown("a | b") == "a \\| b"
    assert for_markdown("<b>&") == "&lt;b&gt;&amp;"
    assert for_markdown("%0A::error::") == "%0A::error::"
    assert for_svg('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"


def test_the_json_report_round_trips_through_validation(gold_report):
    from reconcile.models.finding import Report
    from reconcile.render import render_json

    again = Report.model_validate_json(render_json(gold_report))
    assert again.model_dump(mode="json") == gold_report.model_dump(mode="json")
