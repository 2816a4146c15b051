"""Read the ``type: Catalog`` authoring file: what the DCAT-AP catalog says about the publisher.

Example (``examples/catalog.yaml``)::

    type: Catalog
    title: {en: Nordic municipalities as linked open data}
    description: {en: Municipalities described with the muniorg vocabulary.}
    publisher: {iri: "https://w3id.org/muniorg/id/publisher", name: {en: muniorg project}, type: NonProfitOrganisation}
    contact: {name: muniorg open-data team, email: opendata@example.org}
    issued: 2026-11-25
    profile: dcat-ap-3        # or dcat-ap-no-2 for Norwegian portals (see docs/dcat.md)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from rdflib import URIRef

from muniorg.core.errors import AuthoringError, InputError, did_you_mean
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import EU_DATA_THEME, EU_LANGUAGE, EU_LICENCE
from muniorg.core.values import iri_problem, repeated_language
from muniorg.dcat.config import (
    ApplicationProfile,
    CatalogConfig,
    ContactPoint,
    Publisher,
    PublisherType,
    dates_problem,
    email_problem,
    lang_map_problem,
)
from muniorg.formats.yaml import YamlNode
from muniorg.model.kinds import describe


@dataclass(frozen=True)
class CatalogKey:
    """One key of the catalog file: its name, whether it must be given, and what it is.

    The reader checks keys against these tables, ``docs/dcat.md`` lists them (a test keeps the
    two equal) and the authoring JSON Schema takes its keys and descriptions from them.
    """

    key: str
    required: bool
    description: str


#: The keys of a ``type: Catalog`` file.
CATALOG_KEYS = (
    CatalogKey("type", True, "Catalog: this file describes the DCAT-AP catalog of a build."),
    CatalogKey(
        "profile",
        False,
        "The DCAT application profile: dcat-ap-3 (the default) or "
        "dcat-ap-no-2 for Norwegian portals.",
    ),
    CatalogKey("iri", False, "The catalog's IRI (default: {base}catalog), without '/' at the end."),
    CatalogKey("title", True, "The catalog's title, one per language."),
    CatalogKey("description", True, "The catalog's description, one per language."),
    CatalogKey("publisher", True, "The organisation that publishes the catalog and its data sets."),
    CatalogKey("contact", True, "Who answers questions about the data."),
    CatalogKey(
        "issued",
        True,
        "The date of the first publication (YYYY-MM-DD); never taken from the clock.",
    ),
    CatalogKey("modified", False, "The date of the last change (default: issued)."),
    CatalogKey("licence", False, "The licence IRI (default: the EU table's CC_BY_4_0)."),
    CatalogKey(
        "downloadBase",
        False,
        "Where the files are served, ending in '/' (default: next to the catalog IRI).",
    ),
    CatalogKey("homepage", False, "The portal page of the catalog."),
    CatalogKey("themes", False, "EU data themes of the data sets (default: [GOVE, REGI])."),
    CatalogKey("languages", False, "EU language codes of the data, e.g. [NNO, NOB]."),
)
#: The keys of the catalog's ``publisher``.
PUBLISHER_KEYS = (
    CatalogKey("iri", True, "The publisher's IRI."),
    CatalogKey("name", True, "The publisher's name, one per language."),
    CatalogKey("type", False, "The ADMS publisher type (default: LocalAuthority)."),
    CatalogKey("identifier", False, "An official identifier, such as the organisation number."),
)
#: The keys of the catalog's ``contact``.
CONTACT_KEYS = (
    CatalogKey("name", True, "The name of the team or office that answers."),
    CatalogKey("email", True, "Its e-mail address."),
)
#: The names of :data:`CATALOG_KEYS`.
KEYS = tuple(k.key for k in CATALOG_KEYS)
#: The EU data themes (http://publications.europa.eu/resource/authority/data-theme).
DATA_THEMES = (
    "AGRI",
    "ECON",
    "EDUC",
    "ENER",
    "ENVI",
    "GOVE",
    "HEAL",
    "INTR",
    "JUST",
    "OP_DATPRO",
    "REGI",
    "SOCI",
    "TECH",
    "TRAN",
)


#: The EU language codes (the language table,
#: http://publications.europa.eu/resource/authority/language) muniorg knows to be in the table:
#: the EU's 24 official languages and those of the Nordic countries checked in public copies of
#: the table (Faroese, Greenlandic, Icelandic, Norwegian and its two written forms, Northern
#: Sámi, Romani, Yiddish). The table has hundreds more: another code of its form (three capital
#: letters) is published with a note asking to check it, a code of another form is refused.
EU_LANGUAGES = (
    "BUL",
    "CES",
    "DAN",
    "DEU",
    "ELL",
    "ENG",
    "EST",
    "FAO",
    "FIN",
    "FRA",
    "GLE",
    "HRV",
    "HUN",
    "ISL",
    "ITA",
    "KAL",
    "LAV",
    "LIT",
    "MLT",
    "NLD",
    "NNO",
    "NOB",
    "NOR",
    "POL",
    "POR",
    "ROM",
    "RON",
    "SLK",
    "SLV",
    "SME",
    "SPA",
    "SWE",
    "YID",
)

#: The form of a code of the EU language table.
_LANGUAGE_CODE = re.compile(r"[A-Z]{3}")


#: Keys of the catalog file whose values are IRIs.
_IRI_KEYS = ("iri", "homepage", "licence", "downloadBase")


def _shown(value: object) -> str:
    """A value in a message: a text quoted, anything else described (never a node's repr).

    >>> _shown("GOVE"), _shown(5)
    ("'GOVE'", 'the number 5')
    """
    return repr(value) if isinstance(value, str) else describe(value)


def _iri(node: YamlNode, key: str) -> str:
    """The IRI at ``node``, checked by the one IRI rule (:func:`muniorg.core.values.iri_problem`)."""
    value = node.value
    if not isinstance(value, str):
        raise AuthoringError(f"{key}: expected an IRI, got {describe(value)}", node.location)
    problem = iri_problem(value)
    if problem:
        raise AuthoringError(f"{key}: {value!r}: {problem}", node.location)
    return value


def _mapping(node: YamlNode, what: str, table: Sequence[CatalogKey]) -> dict[str, YamlNode]:
    """The keys of the mapping at ``node`` (the catalog, its ``publisher`` or ``contact``),
    checked against ``table``: no unknown key, every required one.

    ``what`` names the mapping in messages: ``"Catalog"`` (the file's type, as the
    municipality loader names its mappings), ``"the catalog's contact"``.
    """
    known = [k.key for k in table]
    if not isinstance(node.value, dict):
        raise AuthoringError(
            f"{what} is a mapping of {', '.join(known)}; got {describe(node.value)}",
            node.location,
        )
    fields: dict[str, YamlNode] = node.value
    for key, value in fields.items():
        if key not in known:
            raise AuthoringError(
                f"unknown key {key!r} in {what}" + did_you_mean(key, known), value.key_location
            )
    for k in table:
        if k.required and k.key not in fields:
            needed = ", ".join(k.key for k in table if k.required)
            raise AuthoringError(
                f"missing required key {k.key!r} in {what} (it needs {needed})", node.location
            )
    return fields


def _text(node: YamlNode, key: str) -> str:
    """The text at ``node``: a string with more than spaces, as the authoring schema says."""
    value = node.value
    if isinstance(value, str) and value.strip():
        return value
    hint = ' (put numbers in quotes, e.g. "0188", so leading zeros are kept)'
    raise AuthoringError(
        f"{key}: expected a non-empty text, got {describe(value)}"
        + (hint if isinstance(value, int) and not isinstance(value, bool) else ""),
        node.location,
    )


def _texts(node: YamlNode, key: str) -> dict[str, str]:
    """The texts by language at ``node`` (``{en: ..., da: ...}``), each problem at its entry."""
    if not isinstance(node.value, dict):
        raise AuthoringError(
            f"{key}: expected texts by language, like {{en: ..., da: ...}}; got "
            f"{describe(node.value)}",
            node.location,
        )
    texts = {}
    seen: dict[str, str] = {}  # the tags so far, by their lower case
    for tag, text in node.value.items():
        texts[tag] = _text(text, f"{key}.{tag}")
        problem = lang_map_problem({tag: texts[tag]}, required=False)
        if problem is None:  # a tag of the catalog's reader is a str (lang_map_problem)
            problem = repeated_language(seen, tag)
        if problem is not None:
            raise AuthoringError(f"{key}: {problem}", text.key_location)
    problem = lang_map_problem(texts, required=True)
    if problem is not None:
        raise AuthoringError(f"{key}: {problem}", node.location)
    return texts


_Choice = TypeVar("_Choice", ApplicationProfile, PublisherType)


def _choice(node: YamlNode, key: str, choices: type[_Choice], what: str) -> _Choice:
    """The member of the enumeration ``choices`` whose value is written at ``node``."""
    names = [c.value for c in choices]
    if node.value not in names:
        raise AuthoringError(
            f"{key}: {_shown(node.value)} is not {what} (one of {', '.join(names)})"
            + (did_you_mean(node.value, names) if isinstance(node.value, str) else ""),
            node.location,
        )
    return choices(node.value)


def _codes(
    node: YamlNode,
    key: str,
    table: Sequence[str],
    what: str,
    example: str,
    *,
    form: re.Pattern[str] | None = None,
    notes: list[tuple[SourceLocation, str]] | None = None,
) -> tuple[str, ...]:
    """The codes of ``table`` listed at ``node``, each one checked where it is written.

    A code given in lower case is refused too, with the code it means: the tables' codes are
    upper case, and a harvester matches IRIs exactly. With ``form``, a code of that form that
    is not in ``table`` (muniorg knows part of the table) is taken, with a note in ``notes``
    (its place and text) asking to check it.
    """
    if not isinstance(node.value, list):
        # A text would be read letter by letter: GOVE as the codes G, O, V, E.
        raise AuthoringError(
            f"{key}: expected a list of {what} codes, like {example}; got {describe(node.value)}",
            node.location,
        )
    codes = []
    for item in node.value:
        code = item.value
        if form is not None and isinstance(code, str) and form.fullmatch(code):
            if code not in table and notes is not None:
                notes.append(
                    (
                        item.location,
                        f"{key}: {code!r} is not among the {what} codes muniorg knows to be in "
                        f"the table: check that {EU_LANGUAGE[code]} exists",
                    )
                )
        elif code not in table:
            near = did_you_mean(code.upper(), table) if isinstance(code, str) else ""
            known = (
                f"three capital letters, as {', '.join(table)}"
                if form is not None
                else f"one of {', '.join(table)}"
            )
            raise AuthoringError(
                f"{key}: {_shown(code)} is not an {what} code ({known})" + near, item.location
            )
        codes.append(code)
    return tuple(codes)


def _date(node: YamlNode, key: str) -> datetime.date:
    """The date at ``node`` (YYYY-MM-DD)."""
    value = node.value
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise AuthoringError(
            f"{key}: expected a date (YYYY-MM-DD), got {_shown(value)}", node.location
        ) from None


def catalog_config(
    data: YamlNode, base: str, notes: list[tuple[SourceLocation, str]] | None = None
) -> CatalogConfig:
    """Turn a parsed catalog file into a :class:`CatalogConfig`; what the user should check
    (a language code muniorg does not know) is added to ``notes``.

    Every value is checked here, where its line and column are known, by the rules of
    :mod:`muniorg.dcat.config`; what :class:`CatalogConfig` would refuse on top is reported at
    the catalog's IRI.

    :raises AuthoringError: naming the file, line and column of a wrong or missing value.
    """
    fields = _mapping(data, "Catalog", CATALOG_KEYS)
    iris = {key: _iri(fields[key], key) for key in _IRI_KEYS if key in fields}

    publisher = _mapping(fields["publisher"], "the catalog's publisher", PUBLISHER_KEYS)
    contact = _mapping(fields["contact"], "the catalog's contact", CONTACT_KEYS)
    email = _text(contact["email"], "contact.email")
    problem = email_problem(email)
    if problem is not None:
        raise AuthoringError(f"contact.email: {problem}", contact["email"].location)

    issued = _date(fields["issued"], "issued")
    modified = issued
    if "modified" in fields:
        modified = _date(fields["modified"], "modified")
        problem = dates_problem(issued, modified)
        if problem is not None:
            raise AuthoringError(problem, fields["modified"].location)

    themes: tuple[URIRef, ...] = (EU_DATA_THEME.GOVE, EU_DATA_THEME.REGI)
    if "themes" in fields:
        codes = _codes(fields["themes"], "themes", DATA_THEMES, "EU data theme", "[GOVE, REGI]")
        if not codes:
            # DCAT-AP-NO requires a theme on every data set, and they take the catalog's.
            raise AuthoringError(
                "themes: expected at least one EU data theme", fields["themes"].location
            )
        themes = tuple(EU_DATA_THEME[code] for code in codes)
    languages: tuple[str, ...] = ()
    if "languages" in fields:
        languages = _codes(
            fields["languages"],
            "languages",
            EU_LANGUAGES,
            "EU language",
            "[NNO, NOB]",
            form=_LANGUAGE_CODE,
            notes=notes,
        )

    try:
        return CatalogConfig(
            iri=iris.get("iri", base + "catalog"),
            title=_texts(fields["title"], "title"),
            description=_texts(fields["description"], "description"),
            publisher=Publisher(
                iri=_iri(publisher["iri"], "publisher.iri"),
                name=_texts(publisher["name"], "publisher.name"),
                type=_choice(
                    publisher["type"], "publisher.type", PublisherType, "an ADMS publisher type"
                )
                if "type" in publisher
                else PublisherType.LOCAL_AUTHORITY,
                identifier=_text(publisher["identifier"], "publisher.identifier")
                if "identifier" in publisher
                else None,
            ),
            contact=ContactPoint(name=_text(contact["name"], "contact.name"), email=email),
            issued=issued,
            modified=modified,
            licence=URIRef(iris["licence"]) if "licence" in iris else EU_LICENCE.CC_BY_4_0,
            download_base=iris.get("downloadBase"),
            homepage=iris.get("homepage"),
            themes=themes,
            profile=_choice(fields["profile"], "profile", ApplicationProfile, "a DCAT profile")
            if "profile" in fields
            else ApplicationProfile.DCAT_AP_3,
            languages=tuple(EU_LANGUAGE[code] for code in languages),
        )
    except InputError as exc:
        # Only the catalog's IRI is left to check (it must not end with '/'); the other
        # rules of the config were applied above, each at its value.
        raise AuthoringError(
            f"iri: {exc.message}", fields["iri"].location if "iri" in fields else data.location
        ) from None


def the_catalog(
    catalogs: Sequence[YamlNode], base: str, notes: list[tuple[SourceLocation, str]] | None = None
) -> CatalogConfig | None:
    """The one catalog among the sources (``type: Catalog`` files), read and checked; ``None``
    when there is none. What the user should check is added to ``notes``.

    :raises AuthoringError: for a second catalog file (naming both), or a wrong catalog.
    """
    if len(catalogs) > 1:
        first = catalogs[0].location.file
        raise AuthoringError(
            f"a second 'type: Catalog' file ({first} is the first): a build publishes one "
            "catalog; merge them into one file",
            catalogs[1].location,
        )
    return catalog_config(catalogs[0], base, notes) if catalogs else None
