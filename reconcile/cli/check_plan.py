"""What a `reconcile check` run will look at, worked out from the arguments, the configuration
and git before anything is extracted: the corpus root and files, the changed files, the rules."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.cache import ClaimCache
from reconcile.check import Suppression, parse_suppressions
from reconcile.cli.check_corpus import (
    CorpusFile,
    Extraction,
    Scope,
    as_corpus_file,
    corpus_files,
    extract_bytes,
    extract_corpus,
)
from reconcile.cli.check_git import GitError, changed_files, comparison_base, file_at, repository_root
from reconcile.config import ConfigError, LoadedConfig, find_config, load_config
from reconcile.group import PlaceHierarchy, SourceHierarchy
from reconcile.load import CsvColumns, LoadFailure
from reconcile.models.claim import Claim
from reconcile.models.document import LoadError
from reconcile.rulebook import RuleError, Rulebook, load_rulebook


class CheckAborted(Exception):
    """The run cannot go on (exit 2); the message says what to fix."""


@dataclass
class CheckedCorpus:
    extraction: Extraction
    before: list[Claim]
    after: list[Claim]
    checked_docs: frozenset[str]
    suppressions: list[Suppression]
    checked_errors: list[LoadError]
    other_errors: list[LoadError]


@dataclass(frozen=True)
class OldVersion:
    """Where a changed file's previous content is: a git revision and the path in it."""

    revision: str
    path: str


@dataclass
class CheckPlan:
    config: LoadedConfig
    root: Path  # document ids, the cache and display paths are relative to it
    files: dict[str, CorpusFile]
    checked: dict[str, OldVersion | None]  # corpus key -> its content before the change (None: added)
    book: Rulebook
    csv: CsvColumns | None
    max_size: int
    jobs: int = 1
    repository: Path | None = None
    baseline: Path | None = None
    walk_errors: list[LoadError] = field(default_factory=list)
    missing_new: list[LoadError] = field(default_factory=list)

    @property
    def settings(self):
        return self.config.settings

    @property
    def places(self) -> PlaceHierarchy:
        return PlaceHierarchy(self.book.places.index.parents)

    @property
    def sources(self) -> SourceHierarchy:
        return SourceHierarchy(self.book.sources.index.parents)

    @property
    def display_root(self) -> Path:
        """Paths in annotations and SARIF are relative to the repository (GitHub resolves them so)."""
        return self.repository or Path.cwd()

    def extract(self, cache: ClaimCache) -> CheckedCorpus:
        scope = Scope(checked=self.checked, places=self.places, default_whole=self.settings.reconcile_config().default_whole)
        extraction = extract_corpus(
            self.files.values(), self.root, self.book, cache, self.csv, self.max_size, scope, self.jobs
        )
        errors = self.walk_errors + extraction.errors
        checked_paths = {str(self.files[key].path) for key in self.checked}
        checked_errors = self.missing_new + [e for e in errors if e.path in checked_paths]
        unchanged = [key for key in extraction.files if key not in self.checked]
        return CheckedCorpus(
            extraction=extraction,
            before=extraction.claims(unchanged) + self._old_versions(),
            after=extraction.claims(),
            checked_docs=frozenset(
                document.ref.id for key in self.checked if key in extraction.files
                for document in extraction.files[key].documents
            ),
            suppressions=self._suppressions(extraction),
            checked_errors=checked_errors,
            other_errors=[e for e in errors if e.path not in checked_paths],
        )

    def _old_versions(self) -> list[Claim]:
        """What modified files said at the base: their claims belong to the corpus before."""
        claims: list[Claim] = []
        for key, old in self.checked.items():
            if old is None or self.repository is None:
                continue
            try:
                data = file_at(self.repository, old.revision, old.path)
                claims += extract_bytes(data, key, f"{old.revision[:12]}:{old.path}", self.book, self.csv).claims
            except (GitError, LoadFailure):
                continue  # unreadable before the change: everything in it counts as new
            except Exception:  # noqa: BLE001 - an extractor fault on the old text: same as unreadable
                continue
        return claims

    def _suppressions(self, extraction: Extraction) -> list[Suppression]:
        found: list[Suppression] = []
        for key in self.checked:
            entry = extraction.files.get(key)
            if entry is None or len(entry.documents) != 1 or "#" in entry.documents[0].ref.id:
                continue  # CSV rows have no lines of their own to carry a comment
            text = self.files[key].path.read_bytes().decode("utf-8", "replace")
            found += parse_suppressions(entry.documents[0].ref.id, text)
        return found


