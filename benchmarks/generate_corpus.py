"""Generate a national-scale corpus of authoring YAML files from the Nordic registry extracts.

Every municipality of the extracts (Norway 356, Denmark 98, Sweden 290, Finland 308, Iceland 62:
1,114 files) gets its registry facts (name, codes, organisation number, address, home page,
employees, population, county or region) and a deterministic enrichment the size of a real
description: a council with seats, committees with chairs and members, departments with
institutions and heads, people, value and leadership foundations, strategies with goals and SDG
links, initiatives with outcomes, key figures and documents. Sizes grow with the population,
from about 500 to 1,200 triples per municipality (969,713 for all 1,114). Only codes of ``ontology/vocabularies.ttl``
are used, and the files are valid against the shapes (Finnish and Icelandic municipalities get
one warning each: the corpus gives them no municipality code, as before the fi-kuntanumero and
is-sveitarfelagsnumer schemes existed, so that its size and benchmark numbers stay comparable).

``--scale K`` adds K-1 synthetic twins of every municipality, with unused municipality codes
and organisation numbers with valid check digits, so that the corpus can be grown past the
real 1,114. Being unused, a twin's code is in no registry extract: validation gives each
Danish, Swedish and Norwegian twin one more warning (an unknown municipality code).

Usage::

    .venv/bin/python -m benchmarks.generate_corpus /tmp/corpus [--limit N] [--scale K]

Example:
    >>> import tempfile, pathlib
    >>> paths = write_corpus(pathlib.Path(tempfile.mkdtemp()), limit=2)
    >>> [p.name for p in paths]
    ['no-1820-alstahaug.yaml', 'no-5403-alta.yaml']
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from benchmarks import phrases as ph
from benchmarks.registries import REGISTRIES, REGISTRY_DOCUMENTS, Seed, nordic_seeds
from muniorg.model.schema import ValueKind, load_schema

#: Counties of Norway in the 2020–2023 numbering (the first two digits of the kommunenummer).
NO_COUNTIES = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "30": "Viken",
    "34": "Innlandet",
    "38": "Vestfold og Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "54": "Troms og Finnmark",
}
_CODE_SCHEMES = {"NOR": "no-kommunenummer", "DNK": "dk-kommunekode", "SWE": "se-kommunkod"}
_ORGNR_SCHEMES = {"NOR": "no-organisasjonsnummer", "DNK": "dk-cvr"}
_AGENCIES = {
    "no-kommunenummer": "Kartverket",
    "no-organisasjonsnummer": "Brønnøysundregistrene",
    "dk-kommunekode": "Danmarks Statistik",
    "dk-cvr": "Erhvervsstyrelsen",
    "se-kommunkod": "Statistiska centralbyrån",
}
_DOCUMENT_LANGUAGES = {"da": "DAN", "nb": "NOB", "nn": "NNO", "sv": "SWE", "fi": "FIN", "is": "ISL"}
_TRANSLITERATION = str.maketrans(
    {
        "æ": "ae",
        "ø": "oe",
        "å": "aa",
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
    }
)


def slug(text: str) -> str:
    """A local id from a name: ``Sør-Aurdal`` -> ``soer-aurdal``, ``Þingeyjarsveit`` ->
    ``thingeyjarsveit``."""
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATION))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def file_id(seed: Seed) -> str:
    """The file's ``id`` (and file name): country, code where there is one, place."""
    country = {"NOR": "no", "DNK": "dk", "SWE": "se", "FIN": "fi", "ISL": "is"}[seed.country]
    return "-".join(p for p in (country, seed.code, slug(seed.place)) if p)


# -- check digits (to give synthetic twins valid organisation numbers) ---------------------------


def _no_orgnr(first8: str) -> str | None:
    total = sum(w * int(d) for w, d in zip((3, 2, 7, 6, 5, 4, 3, 2), first8, strict=True))
    check = (11 - total % 11) % 11
    return None if check == 10 else first8 + str(check)


def _dk_cvr(first7: str) -> str | None:
    total = sum(w * int(d) for w, d in zip((2, 7, 6, 5, 4, 3, 2), first7, strict=True))
    check = (11 - total % 11) % 11
    return None if check == 10 else first7 + str(check)


