"""Canonical sources (who says a figure), their nesting and role, and the words of attribution."""

from __future__ import annotations

import regex

from reconcile.rulebook import patterns as pat
from reconcile.rulebook.gate import Gate, GateSet
from reconcile.rulebook.names import NameIndex
from reconcile.rulebook.schema import SourcesFile


class SourceBook:
    @staticmethod
    def check_cues(rules: SourcesFile, file: str) -> None:
        cues = rules.attribution
        for key in ("verbs", "according", "put_number"):
            for index, word in enumerate(getattr(cues, key)):
                pat.check_syntax(word, file, f"attribution.{key}[{index}]")

    def __init__(self, rules: SourcesFile, file: str):
        self.roles = {s.name: s.role for s in rules.sources}
        self.index = NameIndex(
            {s.name: (s.aliases, s.parent) for s in rules.sources}, rules.fuzzy_threshold
        )
        cues = rules.attribution
        self.verbs = _words_regex(cues.verbs, file, "attribution.verbs")
        self.according = _words_regex(cues.according, file, "attribution.according")
        self.put_number = _words_regex(cues.put_number, file, "attribution.put_number")
        # a sentence a gate closes cannot hold that kind of cue: its scan is skipped
        self.cue_gate = Gate.of([*cues.verbs, *cues.according, *cues.put_number], word_start=True)
        self.cue_finders = tuple(
            (kind, finder, Gate.of(words, word_start=True))
            for kind, finder, words in (
                ("verb", self.verbs, cues.verbs), ("according", self.according, cues.according),
                ("put", self.put_number, cues.put_number),
            )
        )
        # all four asked together once per sentence; a finder's bit in `cue_finder_bits`
        self.cue_gates = GateSet([self.cue_gate, *(gate for _, _, gate in self.cue_finders)])
        self.cue_gate_bit = self.cue_gates.bit(self.cue_gate)
        self.cue_finder_bits = tuple(self.cue_gates.bit(gate) for _, _, gate in self.cue_finders)
        self.pronouns = frozenset(p.casefold() for p in cues.pronouns)
        # the last word of each pronoun phrase ("he", "group" of "the group"): a sentence holding
        # none of them has no pronoun
        self.pronoun_words = frozenset(p.split()[-1] for p in self.pronouns if p.split())
        self.titles = tuple(cues.titles)

    def role(self, name: str) -> str:
        return self.roles.get(name, "other")


def _words_regex(words: list[str], file: str, key: str) -> regex.Pattern:
    for index, word in enumerate(words):
        pat.check_syntax(word, file, f"{key}[{index}]")
    return regex.compile(
        r"(?<![\w-])" + pat.alternation(words, literal=False) + r"(?![\w-])", pat.FLAGS
    )
