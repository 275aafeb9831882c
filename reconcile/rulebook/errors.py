"""A rule file that cannot be used, described so an editor can find and fix the problem."""

from __future__ import annotations


class RuleError(Exception):
    """A bad rule: the file, the key path inside it, what is wrong and, for a pattern, where."""

    def __init__(
        self,
        file: str,
        key_path: str,
        message: str,
        *,
        pattern: str | None = None,
        position: int | None = None,
    ) -> None:
        self.file = file
        self.key_path = key_path
        self.message = message
        self.pattern = pattern
        self.position = position
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"{self.file}: {self.key_path}" if self.key_path else self.file
        lines = [f"{where}: {self.message}"]
        if self.pattern is not None:
            lines.extend(_caret_lines(self.pattern, self.position))
        return "\n".join(lines)


def _caret_lines(pattern: str, position: int | None) -> list[str]:
    """The pattern's line that holds the error, with a caret under the bad character."""
    if position is None:
        return ["    " + line for line in pattern.splitlines() or [""]]
    before = pattern[:position]
    line_start = before.rfind("\n") + 1
    line_end = pattern.find("\n", position)
    line = pattern[line_start : line_end if line_end != -1 else len(pattern)]
    column = position - line_start
    return ["    " + line, "    " + " " * column + "^"]
