"""`reconcile check` end to end: a git repository with the seeds committed, a change on top, and
the command as CI runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_002 = "002_633bf2dcf50b54a3.txt"
# Not under GitHub Actions unless a test says so: no auto-selected format, no job summary.
PLAIN_ENV = {"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}

SOHR_90000 = (
    "The Syrian Observatory for Human Rights reports that 90,000 people have left eastern Aleppo "
    "since the offensive began."
)
UN_37000 = "The United Nations says 37,000 people have left eastern Aleppo since the offensive began."
AGREES = (
    "A Syrian army officer said the number of men forced to join the army upon fleeing eastern Aleppo "
    "had reached about 6,000."
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def article(body: str, date: str = "2016-12-13", before: str = "") -> str:
    return f"Title: Aleppo update\nDate: {date}\nSource: Example News\n\n{before}{body}\n"


@pytest.fixture(scope="module")
def seeds_repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("template") / "newsroom"
    (repo / "articles").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, repo / "articles" / seed.name)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "seeds")
    # Warm the claim cache once (a check with nothing changed), so each copy extracts only its change.
    warm = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", "--base", "HEAD", "--format", "line"],
        cwd=repo, capture_output=True, text=True, env={**os.environ, **PLAIN_ENV},
    )
    assert (warm.returncode, warm.stdout) == (0, ""), warm.stderr
    return repo


@pytest.fixture
def repo(seeds_repo, tmp_path) -> Path:
    copy = tmp_path / "newsroom"
    shutil.copytree(seeds_repo, copy)
    return copy


def commit(repo: Path, name: str, text: str) -> None:
    (repo / "articles" / name).write_text(text, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", f"add {name}")


def annotations(stdout: str) -> list[tuple[str, str, int, str, str]]:
    found = []
    for line in stdout.splitlines():
        if line.startswith(("::group::", "::endgroup::")):
            continue
        match = re.fullmatch(r"::(error|warning|notice) file=([^,]*),line=(\d+),col=\d+,title=([^,]*)::(.*)", line)
        assert match, f"not an annotation: {line!r}"
        found.append((match[1], match[2], int(match[3]), match[4], match[5]))
    return found


def test_a_conflicting_document_fails_with_an_annotation_naming_the_un_figure(repo, run_cli):
    commit(repo, "sohr.md", article(SOHR_90000))
    done = run_cli("check", "--base", "HEAD~1", "--format", "github", cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 1, done.stderr
    found = annotations(done.stdout)
    assert found and {(path, line) for _, path, line, _, _ in found} == {("articles/sohr.md", 5)}
    un = [a for a in found if "37,000 (United Nations) in articles/002_633bf2dcf50b54a3.txt line 433" in a[4]]
    assert [(level, message.split(".")[0]) for level, _, _, _, message in un] == [
        ("error", "90,000 (Syrian Observatory for Human Rights) conflicts with 37,000 (United Nations) in "
                  "articles/002_633bf2dcf50b54a3")
    ]
    assert any(level == "notice" and "at least 100,000 (Russia)" in message for level, _, _, _, message in found)
    assert done.stdout.startswith("::group::reconcile: articles/sohr.md\n")


def test_a_document_that_agrees_with_the_corpus_passes(repo, run_cli):
    commit(repo, "officer.md", article(AGREES))
    done = run_cli("check", "--base", "HEAD~1", "--format", "github", cwd=repo, env=PLAIN_ENV)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    report = json.loads(run_cli("report", "articles", "--format", "json", cwd=repo).stdout)
    compared = [
        (f["verdict"], sorted(m["doc"] for fig in f["figures"] for m in fig["mentions"]))
        for f in report["findings"] if any(m["doc"] == "officer.md" for fig in f["figures"] for m in fig["mentions"])
    ]
    # The officer's figure was compared with the Observatory's 6,000 in seed 002, and agreed.
    assert ("agree", [SEED_002, "officer.md"]) in compared
    assert all(verdict in ("agree", "same", "update") for verdict, _ in compared)


def test_repeating_the_uns_figure_passes_and_joins_the_known_conflict(repo, run_cli):
    commit(repo, "again.md", article(UN_37000))
    done = run_cli("check", "--base", "HEAD~1", "--format", "json", cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 0, done.stderr
    check = json.loads(done.stdout)["check"]
    assert check["new"] == []
    known = json.loads(run_cli("report", "articles", "--format", "json", cwd=repo).stdout)["findings"]
    un_vs_russia = [
        f["id"] for f in known
        if f["verdict"] == "disagree" and {fig["source"] for fig in f["figures"]} == {"United Nations", "Russia"}
    ]
    assert un_vs_russia and un_vs_russia[0] in [k["finding"] for k in check["known"]]
    for entry in check["known"]:
        assert [(m["doc"], m["line"], m["text"]) for m in entry["added"]] == [("articles/again.md", 5, "37,000")]


def test_a_malformed_rule_file_exits_2_with_a_clear_message(repo, run_cli):
    commit(repo, "sohr.md", article(SOHR_90000))
    rules = repo / "house-rules" / "categories"
    rules.mkdir(parents=True)
    builtin = (SEEDS.parent / "rules" / "categories" / "fled.toml").read_text(encoding="utf-8")
    (rules / "fled.toml").write_text('colour = "red"\n' + builtin, encoding="utf-8")
    done = run_cli("check", "--base", "HEAD~1", "--rules", str(repo / "house-rules"), cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 2
    message = " ".join(done.stderr.split())
    assert message.startswith(f"error: bad rules: {rules / 'fled.toml'}: ")
    assert message == f"error: bad rules: {rules / 'fled.toml'}: colour: unknown key"
    assert done.stdout == ""


def test_the_sarif_output_validates_and_relates_the_un_claim(repo, run_cli, sarif_schema):
    commit(repo, "sohr.md", article(SOHR_90000))
    target = repo.parent / "out" / "reconcile.sarif"
    done = run_cli("check", "--base", "HEAD~1", "--format", "line", "--output-sarif", str(target), cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 1, done.stderr
    log = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(log, sarif_schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    results = log["runs"][0]["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {"articles/sohr.md"}
    related = {
        (rl["physicalLocation"]["artifactLocation"]["uri"], rl["physicalLocation"]["region"]["startLine"])
        for r in results if r["level"] == "error" for rl in r["relatedLocations"]
    }
    assert (f"articles/{SEED_002}", 433) in related
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    assert all(line.startswith("articles/sohr.md:5:") for line in done.stdout.splitlines())


def test_hostile_article_text_cannot_inject_annotations(repo, run_cli):
    hostile = (
        "::error file=articles/x.md,line=1::forged %0A::error::forged | a | b | [bold]loud[/bold] "
        "<img src=x onerror=alert(1)>\n\n" + SOHR_90000 + " ::warning::also forged %0A"
    )
    commit(repo, "hostile.md", article(hostile))
    done = run_cli("check", "--base", "HEAD~1", "--format", "github", cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 1, done.stderr
    found = annotations(done.stdout)
    assert {(path, line) for _, path, line, _, _ in found} == {("articles/hostile.md", 7)}
    assert not any(line.startswith("::error::") or "x.md" in line for line in done.stdout.splitlines())


def test_under_github_actions_the_format_is_github_and_the_summary_is_written(repo, run_cli):
    commit(repo, "sohr.md", article(SOHR_90000))
    summary = repo.parent / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_SERVER_URL": "https://github.com",
           "GITHUB_REPOSITORY": "newsroom/articles", "GITHUB_SHA": "abc123"}
    done = run_cli("check", "--base", "HEAD~1", cwd=repo, env=env)
    assert done.returncode == 1
    assert annotations(done.stdout)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n# reconcile check\n")
    assert "[articles/sohr.md:5](https://github.com/newsroom/articles/blob/abc123/articles/sohr.md#L5)" in text
    assert "![Chart" not in text


def test_a_baseline_accepts_results_even_after_the_text_moves(repo, run_cli):
    commit(repo, "sohr.md", article(SOHR_90000))
    baseline = repo / "reconcile-baseline.json"
    done = run_cli("check", "--base", "HEAD~1", "--write-baseline", str(baseline), cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 0 and "recorded" in done.stderr
    accepted = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert accepted and all(entry["doc"] == "articles/sohr.md" for entry in accepted)
    moved = article(SOHR_90000, before="An added paragraph.\n\nAnother one.\n\n")
    (repo / "articles" / "sohr.md").write_text(moved, encoding="utf-8")
    done = run_cli("check", "--base", "HEAD~1", "--baseline", str(baseline), "--format", "line", cwd=repo, env=PLAIN_ENV)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr


def test_a_suppression_comment_silences_and_a_stale_one_is_reported(repo, run_cli):
    commit(repo, "sohr.md", article(SOHR_90000, before="<!-- reconcile-ignore figures-disagree -->\n"))
    done = run_cli("check", "--base", "HEAD~1", "--format", "line", cwd=repo, env=PLAIN_ENV)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    commit(repo, "quiet.md", article(AGREES, before="<!-- reconcile-ignore killed -->\n"))
    done = run_cli("check", "--base", "HEAD~1", "--format", "line", "--fail-on", "warning", cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 1
    assert done.stdout == (
        "articles/quiet.md:5:1: warning: reconcile-ignore killed (lines 5–6) matches no finding; remove it "
        "[unused-suppression]\n"
    )


def test_configuration_is_read_and_an_unknown_key_is_named(repo, run_cli):
    commit(repo, "sohr.md", article(SOHR_90000))
    (repo / "reconcile.toml").write_text('corpus = ["articles"]\nfail_on = "error"\n[thresholds]\nerror_spread = 10.0\n',
                                         encoding="utf-8")
    done = run_cli("check", "--base", "HEAD~1", "--format", "line", cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 0, done.stdout + done.stderr  # 9 times is now only a warning
    assert "warning: 90,000 (Syrian Observatory for Human Rights) conflicts with 37,000" in done.stdout
    (repo / "reconcile.toml").write_text('corpus = ["articles"]\nfail_level = "error"\n', encoding="utf-8")
    done = run_cli("check", "--base", "HEAD~1", cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 2
    assert " ".join(done.stderr.split()) == f"error: {repo / 'reconcile.toml'}: unknown key 'fail_level'"


def test_the_claim_cache_holds_every_file_after_one_run(repo, run_cli):
    commit(repo, "sohr.md", article(SOHR_90000))
    assert run_cli("check", "--base", "HEAD~1", cwd=repo, env=PLAIN_ENV).returncode == 1
    rows = sqlite3.connect(repo / ".reconcile" / "cache.sqlite").execute("SELECT path FROM files ORDER BY path").fetchall()
    assert [row[0] for row in rows] == sorted(
        [f"articles/{seed.name}" for seed in SEEDS.glob("*.txt")] + ["articles/sohr.md"]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "error: nothing to check: give NEW documents, or --base REF to check what changed since REF"),
        (("--base", "no-such-ref"), "error: --base no-such-ref: git rev-parse: fatal: Needed a single revision"),
        (("articles/missing.md",), "error: articles/missing.md: no such file or folder"),
        (("articles/sohr.md", "--baseline", "nope.json"), "error: baseline nope.json: cannot read: No such file or directory"),
    ],
)
def test_usage_errors_exit_2(repo, run_cli, args, message):
    commit(repo, "sohr.md", article(SOHR_90000))
    done = run_cli("check", *args, cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 2
    assert " ".join(done.stderr.split()) == message


def _edit_seed_002(repo: Path, addition: str) -> None:
    path = repo / "articles" / SEED_002
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Signs of friction emerged early Wednesday", addition + "\n\nSigns of friction emerged early Wednesday", 1),
                    encoding="utf-8")


def test_an_edited_document_reports_only_what_the_edit_adds(repo, run_cli):
    _edit_seed_002(repo, SOHR_90000)
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "edit 002")
    done = run_cli("check", "--base", "HEAD~1", "--format", "line", cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(line.startswith(f"articles/{SEED_002}:610:") for line in lines), lines
    assert all("90,000 (Syrian Observatory for Human Rights) conflicts with" in line for line in lines)


def test_a_named_file_with_uncommitted_edits_is_checked_like_a_pre_commit_hook(repo, run_cli):
    _edit_seed_002(repo, "A paragraph without figures.")
    done = run_cli("check", f"articles/{SEED_002}", "--format", "line", cwd=repo, env=PLAIN_ENV)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    _git(repo, "checkout", "--", ".")
    done = run_cli("check", f"articles/{SEED_002}", "--format", "line", cwd=repo, env=PLAIN_ENV)
    assert done.returncode == 1  # committed and unedited: checked whole against the rest, as asked
    assert any("37,000 (United Nations)" in line for line in done.stdout.splitlines())
