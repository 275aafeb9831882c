"""A bad rule file fails with the file, the key path and, for a pattern, a caret at the error."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from reconcile.rulebook import RuleError, load_rulebook

CASES = tomllib.loads((Path(__file__).parent / "cases" / "bad_rules.toml").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_rule_file_is_named_with_key_and_caret(tmp_path, case):
    target = tmp_path / case["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(case["content"], encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_rulebook(tmp_path)
    lines = raised.value.describe().splitlines()
    expected = case["message"]
    assert lines[0].startswith(str(tmp_path / expected[0].split(":", 1)[0]) + ":" + expected[0].split(":", 1)[1])
    assert lines[1 : len(expected)] == expected[1:]


def test_missing_user_folder_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="not a folder of rule files"):
        load_rulebook(tmp_path / "nowhere")


def test_cli_reports_bad_rules_with_exit_2_and_no_traceback(tmp_path, run_cli):
    case = next(c for c in CASES if c["name"].startswith("bad regex"))
    (tmp_path / "categories").mkdir()
    (tmp_path / case["file"]).write_text(case["content"], encoding="utf-8")
    result = run_cli("rules", "check", str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "patterns[0].pattern: bad pattern: missing )" in result.stderr
    assert case["message"][2].strip() == result.stderr.splitlines()[-1].strip()
