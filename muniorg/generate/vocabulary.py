"""The ontology and the controlled lists as a build publishes them: Turtle, N-Triples, JSON-LD.

``ontology/muniorg.ttl`` (classes and properties) and ``ontology/vocabularies.ttl`` (the
controlled lists: roles, kinds, identifier schemes ... with labels in every language) are
written by hand. A build publishes them beside the data (``ontology.*``, ``vocabularies.*``,
from the files generated here into ``ontology/published/``), so that every
``https://w3id.org/muniorg`` IRI in the published data is described, with its labels, in the
same output folder (issue #12). As in the data, the name of each concept is also given as
``schema:name`` and ``rdfs:label`` (:data:`muniorg.rdf.graph.NAME_ALIASES`), where schema.org
and generic RDF tools look. Blank nodes are given IRIs (:data:`GENID`), so that loading the
files twice into a store gives the same triples.

Example:
    >>> text = generate_published(None)[Path("ontology/published/vocabularies.nt")]
    >>> text.splitlines()[0].startswith("<http")
    True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF

from muniorg.core.namespaces import PREFIXES, new_graph
from muniorg.core.resources import ONTOLOGY_FILE, VOCABULARIES_FILE
from muniorg.core.triplestore import add_triples
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
from muniorg.formats.jsonld import dumps, graph_to_jsonld
from muniorg.formats.rdf import read_bundled, serialize, stable_graph
from muniorg.generate.sources import Sources
from muniorg.rdf.graph import NAME_ALIASES, NAME_PATHS, NAMED_TYPES

#: Where the published forms are generated, relative to the repository root.
PUBLISHED_DIR = Path("ontology/published")
#: What a build publishes: its slug -> the hand-written source.
SOURCES = {"ontology": ONTOLOGY_FILE, "vocabularies": VOCABULARIES_FILE}


def published_graph(source: Path) -> Graph:
    """The graph of ``source`` as published: its triples, and the names of the things of
    :data:`~muniorg.rdf.graph.NAMED_TYPES` (concepts ...) repeated as schema:name and
    rdfs:label, with muniorg's prefixes bound."""
    read = read_bundled(source)
    graph = new_graph()
    add_triples(graph, read)
    named = {s for t in NAMED_TYPES for s in read.subjects(RDF.type, t)}
    for subject in named:
        for path in NAME_PATHS:
            names = list(read.objects(subject, path))
            if names:
                add_triples(
                    graph, ((subject, alias, n) for _, alias in NAME_ALIASES for n in names)
                )
                break
    return graph


#: Blank nodes (a scheme's publisher ...) are published as IRIs under this base (RDF 1.1
#: skolemisation): a store that loads the graph twice then holds it once, not twice.
GENID = "https://w3id.org/muniorg/.well-known/genid/"


def _skolemised(graph: Graph, slug: str) -> Graph:
    """``graph`` (blank nodes labelled b0, b1 ... by :func:`stable_graph`) with each blank node
    replaced by ``GENID{slug}-b0`` ..."""

    def iri(term: Any) -> Any:
        return URIRef(f"{GENID}{slug}-{term}") if isinstance(term, BNode) else term

    out = new_graph()
    add_triples(out, ((iri(s), p, iri(o)) for s, p, o in graph))
    return out


@cache
def _texts(slug: str) -> dict[RdfFormat, str]:
    graph = _skolemised(stable_graph(published_graph(SOURCES[slug])), slug)
    out = {
        RdfFormat.TURTLE: serialize(graph, RdfFormat.TURTLE),
        RdfFormat.NTRIPLES: serialize(graph, RdfFormat.NTRIPLES),
        RdfFormat.JSONLD: dumps(graph_to_jsonld(graph, PREFIXES)),
    }
    return out


#: The published files, relative to the repository root: (path, slug, format).
PUBLISHED_FILES = tuple(
    (PUBLISHED_DIR / f"{slug}{fmt.extension}", slug, fmt)
    for slug in SOURCES
    for fmt in OUTPUT_FORMATS
)


def generate_published(_: Sources | None) -> dict[Path, str]:
    """Every published file's text, by its path relative to the repository root."""
    return {path: _texts(slug)[fmt] for path, slug, fmt in PUBLISHED_FILES}


def artifact(path: Path) -> Callable[[Sources], str]:
    """The generator of one published file (for :data:`muniorg.generate.ARTIFACTS`)."""
    return lambda sources: generate_published(sources)[path]


__all__ = [
    "PUBLISHED_DIR",
    "PUBLISHED_FILES",
    "SOURCES",
    "artifact",
    "generate_published",
    "published_graph",
]
