"""Stage 6, render: the findings for people (terminal, Markdown with charts) and for tools (JSON)."""

from reconcile.render.markdown import MarkdownReport, render_markdown
from reconcile.render.report import build_report, render_json
from reconcile.render.terminal import render_terminal

__all__ = ["MarkdownReport", "build_report", "render_json", "render_markdown", "render_terminal"]
