"""The built-in rules load; a user folder adds to and overrides them; the hash follows content."""

from __future__ import annotations

import datetime as dt
import shutil
import time

import pytest

from reconcile.builtin_rules import builtin_rules_dir
from reconcile.extract import extract_text
from reconcile.rulebook import RuleError, load_rulebook
from reconcile.rulebook.patterns import PatternTimeout

CATEGORIES = {
    "conscripted", "detained", "evacuated", "fled", "killed", "missing", "returned", "territory",
    "trapped", "wounded",
}


def test_builtin_rules_have_every_category_with_enough_examples():
    book = load_rulebook()
    assert set(book.categories) == CATEGORIES
    for category in book.categories.values():
        assert len(category.examples) >= 5, category.name
        assert len(category.counter_examples) >= 3, category.name


def test_source_nesting_and_roles():
    index = load_rulebook().sources.index
    assert index.resolve("Unicef") == "Unicef"
    assert index.root("Unicef") == "United Nations"
    assert index.root(index.resolve("United Nations high commissioner for human rights")) == "United Nations"
    assert index.root(index.resolve("Russian Defense Ministry")) == "Russia"
    assert index.resolve("Russian officials") == "Russia"
    assert index.resolve("Syrian Observatory of Human Rights") == "Syrian Observatory for Human Rights"  # fuzzy


def test_place_nesting_aliases_and_fuzzy_spelling():
    index = load_rulebook().places.index
    for alias in ("east Aleppo", "eastern Aleppo", "rebel-held Aleppo"):
        assert index.resolve(alias) == "eastern Aleppo"
    assert index.resolve("government-held Aleppo") == "western Aleppo"
    assert index.ancestors("Bustan al-Qasr") == ["Bustan al-Qasr", "eastern Aleppo", "Aleppo", "Aleppo Province", "Syria"]
    assert index.resolve("Jub Al-Quba") == "Jubb al-Qubbeh"
    assert index.resolve("Jubb al-Qubbe") == "Jubb al-Qubbeh"  # not listed: rapidfuzz


def test_user_folder_adds_a_source_and_overrides_a_category(tmp_path):
    (tmp_path / "categories").mkdir()
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nname = "Aleppo Media Center"\nrole = "media"\naliases = ["AMC"]\n', "utf-8"
    )
    killed = (builtin_rules_dir() / "categories" / "killed.toml").read_text("utf-8")
    (tmp_path / "categories" / "killed.toml").write_text(killed.replace("'massacred', ", ""), "utf-8")
    book = load_rulebook(tmp_path)
    assert book.sources.index.resolve("AMC") == "Aleppo Media Center"
    assert book.sources.index.resolve("Unicef") == "Unicef"  # built-ins stay
    assert book.categories["killed"].file == str(tmp_path / "categories" / "killed.toml")
    claims = extract_text("Gunmen killed 12 people in the village, AMC said.", book, dt.date(2016, 5, 1))
    assert [(c.category, c.quantity.text, c.source.name) for c in claims] == [("killed", "12", "Aleppo Media Center")]


def test_rules_hash_changes_with_content_only(tmp_path):
    base = load_rulebook().hash
    assert load_rulebook().hash == base
    copy = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), copy)
    (copy / "places.toml").write_text((copy / "places.toml").read_text("utf-8") + '\n[[places]]\nname = "Anadan"\nparent = "Aleppo Province"\n', "utf-8")
    assert load_rulebook(copy).hash != base


def test_a_runaway_user_pattern_is_stopped_and_reported(tmp_path):
    (tmp_path / "categories").mkdir()
    (tmp_path / "categories" / "looted.toml").write_text(
        "category = 'looted'\ndescription = 'x'\nbasis = 'stock'\nsubjects = ['people']\n"
        "[[patterns]]\nid = 'backtracks'\npattern = '(?:a|aa)+!{quantity}'\n",
        "utf-8",
    )
    book = load_rulebook(tmp_path)
    text = "Shelling killed 12 people in the town, " + "a" * 40 + "!"
    started = time.monotonic()
    # Stopped within the time limit, and loud: silently dropping its matches would lose claims.
    with pytest.raises(PatternTimeout, match="took longer than") as raised:
        extract_text(text, book, dt.date(2016, 5, 1))
    assert time.monotonic() - started < 30  # unbounded, this pattern would run for hours
    assert "(?:a|aa)+!" in raised.value.describe()


LEXICON_SENTENCE = "Shelling killed a gross of people in the town on Friday."


def test_a_user_lexicon_reaches_the_extractor(tmp_path):
    assert [c.quantity.text for c in extract_text(LEXICON_SENTENCE, load_rulebook(), dt.date(2016, 5, 6))] == []
    (tmp_path / "quantities.toml").write_text('extends = "builtin"\n[groups]\ngross = 144\n', "utf-8")
    book = load_rulebook(tmp_path)
    claims = extract_text(LEXICON_SENTENCE, book, dt.date(2016, 5, 6))
    assert [(c.category, c.quantity.text, c.quantity.nominal) for c in claims] == [("killed", "a gross", 144)]
    assert book.files.count("rules/quantities.toml") == 1 and str(tmp_path / "quantities.toml") in book.files


def test_the_lexicon_is_part_of_the_rules_hash(tmp_path):
    base = load_rulebook(tmp_path).hash
    (tmp_path / "quantities.toml").write_text('extends = "builtin"\n[groups]\ngross = 144\n', "utf-8")
    changed = load_rulebook(tmp_path).hash
    assert changed != base
    (tmp_path / "quantities.toml").write_text('extends = "builtin"\n[groups]\ngross = 145\n', "utf-8")
    assert load_rulebook(tmp_path).hash not in (base, changed)


def test_a_bad_user_lexicon_is_rejected_with_its_key(tmp_path):
    (tmp_path / "quantities.toml").write_text('extends = "builtin"\n[groups]\ngross = "many"\n', "utf-8")
    try:
        load_rulebook(tmp_path)
    except RuleError as error:
        assert "quantities.toml" in error.file and error.key_path == "groups.gross"
    else:
        raise AssertionError("a bad quantities.toml loaded")
