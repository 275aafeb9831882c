"""`reconcile check --jobs`: a cold corpus extracted in worker processes gives the check one
process gives (and its warm rerun from the cache), and still reports an unreadable file."""

import json
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NEW = (
    "Title: Aleppo\nDate: 2016-12-13\nSource: Bench News\n\nThe Syrian Observatory for Human Rights "
    "said 90,000 people had left eastern Aleppo since the offensive began.\n"
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for copy in range(14):  # 70 files: past the size below which extraction stays in one process
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{copy:02d}-{seed.name}").write_bytes(seed.read_bytes())
    (folder / "broken.txt").write_bytes(b"")
    (folder / "new.md").write_text(NEW, encoding="utf-8")
    return folder


def test_a_parallel_cold_check_matches_one_process_and_its_warm_rerun(tmp_path, run_cli):
    runs = {}
    for jobs in ("1", "2"):
        corpus = _corpus(tmp_path / f"corpus-{jobs}")
        arguments = ("check", str(corpus / "new.md"), "--corpus", str(corpus), "--format", "json")
        cold = run_cli(*arguments, "--jobs", jobs)
        warm = run_cli(*arguments)
        assert cold.returncode == warm.returncode == 1, cold.stderr  # the conflict with the UN's 37,000
        assert "skipped" in cold.stderr and "broken.txt: empty file" in cold.stderr
        assert warm.stdout == cold.stdout
        runs[jobs] = json.loads(cold.stdout.replace(f"corpus-{jobs}", "corpus"))
    assert runs["1"] == runs["2"]
    assert [result["level"] for result in runs["2"]["check"]["new"]] == ["error", "notice"]
    assert any("broken.txt" in error["path"] for error in runs["2"]["errors"])
