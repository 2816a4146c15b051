"""Municipality codes against the registry extracts muniorg ships (``muniorg/data/registries``).

A municipality's code in force (the identifier that gives it its IRI) is looked up among the codes
of its country's extracts; the SHACL shapes check its form. A well-formed code that none of the
extracts holds (``999`` for Denmark) is a **warning**, not a violation: registries change (new
municipalities, renumberings such as Norway's in 2020 and 2024) and the extracts are dated, so
an unknown code may be right; it is far more often a typo. Iceland is not checked: its extract
numbers the municipalities in alphabetical order instead of giving their sveitarfélagsnúmer.

Which extracts hold a country's codes (the README in the folder gives their sources and dates):

- Denmark: the FKG list (``dk_fkg_kommuner_cvr.csv``) and the Wikidata extract;
- Sweden: ``se_municipality_county.csv`` and the Wikidata extract;
- Norway: SSB KLASS (2020-2023 numbering), Kartverket's 2024 renumbering (both sides) and the
  Wikidata extract (2024 numbering);
- Finland: the Wikidata extract.

Example:
    >>> codes = registry_codes()
    >>> "340" in codes["dk-kommunekode"], "999" in codes["dk-kommunekode"], "4614" in codes["no-kommunenummer"]
    (True, False, True)
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from functools import cache

from muniorg.core.location import SourceLocation
from muniorg.core.resources import REGISTRIES_DIR
from muniorg.model.classes import Municipality
from muniorg.model.ids import current_code
from muniorg.rdf.document import SourceDocument
from muniorg.validation.results import Severity, ValidationResult

#: The constraint of a warning about a code the registry extracts do not hold.
UNKNOWN_MUNICIPALITY_CODE = "https://w3id.org/muniorg#UnknownMunicipalityCode"

_WIKIDATA = "nordic_wikidata_mxmap/municipalities_{}.json"
#: The extracts of each scheme, as named in the messages.
SOURCES = {
    "dk-kommunekode": ("dk_fkg_kommuner_cvr.csv", _WIKIDATA.format("dk")),
    "se-kommunkod": ("se_municipality_county.csv", _WIKIDATA.format("se")),
    "no-kommunenummer": (
        "no_ssb_klass_1236_orgnr_kommunenr.csv",
        "no_kartverket_kommunenr_2020_to_2024.sql",
        _WIKIDATA.format("no"),
    ),
    "fi-kuntanumero": (_WIKIDATA.format("fi"),),
}
_KARTVERKET = re.compile(r"MunicipalityCode='(\d+)'")


def _codes(name: str) -> Iterator[str]:
    """The municipality codes of one extract."""
    path = REGISTRIES_DIR / name
    if name.startswith("nordic_wikidata_mxmap/"):
        for record in json.loads(path.read_text(encoding="utf-8")):
            yield str(record["id"]).split("-", 1)[1]
    elif name == "dk_fkg_kommuner_cvr.csv":
        with path.open(encoding="utf-8", newline="") as file:
            yield from (row["kommunekode"] for row in csv.DictReader(file))
    elif name == "se_municipality_county.csv":
        with path.open(encoding="utf-8", newline="") as file:
            yield from (row["municipality_code"] for row in csv.DictReader(file))
    elif name == "no_ssb_klass_1236_orgnr_kommunenr.csv":
        with path.open(encoding="iso-8859-1", newline="") as file:
            yield from (row["targetCode"] for row in csv.DictReader(file, delimiter=";"))
    elif name == "no_kartverket_kommunenr_2020_to_2024.sql":
        yield from _KARTVERKET.findall(path.read_text(encoding="utf-8-sig"))
    else:  # pragma: no cover - SOURCES names only the files above
        raise ValueError(f"no reader for the extract {name}")


@cache
def extract_codes(name: str) -> frozenset[str]:
    """The municipality codes of one extract of :data:`SOURCES` (read once per process).

    >>> "340" in extract_codes("dk_fkg_kommuner_cvr.csv")
    True
    """
    return frozenset(_codes(name))


@cache
def scheme_codes(scheme: str) -> frozenset[str]:
    """The known codes of one municipality-code scheme of :data:`SOURCES` (read once per
    process, and only the scheme's own extracts: a Danish file reads no Swedish list).

    >>> "340" in scheme_codes("dk-kommunekode")
    True
    """
    return frozenset().union(*(extract_codes(name) for name in SOURCES[scheme]))


def _known(scheme: str, code: str) -> bool:
    """Whether an extract of ``scheme`` holds ``code``: the extracts are read in turn, and the
    rest are not read once one holds it (a known code, the usual case, reads one or two)."""
    return any(code in extract_codes(name) for name in SOURCES[scheme])


def registry_codes() -> dict[str, frozenset[str]]:
    """The known codes of each municipality-code scheme (read once per process)."""
    return {scheme: scheme_codes(scheme) for scheme in SOURCES}


def registry_results(document: SourceDocument) -> list[ValidationResult]:
    """A warning when the municipality code in force of ``document`` is well-formed (the form
    of the extract's codes: digits, as many) but unknown to the bundled extracts.

    >>> from muniorg.model.classes import Identifier
    >>> from pathlib import Path
    >>> m = Municipality(id="https://ex.org/dk/999", name={"da": "X"}, country="DNK",
    ...                  identifiers=[Identifier(id="https://ex.org/i", scheme="dk-kommunekode", notation="999")])
    >>> [r.message[:60] for r in registry_results(SourceDocument(Path("x.yaml"), "x", m, {}))]
    ['The municipality code 999 (dk-kommunekode) is not in muniorg']
    """
    root = document.root
    if not isinstance(root, Municipality):
        return []
    identifier = current_code(root)
    if identifier is None or identifier.scheme not in SOURCES or identifier.notation is None:
        return []
    code = identifier.notation
    if not code.isdigit() or _known(identifier.scheme, code):
        return []  # not well-formed (the shapes report the form), or known
    if len(code) not in {len(c) for c in scheme_codes(identifier.scheme)}:
        return []  # not well-formed either: not as many digits as the known codes
    sources = ", ".join(SOURCES[identifier.scheme])
    message = (
        f"The municipality code {code} ({identifier.scheme}) is not in muniorg's registry "
        f"extracts ({sources}; muniorg/data/registries/README.md gives their dates). Check the "
        "code: registries change, so a new or renumbered municipality may be right."
    )
    focus = identifier.id or ""
    location = document.locate(focus, "notation") or SourceLocation(str(document.path))
    return [
        ValidationResult(
            severity=Severity.WARNING,
            message=message,
            focus_node=focus,
            path="http://www.w3.org/2004/02/skos/core#notation",
            value=code,
            constraint=UNKNOWN_MUNICIPALITY_CODE,
            location=location,
        )
    ]


__all__ = [
    "SOURCES",
    "UNKNOWN_MUNICIPALITY_CODE",
    "registry_codes",
    "registry_results",
    "scheme_codes",
]
