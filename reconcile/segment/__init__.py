"""Stage 2, segment: a Document's blocks to Sentences with offsets and source lines."""

from __future__ import annotations

from reconcile.models.document import Document
from reconcile.models.trusted import trusted
from reconcile.models.sentence import Sentence
from reconcile.segment.sentences import split_spans

__all__ = ["split_sentences", "split_spans"]


def split_sentences(document: Document) -> list[Sentence]:
    # Every field comes from a validated Document, and a large corpus has millions of sentences:
    # constructed without validating again (`trusted`: cheaper than model_construct, one shared
    # set of field names).
    sentences: list[Sentence] = []
    for block_index, block in enumerate(document.blocks):
        for index, (start, end) in enumerate(split_spans(block.text)):
            sentences.append(
                trusted(
                    Sentence,
                    doc=document.id,
                    block=block_index,
                    index=index,
                    start=start,
                    end=end,
                    text=block.text[start:end],
                    line=block.line_of(start),
                )
            )
    return sentences
