"""Where `reconcile check` writes: stdout in the chosen format, the extra output files, and the
GitHub job summary (annotations show only the first few; the summary shows everything)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path

from reconcile.check import CheckResult
from reconcile.cli.check_output import (
    check_report,
    cited_documents,
    default_format,
    render_check_json,
    render_check_markdown,
    render_check_terminal,
    render_ci,
)
from reconcile.cli.check_plan import CheckAborted, CheckedCorpus, CheckPlan
from reconcile.cli.output import stdout_console


class _DisplayPaths(Mapping[str, str]):
    """Documents' paths relative to the repository, worked out only for the few a report names
    (resolving every path of a 5,000-document corpus would cost more than the warm check)."""

    def __init__(self, files: dict[str, Path], root: Path) -> None:
        self._files = files
        self._root = root.resolve()
        self._known: dict[str, str] = {}

    def __getitem__(self, doc: str) -> str:
        if doc not in self._known:
            self._known[doc] = _relative(self._files[doc], self._root)
        return self._known[doc]

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


class _Outputs:
    def __init__(self, plan: CheckPlan, corpus: CheckedCorpus, result: CheckResult) -> None:
        self.plan = plan
        self.result = result
        self.checked = sorted(corpus.checked_docs)
        self.corpus = corpus
        self.files = corpus.extraction.doc_files()
        self.paths = _DisplayPaths(self.files, plan.display_root)

    @cached_property
    def report(self):
        """The JSON contract's view of the results: for json, markdown and the terminal only (the CI
        formats need none of it, and it walks every claim and cited document)."""
        corpus = self.corpus
        documents = [document.ref for document in corpus.extraction.documents(cited_documents(self.result))]
        return check_report(self.result, documents, corpus.after, corpus.other_errors)

    def text(self, fmt: str) -> str:
        if fmt == "json":
            return render_check_json(self.result, self.report, self.checked)
        if fmt == "markdown":
            return self.markdown(None, charts=False)[0]  # stdout cannot carry the chart files
        return render_ci(fmt, self.result, self.paths, self.plan.display_root.resolve().as_uri())

    def markdown(self, target: Path | None, charts: bool = True):
        folder = (target.parent if target else Path.cwd()).resolve()

        def link(doc: str, line: int) -> str | None:
            file = self.files.get(doc)
            return f"{_relative(file, folder)}#L{line}" if file else None

        chart_dir = (f"{target.stem}-charts" if target else "reconcile-charts") if charts else None
        return render_check_markdown(self.result, self.report, self.paths, link, chart_dir, len(self.checked))

    def summary_markdown(self) -> str:
        server, repository, sha = (os.environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))

        def link(doc: str, line: int) -> str | None:
            if not (server and repository and sha) or doc not in self.paths:
                return None
            return f"{server}/{repository}/blob/{sha}/{self.paths[doc]}#L{line}"

        text, _ = render_check_markdown(self.result, self.report, self.paths, link, None, len(self.checked))
        return text


def write_outputs(plan: CheckPlan, corpus: CheckedCorpus, result: CheckResult, args: argparse.Namespace) -> None:
    """Files first: a closed pipe on stdout (`| head`) must not cost the SARIF or the summary."""
    outputs = _Outputs(plan, corpus, result)
    if args.output_sarif:
        _write(Path(args.output_sarif), outputs.text("sarif"))
    if args.output_json:
        _write(Path(args.output_json), outputs.text("json"))
    if args.output_markdown:
        target = Path(args.output_markdown)
        text, charts = outputs.markdown(target)
        _write(target, text)
        for name, svg in charts.items():
            _write(target.parent / name, svg)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        _write(Path(summary), outputs.summary_markdown(), append=True)
    fmt = default_format(args.format)
    if fmt == "terminal":
        render_check_terminal(result, outputs.report, outputs.paths, stdout_console(), len(outputs.checked))
    else:
        sys.stdout.write(outputs.text(fmt))


def _write(target: Path, text: str, append: bool = False) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("a" if append else "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise CheckAborted(f"cannot write {target}: {error.strerror or error}") from None


def _relative(path: Path, folder: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()
