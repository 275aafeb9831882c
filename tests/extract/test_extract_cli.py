"""End to end: the real `reconcile extract` and `reconcile explain` commands."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLAIM_KEYS = {"id", "doc", "rule", "category", "subject", "subject_class", "quantity", "source", "place", "time", "parent", "span"}


def test_extract_json_lines_one_claim_a_line(run_cli):
    result = run_cli("extract", str(ROOT / "seeds"), "--format", "json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    claims = [json.loads(line) for line in lines]
    assert len(claims) == 41
    assert all(set(c) == CLAIM_KEYS for c in claims)
    ids = [c["id"] for c in claims]
    assert len(set(ids)) == len(ids)
    first = next(c for c in claims if c["quantity"]["text"] == "More than 10,500")
    assert first["doc"] == "004_3ae16b25287423a4.txt"
    assert first["category"] == "fled"
    assert first["source"] == {"name": "Russia", "role": "party", "raw": "Russian officials", "speaker": None, "attributed": True}
    assert first["time"]["window"] == "last 24 hours"
    assert (first["time"]["start"], first["time"]["end"], first["time"]["basis"]) == ("2016-12-08", "2016-12-09", "flow")
    assert first["place"]["name"] == "eastern Aleppo"
    assert first["span"]["line"] == 341
    assert "\x1b" not in result.stdout and "extracting" not in result.stdout


def test_claim_ids_survive_lines_moving(run_cli, tmp_path):
    seed = (ROOT / "seeds" / "004_3ae16b25287423a4.txt").read_text("utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text(seed, "utf-8")
    (tmp_path / "b" / "story.txt").write_text("<div>\n\n</div>\n\n" * 5 + seed, "utf-8")
    runs = [run_cli("extract", str(tmp_path / side), "--format", "json") for side in ("a", "b")]
    claims = [[json.loads(line) for line in run.stdout.splitlines()] for run in runs]
    assert [c["id"] for c in claims[0]] == [c["id"] for c in claims[1]]
    assert [c["span"]["line"] + 20 for c in claims[0]] == [c["span"]["line"] for c in claims[1]]


def test_extract_table_names_source_and_place(run_cli):
    result = run_cli("extract", str(ROOT / "seeds" / "004_3ae16b25287423a4.txt"))
    assert result.returncode == 0, result.stderr
    assert "7 claim(s)" in result.stdout
    assert "Russia" in result.stdout and "eastern Aleppo" in result.stdout


def test_extract_unreadable_path_exits_2(run_cli, tmp_path):
    result = run_cli("extract", str(tmp_path / "missing.txt"), "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""


def test_explain_shows_rule_source_and_resolved_weekday(run_cli):
    result = run_cli(
        "explain",
        "He also said that two members of the pro-government forces were reported to have summarily shot four men in front of their families on Sunday.",
        "--date", "2016-12-09",
    )
    assert result.returncode == 0, result.stderr
    assert "killed/action_object" in result.stdout
    assert "2016-12-04" in result.stdout
    assert "unidentified speaker" in result.stdout


def test_explain_rejects_a_bad_date(run_cli):
    result = run_cli("explain", "12 people were killed.", "--date", "Friday")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr
