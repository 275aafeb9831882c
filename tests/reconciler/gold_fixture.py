"""The hand-made gold claims (tests/gold/seeds-claims.jsonl) as Claim objects.

The reconciler is tested on these while the extractor is built; every convention used to turn a
gold line into a Claim is written out here, so a reader can see what the reconciler was given:
- intervals for approximate and vague figures (the number grammar will own the real ones, in
  rules/quantities.toml);
- canonical sources and roles, canonical places (rules/sources.toml, rules/places.toml);
- the subject class and the basis, which the extractor is to set.
Lines and sentences come from the seeds themselves, through the project's own loader.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from reconcile.cli.inputs import load_inputs
from reconcile.models.claim import Claim, Place, Source, Span, TimeFrame
from reconcile.models.quantity import Quantity
from reconcile.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
GOLD_CLAIMS = ROOT / "tests" / "gold" / "seeds-claims.jsonl"
GOLD_FINDINGS = ROOT / "tests" / "gold" / "seeds-findings.jsonl"
SEEDS = ROOT / "seeds"

# "about 37,000" is 37,000 ± 10 %; "nearly half" is up to half, not above it.
APPROX_TOLERANCE = 0.10

VAGUE_INTERVALS: dict[str, tuple[int, int]] = {
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "several hundred": (300, 999),
    "thousands": (2000, 9999),
    "by the thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
}

SOURCES: dict[str, tuple[str, str]] = {
    "Aleppo rebel groups (joint statement)": ("Aleppo rebel groups", "party"),
    "Leaders of Canada, France, Germany, Italy, Britain and the United States (joint statement)": (
        "Western governments",
        "government",
    ),
    "international humanitarian officials": ("International humanitarian officials", "humanitarian"),
    "Syrian Observatory for Human Rights": ("Syrian Observatory for Human Rights", "monitor"),
    "Unicef": ("United Nations", "un"),
    "United Nations": ("United Nations", "un"),
    "Russia": ("Russia", "party"),
    "The New York Times": ("The New York Times", "media"),
    "Yasser Hmeish (activist)": ("Yasser Hmeish", "other"),
    "Umm Faisal (resident)": ("Umm Faisal", "other"),
    "residents": ("Residents", "other"),
    "witnesses": ("Witnesses", "other"),
}
PUBLISHER = "The New York Times"

PLACES: dict[str, str] = {
    "eastern Aleppo": "eastern Aleppo",
    "western Aleppo": "western Aleppo",
    "Aleppo": "Aleppo",
    "Aleppo (al-Halk)": "al-Halk",
    "Aleppo (Jibreen)": "Jibreen",
    "eastern Aleppo (Hanano)": "Hanano",
    "United Nations General Assembly": "United Nations General Assembly",
}

SUBJECT_CLASSES: dict[str, str] = {
    "people": "people",
    "residents": "people",
    "civilians": "people",
    "displaced people": "people",
    "people in need of emergency medical care": "people",
    "children": "children",
    "children (share of people fleeing)": "children",
    "children (share)": "children",
    "men": "men",
    "women": "women",
    "fighters": "fighters",
    "wounded people": "wounded",
    "wounded and dead": "casualties",
    "people (summary killings)": "summary killings",
    "local council members": "council members",
    "mortar rounds": "mortar rounds",
    "votes in favor": "votes",
    "percent of Aleppo captured by the government": "territory",
    "percent of rebel territory in eastern Aleppo lost": "territory",
}
# The gold names who is counted; what kind of count it is sometimes sits in the sentence before.
# "gunning down families ... with the toll reaching 82 civilians" is the UN's toll of summary
# killings, the same 82 as d13-killed-82-summary, not all civilians killed in the offensive.
SUBJECT_CLASS_BY_ID: dict[str, str] = {"d13-killed-82-toll": "summary killings"}

# The basis, read the way the extractor is to read it: a window decides; otherwise the verb.
FLOW_WINDOWS = ("24 hours", "past week", "few days")
STOCK_CATEGORIES = ("trapped", "territory", "missing")
# Checked in this order: a total's own words ("the toll reaching") outweigh a verb elsewhere in the
# sentence ("men forced to join the army upon fleeing ... had reached 6,000").
TOTAL_PHRASES = ("toll", "reached", "were reported", "have escorted")
FLOW_PHRASES = ("more fled", "fleeing", "convoy", "evacuation of", "shot", "took", "crossed", "were held")
CUMULATIVE_VERBS = ("flee", "fled")


def basis_of(gold: dict, by_id: dict[str, dict]) -> str:
    """A part ("including 44 children") is counted the way its whole is."""
    if gold.get("parent") in by_id:
        return basis_of(by_id[gold["parent"]], by_id)
    window = gold["time"].get("window")
    if window:
        return "flow" if any(words in window for words in FLOW_WINDOWS) else "cumulative"
    if gold["category"] in STOCK_CATEGORIES:
        return "stock"
    quote = gold["quote"].casefold()
    if any(phrase in quote for phrase in TOTAL_PHRASES):
        return "cumulative"
    if any(phrase in quote for phrase in FLOW_PHRASES):
        return "flow"
    if any(verb in quote for verb in CUMULATIVE_VERBS):
        return "cumulative"
    return "stock"


def unit_of(gold: dict) -> str:
    if gold["category"] == "territory":
        return "percent"
    if isinstance(gold["value"], float) and gold["value"] <= 1:
        return "share"
    return "count"


def interval_of(gold: dict, unit: str) -> dict:
    kind, value = gold["kind"], gold["value"]
    ceiling = {"percent": 100, "share": 1}.get(unit)
    if kind == "vague":
        words = gold["figure"].casefold()
        low, high = VAGUE_INTERVALS[words]
        return dict(low=low, high=high, nominal=None, qualifier="vague")
    if kind == "exact":
        return dict(low=value, high=value, nominal=value, qualifier="exact")
    if kind == "approx":
        low, high = value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
        return dict(low=_round(low), high=_round(high), nominal=value, qualifier="approx")
    if kind == "approx_below":
        low = _round(value * (1 - APPROX_TOLERANCE))
        return dict(low=low, high=value, high_inclusive=False, nominal=value, qualifier="approx")
    if kind == "at_least":
        return dict(low=value, high=ceiling, nominal=value, qualifier="at_least")
    if kind == "more_than":
        return dict(low=value, high=ceiling, low_inclusive=False, nominal=value, qualifier="more_than")
    raise ValueError(f"{gold['id']}: unknown kind {kind!r}")


def _round(value: float) -> float:
    return round(value, 6)


@lru_cache(maxsize=1)
def _documents():
    documents, errors = load_inputs([str(SEEDS)])
    assert not errors, errors
    return {document.id: document for document in documents}


def _locate(gold: dict):
    """(block index, figure start in block, line, sentence) of the gold quote's figure."""
    document = _documents()[gold["doc"]]
    for number, block in enumerate(document.blocks):
        at = block.text.find(gold["quote"])
        if at < 0:
            continue
        figure_at = at + max(gold["quote"].find(gold["figure"]), 0)
        sentences = [s for s in split_sentences(document) if s.block == number and s.start <= figure_at < s.end]
        sentence = sentences[0] if sentences else None
        text = sentence.text if sentence else gold["quote"]
        offset = figure_at - sentence.start if sentence else 0
        return number, figure_at, block.line_of(figure_at), text, offset
    raise AssertionError(f"{gold['id']}: quote not found in {gold['doc']}")


