"""What is published, and its text: the one place where privacy is applied and files are rendered.

:func:`publication` turns loaded documents (and their graphs, made once) into what may be
published: the privacy rule of :func:`muniorg.rdf.privacy.redact_graph` is applied to each graph,
and the model is read back from the redacted graph, so a document's model (its JSON-LD) and its
graph (Turtle, N-Triples) say the same.

:func:`render` is the only producer of published text: JSON-LD from the model (one object
compact, several flattened), every other format from the graph. :func:`render_all` gives the
texts of several formats at once. ``muniorg export`` (:mod:`muniorg.publish.convert`) and
``muniorg build`` (each document, in :mod:`muniorg.publish.units`; the whole data set is merged
from those texts by :mod:`muniorg.publish.union`) call them.

Example:
    >>> from muniorg.model.classes import Person
    >>> from muniorg.rdf.graph import to_graph
    >>> person = Person(id="https://ex.org/p", name="Bo", telephone=["+45 1"])
    >>> [unit] = publication([person], [to_graph(person)])
    >>> print(render(*unit, RdfFormat.NTRIPLES), end="")
    <https://ex.org/p> <http://schema.org/name> "Bo" .
    <https://ex.org/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
    <https://ex.org/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .
    <https://ex.org/p> <http://www.w3.org/2000/01/rdf-schema#label> "Bo" .
    <https://ex.org/p> <http://xmlns.com/foaf/0.1/name> "Bo" .
    >>> unit.roots[0].telephone
    []
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

from rdflib import Graph

from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
from muniorg.formats.jsonld import dumps
from muniorg.formats.rdf import serialize, turtle_and_ntriples
from muniorg.model.node import Node
from muniorg.model.walk import in_order_of
from muniorg.rdf.graph import read_back, read_node
from muniorg.rdf.jsonld import compact_and_flat, flatten, to_jsonld
from muniorg.rdf.privacy import hidden_people, leaves_out_nothing, redact_graph


class Published(NamedTuple):
    """What is published of one unit (a document, or the whole data set): its top objects and
    their graph, which say the same."""

    roots: Sequence[Node]
    graph: Graph


def publication(
    roots: Sequence[Node],
    graphs: Sequence[Graph],
    include_personal_data: bool = False,
    *,
    hidden: Collection[str] | None = None,
) -> list[Published]:
    """What may be published of each root (whose graph, :func:`muniorg.rdf.graph.to_graph` of
    it, is the one at the same index).

    Without ``include_personal_data`` the privacy rule (:func:`muniorg.rdf.privacy.redact_graph`)
    is applied to each graph, with the persons hidden anywhere among ``roots`` (a reference from
    one document to a hidden person described in another is dropped too), and the model is read
    back from the redacted graph, its lists kept in the order authored where that order means
    something (:func:`muniorg.model.walk.in_order_of`). With it, the roots and graphs are
    published as they are.

    Reading back is not only for what the rule removed: when a document nests one object in two
    places (a page that is both a source and a contact page), the model read from the graph holds
    the object once, whole, where the authored model may hold part of it in each place, so the
    JSON-LD differs. Published files have always been written from the read-back model.

    When the rule leaves a graph whole (:func:`muniorg.rdf.privacy.leaves_out_nothing`), that
    graph is published as it is, and the model reading it gives is worked out from the root
    where that can be proven (:func:`muniorg.rdf.graph.read_back`, which needs each graph to
    hold exactly the triples of :func:`muniorg.rdf.graph.to_graph` of its root): the same model
    and triples as copying and reading.

    ``hidden`` replaces the persons hidden among ``roots`` when the caller knows them already
    (a build's worker, given those of the whole build).
    """
    if include_personal_data:
        return [Published([root], graph) for root, graph in zip(roots, graphs, strict=True)]
    if hidden is None:
        hidden = hidden_people(roots)
    published = []
    for root, graph in zip(roots, graphs, strict=True):
        whole = leaves_out_nothing(graph, hidden)
        if whole:
            # What most documents are: the rule keeps every triple, and what reading them
            # gives is worked out from the model (proven on the graph) where it can be.
            read = read_back(graph, root)
            if read is not None:
                published.append(Published([read], graph))
                continue
        redacted = graph if whole else redact_graph(graph, hidden=hidden)
        # read_node, not from_graph: a root the rule hides (a person) leaves nothing to read
        read = in_order_of(read_node(redacted, root.id or "", type(root)), root)
        published.append(Published([read], redacted))
    return published


def render(roots: Sequence[Node], graph: Graph, fmt: RdfFormat, *, flat: bool = False) -> str:
    """The text of ``roots`` (whose triples are ``graph``) in ``fmt``: JSON-LD from the model
    (compact for one object, flattened for several or when ``flat``), the other formats from the
    graph.

    >>> from muniorg.model.classes import Person
    >>> from muniorg.rdf.graph import to_graph
    >>> bo = Person(id="https://ex.org/p", name="Bo")
    >>> print(render([bo], to_graph(bo), RdfFormat.JSONLD), end="")
    {
      "@context": "https://w3id.org/muniorg/context.jsonld",
      "id": "https://ex.org/p",
      "type": [
        "Person",
        "schema:Person"
      ],
      "name": "Bo",
      "schema:name": "Bo",
      "rdfs:label": "Bo"
    }
    """
    if fmt is RdfFormat.JSONLD:
        return dumps(to_jsonld(roots[0]) if len(roots) == 1 and not flat else flatten(roots))
    return serialize(graph, fmt)


def render_all(
    roots: Sequence[Node],
    graph: Graph,
    formats: Sequence[RdfFormat] = OUTPUT_FORMATS,
    *,
    flat: bool = False,
) -> dict[RdfFormat, str]:
    """:func:`render` in each of ``formats``."""
    return {fmt: render(roots, graph, fmt, flat=flat) for fmt in formats}


def render_document(
    published: Published,
) -> tuple[dict[RdfFormat, str], list[dict[str, Any]], dict[str, Any]]:
    """What a build writes of one document: :func:`render_all`'s texts (its one root's compact
    JSON-LD among them), the objects of its flattened JSON-LD (for the whole data set's) and
    the compact JSON-LD object the JSON-LD text is written from (for the pages to embed), each
    object's values converted once for all (:func:`muniorg.rdf.jsonld.compact_and_flat`).

    >>> from muniorg.model.classes import Person
    >>> from muniorg.rdf.graph import to_graph
    >>> bo = Person(id="https://ex.org/p", name="Bo", telephone=["+45 1"])
    >>> [unit] = publication([bo], [to_graph(bo)])
    >>> texts, objects, compact = render_document(unit)
    >>> texts == render_all(*unit), objects == flatten(unit.roots)["@graph"]
    (True, True)
    >>> dumps(compact) == texts[RdfFormat.JSONLD]
    True
    """
    [root] = published.roots
    compact, flat = compact_and_flat(root)
    turtle, ntriples = turtle_and_ntriples(published.graph)  # serialize's, from one pass
    made = {
        RdfFormat.JSONLD: dumps(compact),
        RdfFormat.TURTLE: turtle,
        RdfFormat.NTRIPLES: ntriples,
    }
    return {fmt: made[fmt] for fmt in OUTPUT_FORMATS}, flat["@graph"], compact


__all__ = [
    "Published",
    "publication",
    "render",
    "render_all",
    "render_document",
]
