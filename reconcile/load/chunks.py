"""Markdown-ish text (with or without HTML wrappers) as chunks of lines, and their cleaning."""

from __future__ import annotations

import regex

from reconcile.load.sourcetext import SourceText

NumberedLines = list[tuple[int, str]]

# Lines that only open or close wrappers separate chunks, as blank lines do.
_WRAPPER_LINE = regex.compile(r"^\s*(?:</?(?:div|section|figure|main|header|footer|nav|aside)\b[^>]*>\s*)+$|^\s*<!--.*-->\s*$|^\s*<!-- end list -->\s*$")
_IMAGE = regex.compile(r"!\[(?P<keep>(?:[^\[\]]|\[[^\[\]]*\])*)\]\([^()\s]*(?:\([^()]*\)[^()\s]*)*\)")
_LINK = regex.compile(r"(?<!!)\[(?P<keep>(?:[^\[\]]|\[[^\[\]]*\])*)\]\([^()\s]*(?:\([^()]*\)[^()\s]*)*\)")
_TAG = regex.compile(r"<[^<>]*>")
_MARKDOWN_ESCAPE = regex.compile(r"\\(?P<keep>[\\`*_{}\[\]()#+\-.!|$])")
_STRONG = regex.compile(r"\*\*|__")
_LIST_BULLET = regex.compile(r"^\s*(?:[-*+]|\d{1,3}\.)\s+", regex.M)
_HEADING_MARK = regex.compile(r"^\s*#{1,6}\s+")


def split_chunks(numbered_lines: NumberedLines) -> list[NumberedLines]:
    chunks: list[NumberedLines] = []
    current: NumberedLines = []
    for number, line in numbered_lines:
        if not line.strip() or _WRAPPER_LINE.match(line):
            if current:
                chunks.append(current)
            current = []
        else:
            current.append((number, line))
    if current:
        chunks.append(current)
    return chunks


def raw_text(chunk: NumberedLines) -> str:
    return "\n".join(line for _, line in chunk)


def clean_chunk(chunk: NumberedLines) -> SourceText:
    """Reduce Markdown and inline HTML to the words a reader sees, keeping source positions."""
    return clean_source(SourceText.from_lines(chunk))


def clean_source(source: SourceText) -> SourceText:
    source = source.keep_group(_HEADING_MARK)
    source = source.keep_group(_LIST_BULLET)
    source = source.keep_group(_IMAGE, "keep")
    source = source.keep_group(_LINK, "keep")
    source = source.keep_group(_TAG)
    source = source.keep_group(_MARKDOWN_ESCAPE, "keep")
    source = source.keep_group(_STRONG)
    return source.unescape_entities().fold_whitespace()


def numbered(text: str, first_line: int = 1) -> NumberedLines:
    return list(enumerate(text.split("\n"), start=first_line))
