"""DCAT-AP catalog of what a build published, as an rdflib graph.

One ``dcat:Catalog`` lists one ``dcat:Dataset`` per municipality and one for the whole set,
which ``dct:hasPart`` the others. Each published file is a ``dcat:Distribution`` with its
download URL, IANA media type, EU file type, size and checksum. The graph conforms to
DCAT-AP 3.0.1 or DCAT-AP-NO 2.0 (see :class:`~muniorg.dcat.config.ApplicationProfile`); the
tests check it with the official SHACL shapes.

Every node has an IRI derived from the catalog IRI (no blank nodes), so the same inputs give
the same N-Triples. Values from controlled vocabularies (EU authority tables, ADMS publisher
types, SPDX algorithms) are referenced, not described: harvesters load those vocabularies.
Everything else the catalog references (IANA media types, muniorg's own standards, places,
pages) is typed with the class DCAT-AP expects, because nobody else publishes that type.

Example:
    >>> from datetime import date
    >>> from muniorg.dcat.config import (
    ...     CatalogConfig, ContactPoint, PublishedDataset, PublishedFile, Publisher)
    >>> from muniorg.formats.format import RdfFormat
    >>> config = CatalogConfig(
    ...     iri="https://w3id.org/muniorg/id/catalog",
    ...     title={"en": "Nordic municipalities"},
    ...     description={"en": "Municipalities as linked open data."},
    ...     publisher=Publisher(iri="https://example.org/org/1", name={"en": "Example"}),
    ...     contact=ContactPoint(name="Open data team", email="data@example.org"),
    ...     issued=date(2024, 1, 1), modified=date(2024, 6, 1))
    >>> nt = PublishedFile("stord.nt", RdfFormat.NTRIPLES, 10, "0" * 64)
    >>> stord = PublishedDataset(slug="stord", title={"nn": "Stord"}, description={"nn": "Stord"},
    ...     identifier="4614", modified=date(2024, 6, 1), files=(nt,))
    >>> whole = PublishedDataset(slug="muniorg-dataset", title={"en": "All"},
    ...     description={"en": "All"}, identifier="all", modified=date(2024, 6, 1),
    ...     files=(PublishedFile("muniorg-dataset.nt", RdfFormat.NTRIPLES, 10, "1" * 64),))
    >>> graph = catalog_graph(config, [stord], whole)
    >>> str(dataset_iri(config, "stord"))
    'https://w3id.org/muniorg/id/catalog/dataset/stord'
    >>> len(list(graph.subjects(RDF.type, DCAT.Distribution)))
    2
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD
from rdflib.term import Node

from muniorg.core.errors import InputError
from muniorg.core.namespaces import EU_DATA_THEME, PREFIXES
from muniorg.core.triplestore import FastGraph
from muniorg.core.values import rdf_language
from muniorg.dcat.config import (
    ApplicationProfile,
    CatalogConfig,
    LangMap,
    PublishedDataset,
    PublishedFile,
)
from muniorg.formats.rdf import turtle_and_ntriples

SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU_ACCESS_RIGHT = Namespace("http://publications.europa.eu/resource/authority/access-right/")
EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
DATA_THEME_SCHEME = URIRef(str(EU_DATA_THEME).rstrip("/"))

#: What the data conforms to: the ontology for data sets, the SHACL shapes for files.
MUNIORG_ONTOLOGY = URIRef("https://w3id.org/muniorg")
MUNIORG_SHAPES = URIRef("https://w3id.org/muniorg/shapes")
_STANDARD_TITLES = {
    MUNIORG_ONTOLOGY: "muniorg ontology",
    MUNIORG_SHAPES: "muniorg SHACL shapes",
}

_CATALOG_PREFIXES = {"spdx": str(SPDX), "vcard": str(VCARD)}


def dataset_iri(config: CatalogConfig, slug: str) -> URIRef:
    """The IRI of the data set ``slug`` in the catalog.

    Example:
        >>> from types import SimpleNamespace
        >>> str(dataset_iri(SimpleNamespace(iri="https://x.org/catalog"), "glostrup"))
        'https://x.org/catalog/dataset/glostrup'
    """
    return URIRef(f"{config.iri}/dataset/{slug}")


def distribution_iri(config: CatalogConfig, slug: str, published: PublishedFile) -> URIRef:
    """The IRI of the distribution of ``published`` in the data set ``slug``."""
    return URIRef(f"{dataset_iri(config, slug)}/distribution/{quote(published.path, safe='')}")


def catalog_graph(
    config: CatalogConfig,
    datasets: Sequence[PublishedDataset],
    whole_set: PublishedDataset,
) -> Graph:
    """The DCAT-AP catalog of the municipality data sets and the whole set.

    The whole set ``dct:hasPart`` every data set of ``datasets``; the order of ``datasets``
    does not change the graph. The module docstring has a complete example.

    :raises InputError: if two data sets share a slug.
    """
    return _fill(Graph(), config, datasets, whole_set)


def catalog_texts(
    config: CatalogConfig,
    datasets: Sequence[PublishedDataset],
    whole_set: PublishedDataset,
) -> tuple[str, str]:
    """The Turtle and the N-Triples of :func:`catalog_graph` (the bytes
    :func:`muniorg.formats.rdf.serialize` writes of it), in a third of the time: the triples
    go into muniorg's light graph (a national catalog is some 80,000 of them) and both texts
    are written from one pass over it (:func:`muniorg.formats.rdf.turtle_and_ntriples`).

    :raises InputError: if two data sets share a slug.
    """
    # rdflib's prefixes too, as catalog_graph's Graph has them: an IRI of the config in one of
    # their namespaces (dcmitype, say) is written with that prefix
    return turtle_and_ntriples(_fill(FastGraph(), config, datasets, whole_set))


def _fill(
    graph: Graph,
    config: CatalogConfig,
    datasets: Sequence[PublishedDataset],
    whole_set: PublishedDataset,
) -> Graph:
    """``graph`` with the catalog's prefixes and triples (:func:`catalog_graph`)."""
    counts = Counter(dataset.slug for dataset in (*datasets, whole_set))
    duplicates = sorted(slug for slug, count in counts.items() if count > 1)
    if duplicates:
        raise InputError(f"catalog: data set slugs must be unique, repeated: {duplicates}")
    for prefix, namespace in {**PREFIXES, **_CATALOG_PREFIXES}.items():
        graph.bind(prefix, namespace, replace=True)
    catalog = URIRef(config.iri)
    _add_catalog(graph, catalog, config)
    whole = _add_dataset(graph, config, whole_set)
    graph.add((catalog, DCAT.dataset, whole))
    for dataset in datasets:
        part = _add_dataset(graph, config, dataset)
        graph.add((catalog, DCAT.dataset, part))
        graph.add((whole, DCTERMS.hasPart, part))
        graph.add((part, DCTERMS.isPartOf, whole))
    return graph


