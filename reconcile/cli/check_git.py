"""The git questions `reconcile check --base REF` asks: where the repository is, which files a
change added or modified, and what a modified file said before. Every call is a list argv with
no shell, so a ref or a path can never be read as a command."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, the folder is not a repository, or the ref does not exist."""


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror or error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]}: {message[-1] if message else f'exit {done.returncode}'}")
    return done.stdout


def repository_root(folder: Path) -> Path:
    return Path(_git(folder, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip())


def comparison_base(root: Path, ref: str) -> str:
    """Where the change starts: the merge base of REF and HEAD, so that commits made on REF's
    branch since the change branched off are not mistaken for part of the change."""
    commit = _git(root, "rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
    try:
        return _git(root, "merge-base", commit, "HEAD").decode().strip()
    except GitError:
        return commit


def changed_files(root: Path, base: str) -> list[tuple[str, str]]:
    """(status A or M, path relative to the repository root) since `base`, working tree included."""
    output = _git(root, "diff", "--name-status", "--diff-filter=AM", "--no-renames", "-z", base, "--")
    fields = [field.decode("utf-8", "surrogateescape") for field in output.split(b"\0") if field]
    return sorted(zip(fields[0::2], fields[1::2], strict=False), key=lambda pair: pair[1])


def file_at(root: Path, revision: str, path: str) -> bytes:
    return _git(root, "show", f"{revision}:{path}")
