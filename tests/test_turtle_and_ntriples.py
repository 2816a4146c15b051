"""formats.rdf.turtle_and_ntriples writes serialize's Turtle and N-Triples, byte for byte: on
every example's graph and on generated graphs with the terms that are hard to write (quotes,
escapes, languages in capitals, typed and untyped "a", numbers a writer may shorten, blank
nodes, IRIs under and outside the bound prefixes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF, RDF, XSD

from muniorg import Identifier, Municipality, to_graph
from muniorg.authoring.load import load_paths
from muniorg.core.errors import OutputError
from muniorg.core.namespaces import new_graph
from muniorg.formats.format import RdfFormat
from muniorg.formats.rdf import _rows_in_turtle_order, serialize, turtle_and_ntriples
from muniorg.model.ids import assign_ids

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


_P = URIRef("https://ex.org/p")


@pytest.mark.parametrize(
    ("triple", "named"),
    [
        (
            (URIRef("https://ex.org/x y"), _P, Literal("a")),
            "the subject IRI 'https://ex.org/x y' cannot be written: invalid IRI code point ' '",
        ),
        (
            (URIRef("https://ex.org/x"), _P, Literal("Sor\ud800")),
            "the object literal 'Sor\\ud800' cannot be written: the character U+D800 "
            "(a lone surrogate) at position 4 cannot be written in UTF-8",
        ),
        (
            (URIRef("https://ex.org/x\ud800"), _P, Literal("a")),
            "the subject IRI 'https://ex.org/x\\ud800' cannot be written: the character U+D800 "
            "(a lone surrogate)",
        ),
        (
            (URIRef("https://ex.org/x"), _P, URIRef("https://ex.org/<y>")),
            "the object IRI 'https://ex.org/<y>' cannot be written: invalid IRI code point '<'",
        ),
    ],
)
def test_a_term_no_writer_can_write_is_an_output_error_naming_it(triple, named):
    """QA F5: serialize raised the writers' own UnicodeEncodeError, ValueError or rdflib's bare
    Exception; docs/library.md says anything but a MuniorgError escaping the library is a bug."""
    for graph in (new_graph(), Graph()):
        graph.add(triple)
        graph.add((URIRef("https://ex.org/a"), _P, Literal("fine")))
        # RDF/XML writes IRIs pyoxigraph refuses; it fails on lone surrogates only.
        rdfxml = [RdfFormat.RDFXML] if "surrogate" in named else []
        for fmt in [RdfFormat.TURTLE, RdfFormat.NTRIPLES, *rdfxml]:
            with pytest.raises(OutputError) as caught:
                serialize(graph, fmt)
            assert str(caught.value).startswith(f"cannot write {fmt.label}: {named}")
            assert caught.value.exit_code == 2
        with pytest.raises(OutputError, match=r"^cannot write Turtle: the "):
            turtle_and_ntriples(graph)


def test_a_term_only_turtle_refuses_names_its_language_or_datatype():
    graph = new_graph()
    graph.add((URIRef("https://ex.org/x"), _P, Literal("a", lang="x-abcdefghijk")))
    with pytest.raises(OutputError, match=r"the object literal 'a'@x-abcdefghijk cannot be"):
        serialize(graph, RdfFormat.TURTLE)
    graph = new_graph()
    graph.add((URIRef("https://ex.org/x"), _P, Literal("a", datatype=URIRef("https://ex.org/ d"))))
    with pytest.raises(OutputError, match=r"the object literal 'a'\^\^'https://ex.org/ d' cannot"):
        turtle_and_ntriples(graph)


def test_a_municipality_minted_under_a_base_with_a_space_is_an_output_error():
    """The QA reproduction: validation flags the IRIs, serialize names the first of them."""
    m = Municipality(
        name={"da": "X"},
        country="DNK",
        identifiers=[Identifier(scheme="dk-kommunekode", notation="340")],
    )
    graph = to_graph(assign_ids(m, "https://ex.org/x y"))
    with pytest.raises(
        OutputError, match=r"^cannot write Turtle: the subject IRI 'https://ex.org/x y' cannot"
    ):
        serialize(graph, RdfFormat.TURTLE)


def test_every_export_writes_a_typed_literal_in_its_canonical_form(tmp_path: Path) -> None:
    """A council's seats written "025"^^xsd:integer: the JSON-LD export (from the model) says
    25, so Turtle and N-Triples say 25 too, rather than two graphs from one file."""
    from muniorg.formats.jsonld import jsonld_to_graph
    from muniorg.publish.convert import convert_paths

    examples = Path(__file__).resolve().parents[1] / "examples" / "municipalities"
    turtle = serialize(load_paths([examples / "soroe.yaml"]).documents[0].graph(), RdfFormat.TURTLE)
    assert turtle.count("muniorg:seats 25") == 1
    source = tmp_path / "soroe.ttl"
    source.write_text(
        turtle.replace("muniorg:seats 25", 'muniorg:seats "025"^^xsd:integer'), encoding="utf-8"
    )
    graphs = {}
    for fmt in (RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.JSONLD):
        [written] = convert_paths([source], fmt, tmp_path / fmt.name)
        text = written.read_text(encoding="utf-8")
        assert "025" not in text, fmt
        graphs[fmt] = (
            jsonld_to_graph(json.loads(text))
            if fmt is RdfFormat.JSONLD
            else Graph().parse(data=text, format=fmt.value)
        )
    assert isomorphic(graphs[RdfFormat.TURTLE], graphs[RdfFormat.NTRIPLES])
    assert isomorphic(graphs[RdfFormat.TURTLE], graphs[RdfFormat.JSONLD])
