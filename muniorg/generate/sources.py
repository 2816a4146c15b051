"""What the generators read besides the schema: labels, definitions and the codes of code lists.

The schema (:func:`muniorg.model.schema.load_schema`) gives the structure. Labels and definitions of
muniorg's own classes and properties come from ``ontology/muniorg.ttl``; the controlled lists and
their codes come from ``ontology/vocabularies.ttl``. Both files are read as they are at generation
time; a missing vocabularies file simply means no known codes.

Example:
    >>> from muniorg.generate.sources import load_sources
    >>> sources = load_sources()
    >>> sorted(sources.schema.classes)[:2]
    ['Address', 'AdministrativeArea']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS

from muniorg.core.resources import ONTOLOGY_FILE, SHAPES_FILE, VOCABULARIES_FILE
from muniorg.model.schema import Schema, load_schema

#: Languages shown in the reference docs, in this order, when the ontology has them.
DOC_LANGUAGES = ("en", "da", "sv", "nb", "nn", "fi", "is")


@dataclass(frozen=True)
class Sources:
    """The schema plus the ontology and vocabularies graphs the docs and the context need."""

    schema: Schema
    ontology: Graph
    vocabularies: Graph

    @cached_property
    def codes(self) -> dict[str, tuple[str, ...]]:
        """Known codes of each code list, keyed by the list's namespace (``scheme + "/"``).

        A code is the part of a concept IRI after the namespace; concepts of a scheme whose IRI
        does not start with the namespace are not codes of it and are left out.

        >>> load_sources().codes.get("https://w3id.org/no-such-list/", ())
        ()
        """
        found: dict[str, set[str]] = {}
        for concept, scheme in self.vocabularies.subject_objects(SKOS.inScheme):
            namespace = str(scheme) + "/"
            if isinstance(concept, URIRef) and str(concept).startswith(namespace):
                found.setdefault(namespace, set()).add(str(concept)[len(namespace) :])
        return {ns: tuple(sorted(codes)) for ns, codes in sorted(found.items())}

    @cached_property
    def shapes(self) -> Graph:
        """The shapes graph, for what the schema does not carry (a property's ``sh:pattern``)."""
        return Graph().parse(SHAPES_FILE, format="turtle")

    def labels(self, iri: URIRef) -> dict[str, str]:
        """Labels of a term by language: rdfs:label or skos:prefLabel, else dct:title.

        >>> load_sources().labels(URIRef("https://w3id.org/no-such-term"))
        {}
        """
        for prop in (RDFS.label, SKOS.prefLabel, DCTERMS.title):
            found = _by_language(self.ontology, iri, prop) or _by_language(
                self.vocabularies, iri, prop
            )
            if found:
                return found
        return {}

    def definition(self, iri: URIRef) -> str:
        """The English definition of a term (skos:definition, else rdfs:comment), or ``""``."""
        for prop in (SKOS.definition, RDFS.comment, DCTERMS.description):
            for graph in (self.ontology, self.vocabularies):
                found = _by_language(graph, iri, prop)
                if found:
                    return found.get("en") or next(iter(found.values()))
        return ""


def _by_language(graph: Graph, iri: URIRef, prop: URIRef) -> dict[str, str]:
    values = sorted(
        (v for v in graph.objects(iri, prop) if isinstance(v, Literal)),
        key=lambda v: (v.language or "", str(v)),
    )
    found: dict[str, str] = {}
    for value in values:
        found.setdefault(value.language or "", str(value))
    order = {lang: i for i, lang in enumerate(DOC_LANGUAGES)}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def load_sources() -> Sources:
    """Read the schema, the ontology and (if present) the vocabularies.

    >>> load_sources().schema.classes["Person"].rdf_type
    rdflib.term.URIRef('http://xmlns.com/foaf/0.1/Person')
    """
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    vocabularies = Graph()
    if VOCABULARIES_FILE.exists():
        vocabularies.parse(VOCABULARIES_FILE, format="turtle")
    return Sources(schema=load_schema(), ontology=ontology, vocabularies=vocabularies)
