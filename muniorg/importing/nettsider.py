"""Norway's municipal web sites: the kommunale-nettsider list (2024 numbering).

A CSV file with the columns ``Nr`` (kommunenummer), ``Kommunenavn``, ``Adm. senter``, ``Fylke``,
``Målform`` (``bokmål``, ``nynorsk``, ``nøytral``, in any case) and ``Domene``. Each
municipality gets its code, place name, language, county and home page. The known defects are
found, not copied: home pages that name another municipality of the list (Meråker's and
Midt-Telemark's domains are swapped) are reported and left out; the municipality the list lacks
(Haram, 1580) is reported by the merge ("not in this list").

Example:
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> e = read(REGISTRIES_DIR / "no_kommuner_2024_kommunale-nettsider.csv")
    >>> r = e.records[0]
    >>> len(e.records), e.source.date, (r.code, r.place, r.region, r.language, r.homepage)
    (356, '2024', ('1820', 'Alstahaug', 'Nordland', None, 'https://www.alstahaug.kommune.no/'))
    >>> [i.message for i in e.issues][0][:72]
    'Meråker (5034): home page https://midt-telemark.kommune.no/ names Midt-T'
"""

from __future__ import annotations

from pathlib import Path

from muniorg.importing.csvdata import load_csv
from muniorg.importing.geodata import MAALFORM
from muniorg.importing.records import (
    Extract,
    Record,
    homepage,
    normalise_code,
    start_extract,
    swapped_homepages,
    year_in_name,
)

SOURCE_ID = "kommunale-nettsider"
COLUMNS = {"Nr", "Kommunenavn", "Fylke", "Målform", "Domene"}
#: The columns no row may leave empty.
REQUIRED = {"Nr", "Kommunenavn"}


def read(path: Path, date: str | None = None) -> Extract:
    """The municipalities of a kommunale-nettsider CSV file."""
    extract = start_extract(
        path,
        SOURCE_ID,
        "Norwegian municipalities' web sites (kommunale-nettsider)",
        "https://github.com/tobiasmcvey/kommunale-nettsider",
        "https://github.com/tobiasmcvey/kommunale-nettsider",
        date or year_in_name(path),
    )
    for line, row in load_csv(path, COLUMNS, required=REQUIRED):
        code = normalise_code(extract, "NOR", row["Nr"], line)
        if code is None:
            continue
        extract.records.append(
            Record(
                extract.source.id,
                "NOR",
                line,
                code=code,
                place=row["Kommunenavn"] or None,
                language=MAALFORM.get(row["Målform"].casefold()),
                homepage=homepage(extract, row["Domene"], line),
                region=row["Fylke"] or None,
            )
        )
    swapped_homepages(extract)
    return extract