def twin(seed: Seed, number: int, taken: set[tuple[str, str]]) -> Seed:
    """Synthetic twin ``number`` (2, 3 ...) of ``seed``: same shape, unused codes.

    ``taken`` holds (scheme, code) pairs already in use and is updated.
    """
    rng = random.Random(f"{seed.country}/{seed.code}/{seed.place}/{number}")
    code = seed.code
    if code is not None:
        width, low = (3, 100) if seed.country == "DNK" else (4, 1)
        space = 10**width - low
        candidate = (int(code) - low + 7919 * number) % space
        while (seed.country, f"{candidate + low:0{width}d}") in taken:
            candidate = (candidate + 1) % space
        code = f"{candidate + low:0{width}d}"
        taken.add((seed.country, code))
    orgnr = None
    while seed.orgnr is not None and orgnr is None:
        if seed.country == "NOR":
            orgnr = _no_orgnr(f"9{rng.randrange(10**7):07d}")
        else:
            orgnr = _dk_cvr(f"{rng.randrange(10**6, 10**7)}")
    return replace(
        seed,
        name=f"{seed.name} {number}",
        place=f"{seed.place} {number}",
        code=code,
        orgnr=orgnr,
        region_code=(code[:2] if seed.country == "NOR" and code else seed.region_code),
        homepage=None,
    )


# -- enrichment ---------------------------------------------------------------------------------


