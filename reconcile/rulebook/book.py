"""Load the rulebook: built-in rules plus a user's folder that adds to or overrides them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reconcile.builtin_rules import builtin_rules_dir
from reconcile.rulebook.categories import CategoryGates, CompiledCategory, compile_category
from reconcile.rulebook.errors import RuleError
from reconcile.rulebook.files import read_model, shown_name
from reconcile.rulebook.places import Gazetteer
from reconcile.rulebook.schema import (
    CategoryFile, FramesFile, PlacesFile, SourcesFile, SubjectsFile, TimeFile,
)
from reconcile.rulebook.sources import SourceBook
from reconcile.rulebook.subjects import SubjectVocabulary
from reconcile.rulebook.timerules import TimeRules

if TYPE_CHECKING:
    from reconcile.numbers.lexicon import Lexicon

SHARED_FILES = ("frames.toml", "subjects.toml", "sources.toml", "places.toml", "time.toml")


@dataclass
class Rulebook:
    categories: dict[str, CompiledCategory]
    subjects: SubjectVocabulary
    sources: SourceBook
    places: Gazetteer
    time: TimeRules
    lexicon: Lexicon
    hash: str
    files: list[str] = field(default_factory=list)
    # the categories' gates, asked together once per sentence (built from `categories`)
    category_gates: CategoryGates | None = None

    def __post_init__(self) -> None:
        if self.category_gates is None:
            self.category_gates = CategoryGates.of(self.categories.values())


@dataclass
class _Folder:
    root: Path
    label: str

    def path(self, name: str) -> Path:
        return self.root / name

    def shown(self, path: Path) -> str:
        return shown_name(path, self.root, self.label)


def load_rulebook(user_dir: Path | str | None = None) -> Rulebook:
    """Read, validate and compile every rule file. Raises RuleError on the first bad one."""
    folders = [_Folder(builtin_rules_dir(), "built-in")]
    if user_dir is not None:
        user = Path(user_dir)
        if not user.is_dir():
            raise RuleError(str(user), "", "not a folder of rule files")
        folders.append(_Folder(user, "user"))
    digest = hashlib.sha256()
    files: list[str] = []
    frames = _merged_frames(folders, digest, files)
    subjects = _merged_subjects(folders, digest, files)
    sources, sources_file = _merged_sources(folders, digest, files)
    places, places_file = _merged_places(folders, digest, files)
    time, time_file = _merged_time(folders, digest, files)
    lexicon = _lexicon(folders, digest, files)
    vocabulary = SubjectVocabulary(subjects, frames.fragments.get("modifier", r"[\w’'-]+"))
    category_files = _category_files(folders, digest, files)
    trigger_names = frozenset(n for rules, _ in category_files.values() for n in rules.triggers)
    categories = {
        name: compile_category(rules, shown, frames, vocabulary, trigger_names, tuple(time.flow_cues))
        for name, (rules, shown) in sorted(category_files.items())
    }
    return Rulebook(
        categories=categories,
        subjects=vocabulary,
        sources=SourceBook(sources, sources_file),
        places=Gazetteer(places, places_file),
        time=TimeRules(time, time_file),
        lexicon=lexicon,
        hash=digest.hexdigest()[:16],
        files=files,
    )


def _lexicon(folders, digest, files) -> Lexicon:
    """The number grammar's lexicon: the user's quantities.toml when the folder has one (it
    replaces the built-in file, or extends it with `extends = "builtin"`), else the built-in one.
    Every copy read goes into the hash, so cached claims are re-extracted when it changes."""
    # Imported here: the number grammar imports rulebook.errors, so a module-level import
    # would make the two packages import each other while half-initialised.
    from reconcile.numbers.lexicon import FILE_NAME, load_lexicon

    chosen = None
    for folder in folders:
        path = folder.path(FILE_NAME)
        if path.is_file():
            shown = folder.shown(path)
            digest.update(shown.encode() + b"\0" + path.read_bytes())
            files.append(shown)
            chosen = folder
    if chosen is None:
        raise RuleError(f"rules/{FILE_NAME}", "", "the file is missing from the built-in rules")
    return load_lexicon(None if chosen is folders[0] else chosen.path(FILE_NAME))


def _read_all(folders, name, model, digest, files):
    """Every folder's copy of one shared file, built-in first, with the name it is shown as."""
    found = []
    for folder in folders:
        path = folder.path(name)
        if path.is_file():
            shown = folder.shown(path)
            digest.update(shown.encode() + b"\0" + path.read_bytes())
            files.append(shown)
            found.append((read_model(path, model, shown), shown))
    if not found:
        raise RuleError(f"rules/{name}", "", "the file is missing from the built-in rules")
    return found


