"""The SPARQL parse cache gives the same answers as rdflib without it, however often it is hit."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.plugins.sparql import processor

from muniorg.validation.sparqlcache import cache_size, install

EX = Namespace("https://ex.org/")
QUERY = """SELECT ?s ?o WHERE { ?s ?p ?o . FILTER(isIRI(?o) && STRSTARTS(STR(?o), "https://ex.org/code/")) }"""


def graph() -> Graph:
    g = Graph()
    g.add((EX.a, EX.p, URIRef("https://ex.org/code/x")))
    g.add((EX.a, EX.q, Literal("https://ex.org/code/not-an-iri")))
    g.add((EX.b, EX.p, URIRef("https://ex.org/other/y")))
    return g


def test_filter_survives_repeated_and_differently_namespaced_queries() -> None:
    """rdflib rewrites a parse tree when it translates it; the cache must not reuse one."""
    install()
    g = graph()
    expected = {(EX.a, URIRef("https://ex.org/code/x"))}
    for init_ns in (None, {"ex": str(EX)}, {"ex": str(EX), "other": "https://other.org/"}, None):
        # Prepared through rdflib's processor module, which the cache patches: Graph.query may
        # be routed around it in a test session (tests/test_shapes.py patches the processor).
        prepared = processor.prepareQuery(QUERY, initNs=init_ns or {})
        rows = {(row[0], row[1]) for row in g.query(prepared)}  # type: ignore[index]
        assert rows == expected
    assert cache_size() >= 1


def test_bindings_are_fresh_on_every_call() -> None:
    install()
    g = graph()
    query = "SELECT ?o WHERE { ?this ?p ?o }"
    a = {row[0] for row in g.query(query, initBindings={"this": EX.a})}  # type: ignore[index]
    b = {row[0] for row in g.query(query, initBindings={"this": EX.b})}  # type: ignore[index]
    assert a == {URIRef("https://ex.org/code/x"), Literal("https://ex.org/code/not-an-iri")}
    assert b == {URIRef("https://ex.org/other/y")}
