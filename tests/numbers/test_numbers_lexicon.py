"""The lexicon: loaded once, overridden by a user's rules folder, rejected loudly when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.builtin_rules import builtin_rules_dir
from reconcile.numbers import LexiconError, load_lexicon, parse_quantities
from reconcile.rulebook.errors import RuleError

BUILTIN = builtin_rules_dir() / "quantities.toml"


def _write(folder: Path, text: str) -> Path:
    path = folder / "quantities.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_builtin_lexicon_is_compiled_once() -> None:
    assert load_lexicon() is load_lexicon()
    assert load_lexicon().source == "rules/quantities.toml"


def test_a_file_that_extends_the_builtin_one_adds_words(tmp_path: Path) -> None:
    _write(tmp_path, 'extends = "builtin"\n[groups]\ngross = 144\n[prefixes]\n"in the order of" = "around"\n')
    lexicon = load_lexicon(tmp_path)
    found = parse_quantities("a gross of eggs for in the order of 500 people", lexicon)
    assert [(q.text, q.qualifier, q.low, q.high) for q in found] == [
        ("a gross", "exact", 144, 144), ("in the order of 500", "approx", 450, 550),
    ]
    # the built-in lexicon is untouched
    assert [q.text for q in parse_quantities("a gross of eggs for in the order of 500 people")] == ["500"]


def test_a_file_without_extends_replaces_the_builtin_one(tmp_path: Path) -> None:
    text = BUILTIN.read_text(encoding="utf-8").replace(
        "[approximations.around]\nbelow = 0.1\nabove = 0.1", "[approximations.around]\nbelow = 0.2\nabove = 0.2"
    )
    lexicon = load_lexicon(_write(tmp_path, text))
    assert lexicon.source == str(tmp_path / "quantities.toml")
    [about] = parse_quantities("about 500 people", lexicon)
    assert (about.low, about.high) == (400, 600)


def test_a_rules_folder_without_a_lexicon_uses_the_builtin_one(tmp_path: Path) -> None:
    assert load_lexicon(tmp_path) is load_lexicon()


# A bad lexicon, as an overlay on the built-in one, the key path the error must name, and a
# piece of its message.
BAD = [
    ('bogus = 1', "bogus", "unknown key"),
    ('[vague]\nlow_factr = 2', "vague.low_factr", "unknown key"),
    ('[cardinals]\nseven = "7"', "cardinals.seven", "integer"),
    ('[cardinals]\ntwentythree = 23', "cardinals", "write 23 as two words"),
    ('[prefixes]\n"about" = "arround"', "prefixes.about", "unknown action 'arround'"),
    ('[prefixes]\n"give or take" = "nearly_"', 'prefixes."give or take"', "unknown action"),
    ('[plurals]\nbrethren = "brother"', "plurals.brethren", "not a number word"),
    ('[approximations.around]\nbelow = 2', "approximations.around.below", "less than or equal to 1"),
    ('[vague.quantifiers]\n"a few" = [5, 2]', "vague.quantifiers", "0 < low <= high"),
    ('[dates.months]\nSmarch = 13', "dates.months", "a month is 1 to 12"),
    ('[suffixes]\n"or so" = "around"', 'suffixes."or so"', "at_least"),
]


@pytest.mark.parametrize(("overlay", "key_path", "message"), BAD, ids=[b[1] for b in BAD])
def test_a_bad_lexicon_is_rejected_with_its_file_and_key_path(tmp_path, overlay, key_path, message) -> None:
    path = _write(tmp_path, f'extends = "builtin"\n{overlay}\n')
    with pytest.raises(LexiconError) as raised:
        load_lexicon(path)
    assert raised.value.file == str(path)
    assert raised.value.key_path == key_path
    assert message in raised.value.message
    assert str(path) in str(raised.value) and key_path in str(raised.value)


def test_a_lexicon_that_is_not_toml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[cardinals\nseven = 7\n")
    with pytest.raises(LexiconError, match="not valid TOML") as raised:
        load_lexicon(path)
    assert raised.value.file == str(path)


def test_a_missing_lexicon_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read the file"):
        load_lexicon(tmp_path / "nowhere.toml")


def test_a_lexicon_error_is_a_rule_error_so_the_cli_exits_with_two() -> None:
    assert issubclass(LexiconError, RuleError)
