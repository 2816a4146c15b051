"""Read the Nordic municipality registry extracts into one record per municipality.

The extracts are package data (``muniorg/data/registries``, read through
:mod:`importlib.resources`; its README names their sources, licences and dates). They have
known defects, and this module copes with them rather than passing them on:

- Norway (Enhetsregisteret 2023-06): two pre-registered 2024 units ("NYE ... UNDER
  FORHÅNDSREGISTRERING") share 1507 with Ålesund and are dropped; names are upper case and some
  carry a Sámi form after " / "; home pages lack the scheme; 20 rows lack one, 158 lack a
  postal address.
- Denmark (FKG): Christiansø (411) is listed but is not a municipality; codes have no leading
  zero (as the dk-kommunekode scheme wants).
- Sweden: no organisation numbers; population and domain come from the Wikidata extract, whose
  names drop a final "s" for 20 kommuner, so names come from the county list instead.
- Finland and Iceland: only the Wikidata extract (no identifier scheme in the controlled lists);
  some populations are missing.

Example:
    >>> seeds = nordic_seeds()
    >>> len(seeds), sorted({s.country for s in seeds})
    (1114, ['DNK', 'FIN', 'ISL', 'NOR', 'SWE'])
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass, field
from importlib.resources import files

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

#: The registry extracts shipped with the package (a folder, or a folder inside a wheel).
REGISTRIES: Traversable = files("muniorg") / "data" / "registries"
WIKIDATA = "nordic_wikidata_mxmap"


@dataclass(frozen=True)
class Seed:
    """What the registries say about one municipality.

    ``code`` is the official municipality code (``None`` where muniorg has no scheme for the
    country), ``orgnr`` the organisation number (Norway) or CVR number (Denmark).
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

_SMALL_WORDS = {"i", "og", "på"}
_COUNTRIES = {"dk": "DNK", "no": "NOR", "se": "SWE", "fi": "FIN", "is": "ISL"}
_LANGUAGES = {"DNK": "da", "SWE": "sv", "FIN": "fi", "ISL": "is"}


def _title(text: str) -> str:
    """``NORD-AURDAL`` -> ``Nord-Aurdal``, ``BØ I TELEMARK`` -> ``Bø i Telemark``."""
    words = []
    for word in text.lower().split():
        words.append(
            word
            if word in _SMALL_WORDS
            else "-".join(p[:1].upper() + p[1:] for p in word.split("-"))
        )
    return " ".join(words)


def _wikidata(folder: Traversable, country: str) -> list[dict[str, object]]:
    path = folder / WIKIDATA / f"municipalities_{country}.json"
    rows: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return rows


def _https(host: str | None) -> str | None:
    if not host:
        return None
    host = host.strip().removeprefix("http://").removeprefix("https://").strip("/")
    return f"https://{host}/"


_NAME_PART = re.compile(r"(.+?) (KOMMUNE|HERAD|SUOHKAN|SOUHKAN|GIELDA|KOMUUNI)(?:\s*\|\s*|\s+|$)")
#: The word after a name in Enhetsregisteret and the language of that form (Sámi, Kven).
_NAME_LANGUAGES = {"SUOHKAN": "se", "SOUHKAN": "se", "GIELDA": "se", "KOMUUNI": "fkv"}


def _norwegian_names(registered: str) -> tuple[str, str, dict[str, str]]:
    """The place, ``kommune``/``herad`` and the Sámi/Kven forms of a registered name.

    >>> _norwegian_names("GAIVUONA SUOHKAN KÅFJORD KOMMUNE KAIVUONON KOMUUNI")
    ('Kåfjord', 'kommune', {'se': 'Gaivuona suohkan', 'fkv': 'Kaivuonon komuuni'})
    """
    flat = registered.replace(" / ", "|").replace(" - ", "|")
    place, kind, alt_names = "", "kommune", {}
    for name, word in _NAME_PART.findall(flat):
        if word in _NAME_LANGUAGES:
            alt_names[_NAME_LANGUAGES[word]] = f"{_title(name)} {word.lower()}"
        else:
            place, kind = _title(name), word.lower()
    return place, kind, alt_names


