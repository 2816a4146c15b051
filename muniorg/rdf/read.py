"""Read RDF graphs (muniorg's own, or other publishers') into the model.

The top objects of a graph are the nodes typed as a municipality, a cooperation programme or a
concept scheme. Everything reachable from them through the model's fields is read; triples
that no field accounts for are returned as ``unmapped`` so a caller can report them (nothing is
dropped silently).

Example:
    >>> from muniorg.model.classes import Municipality
    >>> from muniorg.rdf.graph import to_graph
    >>> from muniorg.rdf.read import read_graph_model
    >>> g = to_graph(Municipality(id="https://ex.org/m", name={"da": "X"}, country="DNK"))
    >>> outcome = read_graph_model(g)
    >>> [type(n).__name__ for n in outcome.roots], len(outcome.unmapped)
    (['Municipality'], 0)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from muniorg.core.arguments import instance_argument
from muniorg.model.classes import CLASSES, ConceptScheme, CooperationProgramme, Municipality
from muniorg.model.node import Node
from muniorg.model.walk import natural_key
from muniorg.rdf.graph import ReadResult, Triple, read_node
from muniorg.rdf.others import normalise

ROOT_CLASSES: tuple[type[Node], ...] = (Municipality, CooperationProgramme, ConceptScheme)


@dataclass
class ReadOutcome:
    """The top objects found in a graph, and the triples the model has no place for.

    >>> outcome = ReadOutcome()
    >>> outcome.roots, outcome.unmapped, outcome.notes
    ([], [], [])
    """

    roots: list[Node] = field(default_factory=list)
    unmapped: list[Triple] = field(default_factory=list)
    #: What the normalisation of other vocabularies changed, one line each (see muniorg.rdf.others).
    notes: list[str] = field(default_factory=list)


def read_graph_model(graph: Graph) -> ReadOutcome:
    """Read every top object of ``graph`` into the model (see the module docs).

    Data that uses plain ORG, CPOV or schema.org terms for the same things is first normalised
    to muniorg's terms (:func:`muniorg.rdf.others.normalise`); ``notes`` says what that assumed.

    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ...     @prefix schema: <http://schema.org/> .
    ...     <https://ex.org/stord> a schema:GovernmentOrganization ; schema:addressCountry "NO" ;
    ...         schema:name "Stord kommune"@nn ; schema:foundingDate "1838" .''', format="turtle")
    >>> outcome = read_graph_model(g)
    >>> outcome.roots[0].name, outcome.roots[0].country
    ({'nn': 'Stord kommune'}, 'NOR')
    >>> [p.n3() for _, p, _ in outcome.unmapped]
    ['<http://schema.org/foundingDate>']

    :raises muniorg.core.errors.MappingError: when a value cannot be converted.
    """
    instance_argument(graph, Graph, "read_graph_model(graph)", "an rdflib Graph")
    normalised, notes = normalise(graph)
    result = ReadResult()
    roots: list[Node] = []
    for cls in ROOT_CLASSES:
        # A muniorg:Foundation is also a skos:ConceptScheme; it is read inside its municipality.
        subclasses = {
            c.SPEC.rdf_type for c in CLASSES.values() if cls.SPEC.rdf_type in c.SPEC.extra_types
        }
        subjects = sorted(
            (
                s
                for s in normalised.subjects(RDF.type, cls.SPEC.rdf_type)
                if isinstance(s, URIRef)
                and not any((s, RDF.type, sub) in normalised for sub in subclasses)
            ),
            key=lambda s: natural_key(str(s)),
        )
        roots.extend(read_node(normalised, str(s), cls, result) for s in subjects)
    unmapped = sorted(
        (t for t in normalised if t not in result.consumed), key=lambda t: tuple(map(str, t))
    )
    return ReadOutcome(roots=roots, unmapped=unmapped, notes=notes)
