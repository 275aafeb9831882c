import os
import subprocess
import sys

import pytest


@pytest.fixture
def run_cli():
    """Run the real `reconcile` command (as `python -m reconcile`) and capture its output."""

    def run(*args, cwd=None, env=None, input=None):
        return subprocess.run(
            [sys.executable, "-m", "reconcile", *args],
            capture_output=True,
            text=True,
            cwd=cwd,
            env={**os.environ, "COLUMNS": "200", **(env or {})},
            input=input,
            timeout=300,
        )

    return run
