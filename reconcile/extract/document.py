"""Extract every claim of a document: sentence by sentence, with the paragraph as context.

Context that crosses sentences, and only within limits:
- a speaker named earlier carries to "he said" in the same paragraph (or, when the paragraph opens
  with "he said", to the last speaker of the previous paragraph it continues);
- a date named earlier in the paragraph carries to sentences that name none;
- "the statement" points at the last statement the article attributed;
- an unattributed sentence takes the cue of the next sentence only when that one refers back to
  it ("a convoy of vans …" / "the convoy had been turned back, residents reported").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from reconcile.extract import attribution as attr
from reconcile.extract import speakers
from reconcile.extract import placing, timeframe
from reconcile.extract.building import Where, build_claim, source_of, time_of
from reconcile.extract.candidates import Candidate, from_hits
from reconcile.extract.figures import Figures, read_figures
from reconcile.extract.fingerprint import claim_id
from reconcile.extract.matching import find_hits
from reconcile.extract.parts import attach_parts
from reconcile.extract.reading import refine
from reconcile.models.claim import Claim
from reconcile.models.document import Document
from reconcile.models.sentence import Sentence
from reconcile.rulebook import Rulebook
from reconcile.rulebook.gate import Words


class ParagraphDates:
    """The date each sentence of a paragraph holds for: its own, else the last one named before
    it in the paragraph. Read only for the sentences that ask (those with a claim), walking back
    no further than the nearest sentence that names one."""

    _UNREAD = object()

    def __init__(self, texts: tuple[str, ...], words: list[Words], published: dt.date | None, book: Rulebook):
        self._texts, self._words, self._published, self._rules = texts, words, published, book.time
        self._own: list = [self._UNREAD] * len(texts)

    def at(self, number: int) -> dt.date | None:
        for earlier in range(number, -1, -1):
            own = self._own_date(earlier)
            if own is not None:
                return own
        return None

    def _own_date(self, number: int) -> dt.date | None:
        own = self._own[number]
        if own is self._UNREAD:
            own = self._own[number] = timeframe.sentence_date(
                self._texts[number], self._published, self._rules, self._words[number]
            )
        return own


@dataclass
class Reading:
    sentence: Sentence
    figures: Figures
    dates: ParagraphDates
    paragraph: tuple[str, ...] = ()  # the texts of its paragraph's sentences
    number: int = 0  # its place in the paragraph
    words: Words | None = None  # its words, for the cheap gates before costly scans
    candidates: dict[int, Candidate] = field(default_factory=dict)  # the figures it claims
    cues: list[attr.Cue] = field(default_factory=list)  # read only up to the last sentence needed

    @property
    def date(self) -> dt.date | None:
        return self.dates.at(self.number)

    @property
    def earlier(self) -> tuple[str, ...]:
        """The paragraph's sentences before this one."""
        return self.paragraph[: self.number]


@dataclass
class DocumentContext:
    document: Document
    book: Rulebook
    place: str | None  # the place the article is about, read once a sentence claims something
    publisher: speakers.Speaker
    memory: speakers.SpeakerMemory
    occurrences: Counter
    places: placing.PlaceReader
    words: dict[str, Words]  # each sentence's words, read once for every gate


def extract_document(document: Document, book: Rulebook) -> list[Claim]:
    from reconcile.segment import split_sentences

    return extract_sentences(document, split_sentences(document), book)


def extract_sentences(document: Document, sentences: list[Sentence], book: Rulebook) -> list[Claim]:
    words = {s.text: Words(s.text) for s in sentences}
    places = placing.PlaceReader(book, words)
    context = DocumentContext(
        document, book, None, publisher_of(document, book), speakers.SpeakerMemory(), Counter(), places, words,
    )
    blocks = [
        (block_index, _read_block(block_sentences, context))
        for block_index, block_sentences in _by_block(sentences)
    ]
    # What each sentence claims first, then where and who says it, only when something is
    # claimed. Speakers are read in order (an earlier sentence tells who "he" is), but no further
    # than the last sentence a claim needs.
    last_claim = _find_candidates(blocks, book)
    if last_claim is None:
        return []
    # The main place is counted over sentences, not whole blocks: a place name never spans
    # sentences, and the claims' places are then read from the same cached mentions.
    context.place = placing.main_place([s.text for s in sentences], places)
    _read_speakers(blocks, context, _last_needed(blocks, last_claim, document))
    claims: list[Claim] = []
    for position, (block_index, readings) in enumerate(blocks):
        for number, reading in enumerate(readings):
            if reading.candidates:
                claims.extend(_claims_of(reading, _following(blocks, position, number, document), context))
    return claims


