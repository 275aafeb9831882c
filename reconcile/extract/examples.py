"""Run the [[examples]] and [[counter_examples]] of every category file against the extractor.

An example passes when the claims read from its text are exactly the expected ones: every
expected claim is found (by its figure) with the fields the example gives, and no other claim
comes out. A counter-example is checked the same way (usually it expects no claim at all).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from reconcile.extract.single import extract_text
from reconcile.models.claim import Claim
from reconcile.rulebook import Rulebook
from reconcile.rulebook.schema import Example, ExpectedClaim


@dataclass(frozen=True)
class ExampleResult:
    category: str
    file: str
    kind: str  # example | counter_example
    number: int
    text: str
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


def run_examples(book: Rulebook) -> list[ExampleResult]:
    results = []
    for category in book.categories.values():
        for kind, examples in (("example", category.examples), ("counter_example", category.counter_examples)):
            for number, example in enumerate(examples):
                problems = check_example(example, category.name, book)
                results.append(ExampleResult(category.name, category.file, kind, number, example.text, tuple(problems)))
    return results


def check_example(example: Example, category: str, book: Rulebook) -> list[str]:
    claims = extract_text(example.text, book, published=example.date)
    by_id = {claim.id: claim for claim in claims}
    unmatched = list(claims)
    problems = []
    for expected in example.claims:
        claim = _take(unmatched, expected.figure)
        if claim is None:
            problems.append(f"no claim for {expected.figure!r}")
            continue
        problems.extend(_field_problems(expected, claim, category, by_id))
    for claim in unmatched:
        problems.append(f"unexpected {claim.category} claim {claim.quantity.text!r} ({claim.rule})")
    return problems


_SPACES = regex.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _take(claims: list[Claim], figure: str) -> Claim | None:
    for claim in claims:
        if _norm(claim.quantity.text) == _norm(figure):
            claims.remove(claim)
            return claim
    return None


def _field_problems(expected: ExpectedClaim, claim: Claim, category: str, by_id: dict[str, Claim]) -> list[str]:
    got = {
        "category": claim.category,
        "subject": claim.subject_class,
        "source": claim.source.name,
        "speaker": claim.source.speaker,
        "attributed": claim.source.attributed,
        "place": claim.place.name,
        "as_of": claim.time.as_of,
        "start": claim.time.start,
        "end": claim.time.end,
        "window": claim.time.window,
        "basis": claim.time.basis,
        "parent": by_id[claim.parent].quantity.text if claim.parent in by_id else None,
    }
    wanted = expected.model_dump(exclude_none=True, exclude={"figure"})
    wanted.setdefault("category", category)
    problems = []
    for name, value in wanted.items():
        have = got[name]
        if name == "subject" and _norm(str(value)) == _norm(claim.subject):
            continue
        if name in ("window", "speaker", "parent") and have is not None and _norm(str(value)) in _norm(str(have)):
            continue
        if have != value:
            problems.append(f"{expected.figure!r}: {name} is {have!r}, expected {value!r}")
    return problems