def claim_from_gold(gold: dict, by_id: dict[str, dict]) -> Claim:
    block, figure_at, line, sentence, offset = _locate(gold)
    unit = unit_of(gold)
    figure = gold["figure"]
    quantity = Quantity(text=figure, start=offset, end=offset + len(figure), unit=unit, **interval_of(gold, unit))
    name, role = SOURCES[gold["source"]]
    time = gold["time"]
    subject_class = SUBJECT_CLASS_BY_ID.get(gold["id"], SUBJECT_CLASSES[gold["subject"]])
    return Claim(
        id=gold["id"],
        doc=gold["doc"],
        rule="gold",
        category=gold["category"],
        subject=gold["subject"],
        subject_class=subject_class,
        quantity=quantity,
        source=Source(
            name=name,
            role=role,
            raw=gold["source"],
            speaker=gold.get("speaker"),
            attributed=gold["source"] != PUBLISHER,
        ),
        place=Place(name=PLACES[gold["place"]], raw=gold["place"]),
        time=TimeFrame(
            published=date.fromisoformat(gold["published"]),
            as_of=_date(time.get("as_of")),
            start=_date(time.get("start")),
            end=_date(time.get("end")),
            window=time.get("window"),
            basis=basis_of(gold, by_id),
        ),
        parent=gold.get("parent"),
        span=Span(block=block, start=figure_at, end=figure_at + len(figure), line=line, sentence=sentence),
    )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def gold_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_claims() -> list[Claim]:
    lines = gold_lines(GOLD_CLAIMS)
    by_id = {gold["id"]: gold for gold in lines}
    return [claim_from_gold(gold, by_id) for gold in lines]


def seed_documents():
    return list(_documents().values())
