"""What a check concludes: the findings a change creates, each anchored at the new document.

A `CheckItem` is one new finding seen from one place in a new document: that place is where an
annotation goes, and the counterpart figures in other documents are its related locations.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from reconcile.models.finding import Finding, Level, Mention


class Location(BaseModel):
    model_config = ConfigDict(frozen=True)

    doc: str
    line: int
    column: int = 1
    quote: str = ""


class Counterpart(BaseModel):
    """A conflicting figure, as the reader of the annotation needs it: who, how many, where."""

    model_config = ConfigDict(frozen=True)

    source: str
    text: str
    mentions: list[Mention]


class CheckItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule: str
    level: Level
    fingerprint: str
    title: str
    message: str
    anchor: Mention
    anchor_column: int = 1
    anchor_source: str
    counterparts: list[Counterpart]
    finding: Finding


class Suppression(BaseModel):
    """`<!-- reconcile-ignore TOKEN… -->`: covers lines first..last of one document (or all of it)."""

    model_config = ConfigDict(frozen=True)

    doc: str
    line: int
    column: int = 1
    tokens: tuple[str, ...]
    first: int
    last: int
    whole_file: bool = False

    def covers(self, doc: str, line: int) -> bool:
        return doc == self.doc and (self.whole_file or self.first <= line <= self.last)


class KnownFinding(BaseModel):
    """A finding that existed before the change; the new documents only add mentions to it."""

    model_config = ConfigDict(frozen=True)

    finding: Finding
    added: list[Mention]


class CheckResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    items: list[CheckItem]
    known: list[KnownFinding] = []
    suppressed: list[CheckItem] = []
    baselined: list[CheckItem] = []
    unused_suppressions: list[Suppression] = []
