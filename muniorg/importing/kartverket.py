"""Kartverket's 2024 renumbering of Norwegian municipalities, as the SQL it publishes.

``organisasjoner2024.sql`` of Geonorge.Register holds one ``UPDATE ... set
MunicipalityCode='NEW' ... WHERE MunicipalityCode='OLD'`` per changed number (with the new
unit's organisation number in ``number`` where it changed: Ålesund) and ``set statusId='Valid'
WHERE MunicipalityCode=...`` for a municipality made valid again (Haram). The changes took
effect on 2024-01-01.

Example:
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> e = read(REGISTRIES_DIR / "no_kartverket_kommunenr_2020_to_2024.sql")
    >>> len(e.renumberings), sorted(e.reinstated)
    (114, ['1580'])
    >>> [(r.old, r.new, r.orgnr) for r in e.renumberings if r.old == "1507"]
    [('1507', '1508', '929911709')]
"""

from __future__ import annotations

import re
from pathlib import Path

from muniorg.core.checkdigits import valid_no_orgnr
from muniorg.core.errors import InputError
from muniorg.importing.records import Extract, Renumbering, Source, read_text

SOURCE_ID = "kartverket-kommunenummer-2024"
#: The day the 2024 numbers took effect.
EFFECTIVE = "2024-01-01"
_STATEMENT = re.compile(
    r"UPDATE\s+\S+\s+set\s+(.*?)\s+WHERE\s+(.*?)(?=\s*(?:UPDATE\s|$))", re.I | re.S
)
_ASSIGNMENT = re.compile(r"(\w+)\s*=\s*'([^']*)'")


def read(path: Path, date: str | None = None) -> Extract:
    """The renumberings and reinstated codes of the SQL file."""
    date = date or EFFECTIVE
    source = Source(
        SOURCE_ID,
        "Kartverket: municipality numbers changed on 1 January 2024",
        "https://github.com/kartverket/Geonorge.Register",
        "https://www.kartverket.no/",
        date,
    )
    extract = Extract(str(path), source)
    text = read_text(path)
    for match in _STATEMENT.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        changes = dict(_ASSIGNMENT.findall(match.group(1)))
        where = dict(_ASSIGNMENT.findall(match.group(2)))
        old = where.get("MunicipalityCode")
        if old is None:
            continue
        if "MunicipalityCode" in changes:
            orgnr = changes.get("number")
            if orgnr is not None and not valid_no_orgnr(orgnr):
                extract.defect(line, f"organisation number {orgnr!r} fails its check digit")
                orgnr = None
            extract.renumberings.append(
                Renumbering(old, changes["MunicipalityCode"], EFFECTIVE, line, orgnr)
            )
        elif changes.get("statusId") == "Valid":
            extract.reinstated[old] = line
    if not extract.renumberings and not extract.reinstated:
        raise InputError(f"{path}: no UPDATE ... set MunicipalityCode statements found")
    return extract
