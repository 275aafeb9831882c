"""`[tool.reconcile]` in pyproject.toml or reconcile.toml: found, read, and strict about keys."""

from __future__ import annotations

import pytest

from reconcile.config import ConfigError, find_config, load_config


def test_reconcile_toml_wins_over_pyproject_and_paths_are_relative_to_it(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.reconcile]\nfail_on = "notice"\n', encoding="utf-8")
    (tmp_path / "reconcile.toml").write_text(
        'corpus = ["articles", "wire"]\nrules = "house-rules"\nfail_on = "warning"\n'
        "[thresholds]\nerror_spread = 3.0\n[time]\ncumulative_days = 10\n",
        encoding="utf-8",
    )
    nested = tmp_path / "articles" / "2016"
    nested.mkdir(parents=True)
    loaded = load_config(find_config(nested))
    assert loaded.file == tmp_path / "reconcile.toml"
    assert loaded.settings.corpus == ["articles", "wire"]
    assert loaded.resolve(loaded.settings.rules) == tmp_path / "house-rules"
    config = loaded.settings.reconcile_config()
    assert (loaded.settings.fail_on, config.thresholds.error_spread, config.time.cumulative_days) == ("warning", 3.0, 10)


def test_a_pyproject_without_the_table_is_not_a_configuration(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")
    assert find_config(tmp_path) is None
    assert load_config(None).settings.fail_on == "error"


def test_the_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / "reconcile.toml").write_text('fail_on = "notice"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_config(repo) is None


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("pyproject.toml", '[tool.reconcile]\nfial_on = "error"\n', "unknown key 'tool.reconcile.fial_on'"),
        ("reconcile.toml", "[thresholds]\nerror_spred = 3\n", "unknown key 'thresholds.error_spred'"),
        ("reconcile.toml", 'fail_on = "loud"\n', "'fail_on': Input should be 'notice', 'warning' or 'error'"),
        ("reconcile.toml", "fail_on = \n", "not valid TOML: Invalid value (at line 1, column 11)"),
        ("reconcile.toml", "[time]\nstock_days = -1\n", "'time.stock_days': Input should be greater than or equal to 0"),
    ],
)
def test_a_bad_setting_names_the_file_and_the_key(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: {message}"
