"""Exit codes shared by every command (DESIGN.md, "Outputs and exit codes")."""

CLEAN = 0
FINDINGS = 1
USAGE_OR_INPUT = 2
