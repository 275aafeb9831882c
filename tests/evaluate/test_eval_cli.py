"""End to end: `reconcile eval` against the seed gold, and against a gold file made to fail."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"


def test_eval_on_seeds_reports_full_core_recall(run_cli):
    result = run_cli("eval", "--gold", str(GOLD / "seeds-claims.jsonl"), str(ROOT / "seeds"), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    scores = report["scores"]
    assert scores["recall_by_tier"]["core"] == {"right": 29, "total": 29, "ratio": 1.0}
    assert scores["fields_core"]["source"]["ratio"] == 1.0
    assert scores["precision"]["ratio"] >= 0.95
    assert report["negatives_extracted"] == []
    assert sorted(g["id"] for g in report["missed"]) == ["d07-mortar-100", "d09-votes-122"]


def test_eval_reads_the_sibling_negatives_and_reports_them(run_cli, tmp_path):
    shutil.copy(GOLD / "seeds-claims.jsonl", tmp_path / "mine-claims.jsonl")
    (tmp_path / "mine-not-claims.jsonl").write_text(
        json.dumps({"doc": "004_3ae16b25287423a4.txt", "quote": "More than 10,500 people", "why": "made up"}) + "\n", "utf-8"
    )
    result = run_cli("eval", "--gold", str(tmp_path / "mine-claims.jsonl"), str(ROOT / "seeds"), "--format", "json")
    report = json.loads(result.stdout)
    assert [n["claim"]["quantity"]["text"] for n in report["negatives_extracted"]] == ["More than 10,500"]


def test_eval_table_lists_misses_and_extras(run_cli):
    result = run_cli("eval", "--gold", str(GOLD / "seeds-claims.jsonl"), str(ROOT / "seeds"))
    assert result.returncode == 0, result.stderr
    for words in ("recall, core", "100.0% (29/29)", "missed (2)", "extra (1)", "by category"):
        assert words in result.stdout


def test_eval_bad_gold_line_exits_2(run_cli, tmp_path):
    bad = tmp_path / "bad-claims.jsonl"
    bad.write_text('{"id": "x"}\n', "utf-8")
    result = run_cli("eval", "--gold", str(bad), str(ROOT / "seeds"))
    assert result.returncode == 2
    assert "bad-claims.jsonl:1" in result.stderr
