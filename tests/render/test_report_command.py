"""`reconcile report` end to end in its three formats, with the gold claims standing in for the
extractor (extract_with_rules is the one call that turns documents into claims)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reconcile.cli import report_cmd
from reconcile.cli.main import main
from reconcile.compare import reconcile
from reconcile.group import PlaceHierarchy, SourceHierarchy


@pytest.fixture
def gold_extractor(monkeypatch, gold):
    claims = gold.gold_claims()
    monkeypatch.setattr(
        report_cmd, "extract_with_rules", lambda documents, rules, jobs=1: (claims, PlaceHierarchy(), SourceHierarchy())
    )
    return claims


def test_json_is_the_contract(gold_extractor, capsys):
    assert main(["report", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert list(payload) == ["version", "documents", "claims", "findings", "errors"]
    assert payload["version"] == 1
    assert len(payload["documents"]) == 5 and len(payload["claims"]) == 42 and payload["errors"] == []
    expected = [f.verdict for f in reconcile(gold_extractor).findings]
    assert [finding["verdict"] for finding in payload["findings"]] == expected
    first = payload["findings"][0]
    assert set(first) == {"id", "topic", "verdict", "level", "spread", "why", "figures", "claims"}
    assert first["verdict"] == "disagree" and round(first["spread"], 2) == 2.7


def test_terminal_shows_the_summary_and_each_disagreement(gold_extractor, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "5 document(s), 42 claim(s), 12 topic(s)" in out
    assert out.count("cannot both be true") == 4 and out.count("a running total cannot fall") == 1
    assert "002_633bf2dcf50b54a3.txt:432" in out
    assert re.search(r"Russia \(party\)\s*│.*at least 100,000", out)


def test_markdown_report_with_charts_and_working_links(gold_extractor, tmp_path, capsys):
    target = tmp_path / "out" / "seeds.md"
    assert main(["report", "--markdown", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Where the figures disagree")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(images) == 12
    for image in images:
        assert (target.parent / image).is_file()
    links = re.findall(r"\]\(([^)#]+)#L(\d+)\)", text)
    assert links
    for path, line in links:
        source = (target.parent / path).resolve()
        assert source.is_file() and int(line) <= len(source.read_text(encoding="utf-8").splitlines())


def test_unreadable_input_exits_2_after_the_report(gold_extractor, tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["report", "--format", "json", str(report_cmd.default_seeds_dir()), str(missing)]) == 2
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    assert payload["findings"] and payload["errors"][0]["path"] == str(missing)
    assert "missing.txt" in captured.err


def test_unusable_rules_exit_2_with_the_reason(monkeypatch, capsys):
    def refuse(documents, rules, jobs=1):
        raise report_cmd.RulesUnusable("rules/categories/fled.toml: triggers[0]: bad pattern")

    monkeypatch.setattr(report_cmd, "extract_with_rules", refuse)
    assert main(["report"]) == 2
    assert "fled.toml: triggers[0]" in capsys.readouterr().err


def test_default_path_is_the_bundled_seeds():
    seeds = report_cmd.default_seeds_dir()
    assert sorted(p.name for p in Path(seeds).glob("*.txt"))[0] == "000_ed08f42741921c20.txt"


def test_jobs_give_the_same_report_as_one_process(tmp_path, run_cli):
    """Worker processes split the documents; the findings must not depend on how."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = report_cmd.default_seeds_dir()
    for copy in range(14):  # 70 documents: past the size below which --jobs stays in one process
        for seed in Path(seeds).glob("*.txt"):
            (corpus / f"{copy:02d}-{seed.name}").write_bytes(seed.read_bytes())
    one = run_cli("report", str(corpus), "--format", "json")
    two = run_cli("report", str(corpus), "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert json.loads(one.stdout) == json.loads(two.stdout)
