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
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import URIRef

from muniorg.core.errors import AuthoringError, did_you_mean
from muniorg.core.namespaces import EU_DATA_THEME, EU_LANGUAGE, EU_LICENCE
from muniorg.core.values import iri_problem
from muniorg.dcat.config import (
    ApplicationProfile,
    CatalogConfig,
    ContactPoint,
    Publisher,
    PublisherType,
)
from muniorg.formats.yaml import YamlNode, plain


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


#: Keys of the catalog file whose values are IRIs.
_IRI_KEYS = ("iri", "homepage", "licence", "downloadBase")


def _iri(node: YamlNode, key: str) -> str:
    """The IRI at ``node``, checked by the one IRI rule (:func:`muniorg.core.values.iri_problem`)."""
    value = node.value
    problem = iri_problem(value) if isinstance(value, str) else f"expected an IRI, got {value!r}"
    if problem:
        raise AuthoringError(f"{key}: {value!r}: {problem}", node.location)
    return str(value)


def catalog_config(data: YamlNode, base: str) -> CatalogConfig:
    """Turn a parsed catalog file into a :class:`CatalogConfig`.

    :raises AuthoringError: naming the file, line and column of a wrong or missing value.
    """
    assert isinstance(data.value, dict)
    for key, value in data.value.items():
        if key not in KEYS:
            raise AuthoringError(
                f"unknown key {key!r} in Catalog" + did_you_mean(key, KEYS), value.key_location
            )

    for key, table in (("publisher", PUBLISHER_KEYS), ("contact", CONTACT_KEYS)):
        node = data.value.get(key)
        if node is not None and isinstance(node.value, dict):
            known = [k.key for k in table]
            for inner, value in node.value.items():
                if inner not in known:
                    raise AuthoringError(
                        f"unknown key {inner!r} in the catalog's {key}"
                        + did_you_mean(inner, known),
                        value.key_location,
                    )
    themes = data.value.get("themes")
    for theme in themes.value if themes is not None and isinstance(themes.value, list) else []:
        if theme.value not in DATA_THEMES:
            raise AuthoringError(
                f"themes: {theme.value!r} is not an EU data theme (one of "
                f"{', '.join(DATA_THEMES)})" + did_you_mean(str(theme.value), DATA_THEMES),
                theme.location,
            )

    def need(key: str) -> YamlNode:
        if key not in data.value:
            raise AuthoringError(f"the catalog needs {key!r}", data.location)
        node: YamlNode = data.value[key]
        return node

    def date(key: str, default: datetime.date | None = None) -> datetime.date:
        node = data.value.get(key)
        if node is None and default is not None:
            return default
        node = node or need(key)
        value = node.value
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            raise AuthoringError(
                f"{key}: expected a date (YYYY-MM-DD), got {value!r}", node.location
            ) from None

    iris = {key: _iri(data.value[key], key) for key in _IRI_KEYS if key in data.value}
    publisher_iri = need("publisher").value
    if isinstance(publisher_iri, dict) and "iri" in publisher_iri:
        _iri(publisher_iri["iri"], "publisher.iri")
    try:
        publisher_node = need("publisher")
        publisher = plain(publisher_node)
        contact = plain(need("contact"))
        issued = date("issued")
        return CatalogConfig(
            iri=iris.get("iri", base + "catalog"),
            title=plain(need("title")),
            description=plain(need("description")),
            publisher=Publisher(
                iri=publisher["iri"],
                name=publisher["name"],
                type=PublisherType(publisher.get("type", "LocalAuthority")),
                identifier=publisher.get("identifier"),
            ),
            contact=ContactPoint(name=contact["name"], email=contact["email"]),
            issued=issued,
            modified=date("modified", issued),
            licence=URIRef(iris["licence"]) if "licence" in iris else EU_LICENCE.CC_BY_4_0,
            download_base=iris.get("downloadBase"),
            homepage=iris.get("homepage"),
            themes=tuple(EU_DATA_THEME[t] for t in plain(data.value["themes"]))
            if "themes" in data.value
            else (EU_DATA_THEME.GOVE, EU_DATA_THEME.REGI),
            profile=ApplicationProfile(plain(data.value["profile"]))
            if "profile" in data.value
            else ApplicationProfile.DCAT_AP_3,
            languages=tuple(
                EU_LANGUAGE[c]
                for c in plain(
                    data.value.get("languages") or YamlNode([], data.location, data.location)
                )
            ),
        )
    except AuthoringError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise AuthoringError(f"invalid catalog: {exc}", data.location) from None
    except Exception as exc:  # InputError from the dcat input checks
        raise AuthoringError(f"invalid catalog: {exc}", data.location) from None


def the_catalog(catalogs: Sequence[YamlNode], base: str) -> CatalogConfig | None:
    """The one catalog among the sources (``type: Catalog`` files), read and checked; ``None``
    when there is none.

    :raises AuthoringError: for a second catalog file (naming both), or a wrong catalog.
    """
    if len(catalogs) > 1:
        first = catalogs[0].location.file
        raise AuthoringError(
            f"a second 'type: Catalog' file ({first} is the first): a build publishes one "
            "catalog; merge them into one file",
            catalogs[1].location,
        )
    return catalog_config(catalogs[0], base) if catalogs else None
