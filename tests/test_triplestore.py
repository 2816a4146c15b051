"""muniorg's light graph (:mod:`muniorg.core.triplestore`) behaves as an rdflib ``Graph`` with
the default store, and the writers give the same bytes as rdflib's for it."""

from __future__ import annotations

import pickle
import random

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from muniorg.core.namespaces import PREFIXES, new_graph
from muniorg.core.triplestore import FastGraph, TripleStore, add_triples
from muniorg.formats.format import RdfFormat
from muniorg.formats.rdf import (
    _ox_key,
    _ox_subject,
    _ox_term,
    _prefixed_turtle,
    serialize,
    stable_graph,
    turtle_from_ntriples,
)

EX = "https://ex.org/"


def _random_triples(seed: int, count: int = 300) -> list[tuple[object, object, object]]:
    rng = random.Random(seed)
    nodes = [URIRef(f"{EX}n{i}") for i in range(25)] + [BNode(f"b{i}") for i in range(3)]
    predicates = [URIRef(f"{EX}p{i}") for i in range(6)]
    literals = [
        Literal("x"),
        Literal("x", lang="da"),
        Literal("x", datatype=XSD.string),
        Literal("1", datatype=XSD.integer),
        Literal('a "quoted"\nline\\ with U+2028 \u2028 and ø'),
        Literal("2024-01", datatype=XSD.gYearMonth),
        Literal("x", lang="en-GB"),
    ]
    return [
        (rng.choice(nodes), rng.choice(predicates), rng.choice(nodes + literals))
        for _ in range(count)
    ]


def _pair(triples: list[tuple[object, object, object]]) -> tuple[Graph, FastGraph]:
    plain, fast = Graph(bind_namespaces="none"), FastGraph(bind_namespaces="none")
    for triple in triples:
        plain.add(triple)  # type: ignore[arg-type]
    fast.add_triples(triples)  # type: ignore[arg-type]
    return plain, fast


def _texts(triples: object) -> list[tuple[str, ...]]:
    return sorted(tuple(term.n3() for term in triple) for triple in triples)  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", range(5))
def test_patterns_give_what_the_default_store_gives(seed: int) -> None:
    triples = _random_triples(seed)
    plain, fast = _pair(triples)
    assert len(plain) == len(fast) and set(plain) == set(fast)
    rng = random.Random(seed)
    for _ in range(200):
        s, p, o = rng.choice(triples)
        pattern = (
            s if rng.random() < 0.5 else None,
            p if rng.random() < 0.5 else None,
            o if rng.random() < 0.5 else None,
        )
        assert _texts(plain.triples(pattern)) == _texts(fast.triples(pattern)), pattern
        assert (pattern in plain) == (pattern in fast)
        # the order of graph.objects is the order of the store's index, as in Memory
        if pattern[0] is not None and pattern[1] is not None:
            assert list(plain.objects(s, p)) == list(fast.objects(s, p))
    absent = (URIRef(f"{EX}none"), URIRef(f"{EX}p0"), Literal("x"))
    assert absent not in fast and list(fast.triples((absent[0], None, None))) == []


@pytest.mark.parametrize("seed", range(3))
def test_set_operations_and_removal(seed: int) -> None:
    a_plain, a_fast = _pair(_random_triples(seed))
    b_plain, b_fast = _pair(_random_triples(seed + 100))
    assert set(a_fast + b_fast) == set(a_plain + b_plain)
    assert set(a_fast - b_fast) == set(a_plain - b_plain)
    assert set(a_fast * b_fast) == set(a_plain * b_plain)
    assert set(a_fast + b_plain) == set(a_plain + b_plain)
    assert isinstance(a_fast + b_fast, FastGraph)
    s, p, _ = next(iter(a_plain))
    a_plain.remove((s, p, None))
    a_fast.remove((s, p, None))
    assert set(a_plain) == set(a_fast) and len(a_plain) == len(a_fast)
    # the inverse index, once built, follows additions and removals
    list(a_fast.subjects(None, Literal("x")))
    a_fast += b_fast
    a_plain += b_plain
    a_fast -= b_fast
    a_plain -= b_plain
    for o in {o for _, _, o in b_plain}:
        assert sorted(a_plain.subjects(None, o)) == sorted(a_fast.subjects(None, o))  # type: ignore[type-var]
    assert len(a_plain) == len(a_fast)


def test_copies_pickles_prefixes_and_sparql() -> None:
    graph = new_graph()
    add_triples(graph, [(URIRef(f"{EX}a"), URIRef(f"{EX}p"), Literal("x"))])
    assert isinstance(graph, FastGraph) and isinstance(graph.store, TripleStore)
    assert dict(graph.namespaces()) == {k: URIRef(str(v)) for k, v in PREFIXES.items()}
    copy = pickle.loads(pickle.dumps(graph))
    assert isinstance(copy, FastGraph) and set(copy) == set(graph)
    # a copy sent to a worker process writes the same prefixes
    assert dict(copy.namespaces()) == dict(graph.namespaces())
    assert serialize(copy, RdfFormat.TURTLE) == serialize(graph, RdfFormat.TURTLE)
    graph.update(f"INSERT {{ ?s <{EX}q> ?o }} WHERE {{ ?s <{EX}p> ?o }}")
    assert (URIRef(f"{EX}a"), URIRef(f"{EX}q"), Literal("x")) in graph and len(graph) == 2
    rows = list(graph.query(f"SELECT ?o WHERE {{ ?s <{EX}q> ?o }}"))
    assert [str(row[0]) for row in rows] == ["x"]  # type: ignore[index]
    plain = graph.to_rdflib()
    assert type(plain) is Graph and set(plain) == set(graph)
    assert dict(plain.namespaces()) == dict(graph.namespaces())
    with pytest.raises(TypeError):
        FastGraph(store="default")  # type: ignore[arg-type]


