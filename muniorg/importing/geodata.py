"""Norway's municipalities in the 2024 numbering, from the norway-geodata list (2025).

A JSON list of objects: ``id`` (kommunenummer), ``name`` (the Sámi or Kven form where the
municipality has one), ``name_no`` (the Norwegian name), ``adm_center``, ``population``,
``area`` (km²), ``language`` (``Bokmål``, ``Nynorsk``, ``Nøytral``), ``url`` (the domain) and
``postal_codes``. Each municipality gets its code, place name, language, home page, population
and area, dated by the year of the list. The known defects are found, not copied: postal codes
that lost their leading zeros (``1`` for 0001) are reported once for the file and not imported
(the municipality's postal address comes from Enhetsregisteret); a home page naming another
municipality of the list is reported and left out. ``name`` is not taken as a language-tagged
name: the list does not say which Sámi language it is in (Enhetsregisteret does).

Example:
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> e = read(REGISTRIES_DIR / "no_kommuner_2025_norway-geodata.json")
    >>> r = e.records[0]
    >>> len(e.records), e.source.date, (r.code, r.place, r.population, r.area_km2, r.homepage)
    (357, '2025', ('0301', 'Oslo', 717710, 454.12, 'https://www.oslo.kommune.no/'))
"""

from __future__ import annotations

from pathlib import Path

from muniorg.importing.jsondata import json_rows, line_finder, load_json
from muniorg.importing.records import (
    Extract,
    Record,
    homepage,
    normalise_code,
    start_extract,
    swapped_homepages,
    year_in_name,
)

SOURCE_ID = "norway-geodata-kommuner"
#: The ``language`` (målform) values of Norwegian lists, as language tags (neutral: none).
MAALFORM = {"bokmål": "nb", "nynorsk": "nn", "nøytral": None}


def read(path: Path, date: str | None = None) -> Extract:
    """The municipalities of a norway-geodata ``municipalities-YYYY.json`` list."""
    extract = start_extract(
        path,
        SOURCE_ID,
        "Norwegian municipalities (norway-geodata)",
        "https://github.com/aprestmo/norway-geodata",
        "https://github.com/aprestmo/norway-geodata",
        date or year_in_name(path),
    )
    line = line_finder(path)
    short_postcodes: list[tuple[str, str]] = []
    for row in json_rows(load_json(path), path):
        raw = row.text("id", required=True) or ""
        row.line = at = line(raw)
        code = normalise_code(extract, "NOR", raw, at)
        if code is None:
            continue
        place = row.text("name_no") or row.text("name", required=True) or ""
        language = row.text("language")
        extract.records.append(
            Record(
                extract.source.id,
                "NOR",
                at,
                code=code,
                place=place,
                language=MAALFORM.get(language.casefold()) if language else None,
                homepage=homepage(extract, row.text("url"), at),
                population=row.integer("population"),
                area_km2=row.number("area"),
            )
        )
        postal_codes = row.data.get("postal_codes") or []
        if not isinstance(postal_codes, list):
            raise row.error("postal_codes", "expected a list of objects")
        for postal in postal_codes:
            number = str(postal.get("code", "")) if isinstance(postal, dict) else ""
            if number.isdigit() and len(number) < 4:
                short_postcodes.append((number, place))
    if short_postcodes:
        number, place = short_postcodes[0]
        extract.defect(
            line("postal_codes"),
            f"{len(short_postcodes)} postal codes lost their leading zeros (the first: "
            f"{number!r} of {place}, for {number.zfill(4)}): the list's postal codes are not "
            "imported",
        )
    swapped_homepages(extract)
    return extract
