"""Statistics Norway's KLASS correspondence 1236: organisation number <-> kommunenummer.

The CSV download of KLASS: ISO-8859-1, ``;``-separated, quoted, with the columns
``sourceCode`` (organisation number), ``sourceName`` (the registered name), ``targetCode``
(kommunenummer) and ``targetName`` (the municipality's name); or the KLASS API's JSON answer
(``GET /api/klass/v1/correspondencetables/1236``), whose ``correspondenceMaps`` hold the same
four keys.

Example:
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> e = read(REGISTRIES_DIR / "no_ssb_klass_1236_orgnr_kommunenr.csv")
    >>> len(e.records), (e.records[0].orgnr, e.records[0].code)
    (356, ('817263992', '3811'))
    >>> [i.message for i in e.issues][:1]
    ["name 'Evenes - Evená??i': letters lost to '?' (not in ISO-8859-1)"]
"""

from __future__ import annotations

from pathlib import Path

from muniorg.core.checkdigits import valid_no_orgnr
from muniorg.core.errors import InputError
from muniorg.importing.csvdata import load_csv
from muniorg.importing.jsondata import Row, line_finder, load_json
from muniorg.importing.records import Extract, Record, date_in_name, normalise_code, start_extract

SOURCE_ID = "ssb-klass-1236"
ENCODING = "iso-8859-1"
COLUMNS = {"sourceCode", "sourceName", "targetCode", "targetName"}
#: The columns (keys) no row may leave empty.
REQUIRED = {"sourceCode", "targetCode"}


def read(path: Path, date: str | None = None) -> Extract:
    """The pairs of a KLASS 1236 CSV file as records of Norwegian municipalities."""
    extract = start_extract(
        path,
        SOURCE_ID,
        "KLASS correspondence 1236: organisation numbers and municipality numbers",
        "https://www.ssb.no/klass/klassifikasjoner/131/korrespondanser/1236",
        "https://www.ssb.no/",
        date or date_in_name(path),
    )
    for line, row in _rows(path):
        orgnr, name = row["sourceCode"], row["targetName"]
        if "?" in name:
            extract.defect(line, f"name {name!r}: letters lost to '?' (not in ISO-8859-1)")
        if not valid_no_orgnr(orgnr):
            extract.defect(line, f"{name}: organisation number {orgnr!r} fails its check digit")
            orgnr = ""
        code = normalise_code(extract, "NOR", row["targetCode"], line)
        if code is None:
            continue
        # targetName is not taken: it adds Sámi forms and the county ("Herøy (Nordland)").
        extract.records.append(
            Record(extract.source.id, "NOR", line, code=code, orgnr=orgnr or None)
        )
    return extract


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The pairs of the CSV download, or of the API's JSON answer, with their lines."""
    if path.suffix.lower() != ".json":
        return load_csv(path, COLUMNS, ENCODING, ";", REQUIRED)
    value = load_json(path)
    maps = value.get("correspondenceMaps") if isinstance(value, dict) else None
    if not isinstance(maps, list) or not all(isinstance(m, dict) for m in maps):
        raise InputError(f"{path}: expected a KLASS correspondence table ('correspondenceMaps')")
    line = line_finder(path)
    rows = []
    for index, item in enumerate(maps):
        row = Row(str(path), f"$.correspondenceMaps[{index}]", item)
        row.line = line(row.text("sourceCode", required=True) or "")
        fields = {c: row.text(c, required=c in REQUIRED) or "" for c in sorted(COLUMNS)}
        rows.append((row.line, fields))
    return rows
