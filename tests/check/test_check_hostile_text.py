"""Article text is untrusted: a quote, a source name or a file name that contains `::error::`,
`%0A`, table pipes, rich markup or HTML must not inject annotations, break the SARIF or the
Markdown, or restyle the terminal. One test per output."""

from __future__ import annotations

import io
import json
import re

import jsonschema
from rich.console import Console

from reconcile.check import run_check
from reconcile.cli.check_output import check_report, render_check_markdown, render_check_terminal
from reconcile.render.escape import one_line
from reconcile.render.github import render_github
from reconcile.render.lines import render_lines
from reconcile.render.sarif import render_sarif

HOSTILE = (
    "Evil\n::error file=x.md,line=1::forged %0A [blink magenta on green]loud[/blink magenta on green] "
    "| cell | <b>html</b> <script>x</script>\x1b[45m# heading"
)
HOSTILE_DOC = "we%ird,name:with\nnewline.md"


def _result(build):
    before = build.corpus_claims()
    sohr = build.claim(
        "sohr", doc=HOSTILE_DOC, source=HOSTILE, low=90000, line=5, text=f"90,000 {HOSTILE}", sentence=HOSTILE
    )
    return run_check(before, [*before, sohr], {HOSTILE_DOC})


def _unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_annotations_cannot_be_forged(build):
    result = _result(build)
    output = render_github(result, {})
    lines = output.splitlines()
    commands = [line for line in lines if not line.startswith(("::group::", "::endgroup::"))]
    assert len(lines) == len(commands) + 2 and len(commands) == len(result.items) == 2
    for line, item in zip(commands, result.items, strict=True):
        match = re.fullmatch(r"::(error|warning|notice) file=([^,:]*),line=(\d+),col=(\d+),title=([^,:]*)::(.*)", line)
        assert match, line
        assert match[1] == item.level
        assert _unescape(match[2]) == one_line(HOSTILE_DOC)
        assert _unescape(match[6]) == one_line(item.message)
        assert "\x1b" not in line


def test_sarif_stays_valid_and_links_cannot_be_forged(build, sarif_schema):
    result = _result(build)
    log = json.loads(render_sarif(result, {}))
    jsonschema.validate(log, sarif_schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    messages = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert len(messages) == 2
    for text in messages:
        # Only our own embedded link, to the counterpart figure, is an unescaped bracket pair.
        assert re.findall(r"(?<!\\)\[[^\]]*?(?<!\\)\]\((\d+)\)", text) == ["1"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
    assert uris == ["we%25ird%2Cname%3Awith%0Anewline.md"] * 2


def _tables(text: str) -> list[list[str]]:
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def _cells(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row)) - 2


def test_markdown_tables_and_html_cannot_be_broken(build):
    result = _result(build)
    report = check_report(result, [], build.corpus_claims(), [])
    text, _ = render_check_markdown(result, report, {}, lambda doc, line: None, "charts", 1)
    assert "<b>" not in text and "<script>" not in text and "\x1b" not in text
    tables = _tables(text)
    assert len(tables) >= 2
    for table in tables:
        assert {_cells(row) for row in table} == {_cells(table[0])}, table
    assert not any(line.startswith(("::", "# heading")) for line in text.splitlines())


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def test_the_terminal_cannot_be_restyled(build):
    result = _result(build)
    report = check_report(result, [], build.corpus_claims(), [])
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=400, highlight=False)
    render_check_terminal(result, report, {}, console, 1)
    output = buffer.getvalue()
    assert "[blink magenta on green]loud[/blink magenta on green]" in output
    codes = {code for match in SGR.findall(output) for code in match.split(";")}
    # blink (5), magenta (35), green background (42) or the article's own magenta background (45)
    assert codes.isdisjoint({"5", "35", "42", "45"}), codes
    assert codes >= {"1", "31"}  # our own styling is there: the error is bold red


def test_lines_stay_one_result_a_line(build):
    result = _result(build)
    lines = render_lines(result, {}).splitlines()
    assert len(lines) == 2
    assert all(line.startswith("we%ird,name:with newline.md:5:1: ") for line in lines)
    assert not any("\x1b" in line for line in lines)
