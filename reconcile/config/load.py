"""Find and read the configuration: --config FILE, else reconcile.toml, else pyproject.toml's
[tool.reconcile], looked for in the corpus folder and its parents up to the repository root."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from reconcile.config.model import Settings

CONFIG_NAMES = ("reconcile.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration file that cannot be used: the file, the key and what is wrong."""

    def __init__(self, file: Path | str, message: str) -> None:
        self.file = str(file)
        super().__init__(f"{file}: {message}")


@dataclass(frozen=True)
class LoadedConfig:
    settings: Settings
    file: Path | None

    @property
    def folder(self) -> Path | None:
        return self.file.parent if self.file else None

    def resolve(self, relative: str) -> Path:
        """A path from the file, read relative to the file's folder (absolute paths stay)."""
        path = Path(relative).expanduser()
        return path if path.is_absolute() or self.folder is None else self.folder / path


def find_config(start: Path) -> Path | None:
    """The nearest reconcile.toml, or pyproject.toml with a [tool.reconcile] table."""
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name == "reconcile.toml" or _has_table(path)):
                return path
        if (candidate / ".git").exists():
            return None
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that is not ours is not our business unless it is named.
        return False
    return isinstance(data.get("tool"), dict) and "reconcile" in data["tool"]


def load_config(path: Path | None) -> LoadedConfig:
    if path is None:
        return LoadedConfig(Settings(), None)
    table, prefix = _read_table(path)
    try:
        settings = Settings.model_validate(table)
    except ValidationError as error:
        raise ConfigError(path, _describe(error, prefix)) from None
    return LoadedConfig(settings, path)


def _read_table(path: Path) -> tuple[dict, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(path, f"cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, f"not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("reconcile") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ConfigError(path, "no [tool.reconcile] table")
        return table, "tool.reconcile."
    return data, ""


def _describe(error: ValidationError, prefix: str) -> str:
    """Unknown keys first, all of them: a misspelling is the likeliest mistake and cheap to fix."""
    problems = error.errors()
    unknown = [_key(prefix, problem) for problem in problems if problem["type"] == "extra_forbidden"]
    if unknown:
        message = f"unknown key{'s' if len(unknown) > 1 else ''} " + ", ".join(f"'{key}'" for key in unknown)
        rest = len(problems) - len(unknown)
    else:
        message = f"'{_key(prefix, problems[0])}': {problems[0]['msg']}"
        rest = len(problems) - 1
    return message + (f" (and {rest} more problem{'s' if rest > 1 else ''})" if rest else "")


def _key(prefix: str, problem: dict) -> str:
    return prefix + ".".join(str(part) for part in problem["loc"])
