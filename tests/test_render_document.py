"""A build writes each document's JSON-LD and its flat objects from one conversion
(render_document, compact_and_flat): the same as render_all's JSON-LD and flatten's objects,
on the examples, generated municipalities and an object nested in two places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from muniorg.authoring.load import load_file, own_ids, resolve_references
from muniorg.core.namespaces import new_graph
from muniorg.formats.format import RdfFormat
from muniorg.formats.jsonld import dumps
from muniorg.formats.rdf import serialize
from muniorg.model.classes import ContactPoint, Document, Municipality
from muniorg.model.walk import canonical
from muniorg.publish.render import publication, render_all, render_document
from muniorg.rdf.graph import to_graph
from muniorg.rdf.jsonld import compact_and_flat, flatten, to_jsonld

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _published_roots(paths: list[Path]) -> list[Municipality]:
    roots = []
    for path in paths:
        loaded = load_file(path)
        document = loaded.document
        if document is None or loaded.errors:
            continue
        root, unresolved = resolve_references(document, own_ids(document, tuple(loaded.local_ids)))
        if unresolved:
            continue
        roots.append(canonical(root))
    return roots


def _plain(graph: Graph) -> Graph:
    plain = Graph(bind_namespaces="none")
    for prefix, namespace in graph.namespaces():
        plain.bind(prefix, namespace)
    for triple in graph:
        plain.add(triple)
    return plain


def test_turtle_of_an_index_keeps_the_order_of_terms_of_one_sort_key() -> None:
    """ "a" and "a"^^xsd:string are two rdflib terms and one pyoxigraph literal: the Turtle of
    muniorg's graph writes them as the sort of all triples does."""
    graph = new_graph()
    s, p = URIRef("https://ex.org/s"), URIRef("https://ex.org/p")
    for o in (
        Literal("b"),
        Literal("a"),
        Literal("a", datatype=XSD.string),
        URIRef("https://ex.org/o"),
    ):
        graph.add((s, p, o))
    graph.add((URIRef("https://ex.org/a"), p, Literal("x")))
    text = serialize(graph, RdfFormat.TURTLE)
    assert text == serialize(_plain(graph), RdfFormat.TURTLE)
    assert text.index("<https://ex.org/a>") < text.index("<https://ex.org/s>")


def _check(roots: list) -> None:  # type: ignore[type-arg]
    assert roots
    for root in roots:
        [unit] = publication([root], [to_graph(root)])
        texts, objects, compact = render_document(unit)
        assert texts == render_all(*unit)
        assert dumps(compact) == texts[RdfFormat.JSONLD]
        # the pages embed the object as they would the file's text read back
        assert json.loads(texts[RdfFormat.JSONLD]) == compact
        # Turtle of muniorg's indexed graph (sorted subject, then predicate, then objects) is
        # that of the same triples in a plain rdflib graph (one sort of every triple)
        assert texts[RdfFormat.TURTLE] == serialize(_plain(unit.graph), RdfFormat.TURTLE)
        assert objects == flatten(unit.roots)["@graph"]
        # the authored model too (before the read-back: objects may be nested twice)
        assert compact_and_flat(root) == (to_jsonld(root), flatten([root]))


def test_examples() -> None:
    _check(_published_roots(sorted(EXAMPLES.rglob("*.yaml"))))


def test_generated_municipalities(generated_dist: Path) -> None:
    _check(_published_roots(sorted((generated_dist.parent / "src").rglob("*.yaml"))))


@pytest.mark.parametrize("same_object", [True, False])
def test_an_object_nested_in_two_places(same_object: bool) -> None:
    """One id in two places, each with part of it: flatten merges them into one object, the
    compact JSON-LD keeps each as written."""
    page = Document(id="https://ex.org/m/page", url="https://ex.org/")
    other = page if same_object else Document(id="https://ex.org/m/page", title={"da": "Side"})
    contact = ContactPoint(id="https://ex.org/m/contact", email=["a@ex.org"], contactPage=other)
    root = Municipality(
        id="https://ex.org/m",
        name={"da": "M"},
        country="DNK",
        homepage=page,
        contactPoints=[contact],
    )
    compact, flat = compact_and_flat(root)
    assert (compact, flat) == (to_jsonld(root), flatten([root]))
    if not same_object:  # merged in the flat document, each part as written in the compact one
        # the homepage comes first: the contact page's title is merged into a copy of it
        assert "title" not in compact["homepage"]
        assert compact["contactPoints"][0]["contactPage"]["title"] == {"da": "Side"}
        [merged] = [o for o in flat["@graph"] if o["id"] == "https://ex.org/m/page"]
        assert merged["title"] == {"da": "Side"} and merged["url"] == "https://ex.org/"
