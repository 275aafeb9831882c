"""Load rules/quantities.toml (or a user's copy), validate it, and compile the grammar once.

`load_lexicon()` gives the built-in lexicon, compiled and cached. `load_lexicon(path)` reads a
user's file, or the quantities.toml inside a user's rules folder: it replaces the built-in file,
or, when it starts with `extends = "builtin"`, is laid over it (tables merge key by key, a list
of words is added to, any other value replaces). A bad file raises LexiconError naming the file and the key path.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from reconcile.builtin_rules import builtin_rules_dir
from reconcile.numbers.grammar import Grammar, compile_grammar
from reconcile.numbers.schema import BOUNDS, LexiconFile
from reconcile.rulebook.errors import RuleError

FILE_NAME = "quantities.toml"


class LexiconError(RuleError):
    """quantities.toml cannot be used: the file, the key path and what is wrong."""


@dataclass(frozen=True)
class Lexicon:
    """A validated lexicon and the grammar compiled from it."""

    rules: LexiconFile
    source: str
    grammar: Grammar


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """The lexicon at `path` (a quantities.toml, or a rules folder holding one); built-in if None.

    A rules folder without its own quantities.toml uses the built-in lexicon.
    """
    if path is None:
        return _builtin()
    file = Path(path)
    if file.is_dir():
        file = file / FILE_NAME
        if not file.exists():
            return _builtin()
    data = _read_toml(file, str(file))
    if data.get("extends") == "builtin":
        data = _overlay(_read_toml(_builtin_file(), _BUILTIN_NAME), data)
    return _build(data, str(file))


_BUILTIN_NAME = f"rules/{FILE_NAME}"


def _builtin_file() -> Path:
    return builtin_rules_dir() / FILE_NAME


@lru_cache(maxsize=1)
def _builtin() -> Lexicon:
    return _build(_read_toml(_builtin_file(), _BUILTIN_NAME), _BUILTIN_NAME)


def _read_toml(file: Path, shown: str) -> dict:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise LexiconError(shown, "", f"cannot read the file: {error.strerror}") from None
    except UnicodeDecodeError:
        raise LexiconError(shown, "", "the file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(shown, "", f"not valid TOML: {error}") from None


def _overlay(base: dict, top: dict) -> dict:
    """`top` laid over `base`: tables merge, lists extend, other values replace."""
    merged = dict(base)
    for key, value in top.items():
        below = merged.get(key)
        if isinstance(value, dict) and isinstance(below, dict):
            merged[key] = _overlay(below, value)
        elif _words(value) and _words(below):
            merged[key] = below + [item for item in value if item not in below]
        else:
            merged[key] = value
    return merged


def _words(value) -> bool:
    """A list of words, which an overlay extends; other lists (intervals) it replaces."""
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _build(data: dict, shown: str) -> Lexicon:
    try:
        rules = LexiconFile.model_validate(data)
    except ValidationError as error:
        raise _described(error, shown) from None
    _check_cross_references(rules, shown)
    return Lexicon(rules=rules, source=shown, grammar=compile_grammar(rules))


def _described(error: ValidationError, shown: str) -> LexiconError:
    first = error.errors()[0]
    message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    more = len(error.errors()) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''} in this file)"
    return LexiconError(shown, _key_path(first["loc"]), message)


def _key_path(location: tuple) -> str:
    """('vague', 'quantifiers', 'several') → 'vague.quantifiers.several'; odd keys are quoted."""
    parts = []
    for part in location:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]}[{part}]"] if parts else [f"[{part}]"]
        else:
            text = str(part)
            parts.append(text if text.replace("_", "").isalnum() else f'"{text}"')
    return ".".join(parts)


def _check_cross_references(rules: LexiconFile, shown: str) -> None:
    actions = set(BOUNDS) | set(rules.approximations)
    for phrase, action in rules.prefixes.items():
        if action not in actions:
            raise LexiconError(
                shown, _key_path(("prefixes", phrase)),
                f"unknown action {action!r}: use a bound ({', '.join(BOUNDS)}) "
                f"or an approximation ({', '.join(sorted(rules.approximations))})",
            )
    known = {*rules.cardinals, *rules.groups, *rules.ordinals, *rules.fraction_words}
    for plural, singular in rules.plurals.items():
        if singular.lower() not in {word.lower() for word in known}:
            raise LexiconError(
                shown, _key_path(("plurals", plural)), f"{singular!r} is not a number word here"
            )
    if rules.years.earliest >= rules.years.latest:
        raise LexiconError(shown, "years.earliest", "must be before years.latest")
    if rules.vague.low_factor >= rules.vague.high_factor:
        raise LexiconError(shown, "vague.low_factor", "must be below vague.high_factor")
