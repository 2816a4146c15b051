"""CSV extracts: rows as dictionaries with their line numbers, the header checked.

Files as spreadsheets save them are read too: column names in any case and with spaces around
them, and ``;`` as the separator where ``,`` is expected (or the reverse), as spreadsheets in
the Nordic countries save CSV; the separator is the one of the header line.

Example:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = path.write_text("cvr\\n29189994\\n", encoding="utf-8")
    >>> load_csv(path, {"cvr"})
    [(2, {'cvr': '29189994'})]
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from pathlib import Path

from muniorg.core.errors import InputError
from muniorg.core.location import SourceLocation
from muniorg.importing.records import read_text

#: A line break as the csv module counts lines (``line_num``).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _delimiter(text: str, expected: str) -> str:
    """``expected``, or the other of ``,`` and ``;`` where the header line holds only that one.

    >>> _delimiter("a;b;c\\n1;2;3\\n", ","), _delimiter("a,b\\n", ","), _delimiter("a\\n", ";")
    (';', ',', ';')
    """
    first = text.split("\n", 1)[0]
    other = {",": ";", ";": ","}.get(expected)
    return other if other and expected not in first and other in first else expected


def header(path: Path, encoding: str = "utf-8", delimiter: str = ",") -> list[str]:
    """The column names of a CSV file, stripped and case-folded (columns are matched in any
    case); empty for an empty file."""
    text = read_text(path, encoding)
    first = next(csv.reader(io.StringIO(text), delimiter=_delimiter(text, delimiter)), [])
    return [c.strip().casefold() for c in first]


def load_csv(
    path: Path,
    columns: set[str],
    encoding: str = "utf-8",
    delimiter: str = ",",
    required: Collection[str] = (),
    optional: Collection[str] = (),
) -> list[tuple[int, dict[str, str]]]:
    """The rows of ``path`` with their line numbers; an :class:`InputError` if a column of
    ``columns`` is missing, a row leaves a column of ``required`` empty (or lacks it), or the
    CSV is malformed. The columns of ``columns``, ``required`` and ``optional`` (read where the
    file has them) are keyed as spelled there, whatever their case in the file.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "b.csv"
    >>> _ = path.write_text("code,name\\n0114,\\n", encoding="utf-8")
    >>> load_csv(path, {"code", "name"}, required=["code", "name"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    muniorg.core.errors.InputError: ...b.csv:2: column 'name' is empty (the row needs it): row '0114,'
    """
    text = read_text(path, encoding)
    delimiter = _delimiter(text, delimiter)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    known = {c.casefold(): c for c in (*columns, *required, *optional)}
    try:
        if reader.fieldnames:
            reader.fieldnames = [known.get(n.strip().casefold(), n) for n in reader.fieldnames]
        names = {n.strip() for n in reader.fieldnames or []}
        missing = sorted(columns - names)
        if missing:
            raise InputError(
                f"not the expected CSV: column(s) {', '.join(missing)} missing "
                f"(found: {', '.join(sorted(names)) or 'nothing'})",
                SourceLocation(str(path), 1, 1),
            )
        # Empty required columns are named in the file's order: the first one a reader sees.
        order = [n.strip() for n in reader.fieldnames or [] if n.strip() in required]
        order += sorted(set(required) - set(order))
        rows = []
        for row in reader:
            # The row's first line: line_num is its last, and a quoted value may hold breaks.
            values = [w for v in row.values() for w in (v if isinstance(v, list) else [v or ""])]
            line = reader.line_num - sum(len(_LINE_BREAK.findall(v)) for v in values)
            clean = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
            if not any(clean.values()):
                continue  # only delimiters (',,,,', as spreadsheets leave at the end): no row
            empty = next((c for c in order if not clean.get(c)), None)
            if empty is not None:
                shown = delimiter.join(v or "" for v in row.values() if isinstance(v, str))
                raise InputError(
                    f"column {empty!r} is empty (the row needs it): row {shown!r}",
                    SourceLocation(str(path), line),
                )
            rows.append((line, clean))
        return rows
    except csv.Error as err:
        raise InputError(
            f"malformed CSV: {err}", SourceLocation(str(path), reader.line_num)
        ) from err
