"""`check` reads sources through the rulebook's nesting, exactly as `report` does."""


def test_a_ministry_and_its_government_are_one_source(tmp_path, run_cli):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Title: A\nDate: 2016-12-13\n\nThe Russian Defence Ministry said 30,000 people have fled eastern Aleppo since the offensive began.\n"
    )
    new = corpus / "b.txt"
    new.write_text("Title: B\nDate: 2016-12-13\n\nRussia said 50,000 people have fled eastern Aleppo since the offensive began.\n")
    result = run_cli("check", str(new), "--corpus", str(corpus), "--format", "line", "--fail-on", "warning", "--no-cache")
    # One source giving two figures for the same time is its own revision (a notice), never a
    # disagreement between sources (which a built-in default nesting once made it).
    assert "[figures-disagree]" not in result.stdout, result.stdout
    assert "notice:" in result.stdout and "[figure-revised]" in result.stdout, result.stdout
    assert result.returncode == 0, result.stdout + result.stderr
