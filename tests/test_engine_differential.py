"""muniorg's SHACL engine reports exactly pySHACL's results on muniorg's shapes.

One corpus, validated by both engines (:func:`muniorg.validation.engine.pyshacl_results`, the
reference, and :func:`muniorg.validation.engine.compile_shapes`), compared as multisets of (focus
node, result path, source constraint component, source shape, severity, value, message):

- every case file of ``tests/resources/shapes`` (a valid and an invalid case of every node
  shape, including every rule across properties: identifier formats, check digits, period
  order, municipality code, English name, non-public person name, unknown codes);
- the generated cases of ``tests/test_shapes.py``: for every property shape with a JSON key, a
  minimal valid instance, then that property left out, given twice, given a value of the wrong
  kind (datatype, node kind, class, pattern) or an unknown code;
- literals SHACL engines treat specially (ill-typed, plain vs. xsd:string, language tags in
  other cases), and the examples as built by muniorg.

The corpus holds results of every constraint component the shapes use; the test checks that too,
so that it cannot pass by comparing two empty reports.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, SKOS, XSD
from rdflib.term import Node
from test_shapes import (
    CASE_PATHS,
    GENERATED_CASES,
    InstanceFactory,
    _baseline_focus,
    _break,
    load_case,
)

from muniorg.authoring.load import load_paths
from muniorg.core.namespaces import MUNIORG, new_graph
from muniorg.validation.engine import RawResult, UnsupportedShapes, compile_shapes, pyshacl_results
from muniorg.validation.run import shapes_graph

EX = Namespace("https://ex.org/odd/")
ADMS = Namespace("http://www.w3.org/ns/adms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


def _odd_literals() -> Graph:
    g = Graph()
    g.add((EX.m, RDF.type, MUNIORG.Municipality))
    g.add((EX.m, SKOS.prefLabel, Literal("M", lang="EN-gb")))  # English by langMatches
    g.add((EX.m, SKOS.prefLabel, Literal("M2", lang="en-GB")))  # same language, other case
    g.add((EX.m, MUNIORG.area, Literal("-3", datatype=XSD.decimal)))  # below sh:minInclusive
    g.add((EX.m, MUNIORG.area, Literal("many", datatype=XSD.decimal)))  # ill-typed
    g.add((EX.p, RDF.type, DCT.PeriodOfTime))
    g.add((EX.p, DCAT.startDate, Literal("2020-13-45", datatype=XSD.date)))  # ill-typed date
    g.add((EX.p, DCAT.endDate, Literal("2019")))  # plain literal, before the start
    g.add((EX.i, RDF.type, ADMS.Identifier))
    g.add((EX.i, SKOS.notation, Literal("29189994\n")))  # SPARQL's $ before a final newline
    g.add((EX.i, DCT.conformsTo, URIRef("https://w3id.org/muniorg/vocab/identifier-scheme/dk-cvr")))
    g.add((EX.empty, RDF.type, ADMS.Identifier))
    g.add((EX.empty, SKOS.notation, Literal("")))  # empty: no match of sh:pattern "\S"
    g.add((EX.person, RDF.type, FOAF.Person))
    g.add((EX.person, FOAF.name, Literal("N", datatype=XSD.string)))
    g.add((EX.person, MUNIORG.public, Literal("false", datatype=XSD.boolean)))
    return g


@pytest.fixture(scope="module")
def corpus() -> Graph:
    data = Graph()
    for path in CASE_PATHS:
        data += load_case(path).graph
    shapes = shapes_graph()
    factory = InstanceFactory(
        Graph().parse(Path(__file__).parent / "resources/shapes/codes.ttl"), shapes
    )
    for spec in factory.schema.classes.values():
        factory.build(data, spec, _baseline_focus(spec))
    for case in GENERATED_CASES:
        factory.build(data, case.spec, case.focus)
        _break(data, factory, shapes, case)
    for document in load_paths([Path("examples")]).documents:
        data += document.graph()
    return data + _odd_literals()


def _key(result: RawResult) -> tuple[str, ...]:
    """A result as text, each term in N3 (a value's datatype and language tag count: ``"5"``
    and ``"5"^^xsd:integer`` are different values)."""
    return tuple(
        "" if part is None else part.n3() if isinstance(part, Node) else str(part)
        for part in result
    )


def test_both_engines_report_the_same_results(corpus: Graph) -> None:
    shapes = shapes_graph()
    ours = Counter(_key(r) for r in compile_shapes(shapes).validate(corpus))
    reference = Counter(_key(r) for r in pyshacl_results(corpus, shapes))
    assert ours - reference == Counter(), "reported by muniorg's engine only"
    assert reference - ours == Counter(), "reported by pySHACL only"
    # Every component and every SPARQL rule of the shapes is exercised by the corpus.
    components = {k[3] for k in reference}
    used = {str(p) for p in shapes.predicates(None, None)}
    expected = {
        SH[name[0].upper() + name[1:] + "ConstraintComponent"].n3()
        for name in ("class", "datatype", "nodeKind", "minCount", "maxCount", "uniqueLang",
                     "pattern", "minLength", "minInclusive", "in", "or", "qualifiedMinCount")
        if str(SH[name]) in used or name == "qualifiedMinCount"
    }  # fmt: skip
    assert expected <= components, sorted(expected - components)
    rules = {k[4] for k in reference if k[3] == SH.SPARQLConstraintComponent.n3()}
    assert rules == {s.n3() for s in shapes.subjects(SH.sparql, None)}


def test_an_unknown_sparql_rule_is_refused() -> None:
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://ex.org/Rule> a sh:NodeShape ; sh:targetClass <https://ex.org/C> ;
            sh:sparql [ sh:select "SELECT $this WHERE { }" ] .""",
        format="turtle",
    )
    with pytest.raises(UnsupportedShapes, match="no Python implementation"):
        compile_shapes(shapes)


