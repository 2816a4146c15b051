"""Namespaces muniorg uses, as rdflib :class:`~rdflib.namespace.Namespace` objects.

Example:
    >>> from muniorg.core.namespaces import MUNIORG
    >>> str(MUNIORG.Municipality)
    'https://w3id.org/muniorg#Municipality'
"""

from __future__ import annotations

from rdflib import Graph, Namespace

from muniorg.core.triplestore import FastGraph

MUNIORG = Namespace("https://w3id.org/muniorg#")
MUNIORG_SHAPES = Namespace("https://w3id.org/muniorg/shapes#")
MUNIORG_VOCAB = Namespace("https://w3id.org/muniorg/vocab/")
DEFAULT_BASE = "https://w3id.org/muniorg/id/"

CV = Namespace("http://data.europa.eu/m8g/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
SCHEMA = Namespace("http://schema.org/")
#: The EU Publications Office's authority tables (code lists): ``EU_AUTHORITY.country``.
EU_AUTHORITY = Namespace("http://publications.europa.eu/resource/authority/")
EU_COUNTRY = Namespace("http://publications.europa.eu/resource/authority/country/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
EU_DATA_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
EU_LICENCE = Namespace("http://publications.europa.eu/resource/authority/licence/")

#: Prefixes bound in every graph muniorg writes, in the order they appear in Turtle output.
PREFIXES: dict[str, str] = {
    "adms": str(ADMS),
    "cv": str(CV),
    "dcat": str(DCAT),
    "dct": str(DCT),
    "foaf": str(FOAF),
    "locn": str(LOCN),
    "muniorg": str(MUNIORG),
    "org": str(ORG),
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": str(PROV),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": str(SCHEMA),
    "sh": "http://www.w3.org/ns/shacl#",
    "skos": str(SKOS),
    "spdx": "http://spdx.org/rdf/terms#",
    "time": "http://www.w3.org/2006/time#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def new_graph() -> Graph:
    """An empty graph with muniorg's prefixes bound (and no others): a
    :class:`~muniorg.core.triplestore.FastGraph`, the light rdflib graph of muniorg's pipeline.

    >>> len(new_graph()), dict(new_graph().namespaces())["skos"]
    (0, rdflib.term.URIRef('http://www.w3.org/2004/02/skos/core#'))
    """
    graph = FastGraph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def compact_iri(iri: str) -> str:
    """Shorten an IRI with the muniorg prefixes (the longest matching namespace wins).

    >>> compact_iri("http://www.w3.org/2004/02/skos/core#prefLabel")
    'skos:prefLabel'
    >>> compact_iri("https://example.org/x")
    'https://example.org/x'
    """
    best = max(
        ((prefix, ns) for prefix, ns in PREFIXES.items() if iri.startswith(ns)),
        key=lambda item: len(item[1]),
        default=None,
    )
    if best is None or not iri[len(best[1]) :]:
        return iri
    return f"{best[0]}:{iri[len(best[1]) :]}"
