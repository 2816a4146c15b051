"""Read the Nordic municipality registry extracts into one record per municipality.

The extracts are package data (``muniorg/data/registries``; its README names their sources,
licences and dates), read with the importer's readers and joined per municipality with its
merge (:mod:`muniorg.importing`), which find their known defects rather than passing them on:

- Norway (Enhetsregisteret 2023-06, the 2020–2023 numbering: the corpus keeps it): two
  pre-registered 2024 units ("NYE ... UNDER FORHÅNDSREGISTRERING") share 1507 with Ålesund and
  are dropped; names are upper case and some carry a Sámi form after " / "; home pages lack the
  scheme; 20 rows lack one, 158 lack a postal address.
- Denmark (FKG): Christiansø (411) is listed but is not a municipality (the reader leaves it
  out); codes have no leading zero (as the dk-kommunekode scheme wants).
- Sweden: no organisation numbers; population and domain come from the Wikidata extract, whose
  names drop a final "s" for 20 kommuner, so names come from the county list instead.
- Finland and Iceland: only the Wikidata extract; the corpus leaves their codes out (as it did
  before fi-kuntanumero and is-sveitarfelagsnumer existed; Iceland's ids are sequence numbers
  anyway); some populations are missing.

Example:
    >>> seeds = nordic_seeds()
    >>> len(seeds), sorted({s.country for s in seeds})
    (1114, ['DNK', 'FIN', 'ISL', 'NOR', 'SWE'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from muniorg.core.resources import REGISTRIES_DIR
from muniorg.importing import cvr, enhetsregisteret, scb, wikidata
from muniorg.importing.merge import Fact, Municipality, merge
from muniorg.importing.records import Extract

T = TypeVar("T")

#: The registry extracts shipped with the package.
REGISTRIES: Path = REGISTRIES_DIR
WIKIDATA = "nordic_wikidata_mxmap"


@dataclass(frozen=True)
class Seed:
    """What the registries say about one municipality.

    ``code`` is the official municipality code (``None`` where the extract has none),
    ``orgnr`` the organisation number (Norway) or CVR number (Denmark).
    """

    country: str
    name: str
    language: str
    place: str
    code: str | None = None
    orgnr: str | None = None
    homepage: str | None = None
    employees: int | None = None
    population: int | None = None
    region: str | None = None
    region_code: str | None = None
    alt_names: dict[str, str] = field(default_factory=dict)
    postal: dict[str, str] | None = None
    #: Ids of the registry documents (see :data:`REGISTRY_DOCUMENTS`) the record came from.
    sources: tuple[str, ...] = ()


#: The registry extracts as muniorg Document objects, keyed by the local id seeds refer to.
REGISTRY_DOCUMENTS: dict[str, dict[str, object]] = {
    "brreg-enhetsregisteret-kommuner": {
        "title": {"en": "Enhetsregisteret records of all municipalities, 2023-06"},
        "url": "https://github.com/navikt/sosialhjelp-avtaler-api",
        "publisher": "https://www.brreg.no/",
    },
    "fkg-kommuner-cvr": {
        "title": {"en": "FKG code list of Danish municipalities with CVR numbers"},
        "url": "https://github.com/Frederikssund/groen-registrering",
        "publisher": "https://github.com/Frederikssund",
    },
    "swedish-geodata": {
        "title": {"en": "Swedish municipalities and counties (swedish-geodata)"},
        "url": "https://github.com/sjbrg/swedish-geodata",
        "publisher": "https://github.com/sjbrg",
    },
    "wikidata-mxmap": {
        "title": {"en": "Nordic municipalities from Wikidata (mxmap-dk)"},
        "url": "https://github.com/KimTholstorf/mxmap-dk",
        "publisher": "https://www.wikidata.org/",
    },
}


def _merged(*extracts: Extract) -> list[Municipality]:
    """The municipalities of the first extract, joined with the others by the importer's merge
    (:func:`muniorg.importing.merge.merge`: matched on country and code, the first extract's
    values winning where sources disagree), in the first extract's row order."""
    municipalities, _issues = merge(extracts)
    order = {f"{r.country}/{r.code}": i for i, r in enumerate(extracts[0].records) if r.code}
    chosen = [m for m in municipalities if m.key in order]
    return sorted(chosen, key=lambda m: order[m.key])