def test_an_unsupported_component_is_refused() -> None:
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://ex.org/S> a sh:NodeShape ; sh:targetClass <https://ex.org/C> ;
            sh:closed true ; sh:message "closed" .""",
        format="turtle",
    )
    with pytest.raises(UnsupportedShapes, match="closed"):
        compile_shapes(shapes)


def test_qualified_counts_match_pyshacl() -> None:
    """sh:qualifiedMaxCount, which muniorg's own shapes no longer use (a council has its own
    property, no longer a qualified count on org:hasUnit), and sh:qualifiedMinCount: both engines
    report the same, at, under and over the counts."""
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://ex.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:Org ; sh:property ex:S-council .
        ex:S-council a sh:PropertyShape ; sh:path ex:hasUnit ;
            sh:qualifiedValueShape [ sh:class ex:Council ] ;
            sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ;
            sh:message "one council" ; sh:severity sh:Violation .""",
        format="turtle",
    )
    data = Graph().parse(
        data="""@prefix ex: <https://ex.org/> .
        ex:none a ex:Org ; ex:hasUnit ex:d1 .
        ex:one a ex:Org ; ex:hasUnit ex:c1, ex:d1 .
        ex:two a ex:Org ; ex:hasUnit ex:c1, ex:c2 .
        ex:empty a ex:Org .
        ex:c1 a ex:Council . ex:c2 a ex:Council . ex:d1 a ex:Department .""",
        format="turtle",
    )
    ours = Counter(_key(r) for r in compile_shapes(shapes).validate(data))
    reference = Counter(_key(r) for r in pyshacl_results(data, shapes))
    assert ours == reference
    assert {(k[0], k[3]) for k in reference} == {
        ("<https://ex.org/none>", SH.QualifiedMinCountConstraintComponent.n3()),
        ("<https://ex.org/empty>", SH.QualifiedMinCountConstraintComponent.n3()),
        ("<https://ex.org/two>", SH.QualifiedMaxCountConstraintComponent.n3()),
    }


def test_checks_skipped_without_values_report_nothing_without_values() -> None:
    """A focus node with no value on a shape's path runs only the shape's ``on_empty`` checks:
    every other check of muniorg's compiled shapes reports nothing for such a node, so skipping
    it changes no result. A new constraint that reports on a node without values (as
    sh:minCount does) and is not listed in ``_ON_EMPTY`` fails here."""
    from muniorg.validation.engine import DataIndex, Shape
    from muniorg.validation.run import compiled_shapes

    focus = URIRef("https://ex.org/nothing")
    index = DataIndex(Graph())
    seen: set[int] = set()
    todo: list[Shape] = [shape for _, shape in compiled_shapes().targeted]
    skipped = reporting = 0
    while todo:
        shape = todo.pop()
        if id(shape) in seen:
            continue
        seen.add(id(shape))
        todo.extend(shape.properties)
        if shape.path is None:
            continue
        kept = {id(check) for check in shape.on_empty}
        for check in shape.checks:
            if id(check) in kept:
                reporting += bool(check(index, focus, set()))
            else:
                skipped += 1
                assert check(index, focus, set()) == [], shape.node
        if shape.unless_present is not None:  # skipped for a focus node without the predicate
            assert not shape.on_empty and not shape.properties
            assert shape.path == ("p", shape.unless_present)
    assert skipped > 100 and reporting > 10  # both kinds are there: the test can fail


