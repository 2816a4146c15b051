"""Sweden's municipalities and counties as Statistics Sweden (SCB) numbers them.

Two CSV forms: municipalities with their county (``municipality_code``, ``municipality_name``,
``municipality_name_short``, ``county_code``, ``county_name``), and counties alone
(``county_code``, ``county_name``), which the merge uses to check the county names.

Example:
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> e = read(REGISTRIES_DIR / "se_municipality_county.csv")
    >>> len(e.records), e.records[0].names, e.records[0].region
    (290, {'sv': 'Upplands Väsby kommun'}, 'Stockholms län')
"""

from __future__ import annotations

from pathlib import Path

from muniorg.importing.csvdata import header, load_csv
from muniorg.importing.records import Extract, Record, date_in_name, normalise_code, start_extract

SOURCE_ID = "scb-kommuner"
MUNICIPALITY_COLUMNS = {"municipality_code", "municipality_name", "county_code", "county_name"}
COUNTY_COLUMNS = {"county_code", "county_name"}


def read(path: Path, date: str | None = None) -> Extract:
    """The municipalities (or the counties, as records without a code) of an SCB list."""
    extract = start_extract(
        path,
        SOURCE_ID,
        "Statistics Sweden: municipalities and counties (kommun- och länskoder)",
        "https://www.scb.se/hitta-statistik/regional-statistik-och-kartor/regionala-indelningar/",
        "https://www.scb.se/",
        date or date_in_name(path),
    )
    # A list with a municipality's column is the municipality list: one that lacks another
    # column is an error, not a county list with no municipalities.
    if not set(header(path)) & {"municipality_code", "municipality_name"}:
        for line, row in load_csv(path, COUNTY_COLUMNS, required=COUNTY_COLUMNS):
            county = row["county_code"].zfill(2)
            extract.counties[county] = (row["county_name"], line)
        return extract
    for line, row in load_csv(
        path,
        MUNICIPALITY_COLUMNS,
        required=MUNICIPALITY_COLUMNS,
        optional=["municipality_name_short"],
    ):
        code = normalise_code(extract, "SWE", row["municipality_code"], line)
        if code is None:
            continue
        county = row["county_code"].zfill(2)
        if county != code[:2]:
            extract.defect(line, f"{code}: county {county} is not the code's first two digits")
        name = row["municipality_name"]
        extract.records.append(
            Record(
                extract.source.id,
                "SWE",
                line,
                code=code,
                names={"sv": name},
                place=row.get("municipality_name_short") or None,
                language="sv",
                region=row["county_name"] or None,
                region_code=county,
            )
        )
    return extract