def _reference_ntriples(graph: Graph) -> str:
    """What serialize wrote before it had its own N-Triples rows: rdflib's writer, sorted."""
    lines = graph.serialize(format="nt").split("\n")
    return "".join(sorted(line + "\n" for line in lines if line.strip()))


def _reference_turtle(graph: Graph) -> str:
    """What serialize wrote before it made each term once: every triple converted, sorted by
    the pyoxigraph terms' texts, with the prefixes their IRIs use."""
    triples = [ox.Triple(_ox_subject(s), ox.NamedNode(str(p)), _ox_term(o)) for s, p, o in graph]
    triples.sort(key=lambda t: (_ox_key(t.subject), _ox_key(t.predicate), _ox_key(t.object)))
    iris = {
        term.value
        for t in triples
        for term in (t.subject, t.predicate, t.object)
        if isinstance(term, ox.NamedNode)
    } | {
        t.object.datatype.value
        for t in triples
        if isinstance(t.object, ox.Literal)
        and not t.object.language
        and t.object.datatype.value != str(XSD.string)
    }
    namespaces = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    return _prefixed_turtle(triples, namespaces, iris)  # the choice of prefixes is unchanged


def test_dataset_turtle_from_ntriples_is_what_serialize_writes() -> None:
    # muniorg's own data, which the dataset's Turtle is written from, has no blank nodes
    _, fast = _pair([t for t in _random_triples(11) if not any(isinstance(x, BNode) for x in t)])
    for prefix, namespace in PREFIXES.items():
        fast.bind(prefix, namespace)
    fast.bind("ex", EX)
    ntriples = serialize(fast, RdfFormat.NTRIPLES)
    namespaces = {prefix: str(ns) for prefix, ns in fast.namespaces()}
    assert turtle_from_ntriples(ntriples, namespaces) == serialize(fast, RdfFormat.TURTLE)


@pytest.mark.parametrize("seed", range(4))
def test_writers_give_the_bytes_they_gave(seed: int) -> None:
    triples = [
        t
        for t in _random_triples(seed)
        if not isinstance(t[0], BNode) and not isinstance(t[2], BNode)
    ]
    plain, fast = _pair(triples)
    for prefix, namespace in PREFIXES.items():
        plain.bind(prefix, namespace)
        fast.bind(prefix, namespace)
    fast.bind("ex", EX)
    plain.bind("ex", EX)
    assert serialize(fast, RdfFormat.NTRIPLES) == _reference_ntriples(plain)
    assert serialize(plain, RdfFormat.NTRIPLES) == _reference_ntriples(plain)
    assert serialize(fast, RdfFormat.TURTLE) == _reference_turtle(plain)
    assert serialize(plain, RdfFormat.TURTLE) == _reference_turtle(plain)


def test_blank_nodes_are_written_alike_from_either_graph() -> None:
    plain, fast = _pair(_random_triples(7))
    for fmt in (RdfFormat.NTRIPLES, RdfFormat.TURTLE):
        assert serialize(fast, fmt) == serialize(plain, fmt)
        assert "_:b0" in serialize(fast, fmt)


@pytest.mark.parametrize("seed", range(3))
def test_writers_label_blank_nodes_as_before(seed: int) -> None:
    """A graph with blank nodes goes through the canonical labelling, a triple at a time: the
    same bytes as rdflib's writer and the term-by-term Turtle give for the labelled graph."""
    triples = _random_triples(seed)
    assert any(isinstance(t[0], BNode) or isinstance(t[2], BNode) for t in triples)
    plain, fast = _pair(triples)
    for graph in (plain, fast):
        graph.bind("ex", EX)
    labelled = Graph(bind_namespaces="none")
    labelled += stable_graph(plain)
    labelled.bind("ex", EX)
    for graph in (plain, fast):
        assert serialize(graph, RdfFormat.NTRIPLES) == _reference_ntriples(labelled)
    assert serialize(fast, RdfFormat.TURTLE) == serialize(plain, RdfFormat.TURTLE)


def test_a_namespace_manager_outlives_its_graph() -> None:
    """The manager of a FastGraph holds its store, not the graph (no cycle), and works on when
    the graph is gone, as rdflib's does."""
    from rdflib import Graph, URIRef

    from muniorg.core.namespaces import new_graph

    manager = new_graph().namespace_manager
    assert URIRef("http://www.w3.org/2004/02/skos/core#Concept").n3(manager) == "skos:Concept"
    g = Graph(namespace_manager=new_graph().namespace_manager)
    g.add(
        (
            URIRef("https://ex.org/a"),
            URIRef("http://www.w3.org/2004/02/skos/core#x"),
            URIRef("https://ex.org/b"),
        )
    )
    assert "@prefix skos:" in g.serialize(format="turtle")