def plan_check(args: argparse.Namespace, csv: CsvColumns | None) -> CheckPlan:
    if not args.new and not args.base:
        raise CheckAborted("nothing to check: give NEW documents, or --base REF to check what changed since REF")
    config = _config(args)
    repository = _repository(args)
    root, sources = _corpus(args, config, repository)
    walk_errors: list[LoadError] = []
    files = corpus_files(sources, root, walk_errors)
    plan = CheckPlan(
        config=config, root=root, files=files, checked={}, book=_rulebook(args, config), csv=csv,
        max_size=args.max_size, jobs=args.jobs, repository=repository, baseline=_baseline_path(args, config),
        walk_errors=walk_errors,
    )
    if args.base:
        _add_changes(plan, args.base)
    _add_new_paths(plan, args.new)
    return plan


def _config(args: argparse.Namespace) -> LoadedConfig:
    try:
        if args.config:
            return load_config(Path(args.config))
        return load_config(find_config(Path(args.corpus or ".")))
    except ConfigError as error:
        raise CheckAborted(str(error)) from None


def _repository(args: argparse.Namespace) -> Path | None:
    try:
        return repository_root(Path(args.corpus or "."))
    except GitError as error:
        if args.base:
            raise CheckAborted(f"--base needs a git repository: {error}") from None
        return None


def _corpus(args, config: LoadedConfig, repository: Path | None) -> tuple[Path, list[Path]]:
    if args.corpus:
        root = Path(args.corpus)
        if not root.is_dir():
            raise CheckAborted(f"--corpus {args.corpus}: not a folder")
        return root.resolve(), [root.resolve()]
    if config.settings.corpus:
        sources = [config.resolve(path).resolve() for path in config.settings.corpus]
        for source in sources:
            if not source.exists():
                raise CheckAborted(f"{config.file}: corpus path {source} does not exist")
        return config.folder.resolve(), sources
    root = (repository or Path.cwd()).resolve()
    return root, [root]


def _rulebook(args, config: LoadedConfig) -> Rulebook:
    folder = args.rules or (str(config.resolve(config.settings.rules)) if config.settings.rules else None)
    try:
        return load_rulebook(folder)
    except RuleError as error:
        raise CheckAborted(f"bad rules: {error}") from None


def _baseline_path(args, config: LoadedConfig) -> Path | None:
    if args.baseline:
        return Path(args.baseline)
    if config.settings.baseline:
        path = config.resolve(config.settings.baseline)
        # A configured baseline that has not been written yet accepts nothing.
        return path if path.exists() else None
    return None


def _add_changes(plan: CheckPlan, ref: str) -> None:
    try:
        base = comparison_base(plan.repository, ref)
        changes = changed_files(plan.repository, base)
    except GitError as error:
        raise CheckAborted(f"--base {ref}: {error}") from None
    for status, path in changes:
        corpus_file = as_corpus_file(plan.repository / path, plan.root)
        if corpus_file.key in plan.files:  # a change outside the corpus (code, CI) is not an article
            plan.checked[corpus_file.key] = OldVersion(base, path) if status == "M" else None


def _add_new_paths(plan: CheckPlan, paths: list[str]) -> None:
    for given in paths:
        found = corpus_files([Path(given)], plan.root, plan.missing_new)
        for key, corpus_file in found.items():
            plan.files.setdefault(key, corpus_file)
            plan.checked.setdefault(key, _edited_since_commit(plan.repository, corpus_file.path))


def _edited_since_commit(repository: Path | None, file: Path) -> OldVersion | None:
    """A named file with uncommitted edits (a pre-commit hook's case) is checked like --base HEAD:
    only what the edit changes is new. A committed, unedited file is checked whole, as asked."""
    if repository is None:
        return None
    try:
        path = file.resolve().relative_to(repository.resolve()).as_posix()
        committed = file_at(repository, "HEAD", path)
        current = file.read_bytes()
    except (ValueError, OSError, GitError):
        return None
    return OldVersion("HEAD", path) if committed != current else None
