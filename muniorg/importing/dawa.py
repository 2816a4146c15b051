"""Denmark's DAWA (Danmarks Adressers Web API) ``/kommuner``: one object or a list of them.

Each object has ``kode`` (four digits, ``0101``), ``navn``, ``regionskode`` and ``region``
{``kode``, ``navn``} and ``ændret`` (when it last changed, the date of its facts).

Example:
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> e = read(REGISTRIES_DIR / "dk_dawa_kommune_format_sample.json")
    >>> e.records, [i.message for i in e.issues]
    ([], ["Danish municipality code '99' is not 3 digits: left out"])
"""

from __future__ import annotations

import datetime
from pathlib import Path

from muniorg.importing.jsondata import Row, json_rows, line_finder, load_json
from muniorg.importing.records import Extract, Record, normalise_code, start_extract

SOURCE_ID = "dawa-kommuner"


def read(path: Path, date: str | None = None) -> Extract:
    """The municipalities of a DAWA ``/kommuner`` response."""
    rows = json_rows(load_json(path), path)
    line = line_finder(path)
    for row in rows:
        row.line = line(row.text("kode", required=True) or "")
    changed = sorted(filter(None, (_changed(row) for row in rows)))
    extract = start_extract(
        path,
        SOURCE_ID,
        "DAWA: Danish municipalities (/kommuner)",
        "https://api.dataforsyningen.dk/kommuner",
        "https://dataforsyningen.dk/",
        date or (changed[-1] if changed else None),
    )
    for row in rows:
        code = normalise_code(extract, "DNK", row.text("kode") or "", row.line)
        if code is None:
            continue
        region = row.child("region")
        region_code = row.text("regionskode") or (region.text("kode") if region else None)
        extract.records.append(
            Record(
                extract.source.id,
                "DNK",
                row.line,
                code=code,
                place=row.text("navn", required=True),
                language="da",
                region=region.text("navn") if region else None,
                region_code=region_code,
            )
        )
    return extract


def _changed(row: Row) -> str | None:
    """The day of ``ændret`` (``2018-10-04T21:00:49.933Z`` -> ``2018-10-04``), which dates the
    extract (and becomes its document's ``modified``): a value that is not a real day is an
    error rather than a date that would fail validation."""
    changed = row.text("ændret")
    if changed is None:
        return None
    try:
        return datetime.date.fromisoformat(changed[:10]).isoformat()
    except ValueError:
        raise row.error("ændret", f"{changed!r} is not a date (YYYY-MM-DD...)") from None
