"""Merged municipalities as authoring documents: the YAML muniorg reads, one per municipality.

Each imported fact that the authoring format can give a source (identifiers, key figures,
regions) names its registry document in ``source:``; the documents are listed under
``documents:`` with their title, address, publisher and date. The municipality's ``source:``
lists every registry it was imported from. (Names, the home page and the postal address have no
``source:`` key: the import manifest records their source, see :mod:`muniorg.importing.folder`.)

Example:
    >>> from muniorg.importing.merge import Fact, Municipality
    >>> m = Municipality("FIN", "091", "wikidata-municipalities", place=Fact("Helsinki", "w"),
    ...     language="fi", sources={"wikidata-municipalities"})
    >>> doc = document(m, {})
    >>> doc["id"], doc["name"], doc["identifiers"][0]["scheme"]
    ('fi-091-helsinki', {'fi': 'Helsinki'}, 'fi-kuntanumero')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from muniorg.importing.folder import Planned, facts
from muniorg.importing.merge import Municipality
from muniorg.importing.records import Source
from muniorg.model.ids import COUNTRY_ALPHA2, MUNICIPALITY_CODE_SCHEME

#: The identifier scheme of each country's organisation numbers.
ORGANISATION_NUMBER_SCHEME = {
    "NOR": "no-organisasjonsnummer",
    "DNK": "dk-cvr",
    "SWE": "se-organisationsnummer",
    "FIN": "fi-y-tunnus",
    "ISL": "is-kennitala",
}
#: The language of a name whose language the sources do not say (``no``: Norwegian, when
#: bokmål or nynorsk is not known).
DEFAULT_LANGUAGE = {"NOR": "no", "DNK": "da", "SWE": "sv", "FIN": "fi", "ISL": "is"}
#: What the regions the sources give are: fylke and län are counties, the others regions.
REGION_KIND = {"NOR": "county", "SWE": "county", "DNK": "region", "FIN": "region", "ISL": "region"}
_TRANSLITERATION = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue", "ð": "d", "þ": "th"}
)


def slug(text: str) -> str:
    """A local id from a name: ``Sør-Aurdal`` -> ``soer-aurdal``.

    >>> slug("Sør-Aurdal"), slug("Þingeyjarsveit")
    ('soer-aurdal', 'thingeyjarsveit')
    """
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATION))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def file_id(m: Municipality) -> str:
    """The id (and file name) of a municipality's file: country, code, place."""
    place = m.place.value if m.place else next((f.value for f in m.names.values()), "")
    parts = [COUNTRY_ALPHA2[m.country], m.code or "", slug(place)]
    return "-".join(p for p in parts if p)


def document(m: Municipality, sources: Mapping[str, Source]) -> dict[str, Any]:
    """The authoring document of ``m``, its facts sourced from ``sources`` (by id)."""
    language = m.language or DEFAULT_LANGUAGE[m.country]
    place = m.place.value if m.place else None
    # The municipality's own language first, then Sámi, Kven ... in the order of their tags.
    order = sorted(m.names, key=lambda lang: (lang != language, lang))
    names = {lang: m.names[lang].value for lang in order}
    if not names and place:
        names = {language: place}
    doc: dict[str, Any] = {"type": "Municipality", "id": file_id(m), "name": names}
    doc["country"] = m.country
    identifiers = _identifiers(m)
    if identifiers:
        doc["identifiers"] = identifiers
    if m.homepage:
        doc["homepage"] = m.homepage.value
    if place:
        area: dict[str, Any] = {"name": {language: place}}
        if m.region:
            region: dict[str, Any] = {"name": {language: m.region.value}}
            region["kind"] = REGION_KIND[m.country]
            if m.region_code:
                region["code"] = m.region_code.value
            region["source"] = [m.region.source]
            area["regions"] = [region]
        doc["area"] = area
    if m.postal:
        postal: dict[str, Any] = dict(m.postal.value)
        if "postName" in postal:
            postal["postName"] = {language: postal["postName"]}
        for key in ("thoroughfare", "fullAddress"):
            if key in postal:
                postal[key] = {language: postal[key]}
        postal["country"] = m.country
        doc["postalAddress"] = postal
    figures = []
    for measure, fact in (
        ("population", m.population),
        ("employees", m.employees),
        ("area", m.area_km2),
    ):
        if fact is None:
            continue
        figure: dict[str, Any] = {"measure": measure, "value": fact.value, "qualifier": "exact"}
        if measure == "area":
            figure["unit"] = "km²"
        date = sources[fact.source].date if fact.source in sources else None
        if date:
            figure["date"] = date
        figure["source"] = [fact.source]
        figures.append(figure)
    if figures:
        doc["keyFigures"] = figures
    used = sorted(m.sources)
    doc["documents"] = [_document(sources[s]) for s in used if s in sources]
    doc["source"] = [s for s in used if s in sources]
    return doc


def _identifier(
    scheme: str, notation: str, sources: list[str], start: str | None = None, end: str | None = None
) -> dict[str, Any]:
    identifier: dict[str, Any] = {"scheme": scheme, "notation": notation}
    if start or end:
        identifier["validDuring"] = {"start": start} if start else {"end": end}
    identifier["source"] = sources
    return identifier


def _identifiers(m: Municipality) -> list[dict[str, Any]]:
    """The municipality code in force and the former one, the organisation number in force
    and the former one, each with its validity and source."""
    identifiers: list[dict[str, Any]] = []
    scheme = MUNICIPALITY_CODE_SCHEME[m.country]
    number_scheme = ORGANISATION_NUMBER_SCHEME[m.country]
    if m.code:
        start, by = m.code_start or (None, None)
        sources = sorted({m.code_source, *([by] if by else [])})
        identifiers.append(_identifier(scheme, m.code, sources, start=start))
    if m.former_code:
        code, end, by = m.former_code
        identifiers.append(_identifier(scheme, code, [by], end=end))
    if m.orgnr:
        identifiers.append(
            _identifier(number_scheme, m.orgnr.value, [m.orgnr.source], start=m.orgnr_start)
        )
    if m.former_orgnr:
        number, end, by = m.former_orgnr
        identifiers.append(_identifier(number_scheme, number, [by], end=end))
    return identifiers


def _document(source: Source) -> dict[str, Any]:
    title = source.title if source.date is None else f"{source.title} ({source.date})"
    doc: dict[str, Any] = {"id": source.id, "title": {"en": title}, "url": source.url}
    doc["publisher"] = source.publisher
    if source.date and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", source.date):
        doc["modified"] = source.date
    return doc


def planned(m: Municipality, sources: Mapping[str, Source]) -> Planned:
    """What to write for ``m``: its document and the source of each of its facts."""
    doc = document(m, sources)
    origin: dict[str, str] = {}
    for key, value in facts(doc).items():
        if key.startswith("name."):
            name = m.names.get(key.removeprefix("name."))
            origin[key] = name.source if name else (m.place.source if m.place else "")
        elif key.startswith(("documents[", "source[")):
            origin[key] = key.partition("[")[2][:-1]
        elif isinstance(value, dict) and value.get("source"):
            origin[key] = str(value["source"][0])
        else:
            fact = {"homepage": m.homepage, "postalAddress": m.postal, "area": m.place}.get(key)
            origin[key] = fact.source if fact else m.code_source
    # After a renumbering, the file an earlier import wrote under the old code is this one's.
    former = (f"{m.country}/{m.former_code[0]}",) if m.former_code else ()
    return Planned(m.key, doc, origin, former)
