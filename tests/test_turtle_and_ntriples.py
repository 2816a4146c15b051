"""formats.rdf.turtle_and_ntriples writes serialize's Turtle and N-Triples, byte for byte: on
every example's graph and on generated graphs with the terms that are hard to write (quotes,
escapes, languages in capitals, typed and untyped "a", numbers a writer may shorten, blank
nodes, IRIs under and outside the bound prefixes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import FOAF, RDF, XSD

from muniorg.authoring.load import load_paths
from muniorg.core.namespaces import new_graph
from muniorg.formats.format import RdfFormat
from muniorg.formats.rdf import _rows_in_turtle_order, serialize, turtle_and_ntriples

ROOT = Path(__file__).resolve().parents[1]


def both(graph):
    return serialize(graph, RdfFormat.TURTLE), serialize(graph, RdfFormat.NTRIPLES)


def test_every_example():
    for document in load_paths([ROOT / "examples"]).documents:
        graph = document.graph()
        assert turtle_and_ntriples(graph) == both(graph), document.path
        rows, _ = _rows_in_turtle_order(graph.triple_store.spo)  # the one-pass way applies
        assert len(rows) == len(graph)


_iris = st.sampled_from(
    [
        "https://ex.org/a",
        "https://ex.org/a/2",
        "https://ex.org/a/10",
        "https://ex.org/a-b",
        "http://schema.org/name",
        "http://schema.org/",
        "http://xmlns.com/foaf/0.1/x.y",
        "https://w3id.org/muniorg#x",
        "urn:x:1",
    ]
).map(URIRef)
_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("\"\\\n\r\t'a1."),
    max_size=8,
)
_literals = st.one_of(
    _text.map(Literal),
    _text.map(lambda t: Literal(t, datatype=XSD.string)),
    st.tuples(_text, st.sampled_from(["da", "en", "en-GB", "nb", "sv-FI", "EN"])).map(
        lambda tl: Literal(tl[0], lang=tl[1])
    ),
    st.sampled_from(["1", "01", "-2", "1.50", "1e3", "x", "true", ""]).flatmap(
        lambda t: st.sampled_from(
            [
                Literal(t, datatype=XSD.integer),
                Literal(t, datatype=XSD.decimal),
                Literal(t, datatype=XSD.boolean),
                Literal(t, datatype=XSD.gYear),
                Literal(t, datatype=URIRef("https://ex.org/type")),
            ]
        )
    ),
)
_subjects = _iris | st.sampled_from([BNode("b1"), BNode("b2")])
_predicates = _iris | st.just(RDF.type) | st.just(FOAF.name)
_objects = _subjects | _literals


@pytest.mark.filterwarnings("ignore::UserWarning")  # rdflib on "x"^^xsd:integer
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_subjects, _predicates, _objects), max_size=25))
def test_generated_graphs(triples):
    graph = new_graph()
    for triple in triples:
        graph.add(triple)
    try:
        expected = both(graph)
    except Exception as error:  # what serialize refuses, turtle_and_ntriples refuses too
        with pytest.raises(type(error)):
            turtle_and_ntriples(graph)
        return
    assert turtle_and_ntriples(graph) == expected
