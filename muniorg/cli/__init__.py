"""The `muniorg` command: one module per command; `app` holds the group."""

from muniorg.cli.app import cli, main

__all__ = ["cli", "main"]
