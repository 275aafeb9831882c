"""Plain text and Markdown articles, with an optional `Title:` / `Date:` / `Source:` / `URL:` header."""

from __future__ import annotations

import regex

from reconcile.load.chunks import clean_chunk, numbered, raw_text, split_chunks
from reconcile.load.dates import parse_date
from reconcile.load.metadata import Metadata, dateline_of, split_authors
from reconcile.load.sourcetext import folded_block
from reconcile.models.document import Block

_HEADER_LINE = regex.compile(r"^(?P<key>title|date|source|publisher|url|author|authors|by)\s*:\s*(?P<value>.*\S)\s*$", regex.I)
_LONE_IMAGE = regex.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$", regex.S)


def parse_plaintext(text: str, *, markdown: bool) -> tuple[Metadata, list[Block]]:
    lines = numbered(text)
    metadata, body_start = _read_header(lines)
    blocks: list[Block] = []
    for chunk in split_chunks(lines[body_start:]):
        block = _markdown_block(chunk) if markdown else _text_block(chunk)
        if block is None:
            continue
        if block.kind == "headline":
            metadata.title = metadata.title or block.text
        blocks.append(block)
    metadata.dateline = dateline_of(blocks)
    return metadata, blocks


def _read_header(lines: list[tuple[int, str]]) -> tuple[Metadata, int]:
    metadata = Metadata()
    index = 0
    while index < len(lines) and (match := _HEADER_LINE.match(lines[index][1])):
        _apply_header(metadata, match["key"].lower(), match["value"])
        index += 1
    return metadata, index


def _apply_header(metadata: Metadata, key: str, value: str) -> None:
    if key == "title":
        metadata.title = value
    elif key == "date":
        metadata.published = parse_date(value)
    elif key in ("source", "publisher"):
        metadata.publisher = value
    elif key == "url":
        metadata.url = value
    else:
        metadata.authors = split_authors(value)


def _text_block(chunk: list[tuple[int, str]]) -> Block | None:
    return folded_block("paragraph", raw_text(chunk), chunk[0][0])


def _markdown_block(chunk: list[tuple[int, str]]) -> Block | None:
    raw = raw_text(chunk)
    cleaned = clean_chunk(chunk)
    if not cleaned.text:
        return None
    if raw.startswith("# "):
        return cleaned.to_block("headline")
    if regex.match(r"#{2,6} ", raw):
        return cleaned.to_block("heading")
    if _LONE_IMAGE.match(raw):
        return cleaned.to_block("caption")
    return cleaned.to_block("paragraph")
