"""The shape of every rule file, as pydantic models that reject unknown keys.

Rule kinds are code (these models); rule instances are data (the TOML files in rules/).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Unit = Literal["count", "percent", "share"]
Basis = Literal["flow", "cumulative", "stock"]
Role = Literal["party", "government", "un", "humanitarian", "monitor", "media", "other"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- categories/*.toml


class ExpectedClaim(Strict):
    """One claim an example must produce; fields left out are not checked."""

    figure: str
    category: str | None = None
    subject: str | None = None
    source: str | None = None
    speaker: str | None = None
    attributed: bool | None = None
    place: str | None = None
    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    window: str | None = None
    basis: Basis | None = None
    parent: str | None = Field(default=None, description="the figure of the parent claim")


class Example(Strict):
    text: str
    date: dt.date | None = Field(default=None, description="publication date for time words")
    claims: list[ExpectedClaim] = Field(default_factory=list)
    note: str | None = None


class PatternRule(Strict):
    id: str
    pattern: str
    units: list[Unit] = Field(default_factory=lambda: ["count"])
    subject: str | None = Field(default=None, description="subject class when none is captured")
    basis: Basis | None = None
    priority: int = 50
    complement: bool = Field(
        default=False, description="the figure is what is left: 'only 10 percent left' is 90 % taken"
    )
    note: str | None = None


class KindRule(Strict):
    """A particular kind of the category's event, counted as its own subject class."""

    subject: str = Field(description="the subject class a count of this kind is given")
    pattern: str = Field(description="words that mark the kind, in the figure's own words")
    classes: list[str] = Field(
        default_factory=lambda: ["people"],
        description="the subject classes it re-classes; a count of children or fighters keeps its own",
    )
    note: str | None = None


class CategoryFile(Strict):
    category: str
    description: str
    basis: Basis
    subjects: list[str]
    frames: list[str] = Field(default_factory=list)
    triggers: dict[str, list[str]] = Field(default_factory=dict)
    patterns: list[PatternRule] = Field(default_factory=list)
    kinds: list[KindRule] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)
    counter_examples: list[Example] = Field(default_factory=list)


# ---------------------------------------------------------------- frames.toml


class Frame(Strict):
    description: str
    pattern: str
    units: list[Unit] = Field(default_factory=lambda: ["count"])
    priority: int = 50


class FramesFile(Strict):
    fragments: dict[str, str] = Field(default_factory=dict)
    frames: dict[str, Frame] = Field(default_factory=dict)


# ---------------------------------------------------------------- subjects.toml


class SubjectClass(Strict):
    words: list[str]
    civilian: bool = True
    alone_as: str | None = Field(
        default=None,
        description="the class a count of these words is compared as when it is not a part of "
        "another count ('Hundreds of civilians' alone is a count of people; '20 people, including "
        "15 civilians' keeps the civilians apart)",
    )
    note: str | None = None


class SubjectsFile(Strict):
    modifiers: int = Field(default=3, description="how many words may stand before a subject noun")
    default: str = Field(default="people", description="the class of a count with no subject word")
    bare_followers: list[str] = Field(
        default_factory=list,
        description="words that may follow a count with no subject; any other word means the "
        "count is of something else ('two encircled enclaves')",
    )
    classes: dict[str, SubjectClass] = Field(default_factory=dict)


# ---------------------------------------------------------------- sources.toml


class SourceEntry(Strict):
    name: str
    role: Role
    aliases: list[str] = Field(default_factory=list)
    parent: str | None = None


class AttributionCues(Strict):
    verbs: list[str] = Field(default_factory=list)
    according: list[str] = Field(default_factory=list)
    put_number: list[str] = Field(default_factory=list)
    pronouns: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)


class SourcesFile(Strict):
    fuzzy_threshold: int = 90
    attribution: AttributionCues = Field(default_factory=AttributionCues)
    sources: list[SourceEntry] = Field(default_factory=list)


# ---------------------------------------------------------------- places.toml


class PlaceEntry(Strict):
    name: str
    parent: str | None = None
    aliases: list[str] = Field(default_factory=list)
    descriptors: list[str] = Field(
        default_factory=list,
        description="words that mean this place inside an article about its parent "
        "('rebel-held districts' in an article about Aleppo)",
    )


class PlacesFile(Strict):
    fuzzy_threshold: int = 90
    places: list[PlaceEntry] = Field(default_factory=list)


# ---------------------------------------------------------------- time.toml


class WindowRule(Strict):
    id: str
    pattern: str
    basis: Basis
    days: int | None = Field(default=None, description="fixed length, or read from (?P<count>)")
    since_weekday: bool = False
    window: str | None = Field(default=None, description="the window's name; default: the words")


class FlowCue(Strict):
    id: str
    pattern: str = Field(
        description="words that make a running total's count a flow; may use {quantity} (then it "
        "must be the figure itself), the category's trigger lists and {any_trigger}"
    )
    refers_back: bool = Field(
        default=False,
        description="the cue says the figure adds to a count named before it ('thousands more'); "
        "when the nearest such count is of another category ('five were killed and dozens more "
        "wounded'), the figure adds to that one, not to its own total, and the cue does not apply",
    )
    note: str | None = None


class TimeFile(Strict):
    number_words: dict[str, int] = Field(default_factory=dict)
    unit_days: dict[str, float] = Field(default_factory=dict)
    next_day_allowed: bool = True
    windows: list[WindowRule] = Field(default_factory=list)
    flow_cues: list[FlowCue] = Field(default_factory=list)
