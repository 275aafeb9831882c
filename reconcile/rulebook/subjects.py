"""The subject vocabulary: who may be counted, grouped into a small set of classes."""

from __future__ import annotations

import regex

from reconcile.rulebook import patterns as pat
from reconcile.rulebook.schema import SubjectsFile


class SubjectVocabulary:
    def __init__(self, rules: SubjectsFile, modifier: str):
        self.classes = dict(rules.classes)
        self.modifiers = rules.modifiers
        self.default = rules.default
        self.bare_followers = frozenset(w.casefold() for w in rules.bare_followers)
        self._modifier = modifier
        self._class_of: dict[str, str] = {}
        for name, subject_class in rules.classes.items():
            for word in subject_class.words:
                self._class_of.setdefault(_key(word), name)
        self._after = regex.compile(r"\s+" + self.block(list(self.classes), capture=True), pat.FLAGS)
        self._next_word = regex.compile(r"\s*([\w’'-]+|[—–])?")

    def class_of(self, words: str) -> str | None:
        return self._class_of.get(_key(words))

    def after(self, text: str, position: int) -> tuple[str, int] | None:
        """The subject words right after `position` ("… of Syrian men"), and where they end."""
        match = self._after.match(text, position)
        return (match.group("subject"), match.end()) if match else None

    def bare_count_allowed(self, text: str, position: int) -> bool:
        """A count with no subject stands for people only before punctuation or a function word."""
        match = self._next_word.match(text, position)
        word = match.group(1) if match else None
        return word is None or word.casefold() in self.bare_followers

    def alone_as(self, class_name: str) -> str:
        """The class a count of `class_name` is compared as when it is not a part of another."""
        subject_class = self.classes.get(class_name)
        return (subject_class.alone_as if subject_class else None) or class_name

    def is_civilian(self, class_name: str) -> bool:
        subject_class = self.classes.get(class_name)
        return subject_class.civilian if subject_class else True

    def words(self, class_names: list[str]) -> list[str]:
        return [w for name in class_names for w in self.classes[name].words]

    def block(self, class_names: list[str], *, capture: bool) -> str:
        """Optional "of the", a few modifier words, then one subject word."""
        nouns = pat.alternation(self.words(class_names), literal=True)
        noun = f"(?P<subject>{nouns})" if capture else nouns
        return (
            rf"(?:(?:of\s+)?(?:the\s+)?(?:{self._modifier}\s+){{0,{self.modifiers}}}?"
            rf"{noun}(?![\w-]))"
        )


_SPACES = regex.compile(r"\s+")


def _key(words: str) -> str:
    return _SPACES.sub(" ", words.casefold().strip())
