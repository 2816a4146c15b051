"""How the CLI writes to terminals: colour only where it is wanted (files are written with
:mod:`muniorg.formats.files`).

Example:
    >>> import io
    >>> use_color(io.StringIO(), {})
    False
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO, Any

__all__ = ["use_color"]


def use_color(stream: IO[Any], environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour output to ``stream``: only on a terminal, and not when ``NO_COLOR``
    is set to a non-empty value (https://no-color.org)."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR", ""):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
