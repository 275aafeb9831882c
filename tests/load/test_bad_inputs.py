"""A folder of bad inputs: every good document still loads, each bad one gets one clear line."""

import json
import os
from pathlib import Path

import pytest

from reconcile.cli.inputs import load_inputs
from reconcile.load import CsvColumns

GOOD_TEXT = "Title: A good article\nDate: 2016-12-13\n\nAbout 37,000 people have fled, the U.N. said.\n"


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "also-good.md").write_text("# Headline\n\nSome text here.\n")
    (tmp_path / "broken.html").write_text("<html><body><article><p>Broken <b>nesting</i> here.<p>More")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.dat").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.write(b"Words and more words. " * (50 * 1024 * 1024 // 22 + 1))
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing-target.txt")
    return tmp_path


EXPECTED_ERRORS = {
    "binary.dat": "binary content (NUL bytes)",
    "dangling.txt": "cannot read",
    "empty.txt": "empty file",
    "huge.txt": "larger than an article",
    "image.html": "binary content (a PNG image)",
}


def test_cli_loads_the_good_and_names_each_bad_file(bad_folder, run_cli):
    result = run_cli("docs", str(bad_folder), "--format", "json")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    payload = json.loads(result.stdout)
    assert sorted(d["id"] for d in payload["documents"]) == ["broken.html", "good.txt", "nested/also-good.md"]
    errors = {Path(e["path"]).name: e["reason"] for e in payload["errors"]}
    assert sorted(errors) == sorted(EXPECTED_ERRORS)
    for name, reason in EXPECTED_ERRORS.items():
        assert reason in errors[name]
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == len(EXPECTED_ERRORS)
    for name in EXPECTED_ERRORS:
        assert sum(name in line for line in error_lines) == 1


def test_unreadable_file_is_reported_and_the_rest_loads(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD_TEXT)
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: make the read fail as it would for a user
        real_read = Path.read_bytes

        def read_bytes(self):
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_read(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    documents, errors = load_inputs([str(tmp_path)])
    assert [d.id for d in documents] == ["good.txt"]
    assert [(Path(e.path).name, e.reason) for e in errors] == [("locked.txt", "cannot read: Permission denied")]


def test_missing_path_is_an_error(run_cli, tmp_path):
    result = run_cli("docs", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "nowhere: no such file or folder" in result.stderr


def test_a_csv_corpus_may_be_larger_than_an_article_and_a_text_may_not(tmp_path):
    rows = "".join(f'{n},"Row {n}: about 37,000 people have fled, the U.N. said."\n' for n in range(40))
    (tmp_path / "corpus.csv").write_text("id,text\n" + rows)
    (tmp_path / "renamed.csv").write_text("key,body_words\n" + rows)  # a text column only --csv-text names
    (tmp_path / "long.txt").write_text(GOOD_TEXT * 40)
    documents, errors = load_inputs([str(tmp_path)], max_size=1024)
    assert len(documents) == 40
    assert sorted((Path(e.path).name, e.reason.split(";")[0]) for e in errors) == [
        ("long.txt", "0.0 MiB is larger than an article (limit 0 MiB"),
        ("renamed.csv", "CSV: no text column found (columns: key, body_words)"),
    ]
    named = CsvColumns(id="key", text="body_words")
    documents, errors = load_inputs([str(tmp_path / "renamed.csv")], csv=named, max_size=1024)
    assert (len(documents), errors) == (40, [])
