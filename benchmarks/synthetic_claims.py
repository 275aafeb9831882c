"""Synthetic but realistic claims for the reconciler at any size (10k, 100k, 1M).

The shape follows what the extractor finds in the FA-KES corpus (4,270 claims from 804 articles):
killed dominates, then wounded; most figures are counts of people or civilians, a third are
"at least" / "more than" / vague; most are running totals; one in twenty is a part of another
claim ("including 44 children"); sentences are about 170 characters.

An archive is modelled as events. Each event (a toll in a place on a day) is reported by several
mentions: outlets repeating the originating source's figure (repeats, merged as `same`), outlets
rounding it ("about 85,000": `agree`), other sources with their own figure, parties to the conflict
inflating or playing it down (`disagree`), and later running totals from the same source
(`update`, sometimes `revision`). A few claims are flows over a window, shares, or undated.

The archive grows in time with its size (`claims_per_day`, 200): a million claims cover the
thirteen years of the Syrian war, ten thousand cover seven weeks of it. The density of figures per
day and place, which decides how many pairs the reconciler compares, therefore stays the same at
every size; a reconciler that is linear in the corpus shows a flat time per claim. At 200 a day the
reconciler finds about ten findings per claim, as it does on the real FA-KES claims (46k findings
from 4,270 claims); the density is the knob that decides the output's size, so it is a parameter.

    from synthetic_claims import synthetic_archive
    archive = synthetic_archive(100_000)
    reconcile(archive.claims, archive.places, sources=archive.sources)
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from reconcile.group import PlaceHierarchy, SourceHierarchy
from reconcile.models.claim import (
    Claim, TimeFrame, shared_place, shared_source, shared_time, trusted_claim, trusted_span,
)
from reconcile.models.quantity import Quantity
from reconcile.models.trusted import trusted

FIRST_DAY = dt.date(2011, 3, 15).toordinal()
CLAIMS_PER_DAY = 200
CLAIMS_PER_DOCUMENT = 5  # FA-KES: 4,270 claims in 784 articles with any

# (category, weight, basis, unit); weights from FA-KES, with every category present.
CATEGORIES = (
    ("killed", 55, "cumulative", "count"), ("wounded", 17, "cumulative", "count"),
    ("trapped", 5, "stock", "count"), ("fled", 6, "cumulative", "count"),
    ("evacuated", 4, "cumulative", "count"), ("detained", 4, "cumulative", "count"),
    ("missing", 2, "stock", "count"), ("returned", 3, "cumulative", "count"),
    ("conscripted", 2, "cumulative", "count"), ("territory", 2, "stock", "percent"),
)
SUBJECTS = (("people", 50), ("civilians", 20), ("fighters", 12), ("children", 7), ("women", 4),
            ("men", 2), ("wounded", 5))
SUBJECT_WORDS = {"people": "people", "civilians": "civilians", "fighters": "rebels", "children": "children",
                 "women": "women", "men": "men", "wounded": "injured people"}
VERBS = {"killed": "killed", "wounded": "wounded", "trapped": "trapped", "fled": "have fled",
         "evacuated": "evacuated", "detained": "detained", "missing": "missing", "returned": "returned",
         "conscripted": "conscripted", "territory": "controls"}
FILLERS = (
    "in air strikes on residential neighbourhoods overnight",
    "as government forces pressed their offensive on the area",
    "after shelling hit a market and a nearby school",
    "in clashes that continued into the early hours of the morning",
    "according to a statement released on its website",
    "as aid agencies warned of a worsening humanitarian situation",
)
ORIGINATOR_ROLES = ("monitor", "party", "other", "un", "humanitarian", "government")
ORIGINATOR_WEIGHTS = (35, 20, 25, 8, 6, 6)
# Synthetic towns beyond the gazetteer: most reporting names villages no rule file lists.
TOWNS_PER_PROVINCE = 40


@dataclass
class World:
    """Places (with their nesting) and sources (with roles and nesting) that claims are drawn from."""

    places: list[str]
    place_parents: dict[str, str | None]
    sources: list[tuple[str, str]]
    source_parents: dict[str, str | None]
    by_role: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, role in self.sources:
            self.by_role.setdefault(role, []).append(name)


@dataclass
class SyntheticArchive:
    claims: list[Claim]
    places: PlaceHierarchy
    sources: SourceHierarchy
    days: int


def world_from_rules() -> World:
    """The built-in gazetteer and source list, plus synthetic towns under every province."""
    from reconcile.rulebook import load_rulebook

    book = load_rulebook()
    place_parents = dict(book.places.index.parents)
    provinces = [name for name, parent in place_parents.items() if parent is not None and "Province" in name]
    for province in provinces or list(place_parents):
        for number in range(TOWNS_PER_PROVINCE):
            place_parents[f"{province.replace(' Province', '')} town {number}"] = province
    return World(
        places=sorted(place_parents),
        place_parents=place_parents,
        sources=sorted(book.sources.roles.items()),
        source_parents=dict(book.sources.index.parents),
    )


def synthetic_archive(count: int, *, seed: int = 2016, claims_per_day: int = CLAIMS_PER_DAY,
                      world: World | None = None) -> SyntheticArchive:
    """`count` claims (exactly), deterministic for a seed, with the hierarchies to reconcile them."""
    world = world or world_from_rules()
    days = max(count // claims_per_day, 7)
    generator = _Generator(random.Random(seed), world, days, documents=max(count // CLAIMS_PER_DOCUMENT, 1))
    claims: list[Claim] = []
    while len(claims) < count:
        generator.event(claims)
    del claims[count:]
    return SyntheticArchive(claims, PlaceHierarchy(world.place_parents), SourceHierarchy(world.source_parents), days)


class _Generator:
    def __init__(self, rng: random.Random, world: World, days: int, documents: int) -> None:
        self.rng = rng
        self.world = world
        self.days = days
        self.documents = documents
        self.serial = 0
        self.categories = list(CATEGORIES)
        self.category_weights = [c[1] for c in CATEGORIES]
        self.subjects = [s for s, _ in SUBJECTS]
        self.subject_weights = [w for _, w in SUBJECTS]
        # Real reporting names big places far more often than villages.
        self.places = world.places
        self.place_weights = [1 if " town " in p else 25 for p in world.places]
        everyone = [name for name, _ in world.sources]
        self.parties = world.by_role.get("party") or everyone
        self.outlets = world.by_role.get("media") or everyone
        self.roles = dict(world.sources)
        # One string per document and rule, as the extractor shares them between a document's claims.
        self.doc_names: dict[int, str] = {}
        self.rules = {category: f"{category}/synthetic" for category, *_ in CATEGORIES}

    def doc_name(self, number: int) -> str:
        name = self.doc_names.get(number)
        if name is None:
            name = self.doc_names[number] = f"archive/{number:07d}.html"
        return name

    def event(self, out: list[Claim]) -> None:
        rng = self.rng
        category, _, basis, unit = rng.choices(self.categories, self.category_weights)[0]
        subject = "people" if unit == "percent" else rng.choices(self.subjects, self.subject_weights)[0]
        place = rng.choices(self.places, self.place_weights)[0]
        day = FIRST_DAY + rng.randrange(self.days)
        if basis == "cumulative" and unit == "count" and rng.random() < 0.05:
            basis = "flow"
        value = rng.randint(5, 95) if unit == "percent" else _toll(rng)
        own_voice = rng.random() < 0.35  # a newspaper's own report of the toll
        source = rng.choice(self.outlets) if own_voice else self.originator()
        hint = "media" if own_voice else "monitor"
        first = self.mention(out, category, subject, unit, basis, place, day, value, source, hint)
        if category == "killed" and unit == "count" and rng.random() < 0.07:
            part = max(1, int(value * rng.uniform(0.1, 0.4)))
            self.mention(out, category, "children", unit, basis, place, day, part, source, hint, parent=first)
        for _ in range(_mentions(rng)):
            self.follow_up(out, category, subject, unit, basis, place, day, value, source)

    def originator(self) -> str:
        """Who first gives a figure, weighted by role as in FA-KES (monitors and parties lead)."""
        role = self.rng.choices(ORIGINATOR_ROLES, ORIGINATOR_WEIGHTS)[0]
        return self.rng.choice(self.world.by_role.get(role) or self.outlets)

    def follow_up(self, out, category, subject, unit, basis, place, day, value, source) -> None:
        rng = self.rng
        kind = rng.random()
        later = day + rng.randint(0, 1)
        if kind < 0.30:  # an outlet repeats the originating source's figure, credited to it
            self.mention(out, category, subject, unit, basis, place, later, value, source, "monitor",
                         outlet=rng.choice(self.outlets))
        elif kind < 0.55:  # an outlet gives the same figure in its own voice
            self.mention(out, category, subject, unit, basis, place, later, value, rng.choice(self.outlets),
                         "media", qualifier="exact")
        elif kind < 0.65:  # an outlet's own voice, rounded
            self.mention(out, category, subject, unit, basis, place, later, value, rng.choice(self.outlets),
                         "media", qualifier="approx")
        elif kind < 0.77:  # another source's own count, close to the first
            other = max(1, int(value * rng.uniform(0.85, 1.15)))
            self.mention(out, category, subject, unit, basis, place, day, other, self.originator(), "other")
        elif kind < 0.87:  # a party to the conflict inflates or plays it down
            factor = rng.uniform(1.5, 3.0)
            other = max(1, int(value * factor if rng.random() < 0.5 else value / factor))
            self.mention(out, category, subject, unit, basis, place, day, other, rng.choice(self.parties), "party")
        else:  # the same source's later running total (now and then lower: a revision)
            grown = max(1, int(value * (rng.uniform(1.05, 1.6) if rng.random() < 0.9 else rng.uniform(0.7, 0.95))))
            self.mention(out, category, subject, unit, basis, place, day + rng.randint(1, 6), grown, source, "monitor")

    def mention(self, out, category, subject, unit, basis, place, day, value, source, role_hint, *,
                outlet=None, qualifier=None, parent: Claim | None = None) -> Claim:
        rng = self.rng
        self.serial += 1
        qualifier = qualifier or _qualifier(rng)
        if unit == "percent" and qualifier in ("vague", "range"):
            qualifier = "exact"  # "dozens percent" is not something anyone writes
        start = len(source) + 6
        quantity = _quantity(value, qualifier, unit, start)
        role = self.roles.get(source, role_hint)
        undated = rng.random() < 0.002
        when = _time(rng, day, basis, undated)
        words = f"{quantity.text} {'of the area' if unit == 'percent' else SUBJECT_WORDS[subject]}"
        sentence = (f"{source} said {words} were {VERBS[category]} in {place} "
                    f"{rng.choice(FILLERS)}, {outlet or 'the agency'} reported on day {day - FIRST_DAY}.")
        claim = trusted_claim(
            f"{(self.serial * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF:016x}",
            self.doc_name(rng.randrange(self.documents)),
            self.rules[category],
            category,
            SUBJECT_WORDS[subject],
            subject,
            quantity,
            shared_source(source, role, source, None, role_hint != "media"),
            shared_place(place, place),
            when,
            parent.id if parent is not None else None,
            trusted_span(1, start, start + len(quantity.text), rng.randint(2, 60), start + 1, sentence),
        )
        out.append(claim)
        return claim


def _toll(rng: random.Random) -> int:
    """Mostly tens, sometimes thousands, now and then a war-long total (log-uniform)."""
    return max(1, int(10 ** rng.uniform(0.5, 5.3)))


def _mentions(rng: random.Random) -> int:
    """Follow-up mentions of an event: often none, sometimes a dozen (mean about 2.5)."""
    return min(int(rng.expovariate(0.4)), 15)


_QUALIFIERS = ("exact", "at_least", "more_than", "vague", "approx", "range", "at_most")
_QUALIFIER_WEIGHTS = (61, 16, 10, 9, 2, 1, 1)


def _qualifier(rng: random.Random) -> str:
    return rng.choices(_QUALIFIERS, _QUALIFIER_WEIGHTS)[0]


def _quantity(value: int, qualifier: str, unit: str, start: int) -> Quantity:
    low, high, low_in, high_in, text = value, value, True, True, f"{value:,}"
    if qualifier == "at_least":
        high, high_in, text = None, False, f"at least {text}"
    elif qualifier == "more_than":
        low_in, high, high_in, text = False, None, False, f"more than {text}"
    elif qualifier == "at_most":
        low, text = 0, f"at most {text}"
    elif qualifier == "approx":
        low, high, text = round(value * 0.9), round(value * 1.1), f"about {text}"
    elif qualifier == "range":
        high, text = round(value * 1.2) + 1, f"{text} to {round(value * 1.2) + 1:,}"
    elif qualifier == "vague":
        magnitude = 10 ** max(len(str(value)) - 1, 1)
        low, high, text = 2 * magnitude, 10 * magnitude - 1, _vague_words(magnitude)
    if unit == "percent":
        high = min(high, 100) if high is not None else 100
        text = f"{text} percent"
    return trusted(
        Quantity, text=text, start=start, end=start + len(text), low=low, high=high, low_inclusive=low_in,
        high_inclusive=high_in,
        nominal=value if qualifier not in ("vague", "range") else None, qualifier=qualifier, unit=unit,
        kind="quantity",
    )


def _vague_words(magnitude: int) -> str:
    return {10: "dozens", 100: "hundreds", 1000: "thousands"}.get(magnitude, "tens of thousands")


def _time(rng: random.Random, day: int, basis: str, undated: bool) -> TimeFrame:
    if undated:
        return shared_time(None, None, None, None, None, basis)
    published = dt.date.fromordinal(day + rng.randint(0, 1))
    if basis == "flow":
        return shared_time(published, None, dt.date.fromordinal(day - 1), dt.date.fromordinal(day), "last 24 hours",
                           basis)
    return shared_time(published, dt.date.fromordinal(day), None, None, None, basis)