def _merged_frames(folders, digest, files) -> FramesFile:
    fragments: dict = {}
    frames: dict = {}
    for rules, _ in _read_all(folders, "frames.toml", FramesFile, digest, files):
        fragments.update(rules.fragments)
        frames.update(rules.frames)
    return FramesFile.model_construct(fragments=fragments, frames=frames)


def _merged_subjects(folders, digest, files) -> SubjectsFile:
    found = _read_all(folders, "subjects.toml", SubjectsFile, digest, files)
    classes: dict = {}
    for rules, _ in found:
        classes.update(rules.classes)
    last = found[-1][0]
    followers = [w for rules, _ in found for w in rules.bare_followers]
    for rules, shown in found:
        for name, subject_class in rules.classes.items():
            if subject_class.alone_as is not None and subject_class.alone_as not in classes:
                raise RuleError(shown, f"classes.{name}.alone_as", f"unknown subject class {subject_class.alone_as!r}")
    return SubjectsFile.model_construct(
        modifiers=last.modifiers, default=last.default, bare_followers=followers, classes=classes
    )


def _check_nesting(found, list_key: str) -> None:
    """Every parent names an entry of some file; errors point at the file that holds the entry."""
    names = {entry.name for rules, _ in found for entry in getattr(rules, list_key)}
    for rules, shown in found:
        seen: set[str] = set()
        for index, entry in enumerate(getattr(rules, list_key)):
            if entry.parent is not None and entry.parent not in names:
                raise RuleError(shown, f"{list_key}[{index}].parent", f"no entry named {entry.parent!r}")
            if entry.name in seen:
                raise RuleError(shown, f"{list_key}[{index}].name", f"{entry.name!r} is listed twice")
            seen.add(entry.name)


def _merged_sources(folders, digest, files) -> tuple[SourcesFile, str]:
    found = _read_all(folders, "sources.toml", SourcesFile, digest, files)
    _check_nesting(found, "sources")
    for rules, shown in found:
        SourceBook.check_cues(rules, shown)
    entries: dict = {}
    for rules, _ in found:
        entries.update({s.name: s for s in rules.sources})
    last = found[-1][0]
    cues = last.attribution if "attribution" in last.model_fields_set else found[0][0].attribution
    merged = SourcesFile.model_construct(
        fuzzy_threshold=last.fuzzy_threshold, attribution=cues, sources=list(entries.values())
    )
    return merged, found[-1][1]


def _merged_places(folders, digest, files) -> tuple[PlacesFile, str]:
    found = _read_all(folders, "places.toml", PlacesFile, digest, files)
    _check_nesting(found, "places")
    entries: dict = {}
    for rules, _ in found:
        entries.update({p.name: p for p in rules.places})
    merged = PlacesFile.model_construct(
        fuzzy_threshold=found[-1][0].fuzzy_threshold, places=list(entries.values())
    )
    return merged, found[-1][1]


def _merged_time(folders, digest, files) -> tuple[TimeFile, str]:
    found = _read_all(folders, "time.toml", TimeFile, digest, files)
    for rules, shown in found:
        TimeRules.check(rules, shown)
    base = found[0][0]
    number_words = dict(base.number_words)
    unit_days = dict(base.unit_days)
    windows = {w.id: w for w in base.windows}
    cues = {c.id: c for c in base.flow_cues}
    for rules, _ in found[1:]:
        number_words.update(rules.number_words)
        unit_days.update(rules.unit_days)
        windows.update({w.id: w for w in rules.windows})
        cues.update({c.id: c for c in rules.flow_cues})
    merged = TimeFile.model_construct(
        number_words=number_words, unit_days=unit_days,
        next_day_allowed=found[-1][0].next_day_allowed, windows=list(windows.values()),
        flow_cues=list(cues.values()),
    )
    return merged, found[-1][1]


def _category_files(folders, digest, files) -> dict[str, tuple[CategoryFile, str]]:
    """One file per category; a user's file for the same category replaces the built-in one."""
    by_category: dict[str, tuple[CategoryFile, str]] = {}
    for folder in folders:
        directory = folder.path("categories")
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            shown = folder.shown(path)
            digest.update(shown.encode() + b"\0" + path.read_bytes())
            files.append(shown)
            rules = read_model(path, CategoryFile, shown)
            by_category[rules.category] = (rules, shown)
    if not by_category:
        raise RuleError("rules/categories", "", "no category files found")
    return by_category
