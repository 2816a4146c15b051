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
from typing import Any

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
from muniorg.formats.yaml import YamlNode

KEYS = (
    "profile",
    "type",
    "iri",
    "title",
    "description",
    "publisher",
    "contact",
    "issued",
    "modified",
    "licence",
    "downloadBase",
    "homepage",
    "themes",
    "languages",
)


#: Keys of the catalog file whose values are IRIs.
_IRI_KEYS = ("iri", "homepage", "licence", "downloadBase")


def _plain(node: YamlNode) -> Any:
    if isinstance(node.value, dict):
        return {k: _plain(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [_plain(v) for v in node.value]
    return node.value


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
        publisher = _plain(publisher_node)
        contact = _plain(need("contact"))
        issued = date("issued")
        return CatalogConfig(
            iri=iris.get("iri", base + "catalog"),
            title=_plain(need("title")),
            description=_plain(need("description")),
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
            themes=tuple(EU_DATA_THEME[t] for t in _plain(data.value["themes"]))
            if "themes" in data.value
            else (EU_DATA_THEME.GOVE, EU_DATA_THEME.REGI),
            profile=ApplicationProfile(_plain(data.value["profile"]))
            if "profile" in data.value
            else ApplicationProfile.DCAT_AP_3,
            languages=tuple(
                EU_LANGUAGE[c]
                for c in _plain(
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
