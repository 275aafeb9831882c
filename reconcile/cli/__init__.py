"""The command line: the only part of reconcile that reads files, writes outputs and picks exit codes."""