@pytest.mark.parametrize(
    ("value", "datatype", "expected"),
    [
        (Literal(1), XSD.integer, True),
        (Literal("x", datatype=XSD.integer), XSD.integer, False),  # ill-typed
        (Literal("1"), XSD.integer, False),
        (Literal("a"), XSD.string, True),  # plain is xsd:string
        (Literal("a", datatype=XSD.string), XSD.string, True),
        (Literal("a", lang="da"), XSD.string, False),
        (Literal("a", lang="da"), RDF.langString, True),
        (Literal("a"), RDF.langString, False),
        (Literal("2024-01-01", datatype=XSD.date), XSD.date, True),
        (Literal("a"), URIRef("http://www.w3.org/2000/01/rdf-schema#Literal"), True),
        (Literal("a"), URIRef("http://www.w3.org/2000/01/rdf-schema#Datatype"), False),
        (Literal(1), URIRef("http://www.w3.org/2000/01/rdf-schema#Datatype"), True),
        (URIRef("https://ex.org/a"), XSD.string, False),
        (Literal("a", datatype=URIRef("https://ex.org/dt")), URIRef("https://ex.org/dt"), True),
    ],
)
def test_the_datatype_test_is_pyshacls(value: object, datatype: URIRef, expected: bool) -> None:
    """The compiled sh:datatype test (its datatype compared in C) agrees with pySHACL."""
    from muniorg.validation.engine import _datatype_test

    assert _datatype_test(datatype)(value) is expected  # type: ignore[arg-type]
    data = Graph()
    data.add((URIRef("https://ex.org/s"), URIRef("https://ex.org/p"), value))  # type: ignore[arg-type]
    shapes = Graph().parse(
        data=f"""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://ex.org/S> a sh:NodeShape ; sh:targetSubjectsOf <https://ex.org/p> ;
            sh:property [ sh:path <https://ex.org/p> ; sh:datatype <{datatype}> ;
                          sh:message "m" ] .""",
        format="turtle",
    )
    assert (not pyshacl_results(data, shapes)) is expected
    assert sorted(compile_shapes(shapes).validate(data)) == sorted(pyshacl_results(data, shapes))