def _add_lang(graph: Graph, subject: URIRef, predicate: URIRef, texts: LangMap) -> None:
    for language, text in texts.items():
        graph.add((subject, predicate, Literal(text, lang=rdf_language(language))))


def _add_all(graph: Graph, subject: URIRef, predicate: URIRef, objects: Iterable[Node]) -> None:
    for value in objects:
        graph.add((subject, predicate, value))


def _date(value: object) -> Literal:
    return Literal(value, datatype=XSD.date)


def _add_catalog(graph: Graph, catalog: URIRef, config: CatalogConfig) -> None:
    graph.add((catalog, RDF.type, DCAT.Catalog))
    _add_lang(graph, catalog, DCTERMS.title, config.title)
    _add_lang(graph, catalog, DCTERMS.description, config.description)
    # DCAT-AP-NO wants exactly one dct:identifier on the catalog; the IRI is the stable one.
    graph.add((catalog, DCTERMS.identifier, Literal(config.iri)))
    graph.add((catalog, DCTERMS.publisher, _add_publisher(graph, config)))
    graph.add((catalog, DCTERMS.license, config.licence))
    graph.add((catalog, DCTERMS.issued, _date(config.issued)))
    graph.add((catalog, DCTERMS.modified, _date(config.modified)))
    graph.add((catalog, DCAT.themeTaxonomy, DATA_THEME_SCHEME))
    _add_all(graph, catalog, DCTERMS.language, config.languages)
    if config.homepage is not None:
        homepage = URIRef(config.homepage)
        graph.add((catalog, FOAF.homepage, homepage))
        graph.add((homepage, RDF.type, FOAF.Document))


def _add_publisher(graph: Graph, config: CatalogConfig) -> URIRef:
    publisher = config.publisher
    agent = URIRef(publisher.iri)
    graph.add((agent, RDF.type, FOAF.Agent))
    _add_lang(graph, agent, FOAF.name, publisher.name)
    graph.add((agent, DCTERMS.type, publisher.type.iri))
    if publisher.identifier is not None:
        graph.add((agent, DCTERMS.identifier, Literal(publisher.identifier)))
    return agent


def _add_contact_point(graph: Graph, config: CatalogConfig) -> URIRef:
    contact = URIRef(f"{config.iri}/contact-point")
    # vcard:Kind too: DCAT-AP checks sh:class vcard:Kind and harvesters may not infer.
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, RDF.type, VCARD.Kind))
    graph.add((contact, VCARD.fn, Literal(config.contact.name)))
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{config.contact.email}")))
    return contact