def read_norway(folder: Traversable = REGISTRIES) -> list[Seed]:
    """Norway's 356 municipalities (2020–2023 numbering) from Enhetsregisteret."""
    rows = json.loads((folder / "no_enhetsregisteret_kommuner_2023-06.json").read_text("utf-8"))
    seeds = []
    for row in rows:
        if "FORHÅNDSREGISTRERING" in row["navn"]:
            continue
        place, kind, alt_names = _norwegian_names(row["navn"])
        business = row["forretningsadresse"]
        post = row.get("postadresse") or business
        lines = post.get("adresse") or []
        postal = {
            "postCode": post["postnummer"],
            "postName": _title(post["poststed"]),
            "fullAddress": ", ".join([*lines, f"{post['postnummer']} {_title(post['poststed'])}"]),
        }
        if lines:
            postal["poBox" if lines[0].lower().startswith("postboks") else "thoroughfare"] = lines[
                0
            ]
        seeds.append(
            Seed(
                country="NOR",
                name=f"{place} {kind}",
                language="nn" if row.get("maalform") == "Nynorsk" else "nb",
                place=place,
                code=business["kommunenummer"],
                orgnr=row["organisasjonsnummer"],
                homepage=_https(row.get("hjemmeside")),
                employees=row.get("antallAnsatte"),
                region_code=business["kommunenummer"][:2],
                alt_names=alt_names,
                postal=postal,
                sources=("brreg-enhetsregisteret-kommuner",),
            )
        )
    return seeds


def read_denmark(folder: Traversable = REGISTRIES) -> list[Seed]:
    """Denmark's 98 municipalities from the FKG list, with Wikidata's population and region."""
    wiki = {str(r["id"]).removeprefix("DK-"): r for r in _wikidata(folder, "dk")}
    with (folder / "dk_fkg_kommuner_cvr.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    seeds = []
    for row in rows:
        if row["kommunekode"] == "411":  # Christiansø: administered by the state
            continue
        extra = wiki.get(row["kommunekode"], {})
        name = row["cvr_navn"]
        seeds.append(
            Seed(
                country="DNK",
                name=name,
                language="da",
                place=name.removesuffix(" Kommune"),
                code=row["kommunekode"],
                orgnr=row["cvr_kode"],
                homepage=_https(str(extra.get("domain") or "")),
                population=_int(extra.get("population")),
                region=_str(extra.get("region")),
                sources=("fkg-kommuner-cvr", "wikidata-mxmap"),
            )
        )
    return seeds


def read_sweden(folder: Traversable = REGISTRIES) -> list[Seed]:
    """Sweden's 290 municipalities with their counties, Wikidata's population and domain."""
    wiki = {str(r["id"]).removeprefix("SE-"): r for r in _wikidata(folder, "se")}
    with (folder / "se_municipality_county.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return [
        Seed(
            country="SWE",
            name=row["municipality_name"],
            language="sv",
            place=row["municipality_name_short"],
            code=row["municipality_code"],
            homepage=_https(str(wiki.get(row["municipality_code"], {}).get("domain") or "")),
            population=_int(wiki.get(row["municipality_code"], {}).get("population")),
            region=row["county_name"],
            region_code=row["county_code"],
            sources=("swedish-geodata", "wikidata-mxmap"),
        )
        for row in rows
    ]


def read_wikidata_only(country: str, folder: Traversable = REGISTRIES) -> list[Seed]:
    """Finland's (``fi``) or Iceland's (``is``) municipalities from the Wikidata extract."""
    iso = _COUNTRIES[country]
    return [
        Seed(
            country=iso,
            name=str(row["name"]),
            language=_LANGUAGES[iso],
            place=str(row["name"]),
            homepage=_https(_str(row.get("domain"))),
            population=_int(row.get("population")),
            region=_str(row.get("region")),
            sources=("wikidata-mxmap",),
        )
        for row in _wikidata(folder, country)
    ]


def nordic_seeds(folder: Traversable = REGISTRIES) -> list[Seed]:
    """Every Nordic municipality of the extracts: Norway, Denmark, Sweden, Finland, Iceland."""
    return [
        *read_norway(folder),
        *read_denmark(folder),
        *read_sweden(folder),
        *read_wikidata_only("fi", folder),
        *read_wikidata_only("is", folder),
    ]


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, (int, float, str)) and str(value).isdigit() else None


def _str(value: object) -> str | None:
    return str(value) if value else None
