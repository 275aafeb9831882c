"""Faults a user can cause: a runaway rule pattern, an unwritable report, a bad --max-size."""

from pathlib import Path

RUNAWAY_CATEGORY = """
category = "stuck"
description = "a category whose only pattern backtracks without end on a run of a's"
basis = "stock"
subjects = ["people"]
frames = []

[triggers]
predicate = ['stuck']

[[patterns]]
id = "runaway"
pattern = '''(?:a|aa)+b{quantity}'''
priority = 50
"""


def test_a_runaway_pattern_stops_the_run_with_exit_2_and_names_the_pattern(tmp_path, run_cli):
    (tmp_path / "rules" / "categories").mkdir(parents=True)
    (tmp_path / "rules" / "categories" / "stuck.toml").write_text(RUNAWAY_CATEGORY)
    article = tmp_path / "a.txt"
    # The sentence holds every word the pattern needs ("b"), so no gate can spare the pattern a try.
    article.write_text("Date: 2016-12-13\n\n" + "a" * 40 + " 30 people were stuck in block b, officials said.\n")
    result = run_cli("extract", str(article), "--rules", str(tmp_path / "rules"))
    assert result.returncode == 2
    assert "bad rules" in result.stderr and "took longer than" in result.stderr
    assert "(?:a|aa)+b" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unwritable_markdown_target_is_an_input_error(tmp_path, run_cli):
    (tmp_path / "taken").mkdir()
    result = run_cli("report", "--markdown", str(tmp_path / "taken"))
    assert result.returncode == 2
    assert "cannot write" in result.stderr and "internal error" not in result.stderr


def test_max_size_must_be_positive(run_cli):
    result = run_cli("docs", "seeds", "--max-size", "-5")
    assert result.returncode == 2
    assert "positive number of bytes" in result.stderr


def test_decoding_warnings_reach_extract_and_report(tmp_path, run_cli):
    (tmp_path / "a.txt").write_bytes(b"Date: 2016-12-13\n\nCaf\xe9: 300 people fled eastern Aleppo, the U.N. said.\n")
    for command in ("extract", "report"):
        result = run_cli(command, str(tmp_path))
        assert "1 decoding warning(s)" in result.stderr, command


def test_a_closed_pipe_is_not_reported_as_clean(tmp_path):
    import subprocess
    import sys

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    # docs --format json writes about 160 KB: more than a pipe holds, so the writer meets the
    # closed end whatever the timing.
    command = f"{sys.executable} -m reconcile docs {seeds} --format json | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=300)
    assert result.stdout.strip() == "2"
    assert "Traceback" not in result.stderr
