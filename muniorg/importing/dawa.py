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

from pathlib import Path

from muniorg.importing.jsondata import line_finder, load_json, rows_of
from muniorg.importing.records import Extract, Record, normalise_code, start_extract

SOURCE_ID = "dawa-kommuner"


def read(path: Path, date: str | None = None) -> Extract:
    """The municipalities of a DAWA ``/kommuner`` response."""
    rows = rows_of(load_json(path), path)
    changed = sorted(str(r.get("ændret", ""))[:10] for r in rows if r.get("ændret"))
    extract = start_extract(
        path,
        SOURCE_ID,
        "DAWA: Danish municipalities (/kommuner)",
        "https://api.dataforsyningen.dk/kommuner",
        "https://dataforsyningen.dk/",
        date or (changed[-1] if changed else None),
    )
    line = line_finder(path)
    for row in rows:
        raw = str(row.get("kode", ""))
        at = line(raw)
        code = normalise_code(extract, "DNK", raw, at)
        if code is None:
            continue
        region: dict[str, object] = row["region"] if isinstance(row.get("region"), dict) else {}
        name = str(row.get("navn", "")).strip()
        extract.records.append(
            Record(
                extract.source.id,
                "DNK",
                at,
                code=code,
                place=name or None,
                language="da",
                region=str(region.get("navn") or "") or None,
                region_code=str(row.get("regionskode") or region.get("kode") or "") or None,
            )
        )
    return extract