def _value(fact: Fact[T] | None) -> T | None:
    return fact.value if fact is not None else None


def read_norway(folder: Path = REGISTRIES) -> list[Seed]:
    """Norway's 356 municipalities (2020–2023 numbering) from Enhetsregisteret."""
    extract = enhetsregisteret.read(folder / "no_enhetsregisteret_kommuner_2023-06.json")
    # The order of a row's other names (Sámi, Kven) as the register writes them.
    written = {r.key: list(r.names) for r in extract.records if r.code}
    seeds = []
    for m in _merged(extract):
        if m.code is None or m.language is None:
            continue
        others = [k for k in written[m.key] if k != m.language and k in m.names]
        seeds.append(
            Seed(
                country="NOR",
                name=m.names[m.language].value,
                language=m.language,
                place=_value(m.place) or "",
                code=m.code,
                orgnr=_value(m.orgnr),
                homepage=_value(m.homepage),
                employees=_value(m.employees),
                region_code=m.code[:2],
                alt_names={k: m.names[k].value for k in others},
                postal=_value(m.postal),
                sources=("brreg-enhetsregisteret-kommuner",),
            )
        )
    return seeds


def read_denmark(folder: Path = REGISTRIES) -> list[Seed]:
    """Denmark's 98 municipalities from the FKG list, with Wikidata's population and region."""
    fkg = cvr.read(folder / "dk_fkg_kommuner_cvr.csv")
    wiki = wikidata.read(folder / WIKIDATA / "municipalities_dk.json")
    seeds = []
    for m in _merged(fkg, wiki):
        name = m.names["da"].value
        seeds.append(
            Seed(
                country="DNK",
                name=name,
                language="da",
                place=name.removesuffix(" Kommune"),
                code=m.code,
                orgnr=_value(m.orgnr),
                homepage=_value(m.homepage),
                population=_value(m.population),
                region=_value(m.region),
                sources=("fkg-kommuner-cvr", "wikidata-mxmap"),
            )
        )
    return seeds


def read_sweden(folder: Path = REGISTRIES) -> list[Seed]:
    """Sweden's 290 municipalities with their counties, Wikidata's population and domain
    (the merge finds the names Wikidata cuts short and keeps SCB's)."""
    scb_list = scb.read(folder / "se_municipality_county.csv")
    wiki = wikidata.read(folder / WIKIDATA / "municipalities_se.json")
    seeds = []
    for m in _merged(scb_list, wiki):
        seeds.append(
            Seed(
                country="SWE",
                name=m.names["sv"].value,
                language="sv",
                place=_value(m.place) or "",
                code=m.code,
                homepage=_value(m.homepage),
                population=_value(m.population),
                region=_value(m.region),
                region_code=_value(m.region_code),
                sources=("swedish-geodata", "wikidata-mxmap"),
            )
        )
    return seeds


def read_wikidata_only(country: str, folder: Path = REGISTRIES) -> list[Seed]:
    """Finland's (``fi``) or Iceland's (``is``) municipalities from the Wikidata extract.

    The codes are left out, as before the importer existed: the corpus keeps its shape.
    """
    extract = wikidata.read(folder / WIKIDATA / f"municipalities_{country}.json")
    return [
        Seed(
            country=r.country,
            name=r.place or "",
            language=r.language or "",
            place=r.place or "",
            homepage=r.homepage,
            population=r.population,
            region=r.region,
            sources=("wikidata-mxmap",),
        )
        for r in extract.records
    ]


def nordic_seeds(folder: Path = REGISTRIES) -> list[Seed]:
    """Every Nordic municipality of the extracts: Norway, Denmark, Sweden, Finland, Iceland."""
    return [
        *read_norway(folder),
        *read_denmark(folder),
        *read_sweden(folder),
        *read_wikidata_only("fi", folder),
        *read_wikidata_only("is", folder),
    ]
