"""Generic HTML news pages: metadata from <meta> and JSON-LD, body from <article> and <p>.

The parser never touches the network and resolves no external entities: article HTML is untrusted.
"""

from __future__ import annotations

import json

import lxml.html


from reconcile.load.dates import parse_timestamp
from reconcile.load.metadata import Metadata, dateline_of
from reconcile.load.sourcetext import folded_block
from reconcile.models.document import Block, BlockKind

# The text is already decoded, so the bytes handed to lxml are always UTF-8, whatever the page's
# own <meta charset> claims.
_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, recover=True
)
_SKIPPED = ("script", "style", "nav", "footer", "header", "aside", "noscript", "form", "template")
_BLOCK_TAGS: dict[str, BlockKind] = {
    "h1": "headline", "h2": "heading", "h3": "heading", "h4": "heading",
    "p": "paragraph", "figcaption": "caption", "li": "paragraph", "blockquote": "paragraph",
}
_FURNITURE = frozenset({"advertisement", "continue reading the main story", "supported by"})
_NEWS_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"}


def parse_html(text: str) -> tuple[Metadata, list[Block]]:
    root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    metadata = _metadata(root)
    blocks = _blocks(root)
    if metadata.title is None:
        metadata.title = next((b.text for b in blocks if b.kind == "headline"), None)
    metadata.dateline = dateline_of(blocks)
    return metadata, blocks


def _metadata(root) -> Metadata:
    meta = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        if key and element.get("content") and key not in meta:
            meta[key] = element.get("content").strip()
    metadata = Metadata(
        title=meta.get("og:title") or meta.get("twitter:title") or _text_of(root.find(".//title")),
        published=parse_timestamp(
            meta.get("article:published_time") or meta.get("datepublished") or meta.get("date")
        ),
        authors=[meta["author"]] if meta.get("author") else [],
        publisher=meta.get("og:site_name"),
        url=meta.get("og:url") or _canonical(root),
    )
    for article in _json_ld_articles(root):
        _merge_json_ld(metadata, article)
    return metadata


def _canonical(root) -> str | None:
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href")
    return None


def _json_ld_articles(root):
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        yield from _news_objects(data)


def _news_objects(data):
    if isinstance(data, list):
        for item in data:
            yield from _news_objects(item)
    elif isinstance(data, dict):
        kinds = data.get("@type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        if kinds & _NEWS_TYPES:
            yield data
        yield from _news_objects(data.get("@graph", []))


def _merge_json_ld(metadata: Metadata, article: dict) -> None:
    # JSON-LD is the page's own structured statement, so it wins over loose meta tags.
    metadata.title = _as_text(article.get("headline")) or metadata.title
    metadata.published = parse_timestamp(_as_text(article.get("datePublished"))) or metadata.published
    authors = [_name(a) for a in _as_list(article.get("author"))]
    metadata.authors = [a for a in authors if a] or metadata.authors
    metadata.publisher = _name(article.get("publisher")) or metadata.publisher
    metadata.url = _as_text(article.get("url")) or metadata.url


def _name(value) -> str | None:
    if isinstance(value, dict):
        return _as_text(value.get("name"))
    return _as_text(value)


def _as_text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _as_list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _blocks(root) -> list[Block]:
    articles = root.findall(".//article")
    scope = articles or [root.find("body") if root.find("body") is not None else root]
    blocks: list[Block] = []
    for container in scope:
        for element in container.iter(*_BLOCK_TAGS):
            if _inside_skipped(element) or _has_block_ancestor(element, container):
                continue
            block = _block(element)
            if block is not None:
                blocks.append(block)
    return blocks


def _block(element) -> Block | None:
    # Unfolded text keeps the page's own line breaks, so folding can map words to source lines.
    raw = _raw_text_of(element)
    text = " ".join(raw.split())
    if not text or text.lower() in _FURNITURE:
        return None
    return folded_block(_BLOCK_TAGS[element.tag], raw, element.sourceline or 1)


def _inside_skipped(element) -> bool:
    return any(ancestor.tag in _SKIPPED for ancestor in element.iterancestors())


def _has_block_ancestor(element, container) -> bool:
    # A <p> inside a <blockquote> or <li> is read once, as its own block.
    for ancestor in element.iterancestors():
        if ancestor is container:
            return False
        if ancestor.tag in _BLOCK_TAGS:
            return True
    return False


def _text_of(element) -> str | None:
    if element is None:
        return None
    return " ".join(_raw_text_of(element).split()) or None


def _raw_text_of(element) -> str:
    parts = [] if element.text is None else [element.text]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in ("script", "style"):
            parts.append(_raw_text_of(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)



