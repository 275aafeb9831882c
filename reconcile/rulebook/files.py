"""Read rule files from disk: TOML parsed with tomllib, validated against the schema."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from reconcile.rulebook.errors import RuleError

Model = TypeVar("Model", bound=BaseModel)


def key_path(location: tuple) -> str:
    """('examples', 3, 'claims', 0, 'figure') → 'examples[3].claims[0].figure'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_model(path: Path, model: type[Model], shown_as: str) -> Model:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleError(shown_as, "", f"cannot read the file: {error.strerror}") from None
    except UnicodeDecodeError:
        raise RuleError(shown_as, "", "the file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise RuleError(shown_as, "", f"not valid TOML: {error}") from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        more = len(error.errors()) - 1
        message = first["msg"] if first["type"] != "extra_forbidden" else "unknown key"
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''} in this file)"
        raise RuleError(shown_as, key_path(first["loc"]), message) from None


def shown_name(path: Path, root: Path, label: str) -> str:
    """How a file is named in messages: relative to its rules folder, marked built-in or user."""
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        relative = path.as_posix()
    return f"rules/{relative}" if label == "built-in" else str(path)
