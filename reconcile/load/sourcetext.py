"""Text that remembers, for every character, the source line and column it came from.

Loaders clean text (drop tags, reduce Markdown links to their words, fold whitespace) and still
have to point a reader back at the exact line of the file; a SourceText carries the positions
through each cleaning step and turns them into a Block's compact anchors at the end.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import regex

from reconcile.models.document import Block, BlockKind, SourceAnchor

_WHITESPACE_RUN = regex.compile(r"\s+")
# A whitespace run that folding changes: anything but one plain space, which stays as it is.
_FOLDED_RUN = regex.compile(r" \s+|[^\S ]\s*")
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True)
class SourceText:
    text: str
    positions: tuple[tuple[int, int], ...]  # (line, column) of each character, 1-based

    @classmethod
    def from_lines(cls, numbered_lines: list[tuple[int, str]]) -> SourceText:
        chars: list[str] = []
        positions: list[tuple[int, int]] = []
        for index, (line_number, line) in enumerate(numbered_lines):
            if index:
                chars.append("\n")
                positions.append((line_number - 1, 1 + len(numbered_lines[index - 1][1])))
            chars.append(line)
            positions.extend((line_number, column) for column in range(1, len(line) + 1))
        return cls("".join(chars), tuple(positions))

    def keep_group(self, pattern: regex.Pattern, group: str | int | None = None) -> SourceText:
        """Replace each match by one of its groups (or by nothing), keeping source positions."""
        pieces: list[tuple[int, int]] = []
        cursor = 0
        for match in pattern.finditer(self.text):
            pieces.append((cursor, match.start()))
            if group is not None and match.group(group) is not None:
                pieces.append(match.span(group))
            cursor = match.end()
        pieces.append((cursor, len(self.text)))
        return self._from_pieces(pieces)

    def unescape_entities(self) -> SourceText:
        chars: list[str] = []
        positions: list[tuple[int, int]] = []
        cursor = 0
        for match in _ENTITY.finditer(self.text):
            chars.append(self.text[cursor : match.start()])
            positions.extend(self.positions[cursor : match.start()])
            replacement = html.unescape(match.group())
            chars.append(replacement)
            positions.extend([self.positions[match.start()]] * len(replacement))
            cursor = match.end()
        chars.append(self.text[cursor:])
        positions.extend(self.positions[cursor:])
        return SourceText("".join(chars), tuple(positions))

    def fold_whitespace(self) -> SourceText:
        """Collapse each run of whitespace to one space and trim both ends."""
        chars: list[str] = []
        positions: list[tuple[int, int]] = []
        cursor = 0
        for match in _WHITESPACE_RUN.finditer(self.text):
            chars.append(self.text[cursor : match.start()])
            positions.extend(self.positions[cursor : match.start()])
            if match.start() > 0 and match.end() < len(self.text):
                chars.append(" ")
                positions.append(self.positions[match.start()])
            cursor = match.end()
        chars.append(self.text[cursor:])
        positions.extend(self.positions[cursor:])
        return SourceText("".join(chars), tuple(positions))

    def to_block(self, kind: BlockKind) -> Block:
        return Block(
            kind=kind,
            text=self.text,
            line=self.positions[0][0] if self.positions else 1,
            anchors=anchors_from_positions(self.positions),
        )

    def _from_pieces(self, pieces: list[tuple[int, int]]) -> SourceText:
        text = "".join(self.text[start:end] for start, end in pieces)
        positions = tuple(p for start, end in pieces for p in self.positions[start:end])
        return SourceText(text, positions)


def anchors_from_positions(positions: tuple[tuple[int, int], ...]) -> list[SourceAnchor]:
    """One anchor wherever the text stops being a verbatim copy of the previous source column."""
    anchors: list[SourceAnchor] = []
    previous: tuple[int, int] | None = None
    for offset, (line, column) in enumerate(positions):
        if previous is None or (line, column) != (previous[0], previous[1] + 1):
            anchors.append(SourceAnchor(offset=offset, line=line, column=column))
        previous = (line, column)
    return anchors


def folded_block(kind: BlockKind, text: str, first_line: int) -> Block | None:
    """A block from verbatim text (plain text, CSV cells), folding whitespace without a char map.

    Faster than SourceText for large corpora: an anchor is made only where folding moves text.
    """
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    if not body:
        return None
    line = first_line + text.count("\n", 0, lead)
    column = lead - (text.rfind("\n", 0, lead) + 1) + 1
    anchors = [SourceAnchor(offset=0, line=line, column=column)]
    anchor_at = 0  # offset in `body` of the last anchor, whose column is `column`
    pieces: list[str] = []
    cursor = out = 0
    # Single spaces are copied with the words around them: most news text has nothing else.
    for match in _FOLDED_RUN.finditer(body):
        word = body[cursor : match.start()]
        pieces.append(word)
        pieces.append(" ")
        out += len(word) + 1
        run = match.group()
        cursor = match.end()
        if "\n" in run:
            line += run.count("\n")
            column = len(run) - run.rfind("\n")
        else:
            column += cursor - anchor_at
        anchor_at = cursor
        anchors.append(SourceAnchor.model_construct(offset=out, line=line, column=column))
    pieces.append(body[cursor:])
    return Block(kind=kind, text="".join(pieces), line=anchors[0].line, anchors=anchors)
