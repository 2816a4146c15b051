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
from muniorg.core.location import SourceLocation
from muniorg.importing.records import Extract, Renumbering, Source, normalise_code, read_text

SOURCE_ID = "kartverket-kommunenummer-2024"
#: The day the 2024 numbers took effect.
EFFECTIVE = "2024-01-01"
#: Where each statement starts (the file holds nothing else).
_START = re.compile(r"\bUPDATE\s", re.I)
_STATEMENT = re.compile(r"UPDATE\s+\S+\s+set\s+(.*?)\s+WHERE\s+(.*)", re.I | re.S)
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
    starts = [m.start() for m in _START.finditer(text)]
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        line = text.count("\n", 0, start) + 1
        statement = text[start:end].strip()
        match = _STATEMENT.fullmatch(statement)
        where = dict(_ASSIGNMENT.findall(match.group(2))) if match else {}
        if match is None or "MunicipalityCode" not in where:
            # A file cut short (a download that broke off) must not lose its last change.
            shown = statement if len(statement) <= 80 else statement[:77] + "..."
            raise InputError(
                f"not a statement this reader takes (UPDATE ... set ... WHERE "
                f"MunicipalityCode='NNNN'; cut short?): {shown!r}",
                SourceLocation(str(path), line),
            )
        changes = dict(_ASSIGNMENT.findall(match.group(1)))
        old = normalise_code(extract, "NOR", where["MunicipalityCode"], line)
        if old is None:
            continue
        if "MunicipalityCode" in changes:
            new = normalise_code(extract, "NOR", changes["MunicipalityCode"], line)
            if new is None:
                continue
            orgnr = changes.get("number")
            if orgnr is not None and not valid_no_orgnr(orgnr):
                extract.defect(line, f"organisation number {orgnr!r} fails its check digit")
                orgnr = None
            extract.renumberings.append(Renumbering(old, new, EFFECTIVE, line, orgnr))
        elif changes.get("statusId") == "Valid":
            extract.reinstated[old] = line
    if not extract.renumberings and not extract.reinstated:
        raise InputError(f"{path}: no UPDATE ... set MunicipalityCode statements found")
    return extract