def test_subclasses_in_the_data_match_pyshacl() -> None:
    """Targets and sh:class reached through ``rdfs:subClassOf`` triples of the data (the engine
    skips that walk when the data has none): both engines report the same, with and without
    such triples, on a plain rdflib graph and on muniorg's own."""
    shapes = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://ex.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:class ex:D ; sh:message "a D" ] ;
            sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "a name" ] ;
            sh:property [ sh:path ex:q ; sh:or ( [ sh:class ex:D ] [ sh:class ex:E ] ) ;
                          sh:message "a D or an E" ] .""",
        format="turtle",
    )
    typed = """@prefix ex: <https://ex.org/> .
        ex:a a ex:Sub ; ex:p ex:b, ex:c ; ex:q ex:b, ex:c, ex:f, "text" .
        ex:plain a ex:C ; ex:name "n" ; ex:p ex:b, ex:d ; ex:q ex:d, ex:c .
        ex:b a ex:SubD . ex:c a ex:E . ex:d a ex:D, ex:E . ex:f a ex:F ."""
    hierarchy = """@prefix ex: <https://ex.org/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:Sub rdfs:subClassOf ex:C . ex:SubD rdfs:subClassOf ex:Mid . ex:Mid rdfs:subClassOf ex:D .
        ex:F rdfs:subClassOf ex:E ."""
    foci = set()
    for text in (typed, typed + hierarchy.split("\n", 1)[1]):
        data = Graph().parse(data=text, format="turtle")
        reference = sorted(pyshacl_results(data, shapes))
        fast = new_graph()
        fast += data
        assert sorted(compile_shapes(shapes).validate(data)) == reference
        assert sorted(compile_shapes(shapes).validate(fast)) == reference
        foci.add(frozenset(str(r.focus) for r in reference))
    # without the hierarchy, ex:a is no ex:C and ex:b no ex:D (ex:plain's value); with it, ex:a
    # is a focus node and ex:plain conforms: the test can fail
    assert foci == {frozenset({"https://ex.org/plain"}), frozenset({"https://ex.org/a"})}


def test_the_model_terms_change_no_result(corpus: Graph) -> None:
    """Shapes compiled with the model's own term objects (as a build compiles them) report
    what shapes compiled without them report, in the same order."""
    from muniorg.validation.run import model_terms

    fast = new_graph()
    fast += corpus
    plain = compile_shapes(shapes_graph()).validate(fast)
    assert compile_shapes(shapes_graph(), model_terms()).validate(fast) == plain
    assert len(plain) > 500


def test_a_shapes_tests_agree_with_its_checks(corpus: Graph) -> None:
    """:meth:`Shape.conforms` runs each check's test (no failures built) or, for a shape that
    tests each value on its own, one test: for every shape of muniorg's shapes and every node
    of the corpus, it answers what running the checks answers."""
    from muniorg.validation.engine import DataIndex, Shape
    from muniorg.validation.run import compiled_shapes

    def by_checks(shape: Shape, index: DataIndex, focus: Node) -> bool:
        values = {focus} if shape.path is None else index.values(focus, shape.path)
        checks = shape.checks if shape.path is None or values else shape.on_empty
        if any(check(index, focus, values) for check in checks):
            return False
        present = index.forward.get(focus, {})
        return all(
            by_checks(p, index, focus)
            for p in shape.properties
            if p.unless_present is None or p.unless_present in present
        )

    fast = new_graph()
    fast += corpus
    index = DataIndex(fast)
    nodes = set(fast.subjects()) | set(fast.objects())
    answers: Counter[bool] = Counter()
    fast_shapes = 0
    for shape in compiled_shapes().shapes:
        fast_shapes += shape.fast is not None
        for node in nodes:
            answer = shape.conforms(index, node)
            assert answer is by_checks(shape, index, node), (shape.node, node)
            answers[answer] += 1
    assert answers[True] > 1000 and answers[False] > 1000
    assert fast_shapes > 10  # operands such as [ sh:datatype xsd:date ] are tested as one


@pytest.mark.parametrize(
    ("first", "second", "total"),
    [
        ('"1.5"^^xsd:decimal', '"2.5"^^xsd:double', Literal(4.0)),
        ('"1.5"^^xsd:float', '"2.5"^^xsd:float', Literal("4.0", datatype=XSD.float)),
        ('"1.5"^^xsd:float', "3", Literal("4.5", datatype=XSD.float)),
        ('"1.5"^^xsd:float', '"2.5"^^xsd:double', Literal(4.0)),
        ('"1.5"^^xsd:decimal', "3", Literal(Decimal("4.5"))),
    ],
)
def test_seat_counts_of_other_types_add_up_as_in_pyshacl(
    first: str, second: str, total: Literal
) -> None:
    """Seat counts of mixed numeric types add up as rdflib's SUM adds them, by SPARQL's type
    promotion (a decimal and a double as doubles, two floats as a float), rather than stopping
    validation with a TypeError: both engines report the same sum, its datatype included."""
    data = Graph().parse(
        data=f"""@prefix ex: <https://ex.org/> . @prefix org: <http://www.w3.org/ns/org#> .
        @prefix muniorg: <https://w3id.org/muniorg#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:c a muniorg:Council ; muniorg:seats 3 .
        ex:m1 org:organization ex:c ; muniorg:seats {first} .
        ex:m2 org:organization ex:c ; muniorg:seats {second} .""",
        format="turtle",
    )
    shapes = shapes_graph()
    reference = sorted(pyshacl_results(data, shapes))
    assert sorted(compile_shapes(shapes).validate(data)) == reference
    sums = [r.value for r in reference if r.component == SH.SPARQLConstraintComponent]
    assert [(s, s.datatype) for s in sums] == [(total, total.datatype)]  # the rule reports