def _add_standard(graph: Graph, standard: URIRef) -> URIRef:
    graph.add((standard, RDF.type, DCTERMS.Standard))
    graph.add((standard, DCTERMS.title, Literal(_STANDARD_TITLES[standard], lang="en")))
    return standard


def _add_dataset(graph: Graph, config: CatalogConfig, dataset: PublishedDataset) -> URIRef:
    node = dataset_iri(config, dataset.slug)
    graph.add((node, RDF.type, DCAT.Dataset))
    _add_lang(graph, node, DCTERMS.title, dataset.title)
    _add_lang(graph, node, DCTERMS.description, dataset.description)
    graph.add((node, DCTERMS.identifier, Literal(dataset.identifier)))
    graph.add((node, DCTERMS.publisher, URIRef(config.publisher.iri)))
    graph.add((node, DCAT.contactPoint, _add_contact_point(graph, config)))
    graph.add((node, DCTERMS.issued, _date(config.issued)))
    graph.add((node, DCTERMS.modified, _date(dataset.modified)))
    # Published open data: DCAT-AP-NO recommends stating it, portals filter on it.
    graph.add((node, DCTERMS.accessRights, EU_ACCESS_RIGHT.PUBLIC))
    graph.add((node, DCTERMS.conformsTo, _add_standard(graph, MUNIORG_ONTOLOGY)))
    _add_all(graph, node, DCAT.theme, config.themes)
    _add_all(graph, node, DCTERMS.language, dataset.languages)
    for language, keywords in dataset.keywords.items():
        _add_all(
            graph,
            node,
            DCAT.keyword,
            (Literal(word, lang=rdf_language(language)) for word in keywords),
        )
    if dataset.subject is not None:
        graph.add((node, FOAF.primaryTopic, URIRef(dataset.subject)))
    for place in dataset.spatial:
        graph.add((node, DCTERMS.spatial, URIRef(place)))
        if not place.startswith(EU_AUTHORITY):
            graph.add((URIRef(place), RDF.type, DCTERMS.Location))
    if dataset.temporal_start is not None or dataset.temporal_end is not None:
        period = URIRef(f"{node}/temporal")
        graph.add((node, DCTERMS.temporal, period))
        graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
        if dataset.temporal_start is not None:
            graph.add((period, DCAT.startDate, _date(dataset.temporal_start)))
        if dataset.temporal_end is not None:
            graph.add((period, DCAT.endDate, _date(dataset.temporal_end)))
    if dataset.landing_page is not None:
        page = URIRef(dataset.landing_page)
        graph.add((node, DCAT.landingPage, page))
        graph.add((page, RDF.type, FOAF.Document))
    for published in dataset.files:
        graph.add((node, DCAT.distribution, _add_distribution(graph, config, dataset, published)))
    return node


def _add_distribution(
    graph: Graph, config: CatalogConfig, dataset: PublishedDataset, published: PublishedFile
) -> URIRef:
    node = distribution_iri(config, dataset.slug, published)
    file_type = published.file_type
    url = URIRef(config.download_url(published.path))
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCTERMS.title, Literal(f"{dataset.slug} ({file_type.label})", lang="en")))
    graph.add((node, DCAT.accessURL, url))
    graph.add((node, DCAT.downloadURL, url))
    graph.add((node, DCAT.mediaType, file_type.media_type_iri))
    # IANA publishes no RDF, so the media type's class is stated here.
    graph.add((file_type.media_type_iri, RDF.type, DCTERMS.MediaType))
    if file_type.eu_file_type is not None:  # always: PublishedFile holds published formats only
        graph.add((node, DCTERMS.format, file_type.eu_file_type))
    graph.add((node, DCTERMS.license, config.licence))
    graph.add((node, DCTERMS.issued, _date(config.issued)))
    graph.add((node, DCTERMS.modified, _date(dataset.modified)))
    graph.add((node, DCTERMS.conformsTo, _add_standard(graph, MUNIORG_SHAPES)))
    nordic = config.profile is ApplicationProfile.DCAT_AP_NO_2
    size_type = XSD.decimal if nordic else XSD.nonNegativeInteger
    graph.add((node, DCAT.byteSize, Literal(str(published.byte_size), datatype=size_type)))
    algorithm, digest = (
        (SPDX.checksumAlgorithm_sha1, published.sha1)
        if nordic
        else (SPDX.checksumAlgorithm_sha256, published.sha256)
    )
    if digest:
        checksum = URIRef(f"{node}/checksum")
        graph.add((node, SPDX.checksum, checksum))
        graph.add((checksum, RDF.type, SPDX.Checksum))
        graph.add((checksum, SPDX.algorithm, algorithm))
        graph.add((checksum, SPDX.checksumValue, Literal(digest, datatype=XSD.hexBinary)))
    return node
