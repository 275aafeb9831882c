"""Where the built-in rules are: inside the installed wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_rules_dir() -> Path:
    """The folder of built-in rule files.

    A wheel carries them as `reconcile/_builtin_rules`; an editable install or a source checkout
    reads the repository's own `rules/`, so an editor's change takes effect without reinstalling.
    """
    packaged = _PACKAGE / "_builtin_rules"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / "rules"