def _find_candidates(blocks, book: Rulebook) -> tuple[int, int] | None:
    """Every sentence's candidates; where the last sentence with one is (block position, number)."""
    last = None
    for position, (_, readings) in enumerate(blocks):
        earlier_category = None  # of the paragraph's last claim so far ("Another 70 were wounded")
        for number, reading in enumerate(readings):
            reading.candidates = _candidates(reading, book, earlier_category)
            if reading.candidates:
                earlier_category = reading.candidates[max(reading.candidates)].category
                last = (position, number)
    return last


def _last_needed(blocks, last_claim: tuple[int, int], document: Document) -> tuple[int, int]:
    """The last claim's sentence, or the one after it: an unattributed claim may take its cue."""
    return _following_at(blocks, *last_claim, document) or last_claim


def _read_speakers(blocks, context: DocumentContext, until: tuple[int, int]) -> None:
    """The attribution cues of every sentence up to `until`, in order, with what each tells the
    document's memory of speakers."""
    carried: speakers.Speaker | None = None  # the last speaker of the previous paragraph
    for position, (block_index, readings) in enumerate(blocks):
        last: speakers.Speaker | None = None
        for number, reading in enumerate(readings):
            if (position, number) > until:
                return
            reading.cues = _cues(reading, context, last, carried)
            if reading.cues:
                last = reading.cues[-1].speaker
            speakers.register_appositions(reading.sentence.text, context.book, context.memory)
        if context.document.blocks[block_index].kind == "paragraph":
            carried = last


def _cues(reading: Reading, context: DocumentContext, last, carried) -> list[attr.Cue]:
    number, paragraph = reading.number, reading.paragraph
    return attr.find_cues(
        reading.sentence.text, context.book, context.memory,
        lambda: last or _named(paragraph[:number], context) or (carried if number == 0 else None),
        reading.words,
    )


def _following(blocks, position: int, number: int, document: Document) -> Reading | None:
    at = _following_at(blocks, position, number, document)
    return blocks[at[0]][1][at[1]] if at else None


def _following_at(blocks, position: int, number: int, document: Document) -> tuple[int, int] | None:
    """Where the next sentence is: in the same block, or the first of the next paragraph when
    this one ends a paragraph (a story told over two short paragraphs)."""
    block_index, readings = blocks[position]
    if number + 1 < len(readings):
        return position, number + 1
    if document.blocks[block_index].kind != "paragraph":
        return None
    for later, (later_index, later_readings) in enumerate(blocks[position + 1 :], position + 1):
        if document.blocks[later_index].kind == "paragraph" and later_readings:
            return later, 0
    return None


def publisher_of(document: Document, book: Rulebook) -> speakers.Speaker:
    raw = document.publisher or "unknown publisher"
    name = book.sources.index.resolve(raw, fuzzy=False) or raw
    role = book.sources.role(name) if name != raw or name in book.sources.index else "media"
    return speakers.Speaker(name, role, raw)


def _by_block(sentences: list[Sentence]):
    groups: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        groups.setdefault(sentence.block, []).append(sentence)
    return sorted(groups.items())


def _read_block(sentences, context: DocumentContext) -> list[Reading]:
    paragraph = tuple(s.text for s in sentences)
    all_words = [context.words[text] for text in paragraph]
    dates = ParagraphDates(paragraph, all_words, context.document.published, context.book)
    return [
        Reading(sentence, read_figures(sentence.text, context.book.lexicon), dates, paragraph, number, all_words[number])
        for number, sentence in enumerate(sentences)
    ]


