"""Danish municipalities' CVR numbers: the FKG code list (``cvr_kode``, ``cvr_navn``,
``kommunekode``, ``aktiv``) or a plain list of CVR numbers (``cvr``, as OS2sync keeps it).

A row whose name is not a municipality's ("... Kommune", "... Regionskommune"), such as
Christiansø (411, administered by the state), is reported and left out; inactive rows too.
The place name is not taken from the official name: "Københavns Kommune" holds the genitive.

Example:
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> e = read(REGISTRIES_DIR / "dk_fkg_kommuner_cvr.csv")
    >>> len(e.records), [i.message for i in e.issues]
    (98, ["Christiansø (411) is not a municipality's name ('... Kommune'): left out"])
"""

from __future__ import annotations

from pathlib import Path

from muniorg.core.checkdigits import valid_dk_cvr
from muniorg.importing.csvdata import header, load_csv
from muniorg.importing.records import Extract, Record, date_in_name, normalise_code, start_extract

SOURCE_ID = "cvr-kommuner"
FKG_COLUMNS = {"cvr_kode", "cvr_navn", "kommunekode"}
#: The values of ``aktiv`` (case-folded); an empty one is a row not marked inactive.
_ACTIVE = {"", "1", "true", "ja", "yes"}
_INACTIVE = {"0", "false", "nej", "no"}


def read(path: Path, date: str | None = None) -> Extract:
    """The municipalities (or bare CVR numbers) of a CVR list."""
    extract = start_extract(
        path,
        SOURCE_ID,
        "CVR numbers of the Danish municipalities",
        "https://datacvr.virk.dk/",
        "https://erhvervsstyrelsen.dk/",
        date or date_in_name(path),
    )
    fkg = set(header(path)) >= FKG_COLUMNS
    columns = FKG_COLUMNS if fkg else {"cvr"}
    for line, row in load_csv(path, columns, required=columns, optional=["aktiv"]):
        cvr = row["cvr_kode" if fkg else "cvr"]
        if not valid_dk_cvr(cvr):
            extract.defect(line, f"CVR number {cvr!r} fails its check digit: left out")
            continue
        if not fkg:
            extract.records.append(Record(extract.source.id, "DNK", line, orgnr=cvr))
            continue
        name = row["cvr_navn"]
        active = row.get("aktiv", "").casefold()  # TRUE/FALSE as spreadsheets write them
        if active in _INACTIVE:
            extract.defect(line, f"{name} is marked inactive (aktiv={row['aktiv']}): left out")
            continue
        if active not in _ACTIVE:
            extract.defect(line, f"{name}: aktiv={row['aktiv']!r} is neither 1 nor 0: left out")
            continue
        if not name.endswith((" Kommune", " Regionskommune")):
            extract.defect(
                line,
                f"{name} ({row['kommunekode']}) is not a municipality's name ('... Kommune'): "
                "left out",
            )
            continue
        code = normalise_code(extract, "DNK", row["kommunekode"], line)
        if code is not None:
            extract.records.append(
                Record(
                    extract.source.id,
                    "DNK",
                    line,
                    code=code,
                    # No place name: "Københavns Kommune" holds the genitive of København.
                    names={"da": name},
                    language="da",
                    orgnr=cvr,
                )
            )
    return extract
