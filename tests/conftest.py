"""Shared fixtures."""

from __future__ import annotations

import pytest
from click.testing import CliRunner


@pytest.fixture
def runner() -> CliRunner:
    """Runs CLI commands in-process; ``result.stdout`` and ``result.stderr`` stay apart."""
    return CliRunner()
