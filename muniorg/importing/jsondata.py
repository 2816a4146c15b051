"""JSON extracts: parsed with the line and column of a syntax error, rows located by a value.

Example:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.json"
    >>> _ = path.write_text('[\\n {"id": "NO-0301"}\\n]', encoding="utf-8")
    >>> rows, lines = load_json(path), line_finder(path)
    >>> rows, lines("NO-0301")
    ([{'id': 'NO-0301'}], 2)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from muniorg.core.errors import InputError
from muniorg.core.location import SourceLocation
from muniorg.importing.records import read_text


def load_json(path: Path) -> Any:
    """The JSON value of ``path``, or an :class:`InputError` at the line and column of the error."""
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        where = SourceLocation(str(path), err.lineno, err.colno)
        raise InputError(f"not JSON: {err.msg}", where) from err


def line_finder(path: Path) -> Callable[[str], int]:
    """A function giving the line of the first ``"value"`` string in the file (0 if none)."""
    text = read_text(path)

    def line(value: str) -> int:
        offset = text.find(json.dumps(value, ensure_ascii=False))
        return text.count("\n", 0, offset) + 1 if offset >= 0 else 0

    return line


def rows_of(value: Any, path: Path, *keys: str) -> list[dict[str, Any]]:
    """The list of objects of a JSON extract: a list, one object, or a list under ``keys``
    (``_embedded`` / ``enheter`` of the Enhetsregisteret API's search responses)."""
    for key in keys:
        if isinstance(value, dict) and isinstance(value.get(key), (dict, list)):
            value = value[key]
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InputError(f"{path}: expected a JSON object or a list of objects")
    return value
