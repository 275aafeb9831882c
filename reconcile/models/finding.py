"""What the reconciler concludes: figures (merged claims), topics, findings, and the JSON report.

A `Figure` is one source's figure with every place it was written (body, caption, another outlet).
A `Finding` is a verdict on figures of one topic, with a one-line reason a reader can check.
`Report` is the JSON contract of `reconcile report --format json` (DESIGN.md, "Outputs"): change its
shape only with a version bump.
"""

from __future__ import annotations

import hashlib
from dataclasses import field
from datetime import date
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter
from pydantic.dataclasses import dataclass

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


class _Record:
    """The output records (mentions, figures, topics, findings) are slotted pydantic dataclasses:
    pydantic models that hold them validate and serialise them as BaseModels were, but a record
    is a quarter of a BaseModel's size (no per-instance dict), and a million-claim run holds
    millions of them. `model_dump` is kept for callers of the BaseModel API.

    They are read-only by convention, not frozen: the reconciler builds them with plain slot
    assignment on a bare instance (`blank`), without validation (its values come from claims
    pydantic has validated), and a frozen dataclass refuses plain assignment. Mentions stay
    hashable; the others hold lists, so never were."""

    __slots__ = ()

    def model_dump(self, **options) -> dict:
        return _adapter(type(self)).dump_python(self, **options)

    @classmethod
    def blank(cls):
        """An instance with no field set yet: the caller sets every one."""
        return object.__new__(cls)


@lru_cache(maxsize=None)
def _adapter(cls: type) -> TypeAdapter:
    return TypeAdapter(cls)


class _WrittenOnRead:
    """A text field that may hold the recipe for its text until read: `(writer, *arguments)`, or
    an object whose `write(record)` writes it from the record (one such recipe serves every
    finding whose reason reads only the finding itself, as a pair's does).

    Most findings of a large run are never read by a person; their reasons would be hundreds of
    megabytes of text. The recipe is a small tuple of references to records that exist anyway."""

    def __init__(self, slot) -> None:
        self.slot = slot

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.slot.__get__(instance, owner)
        if type(value) is str:
            return value
        if type(value) is tuple:
            return value[0](*value[1:])
        return value.write(instance)  # a recipe shared by many findings, told which one reads it

    def __set__(self, instance, value) -> None:
        self.slot.__set__(instance, value)


class _DerivedWhenNone:
    """A field left as None until read, then derived from the record: a finding's id (a hash of
    its verdict and figure ids) and its claims (the ids of its figures' mentions, sorted: that is
    what every finding's claims are). A million-finding run holds no string and no list for them."""

    def __init__(self, slot, derive) -> None:
        self.slot = slot
        self.derive = derive

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.slot.__get__(instance, owner)
        if value is None:
            return self.derive(instance)
        return value

    def __set__(self, instance, value) -> None:
        self.slot.__set__(instance, value)


def finding_id(verdict: str, figures: list[Figure]) -> str:
    """blake2b of the repr of (verdict, *figure ids), the repr written out: verdicts and figure
    ids (hex digests) hold no quotes or backslashes."""
    words = "', '".join([verdict, *(figure.id for figure in figures)])
    return hashlib.blake2b(f"('{words}')".encode(), digest_size=8).hexdigest()


RECORD = dict(slots=True, kw_only=True)


@dataclass(**RECORD, unsafe_hash=True)
class Mention(_Record):
    """One place a figure was written: enough to send a reader back to the exact words."""

    claim: str
    doc: str
    line: int
    text: str
    quote: str
    published: date | None = None
    source_raw: str = ""
    speaker: str | None = None


@dataclass(**RECORD)
class Figure(_Record):
    """A source's figure for a topic, merged over its mentions; the interval is what they all allow.

    `source` is the name the lead mention gives (Unicef); `organisation` is what sources are
    compared as (the United Nations), for same/update/revision and for grading.
    """

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


@dataclass(**RECORD)
class Topic(_Record):
    """The same thing being counted: category, subject class, unit, basis; places nested; time close."""

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
    parties: list[str] = field(default_factory=list)
    independent: list[str] = field(default_factory=list)


@dataclass(**RECORD)
class Finding(_Record):
    """A verdict on figures of one topic, with a one-line reason a reader can check.

    `id`, `why` and `claims` may be left to be written when read: `unwritten_finding` stores None
    for the id (then a hash of verdict and figure ids) and the reason's recipe for `why`;
    `forget_claims` None for the claims (then the figures' mentions' claim ids, sorted)."""

    id: str
    topic: Topic
    verdict: Verdict
    level: Level
    spread: float | None = None
    why: str
    figures: list[Figure]
    claims: list[str]


Finding.why = _WrittenOnRead(Finding.__dict__["why"])
Finding.id = _DerivedWhenNone(Finding.__dict__["id"], lambda finding: finding_id(finding.verdict, finding.figures))
Finding.claims = _DerivedWhenNone(Finding.__dict__["claims"], lambda finding: claims_of(finding.figures))
_SET_ID = Finding.id.slot.__set__
_SET_WHY = Finding.why.slot.__set__
_SET_CLAIMS = Finding.claims.slot.__set__
_GET_CLAIMS = Finding.claims.slot.__get__


def claims_of(figures: list[Figure]) -> list[str]:
    return sorted(mention.claim for figure in figures for mention in figure.mentions)


def claims_sort_key(finding: Finding):
    """What the claims slot holds while the reconciler sorts a bucket's findings (its claims, or
    a key that sorts as they do), read without deriving anything."""
    return _GET_CLAIMS(finding)


def forget_claims(finding: Finding) -> None:
    """Drop the finding's list of claims: read again, it is derived from its figures (claims_of)."""
    _SET_CLAIMS(finding, None)


def unwritten_finding(topic: Topic, verdict: str, level: str, spread: float | None, reason, figures: list[Figure],
                      claims) -> Finding:
    """A finding, every slot set straight (no validation, no descriptor call): no id yet, the
    reason's recipe, and `claims` (the claims, or their sort key until `forget_claims`)."""
    finding = _NEW(Finding)
    _SET_ID(finding, None)
    _SET_WHY(finding, reason)
    _SET_CLAIMS(finding, claims)
    finding.topic = topic
    finding.verdict = verdict
    finding.level = level
    finding.spread = spread
    finding.figures = figures
    return finding


_NEW = object.__new__


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