def _named(earlier: tuple[str, ...], context: DocumentContext) -> speakers.Speaker | None:
    """The last person the paragraph named so far, speaking or not (looked up only when needed:
    finding names is the costly part of reading a sentence)."""
    for text in reversed(earlier):
        if not speakers.may_name_a_person(text):
            continue
        person = speakers.last_person(text, context.book, context.memory)
        if person:
            return person
    return None


def _candidates(reading: Reading, book: Rulebook, earlier_category: str | None) -> dict[int, Candidate]:
    figures = reading.figures
    if not figures.quantities:
        return {}
    # The sentence's words gate the masked text's scans too: masking only takes words away.
    found = attach_parts(figures, from_hits(figures, find_hits(figures, book, reading.words), book), book)
    return refine(figures, found, book, earlier_category, reading.words)


def _claims_of(reading: Reading, following: Reading | None, context: DocumentContext) -> list[Claim]:
    figures, candidates, book = reading.figures, reading.candidates, context.book
    text = reading.sentence.text
    mentions = context.places.mentions(text, context.place)
    published = context.document.published
    reference = reading.date or published
    windows = timeframe.find_windows(text, reference, published, book.time, reading.words)
    ids = {i: _id(context, text, figures.quantities[i].text) for i in sorted(candidates)}
    limits = _place_limits(figures, candidates)
    default = _paragraph_place(reading, context) if not mentions else context.place
    claims = []
    for index in sorted(candidates):
        candidate = candidates[index]
        quantity = figures.quantities[index]
        speaker = _speaker(reading, following, quantity.start, book)
        window = timeframe.nearest_window(windows, quantity.start)
        basis = _basis(candidate, book.categories[candidate.category].basis, window)
        claims.append(
            build_claim(
                ids[index], candidate, quantity, _where(reading, context, quantity.start),
                source_of(speaker, context.publisher),
                placing.place_for(
                    text, quantity.start, limits[index], candidate.category, mentions, book, default,
                ),
                time_of(published, reference, window, basis),
                ids.get(candidate.parent) if candidate.parent is not None else None,
            )
        )
    return claims


def _basis(candidate: Candidate, category_basis: str, window: timeframe.Window | None) -> str:
    """Its own words first ("Thousands more fled" is a flow), then its window, then its rule."""
    if candidate.flow:
        return "flow"
    if window is not None:
        return window.basis
    return candidate.basis or category_basis


def _paragraph_place(reading: Reading, context: DocumentContext) -> str | None:
    """A sentence that names no place is set where its paragraph last was, unless that place only
    contains the one the article is about ("in Aleppo" in an article about eastern Aleppo)."""
    index = context.book.places.index
    for text in reversed(reading.earlier):
        mentions = context.places.mentions(text, context.place)
        if mentions:
            named = mentions[-1].name
            if context.place and index.contains(named, context.place):
                return context.place
            return named
    return context.place


def _place_limits(figures: Figures, candidates: dict[int, Candidate]) -> dict[int, int]:
    """Where the stretch of text that can name a figure's place ends: at the next figure that is
    not one of its own parts."""
    limits = {}
    for index in candidates:
        limit = len(figures.masked)
        for later in range(index + 1, len(figures.quantities)):
            other = candidates.get(later)
            if other is not None and other.parent == index:
                continue
            limit = figures.quantities[later].start
            break
        limits[index] = limit
    return limits


def _speaker(reading: Reading, following: Reading | None, position: int, book: Rulebook):
    text = reading.sentence.text
    speaker = attr.choose(reading.cues, text, position, book)
    if speaker is None and following is not None and following.cues:
        if attr.continues_story(text, following.sentence.text):
            return following.cues[0].speaker
    return speaker


def _id(context: DocumentContext, sentence: str, figure: str) -> str:
    key = (sentence, figure)
    occurrence = context.occurrences[key]
    context.occurrences[key] += 1
    return claim_id(context.document.id, sentence, figure, occurrence)


def _where(reading: Reading, context: DocumentContext, position: int) -> Where:
    sentence = reading.sentence
    block = context.document.blocks[sentence.block]
    line, column = block.position(sentence.start + position)
    return Where(context.document.id, sentence.block, sentence.start, line, column, sentence.text.strip())


__all__ = ["Candidate", "extract_document", "extract_sentences"]
