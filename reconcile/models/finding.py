"""What the reconciler concludes: figures (merged claims), topics, findings, and the JSON report.

A `Figure` is one source's figure with every place it was written (body, caption, another outlet).
A `Finding` is a verdict on figures of one topic, with a one-line reason a reader can check.
`Report` is the JSON contract of `reconcile report --format json` (DESIGN.md, "Outputs"): change its
shape only with a version bump.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from reconcile.models.claim import Basis, Claim, SourceRole
from reconcile.models.document import LoadError
from reconcile.models.quantity import Number, Unit

REPORT_VERSION = 1

Verdict = Literal["same", "agree", "update", "revision", "disagree", "not_comparable"]
# "info" marks a finding that is not a conflict (same, agree, update, not_comparable); the three
# severities are for disagreements and revisions, set from the thresholds in the configuration.
Level = Literal["info", "notice", "warning", "error"]
Grade = Literal["single", "corroborated", "contested"]

LEVEL_RANK: dict[str, int] = {"info": 0, "notice": 1, "warning": 2, "error": 3}


class Mention(BaseModel):
    """One place a figure was written: enough to send a reader back to the exact words."""

    model_config = ConfigDict(frozen=True)

    claim: str
    doc: str
    line: int
    text: str
    quote: str
    published: date | None = None
    source_raw: str = ""
    speaker: str | None = None


class Figure(BaseModel):
    """A source's figure for a topic, merged over its mentions; the interval is what they all allow.

    `source` is the name the lead mention gives (Unicef); `organisation` is what sources are
    compared as (the United Nations), for same/update/revision and for grading.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    source: str
    organisation: str = ""
    role: SourceRole
    attributed: bool = True
    text: str
    low: Number | None
    high: Number | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: Unit = "count"
    place: str | None = None
    basis: Basis = "stock"
    first: date | None = None
    last: date | None = None
    mentions: list[Mention]


class Topic(BaseModel):
    """The same thing being counted: category, subject class, unit, basis; places nested; time close."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    category: str
    subject_class: str
    whole: str
    unit: Unit
    basis: Basis | None
    places: list[str]
    first: date | None = None
    last: date | None = None
    grade: Grade = "single"
    parties: list[str] = []
    independent: list[str] = []


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    topic: Topic
    verdict: Verdict
    level: Level
    spread: float | None = None
    why: str
    figures: list[Figure]
    claims: list[str]


class Reconciliation(BaseModel):
    """The reconciler's answer: the topics that have findings, and the findings, most severe first.

    A topic with a single figure said once has nothing to report and is left out.
    """

    model_config = ConfigDict(frozen=True)

    topics: list[Topic]
    findings: list[Finding]


class DocumentRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    path: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None


class Report(BaseModel):
    """`{"version", "documents", "claims", "findings", "errors"}`: the JSON contract."""

    model_config = ConfigDict(frozen=True)

    version: int = REPORT_VERSION
    documents: list[DocumentRef]
    claims: list[Claim]
    findings: list[Finding]
    errors: list[LoadError]
