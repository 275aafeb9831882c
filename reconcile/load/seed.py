"""The seed format: a news page converted to Markdown, with the page's <div> wrappers kept.

The article starts at the Markdown headline; what comes before it is navigation and a hidden
copy of the page header, and everything from "Site Index" on is the site footer.
"""

from __future__ import annotations

import regex

from reconcile.load.chunks import (
    NumberedLines,
    clean_chunk,
    clean_source,
    numbered,
    raw_text,
    split_chunks,
)
from reconcile.load.dates import parse_date
from reconcile.load.metadata import Metadata, dateline_of, split_authors
from reconcile.load.sourcetext import SourceText
from reconcile.models.document import Block

_FURNITURE = frozenset(
    {
        "advertisement",
        "continue reading the main story",
        "supported by",
        "image",
        "sections",
        "search",
        "skip to content",
        "skip to site index",
        "credit",
        "credit...",
    }
)
_FOOTER_HEADINGS = regex.compile(r"^##\s+(?:Site Index|Site Information Navigation)\s*$")
_SHORT_URL = regex.compile(r"<span[^>]*>\s*(https?://[^\s<]+)\s*</span>")
_CAPTION_SPAN = regex.compile(r"<span[^>]*\be13ogyst0\b[^>]*>(?P<keep>.*?)</span>", regex.S)
_CREDIT_TAIL = regex.compile(r"\s*Credit(?:\.\.\.)?\s.*$", regex.S)
_COPYRIGHT = regex.compile(r"©\s*(?:<[^>]*>\s*)*\d{4}\s*(?:<[^>]*>\s*)*(?P<name>[^<\]]+)")
_BYLINE = regex.compile(r"^By\s+\S")
_DATE_ITEM = regex.compile(r"^\s*-\s+\S")


def parse_seed(text: str) -> tuple[Metadata, list[Block]]:
    lines = numbered(text)
    headline_index = next((i for i, (_, line) in enumerate(lines) if line.startswith("# ")), None)
    if headline_index is None:
        return Metadata(), []
    header, body = lines[:headline_index], lines[headline_index:]
    footer_start = next((i for i, (_, line) in enumerate(body) if _FOOTER_HEADINGS.match(line)), len(body))
    metadata = Metadata(
        url=_first_group(_SHORT_URL, raw_text(header)),
        publisher=_publisher(raw_text(body[footer_start:])),
    )
    blocks: list[Block] = []
    for chunk in split_chunks(body[:footer_start]):
        _read_chunk(chunk, metadata, blocks)
    metadata.dateline = dateline_of(blocks)
    return metadata, blocks


def _read_chunk(chunk: NumberedLines, metadata: Metadata, blocks: list[Block]) -> None:
    raw = raw_text(chunk)
    if raw.startswith("# "):
        block = clean_chunk(chunk).to_block("headline")
        metadata.title = metadata.title or block.text
        blocks.append(block)
        return
    if "e13ogyst0" in raw or raw.startswith("!["):
        caption = _caption(chunk)
        if caption.text:
            blocks.append(caption.to_block("caption"))
        return
    cleaned = clean_chunk(chunk)
    if not cleaned.text or cleaned.text.lower() in _FURNITURE or _is_credit(raw, cleaned.text):
        return
    if _BYLINE.match(raw) and not metadata.authors:
        metadata.authors = split_authors(cleaned.text)
    elif _DATE_ITEM.match(raw) and metadata.published is None and parse_date(cleaned.text):
        metadata.published = parse_date(cleaned.text)
    elif raw.startswith("#"):
        blocks.append(cleaned.to_block("heading"))
    elif not raw.lstrip().startswith(("- ", "* ")):
        blocks.append(cleaned.to_block("paragraph"))


def _is_credit(raw: str, text: str) -> bool:
    # A photo credit cut off from its caption by blank lines inside the caption's span.
    return "copyrightHolder" in raw and text.startswith("Credit")


def _caption(chunk: NumberedLines) -> SourceText:
    """A photo caption without its credit line ("Credit... Agence France-Presse")."""
    source = SourceText.from_lines(chunk)
    span = _CAPTION_SPAN.search(source.text)
    if span:
        start, end = span.span("keep")
        source = SourceText(source.text[start:end], source.positions[start:end])
    return clean_source(source).keep_group(_CREDIT_TAIL)


def _first_group(pattern: regex.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match.group(1) if match else None


def _publisher(footer: str) -> str | None:
    match = _COPYRIGHT.search(footer)
    if not match:
        return None
    name = " ".join(match["name"].split())
    return regex.sub(r"\s+Company$", "", name) or None
