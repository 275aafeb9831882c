"""Time words compiled once: the windows a count can cover."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reconcile.rulebook import patterns as pat
from reconcile.rulebook.gate import Gate, GateSet, word_start
from reconcile.rulebook.schema import TimeFile, WindowRule


@dataclass(frozen=True, slots=True)
class CompiledWindow:
    rule: WindowRule
    regex: regex.Pattern
    gate: Gate  # a sentence it closes cannot hold this window


class TimeRules:
    @staticmethod
    def check(rules: TimeFile, file: str) -> None:
        for index, window in enumerate(rules.windows):
            pat.check_syntax(window.pattern, file, f"windows[{index}].pattern")
        for index, cue in enumerate(rules.flow_cues):
            pat.check_syntax(cue.pattern, file, f"flow_cues[{index}].pattern")

    def __init__(self, rules: TimeFile, file: str):
        self.number_words = {k.casefold(): v for k, v in rules.number_words.items()}
        self.unit_days = {k.casefold(): v for k, v in rules.unit_days.items()}
        self.next_day_allowed = rules.next_day_allowed
        compiled = []
        for index, window in enumerate(rules.windows):
            compiled.append(
                CompiledWindow(
                    window, regex.compile(window.pattern, pat.FLAGS),
                    Gate.narrowest([window.pattern], word_start=word_start(window.pattern)),
                )
            )
        self.windows = tuple(compiled)
        # the windows' gates, asked together once per sentence; a window's bit in `window_bits`
        self.window_gates = GateSet(window.gate for window in compiled)
        self.window_bits = tuple(self.window_gates.bit(window.gate) for window in compiled)
        # compiled per category (they may name its triggers): see rulebook/categories.py
        self.flow_cues = tuple(rules.flow_cues)
