"""JSON extracts: parsed with the line and column of a syntax error, rows located by a value,
each row's fields read by type (a value of the wrong type is an error naming its JSON path).

Example:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.json"
    >>> _ = path.write_text('[\\n {"id": "NO-0301", "population": "many"}\\n]', encoding="utf-8")
    >>> rows, lines = load_json(path), line_finder(path)
    >>> rows[0]["id"], lines("NO-0301")
    ('NO-0301', 2)
    >>> row = json_rows(rows, path)[0]
    >>> row.text("id"), row.path
    ('NO-0301', '$[0]')
    >>> row.integer("population")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    muniorg.core.errors.InputError: ...a.json: $[0].population: expected a whole number, got "many"
"""

from __future__ import annotations

import json
import json.scanner
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from muniorg.core.errors import InputError
from muniorg.core.location import SourceLocation
from muniorg.importing.records import read_text


def load_json(path: Path) -> Any:
    """The JSON value of ``path``, or an :class:`InputError` at the line and column of the error.

    An object that names a key twice is an error too (as in the authoring files): JSON readers
    keep one of the two values, and which one differs between them.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "d.json"
    >>> _ = path.write_text('[\\n {"id": "NO-0301", "name": "Oslo", "name": "Bergen"}]')
    >>> load_json(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    muniorg.core.errors.InputError: ...d.json:2:2: not JSON muniorg reads: the key "name" twice in one object
    """
    text = read_text(path)
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as err:
        where = SourceLocation(str(path), err.lineno, err.colno)
        raise InputError(f"not JSON: {err.msg}", where) from err
    except RecursionError:  # '[[[[...' thousands deep: no registry's, and no reader's
        raise InputError(
            f"{path}: not JSON muniorg reads: arrays or objects nested too deep"
        ) from None
    except _DuplicateKey as err:
        where = SourceLocation.at(str(path), text, _duplicate_at(text))
        shown = json.dumps(err.key, ensure_ascii=False)
        message = f"not JSON muniorg reads: the key {shown} twice in one object"
        raise InputError(message, where) from None


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key
        #: The offset of the object that has the key twice, once known.
        self.at: int | None = None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


def _duplicate_at(text: str) -> int:
    """The offset of the first object of ``text`` that has a key twice. Only read after
    :func:`_unique_keys` found one: the pure-Python scanner, slower, tells where objects start."""

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> Any:
        try:
            return json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        except _DuplicateKey as err:
            if err.at is None:  # the innermost object: the one with the key twice
                err.at = s_and_end[1] - 1
            raise

    decoder = json.JSONDecoder(object_pairs_hook=_unique_keys)
    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        decoder.decode(text)
    except _DuplicateKey as err:
        return err.at or 0
    except RecursionError:  # deeper than the pure-Python scanner goes: the start of the file
        return 0
    return 0


def line_finder(path: Path) -> Callable[[str], int]:
    """A function giving the line of the first ``"value"`` string in the file (0 if none)."""
    text = read_text(path)

    def line(value: str) -> int:
        offset = text.find(json.dumps(value, ensure_ascii=False))
        return text.count("\n", 0, offset) + 1 if offset >= 0 else 0

    return line


def json_rows(value: Any, path: Path, *keys: str) -> list[Row]:
    """The objects of :func:`rows_of`, each with its JSON path (``$[3]``, ``$`` for one object,
    ``$._embedded.enheter[0]``).

    >>> [r.path for r in json_rows({"_embedded": {"enheter": [{}, {}]}}, Path("a"), "_embedded", "enheter")]
    ['$._embedded.enheter[0]', '$._embedded.enheter[1]']
    """
    base = "$"
    for key in keys:
        if isinstance(value, dict) and isinstance(value.get(key), (dict, list)):
            base += f".{key}"
            value = value[key]
    rows = rows_of(value, path)
    if isinstance(value, dict):
        return [Row(str(path), base, rows[0])]
    return [Row(str(path), f"{base}[{index}]", row) for index, row in enumerate(rows)]


@dataclass
class Row:
    """One object of a JSON extract: its file, JSON path and (once known) line, and its fields
    read by type. A value of the wrong type (a number for a name, text for a population, an
    infinite number ...) is an :class:`InputError` naming the file, the line, the field's JSON
    path and the value: such an extract is not the registry's format, and guessing would write
    wrong facts. ``null`` counts as missing.
    """

    file: str
    path: str
    data: dict[str, Any]
    #: The line of the row in the file (0 while not known: the error then gives the path alone).
    line: int = 0

    def error(self, key: str, problem: str) -> InputError:
        """An :class:`InputError` about the field ``key`` of this row."""
        return InputError(f"{self.path}.{key}: {problem}", SourceLocation(self.file, self.line))

    def _wrong(self, key: str, expected: str) -> InputError:
        shown = json.dumps(self.data.get(key), ensure_ascii=False)
        return self.error(key, f"expected {expected}, got {shown}")

    def text(self, key: str, required: bool = False) -> str | None:
        """The text of ``key``, stripped (``None`` if missing, null or blank: an error when
        ``required``)."""
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise self._wrong(key, "text")
        if value is None or not value.strip():
            if required:
                raise self.error(key, "missing or empty (the row needs it)")
            return None
        return value.strip()

    def integer(self, key: str) -> int | None:
        """The whole number of ``key`` (``None`` if missing or null); a number written with a
        fraction of zero (``717710.0``, as some JSON writers give every number) is one."""
        value = self.data.get(key)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise self._wrong(key, "a whole number")
        return value

    def number(self, key: str) -> float | None:
        """The finite number of ``key`` as a float (``None`` if missing or null)."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self._wrong(key, "a number")
        if not math.isfinite(value):
            raise self._wrong(key, "a finite number")
        return float(value)

    def child(self, key: str) -> Row | None:
        """The object of ``key`` as a row of its own (``None`` if missing or null)."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self._wrong(key, "an object")
        return Row(self.file, f"{self.path}.{key}", value, self.line)

    def texts(self, key: str) -> list[str]:
        """The non-empty texts of the list ``key`` (empty if missing or null)."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, (str, type(None))) for v in value):
            raise self._wrong(key, "a list of texts")
        return [v for v in value if v]


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
