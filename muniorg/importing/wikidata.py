"""The Wikidata-derived lists of Nordic municipalities (mxmap-dk ``municipalities_{cc}.json``).

Each object: ``id`` (``DK-101``, ``NO-0301``, ``SE-0188``, ``FI-091``, ``IS-0001``), ``name``,
``country``, ``region``, ``domain``, ``population`` (sometimes missing). Known defects are
found, not copied: ids that are sequence numbers rather than municipality codes (Iceland's
list) are reported and the codes left out; truncated names are found by the merge.

Example:
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> e = read(REGISTRIES_DIR / "nordic_wikidata_mxmap/municipalities_fi.json")
    >>> len(e.records), e.records[0].code, e.records[0].place, e.records[0].population
    (308, '005', 'Alajärvi', 10634)
"""

from __future__ import annotations

from pathlib import Path

from muniorg.importing.jsondata import json_rows, line_finder, load_json
from muniorg.importing.records import (
    ALPHA3,
    Extract,
    Record,
    date_in_name,
    homepage,
    normalise_code,
    start_extract,
)

SOURCE_ID = "wikidata-municipalities"
_LANGUAGE = {"DNK": "da", "NOR": None, "SWE": "sv", "FIN": "fi", "ISL": "is"}


def read(path: Path, date: str | None = None) -> Extract:
    """The municipalities of one Wikidata-derived list."""
    extract = start_extract(
        path,
        SOURCE_ID,
        "Nordic municipalities from Wikidata (mxmap-dk)",
        "https://github.com/KimTholstorf/mxmap-dk",
        "https://www.wikidata.org/",
        date or date_in_name(path),
    )
    line = line_finder(path)
    records = []
    for row in json_rows(load_json(path), path):
        ident = row.text("id", required=True) or ""
        row.line = at = line(ident)
        prefix, _, raw = ident.partition("-")
        country = ALPHA3.get(prefix)
        if country is None or not raw:
            extract.defect(at, f"id {ident!r} is not COUNTRY-CODE: row left out")
            continue
        code = normalise_code(extract, country, raw, at)
        records.append(
            Record(
                extract.source.id,
                country,
                at,
                code=code,
                place=row.text("name", required=True),
                language=_LANGUAGE[country],
                homepage=homepage(extract, row.text("domain"), at),
                region=row.text("region"),
                population=row.integer("population"),
            )
        )
    _sequence_numbers(extract, records)
    extract.records = records
    return extract


def _sequence_numbers(extract: Extract, records: list[Record]) -> None:
    """Iceland's list numbers its rows 0001, 0002 ... in alphabetical order: those are not
    sveitarfélagsnúmer (Akranes is 3000). Such codes are reported once and dropped."""
    for country in sorted({r.country for r in records}):
        mine = [r for r in records if r.country == country and r.code]
        numbers = [int(r.code or "0") for r in mine]
        if len(mine) > 2 and numbers == list(range(1, len(mine) + 1)):
            extract.defect(
                mine[0].line,
                f"the {country} ids run 1 to {len(mine)} in the order of the names: they are "
                "sequence numbers, not municipality codes; the codes are left out",
            )
            for r in mine:
                r.code = None
