"""The one-line reasons, in words an editor can check against the quotes.

They are written from the output figures, and only when a finding's reason is read (see
Finding.why): a verdict carries the recipe, `(writer, *arguments)`.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from reconcile.models.finding import Figure


@lru_cache(maxsize=65536)
def day(value: date | None) -> str:
    if value is None:
        return "undated"
    return f"{value:%b} {value.day}"


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def said(figure: Figure) -> str:
    return f"{possessive(figure.source)} {quoted(figure.text)}"


def quoted(text: str) -> str:
    words = " ".join(text.split())
    return f"“{words}”"


def when(figure: Figure) -> str:
    if figure.first is not None and figure.last is not None and figure.first != figure.last:
        return f"{day(figure.first)}–{day(figure.last)}"
    return day(figure.last)


def repeated(figure: Figure, count: int) -> str:
    return f"{said(figure)} is written {count} times: one figure, not a conflict"


def overlap(a: Figure, b: Figure) -> str:
    return f"{said(a)} and {said(b)} can both be true"


def nearly_meet(a: Figure, b: Figure, min_spread: float) -> str:
    percent = round((min_spread - 1) * 100)
    return f"{said(a)} and {said(b)} nearly meet (within {percent}%): rounding, not a conflict"


def rose(earlier: Figure, later: Figure) -> str:
    return (
        f"{said(later)} on {when(later)} is above {said(earlier)} on {when(earlier)}, "
        "as a running total can be"
    )


def fell(earlier: Figure, later: Figure, ratio: float) -> str:
    return (
        f"a running total cannot fall: {said(earlier)} on {when(earlier)} versus {said(later)} "
        f"on {when(later)} ({ratio_words(ratio)})"
    )


def updated(earlier: Figure, later: Figure) -> str:
    return f"{earlier.source} gave {quoted(earlier.text)} on {when(earlier)}, then {quoted(later.text)} on {when(later)}"


def revised_down(earlier: Figure, later: Figure) -> str:
    return (
        f"{earlier.source} lowered its running total from {quoted(earlier.text)} on {when(earlier)} "
        f"to {quoted(later.text)} on {when(later)}"
    )


def self_contradiction(a: Figure, b: Figure) -> str:
    return f"{a.source} gives both {quoted(a.text)} and {quoted(b.text)} for the same time"


def conflict(high: Figure, low: Figure, ratio: float) -> str:
    return (
        f"{said(high)} and {said(low)} cannot both be true: {possessive(high.source)} lower bound is "
        f"{ratio_words(ratio)} {possessive(low.source)} upper bound"
    )


def ratio_words(ratio: float) -> str:
    if ratio == float("inf"):
        return "infinitely many times"
    # Two decimals below 2 so that 1.25 and 1.08 read as they are; "2.7 times" above.
    return f"{ratio:.2f} times" if ratio < 1.995 else f"{ratio:.1f} times"


def different_base(a: Figure, b: Figure) -> str:
    return (
        f"{said(a)} of {a.place or 'an unnamed place'} and {said(b)} of {b.place or 'an unnamed place'} "
        "are shares of different wholes"
    )


def flow_beside_total(flows: list[Figure], others: list[Figure]) -> str:
    flow = flows[0]
    kind = "running total" if others[0].basis == "cumulative" else "level"
    return (
        f"{said(flow)} counts one window ({when(flow)}); it is not a {kind} and is not compared "
        f"with {', '.join(said(other) for other in others[:3])}{' and others' if len(others) > 3 else ''}"
    )


def part_within_whole(part: Figure, whole: Figure) -> str:
    return f"{said(part)} for {part.place} can be part of {said(whole)} for {whole.place}"


def whole_before_part(part: Figure, whole: Figure) -> str:
    return (
        f"{said(whole)} for {whole.place} on {when(whole)} comes before {said(part)} for {part.place} "
        f"on {when(part)}: a running total may have grown in between"
    )


def part_exceeds_whole(part: Figure, whole: Figure, ratio: float) -> str:
    return (
        f"{said(part)} for {part.place} cannot be more than {said(whole)} for {whole.place}, "
        f"which contains it ({ratio_words(ratio)})"
    )


# A cluster's reason names this many figures; the finding lists them all.
NAMED_IN_CLUSTER = 4


def in_time(figures: list[Figure]) -> list[Figure]:
    """Undated first, ties by id: the order clusters are grown in."""
    return sorted(figures, key=lambda figure: (figure.first or date.min, figure.id))


def consistent(figures: list[Figure]) -> str:
    """Figures that agree pairwise (a cluster)."""
    figures = in_time(figures)
    shown = figures if len(figures) <= NAMED_IN_CLUSTER else figures[:NAMED_IN_CLUSTER - 1]
    named = [said(figure) for figure in shown]
    if len(shown) < len(figures):
        named.append(f"{len(figures) - len(shown)} more")
    return f"{len(figures)} figures can all be true together: {', '.join(named[:-1])} and {named[-1]}"


def series(figures: list[Figure]) -> str:
    """One source's figures, each a later update of the one before."""
    figures = in_time(figures)
    shown = figures if len(figures) <= NAMED_IN_CLUSTER else figures[:NAMED_IN_CLUSTER - 1]
    steps = ", then ".join(f"{quoted(figure.text)} on {when(figure)}" for figure in shown)
    more = f", and {len(figures) - len(shown)} more updates" if len(shown) < len(figures) else ""
    return f"{figures[0].source} gave {steps}{more}"


class PairReason:
    """The reason of a finding on two figures, written from the finding itself when read: the
    writer, whether it names the finding's two figures the other way round, and the number it adds
    (the finding's spread, or the rounding margin). A few dozen of these serve millions of findings,
    where each finding kept a tuple of its own."""

    __slots__ = ("writer", "swapped", "number")

    def __init__(self, writer, swapped: bool, number) -> None:
        self.writer = writer
        self.swapped = swapped
        self.number = number

    def write(self, finding) -> str:
        a, b = finding.figures
        if self.swapped:
            a, b = b, a
        number = self.number
        if number is None:
            return self.writer(a, b)
        return self.writer(a, b, finding.spread if number is SPREAD else number)


SPREAD = object()  # PairReason.number: the finding's own spread
_PAIR_REASONS: dict[tuple, PairReason] = {}


def pair_reason(recipe: tuple, first) -> PairReason:
    """The shared reason for a verdict's recipe `(writer, figure, figure, *numbers)` on the pair
    whose first figure (in the finding's order) is `first`."""
    writer = recipe[0]
    number = None
    if len(recipe) > 3:
        number = recipe[3] if writer is nearly_meet else SPREAD
    key = (writer, recipe[1] is not first, number)
    shared = _PAIR_REASONS.get(key)
    if shared is None:
        shared = _PAIR_REASONS[key] = PairReason(*key)
    return shared


class OfFigures:
    """A reason written from the finding's figures alone: a cluster's (`consistent`, `series`),
    one per writer, shared by every such finding (a tuple per finding was 56 bytes each)."""

    __slots__ = ("writer",)

    def __init__(self, writer) -> None:
        self.writer = writer

    def write(self, finding) -> str:
        return self.writer(finding.figures)


class Repeated:
    """A repeated figure's reason, from the finding's one figure and its mentions."""

    __slots__ = ()

    def write(self, finding) -> str:
        figure = finding.figures[0]
        return repeated(figure, len(figure.mentions))


CLUSTERS = {"agree": OfFigures(consistent), "update": OfFigures(series)}
REPEATED = Repeated()
