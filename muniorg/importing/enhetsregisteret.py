"""Norway's Enhetsregisteret (Brønnøysundregistrene): API records and bulk JSON of units.

Reads ``GET /enhetsregisteret/api/enheter/{orgnr}`` responses, lists of them (the bulk
download and the extract in ``muniorg/data/registries``) and search responses
(``_embedded.enheter``); units whose ``organisasjonsform.kode`` is not ``KOMM`` are skipped.
Each municipality gets its name (Sámi and Kven forms language-tagged), kommunenummer,
organisation number (check digit verified), home page, employees and postal address. Units
"UNDER FORHÅNDSREGISTRERING" (registered ahead of a 2024 split) share the number of the
municipality they leave: they are reported and kept aside for the merge, which matches them
with the renumbering.

Example:
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> e = read(REGISTRIES_DIR / "no_enhetsregisteret_sample_oslo.json")
    >>> [(r.code, r.orgnr, r.names) for r in e.records]
    [('0301', '958935420', {'nb': 'Oslo kommune'})]
"""

from __future__ import annotations

import re
from pathlib import Path

from muniorg.core.checkdigits import valid_no_orgnr
from muniorg.importing.jsondata import Row, json_rows, line_finder, load_json
from muniorg.importing.names import norwegian_names, title_case
from muniorg.importing.records import (
    Extract,
    Record,
    date_in_name,
    homepage,
    normalise_code,
    start_extract,
)

SOURCE_ID = "brreg-enhetsregisteret"
_PENDING = re.compile(r"NYE (.+?) (?:KOMMUNE|HERAD) FRA ([0-3][0-9])([01][0-9])([0-9]{4})\b")


def read(path: Path, date: str | None = None) -> Extract:
    """The municipalities of an Enhetsregisteret JSON file."""
    extract = start_extract(
        path,
        SOURCE_ID,
        "Enhetsregisteret: units with organisational form KOMM",
        "https://data.brreg.no/enhetsregisteret/api/enheter",
        "https://www.brreg.no/",
        date or date_in_name(path),
    )
    line = line_finder(path)
    for row in json_rows(load_json(path), path, "_embedded", "enheter"):
        form = row.child("organisasjonsform")
        if form is None or form.text("kode") != "KOMM":
            continue
        orgnr = row.text("organisasjonsnummer", required=True) or ""
        row.line = at = line(orgnr)
        record = _record(extract, row, orgnr, at)
        if record is not None:
            extract.records.append(record)
    return extract


def _record(extract: Extract, row: Row, orgnr: str, at: int) -> Record | None:
    name = row.text("navn", required=True) or ""
    business = row.child("forretningsadresse")
    number = business.text("kommunenummer") if business else None
    if not valid_no_orgnr(orgnr):
        extract.defect(at, f"{name}: organisation number {orgnr!r} fails its check digit: left out")
        return None
    record = Record(extract.source.id, "NOR", at, orgnr=orgnr)
    pending = _PENDING.search(name)
    if pending is not None:
        place = title_case(pending.group(1))
        day = f"{pending.group(4)}-{pending.group(3)}-{pending.group(2)}"
        record.pending = (place, day)
        record.place = place
        extract.defect(
            at,
            f"{name} ({orgnr}) is registered ahead of its start on {day} and shares kommunenummer "
            f"{number} with the municipality it leaves: not taken as that "
            "municipality (the merge matches it with the renumbering)",
        )
        return record
    if business is None or number is None:  # a registry's gap, not a malformed file
        extract.defect(at, f"{name} ({orgnr}) has no forretningsadresse.kommunenummer: left out")
        return None
    code = normalise_code(extract, "NOR", number, at)
    if code is None:
        return None
    place, kind, other = norwegian_names(name)
    if not place:
        extract.defect(at, f"{name!r} is not a municipality's name: left out")
        return None
    language = "nn" if row.text("maalform") == "Nynorsk" else "nb"
    record.code = code
    record.place = place
    record.language = language
    record.names = {language: f"{place} {kind}", **other}
    record.homepage = homepage(extract, row.text("hjemmeside"), at)
    record.employees = row.integer("antallAnsatte")
    postal = row.child("postadresse") or business
    record.postal = _postal(postal)
    return record


def _postal(address: Row) -> dict[str, str] | None:
    post_code, town = address.text("postnummer"), address.text("poststed")
    if not post_code or not town:
        return None
    postal = {"postCode": post_code, "postName": title_case(town)}
    lines = address.texts("adresse")
    postal["fullAddress"] = ", ".join([*lines, f"{post_code} {postal['postName']}"])
    if lines:
        postal["poBox" if lines[0].lower().startswith("postboks") else "thoroughfare"] = lines[0]
    return postal
