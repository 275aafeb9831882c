"""The entry point: help lists every command, and a bug exits 2 with one line, not 1 with a traceback."""

from reconcile.cli import docs_cmd, main


def test_help_lists_every_command(run_cli):
    result = run_cli("--help")
    assert result.returncode == 0
    for name in main.COMMANDS:
        assert name in result.stdout
    assert "not yet built" not in result.stdout


def test_an_internal_error_exits_2_with_one_line(monkeypatch, capsys, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(docs_cmd, "load_inputs", broken)
    monkeypatch.delenv("RECONCILE_DEBUG", raising=False)
    assert main.main(["docs", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_usage_error_exits_2(run_cli):
    result = run_cli("docs")
    assert result.returncode == 2
    assert "usage:" in result.stderr