class _Ids:
    """Local ids unique within one file."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, text: str) -> str:
        base = slug(text)
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


def _names(table: dict[str, str], lang: str, **values: object) -> dict[str, str]:
    return {
        lang: table[lang].format(**values),
        "en": table["en"].format(**values),
    }


def _text(class_name: str, key: str, lang: str, text: str) -> str | dict[str, str]:
    """``text`` as the shapes want ``key`` of ``class_name``: plain, or by language."""
    kind = {f.key: f.kind for f in load_schema().classes[class_name].fields}[key]
    return {lang: text} if kind is ValueKind.LANG_MAP else text


def municipality(seed: Seed) -> dict[str, Any]:
    """The authoring document of one municipality: registry facts plus a deterministic
    enrichment whose size grows with the population."""
    key = f"{seed.country}/{seed.code}/{seed.place}"
    rng = random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:16], 16))
    lang, place, ids = seed.language, seed.place, _Ids()
    this = file_id(seed)
    ids.used.add(this)
    population = seed.population or (seed.employees or 0) * 12 or rng.randrange(800, 40000)
    employees = seed.employees or max(40, population // 12)
    size = min(6, max(1, len(str(population)) - 2))  # 1 (hundreds) .. 6 (millions)
    region = seed.region or NO_COUNTIES.get(seed.region_code or "", "")
    sources = [ids(s) for s in seed.sources]
    documents = [{"id": s, **REGISTRY_DOCUMENTS[s], "language": ["ENG"]} for s in sources]
    report_id = ids("annual-report")
    documents.append(
        {
            "id": report_id,
            "title": _names(ph.ANNUAL_REPORT, lang, y=2022),
            "publisher": this,
            "issued": "2023-04-28T12:00:00",
            "language": [_DOCUMENT_LANGUAGES[lang]],
        }
    )
    cite = [*sources, report_id]

    people: list[dict[str, Any]] = []

    def person() -> str:
        family_names = ph.FAMILY.get(lang[:2] if lang not in ("nn",) else "nb")
        given = rng.choice(ph.GIVEN.get(lang if lang not in ("nn",) else "nb", ph.GIVEN["nb"]))
        family = rng.choice(family_names) if family_names else rng.choice(ph.PATRONYMS)
        person_id = ids(f"{given} {family}")
        people.append(
            {"id": person_id, "name": f"{given} {family}", "givenName": given, "familyName": family}
        )
        return person_id

    def post(role: str, holder: str | None = None, count: int | None = None) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "id": ids(f"{ph.POSTS[role]['en']}"),
            "name": _names(ph.POSTS[role], lang),
            "role": role,
        }
        if holder:
            entry["heldBy"] = [holder]
        if count:
            entry["count"] = count
        entry["source"] = [report_id]
        return entry

    seats = {1: 11, 2: 15, 3: 25, 4: 31, 5: 49, 6: 59}[size] + rng.randrange(0, 5) * 2
    committees = []
    for table in ph.COMMITTEES[: 2 + size]:
        members = [
            {"member": person(), "role": "committee-member", "source": [report_id]}
            for _ in range(2 + size // 2)
        ]
        committees.append(
            {
                "id": ids(table["en"]),
                "name": _names(table, lang),
                "posts": [post("committee-chair", person())],
                "memberships": members,
                "source": [report_id],
            }
        )
    departments = []
    for name, kind, areas, institution in ph.DEPARTMENTS[: 2 + size // 1]:
        units = [
            {
                "id": ids(f"{institution['en'].format(p=place)} {n}"),
                "name": _names(institution, lang, p=f"{place} {n}"),
                "kind": "institution",
                "posts": [post("institution-leader", person())],
            }
            for n in range(1, (size if institution else 0) + 1)
        ]
        department: dict[str, Any] = {
            "id": ids(name["en"]),
            "name": _names(name, lang),
            "kind": kind,
            "serviceAreas": areas[: 1 + rng.randrange(len(areas))],
            "posts": [post("head-of-department", person())],
            "keyFigures": [
                {
                    "measure": "employees",
                    "value": max(5, employees // (3 + size)),
                    "qualifier": "approximate",
                    "date": "2023",
                    "source": [report_id],
                }
            ],
            "source": [report_id],
        }
        if units:
            department["units"] = units
        departments.append(department)

    values = rng.sample(ph.VALUES, 4)
    foundations = [
        {
            "id": ids("value foundation"),
            "name": _names(ph.FOUNDATIONS["value-foundation"], lang),
            "kind": "value-foundation",
            "values": [
                {
                    "name": _names(v, lang),
                    "definition": {
                        lang: ph.VALUE_DEFINITION[lang].format(p=place, v=v[lang]),
                        "en": ph.VALUE_DEFINITION["en"].format(p=place, v=v["en"]),
                    },
                    "order": n,
                }
                for n, v in enumerate(values, start=1)
            ],
            "authors": [this],
            "issued": 2015 + rng.randrange(8),
            "source": [report_id],
        },
        {
            "id": ids("leadership foundation"),
            "name": _names(ph.FOUNDATIONS["leadership-foundation"], lang),
            "kind": "leadership-foundation",
            "principles": [
                {"name": _names(p, lang), "reason": _names(ph.PRINCIPLE_REASON, lang), "order": n}
                for n, p in enumerate(rng.sample(ph.PRINCIPLES, 2 + size // 2), start=1)
            ],
            "source": [report_id],
        },
    ]
    if size >= 3:
        foundations.append(
            {
                "id": ids("employee foundation"),
                "name": _names(ph.FOUNDATIONS["employee-foundation"], lang),
                "kind": "employee-foundation",
                "source": [report_id],
            }
        )
    strategies = []
    for kind, table in ph.STRATEGIES[: 1 + (size + 1) // 2]:
        start = 2019 + rng.randrange(5)
        horizon = start + 4 + rng.randrange(8)
        goals = [
            {
                "name": _names(goal, lang),
                "committee": rng.choice(committees)["id"],
                "sdgs": sorted({str(rng.randrange(1, 18)) for _ in range(2)}, key=int),
            }
            for goal in rng.sample(ph.GOALS, 2 + size // 3)
        ]
        strategies.append(
            {
                "id": ids(table["en"].format(y=start)),
                "name": _names(table, lang, y=start),
                "kind": kind,
                "description": _names(ph.STRATEGY_DESCRIPTION, lang, p=place, h=horizon),
                "period": {"start": start, "end": horizon},
                "horizon": horizon,
                "sdgs": sorted({str(rng.randrange(1, 18)) for _ in range(4)}, key=int),
                "goals": goals,
                "themes": rng.sample(["sustainability", "innovation", "quality", "cooperation"], 2),
                "authors": [this],
                "organisedBy": [committees[0]["id"]],
                "source": [report_id],
            }
        )
    initiatives = []
    for kind, themes, table in rng.sample(ph.INITIATIVES, 1 + size // 2):
        initiative: dict[str, Any] = {
            "id": ids(table["en"]),
            "name": _names(table, lang),
            "kind": kind,
            "themes": themes,
            "period": {"start": 2018 + rng.randrange(5)},
            "source": [report_id],
        }
        if "sickness-absence" in themes:
            initiative["outcomes"] = [
                {
                    "measure": "sick-days-change",
                    "value": -rng.randrange(1, 4),
                    "qualifier": "approximate",
                    "unit": "days per employee per year",
                    "source": [report_id],
                }
            ]
        initiatives.append(initiative)

    leaders = [
        post("mayor", person()),
        post("deputy-mayor", person()),
        post("municipal-director", person()),
    ]
    if size >= 2:
        leaders += [post("deputy-municipal-director", person()), post("hr-head", person())]

    document: dict[str, Any] = {
        "type": "Municipality",
        "id": this,
        "name": {lang: seed.name, "en": f"{place} Municipality"},
    }
    if seed.alt_names:
        document["altName"] = {tag: [name] for tag, name in seed.alt_names.items()}
    document["description"] = _names(
        ph.DESCRIPTION, lang, p=place, r=region or place, n=population, e=employees
    )
    document["country"] = seed.country
    identifiers = []
    if seed.code:
        scheme = _CODE_SCHEMES[seed.country]
        identifiers.append(
            {
                "notation": seed.code,
                "scheme": scheme,
                "schemeAgency": _AGENCIES[scheme],
                "source": sources[:1],
            }
        )
    if seed.orgnr:
        scheme = _ORGNR_SCHEMES[seed.country]
        identifiers.append(
            {
                "notation": seed.orgnr,
                "scheme": scheme,
                "schemeAgency": _AGENCIES[scheme],
                "source": sources[:1],
            }
        )
    if identifiers:
        document["identifiers"] = identifiers
    if seed.homepage:
        document["homepage"] = {"id": seed.homepage, "title": {lang: seed.name}}
    area: dict[str, Any] = {"name": {lang: place}}
    if region:
        kind = "county" if seed.country in ("NOR", "SWE") else "region"
        entry: dict[str, Any] = {"name": {lang: region}, "kind": kind}
        if seed.region_code:
            entry["code"] = seed.region_code
        area["regions"] = [entry]
    document["area"] = area
    if seed.postal:
        document["postalAddress"] = {
            **{key: _text("Address", key, lang, text) for key, text in seed.postal.items()},
            "country": seed.country,
        }
    document["sites"] = [{"id": ids("town hall"), "name": _names(ph.SITES, lang)}]
    document["keyFigures"] = [
        {
            "measure": "population",
            "value": population,
            "qualifier": "approximate",
            "date": "2023",
            "source": cite[-2:],
        },
        {
            "measure": "employees",
            "value": employees,
            "qualifier": "exact" if seed.employees else "approximate",
            "date": "2023-06",
            "source": cite[:1],
        },
        {
            "measure": "departments",
            "value": len(departments),
            "qualifier": "exact",
            "source": [report_id],
        },
    ]
    document["council"] = {
        "id": ids("council"),
        "name": _names(ph.COUNCIL, lang),
        "description": _names(ph.COUNCIL_DESCRIPTION, lang, p=place, n=seats),
        "seats": seats,
        "committees": committees,
        "keyFigures": [
            {
                "measure": "committees",
                "value": len(committees),
                "qualifier": "exact",
                "source": [report_id],
            }
        ],
        "source": [report_id],
    }
    document["departments"] = departments
    document["posts"] = leaders
    document["people"] = people
    document["foundations"] = foundations
    document["strategies"] = strategies
    document["initiatives"] = initiatives
    document["serviceAreas"] = sorted({a for d in departments for a in d["serviceAreas"]})
    if seed.homepage:
        document["contactPoints"] = [
            {"name": _names(ph.CONTACT, lang), "contactPage": {"id": seed.homepage}}
        ]
    document["documents"] = documents
    document["source"] = cite
    return document


# -- writing ------------------------------------------------------------------------------------


def seeds_at_scale(seeds: Sequence[Seed], scale: int) -> list[Seed]:
    """``seeds`` followed by ``scale - 1`` rounds of synthetic twins."""
    taken = {(s.country, s.code) for s in seeds if s.code}
    out = list(seeds)
    for number in range(2, scale + 1):
        out.extend(twin(s, number, taken) for s in seeds)
    return out


def dump_yaml(document: dict[str, Any], header: str = "") -> str:
    """Block-style YAML (UTF-8, keys in the given order), as an editor would write it."""
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100
    stream = StringIO()
    if header:
        stream.write(header)
    yaml.dump(document, stream)
    return stream.getvalue()


def write_corpus(
    out: Path,
    *,
    limit: int | None = None,
    scale: int = 1,
    seeds: Iterable[Seed] | None = None,
    registries: Path = REGISTRIES,
) -> list[Path]:
    """Write one authoring file per municipality into ``out``; returns the paths, in order.

    ``limit`` keeps the first N municipalities of the extracts (before scaling).
    """
    chosen = list(seeds if seeds is not None else nordic_seeds(registries))[:limit]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in seeds_at_scale(chosen, scale):
        header = (
            f"# {seed.name} ({seed.country}): registry facts from {', '.join(seed.sources)};\n"
            "# everything else is generated benchmark data (benchmarks/generate_corpus.py).\n"
        )
        path = out / f"{file_id(seed)}.yaml"
        path.write_text(dump_yaml(municipality(seed), header), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the YAML files to")
    parser.add_argument("--limit", type=int, help="only the first N municipalities")
    parser.add_argument("--scale", type=int, default=1, help="copies of every municipality")
    args = parser.parse_args(argv)
    paths = write_corpus(args.out, limit=args.limit, scale=args.scale)
    print(f"wrote {len(paths)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
