"""The OWL ontology and the SKOS controlled lists: complete, multilingual and built on real terms.

- Every ``muniorg:`` term that ``ontology/shapes.ttl`` uses is declared in ``ontology/muniorg.ttl``
  as the right kind of term, defined in English, Danish, Swedish and both Norwegian written
  standards and labelled in those and in Finnish and Icelandic as well, and its ``rdfs:domain``
  and ``rdfs:range`` agree with every use in the shapes.
- Every code list the shapes name under ``https://w3id.org/muniorg/vocab/`` is a SKOS concept
  scheme in ``ontology/vocabularies.ttl``; every code is defined in the same five languages and
  labelled in the same seven; the lists a municipality's page shows most (roles, kinds of unit,
  identifier schemes) are labelled in Northern Sámi (``se``) too, and no code that data is
  written with has gone.
- Every external term the three files use (ORG, CPOV, schema.org, DCTERMS, LOCN, ADMS ...) exists
  in its vocabulary: rdflib's ``DefinedNamespace`` term lists, the CPOV 2.1.2 release (found
  through ``MUNIORG_STANDARDS``, see ``conftest.py``: CPOV terms are checked only where it is
  given) and term lists transcribed from the specifications in ``tests/resources/vocabularies``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pyshacl
import pytest
from conftest import Standards
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_namespace
from rdflib.collection import Collection
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SH,
    SKOS,
    VANN,
)
from rdflib.term import Node

from muniorg.core.namespaces import ADMS, CV, LOCN, MUNIORG, MUNIORG_VOCAB, PREFIXES, SCHEMA
from muniorg.core.resources import ONTOLOGY_FILE, SHAPES_FILE, VOCABULARIES_FILE

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CPOV_VOCABULARY = "cpov-2.1.2/core-public-organisation-ap.ttl"
CPOV_SHAPES = "cpov-2.1.2/core-public-organisation-ap-SHACL.ttl"
TERM_LISTS = TESTS / "resources" / "vocabularies"
REUSE_DOC = REPO / "docs" / "vocabulary-reuse.md"

ONTOLOGY_IRI = URIRef("https://w3id.org/muniorg")
SHAPES_IRI = URIRef("https://w3id.org/muniorg/shapes")
LANGUAGES = ("en", "da", "sv", "nb", "nn")
#: Labels (and titles) are in Finnish and Icelandic as well: pages and reports of Finnish and
#: Icelandic municipalities show them (definitions are not translated yet).
LABEL_LANGUAGES = (*LANGUAGES, "fi", "is")
#: The lists whose labels are in Northern Sámi too (a Norwegian municipality's page in ``se``).
SAMI_LISTS = ("role", "unit-kind", "identifier-scheme")

# Collected from files; update when a code list is added to the shapes or a code to the list of
# codes that data is written with.
EXPECTED_CODE_LISTS = 15
EXPECTED_STABLE_CODES = 125
EXPECTED_TERM_LIST_SIZES = {"adms": 17, "locn": 17}


@cache
def _graph(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def ontology() -> Graph:
    return _graph(ONTOLOGY_FILE)


def shapes() -> Graph:
    return _graph(SHAPES_FILE)


def vocabularies() -> Graph:
    return _graph(VOCABULARIES_FILE)


def _local(term: URIRef) -> str:
    return re.split(r"[#/]", str(term))[-1]


def _texts_by_language(graph: Graph, subject: Node, prop: URIRef) -> dict[str | None, list[str]]:
    texts: dict[str | None, list[str]] = defaultdict(list)
    for value in graph.objects(subject, prop):
        assert isinstance(value, Literal), f"{prop} of {subject} is not a text: {value}"
        texts[value.language].append(str(value))
    return texts


def _assert_one_text_per_language(
    graph: Graph, subject: Node, prop: URIRef, languages: tuple[str, ...] = LANGUAGES
) -> None:
    texts = _texts_by_language(graph, subject, prop)
    name = graph.namespace_manager.normalizeUri(prop)
    assert None not in texts, f"{name} of {subject} has a text without a language tag"
    for language in languages:
        values = texts.get(language, [])
        assert len(values) == 1, f"{name} of {subject}: expected one @{language}, found {values}"
        assert values[0].strip(), f"{name} of {subject}: empty @{language}"


# --- muniorg terms -------------------------------------------------------------------------------


def _muniorg_terms(graph: Graph) -> set[URIRef]:
    return {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and node.startswith(str(MUNIORG))
    }


def _declared_terms() -> set[URIRef]:
    return {
        term
        for term in ontology().subjects(RDF.type, None)
        if isinstance(term, URIRef) and term.startswith(str(MUNIORG))
    }


SHAPE_TERMS = sorted(_muniorg_terms(shapes()))
ONTOLOGY_TERMS = sorted(_declared_terms())


def _direct_property_shapes(term: URIRef) -> list[Node]:
    return sorted(shapes().subjects(SH.path, term), key=str)


def _inverse_property_shapes(term: URIRef) -> list[Node]:
    """The property shapes whose path is ``[ sh:inversePath term ]``."""
    graph = shapes()
    paths = set(graph.subjects(SH.inversePath, term))
    return sorted((s for p in paths for s in graph.subjects(SH.path, p)), key=str)


def _shape_class(shape: Node) -> URIRef | None:
    """The class a property shape asks of its values, directly or in a qualified value shape."""
    graph = shapes()
    cls = graph.value(shape, SH["class"])
    qualified = graph.value(shape, SH.qualifiedValueShape)
    if cls is None and qualified is not None:
        cls = graph.value(qualified, SH["class"])
    return cls if isinstance(cls, URIRef) else None


def _shape_datatypes(shape: Node) -> set[Node]:
    graph = shapes()
    direct = graph.value(shape, SH.datatype)
    if direct is not None:
        return {direct}
    alternatives = graph.value(shape, SH["or"])
    if alternatives is None:
        return set()
    return {graph.value(member, SH.datatype) for member in Collection(graph, alternatives)}


def _kinds_in_shapes(term: URIRef) -> set[URIRef]:
    """What the shapes' use of ``term`` says it is: a class, or which kind of property."""
    graph = shapes()
    kinds = set()
    if (None, term, None) in graph:
        kinds.add(OWL.AnnotationProperty)
    if (None, SH.targetClass, term) in graph or (None, SH["class"], term) in graph:
        kinds.add(OWL.Class)
    if (None, SH.inversePath, term) in graph:
        kinds.add(OWL.ObjectProperty)
    for shape in _direct_property_shapes(term):
        if _shape_datatypes(shape):
            kinds.add(OWL.DatatypeProperty)
        elif (
            _shape_class(shape) is not None
            or graph.value(shape, MUNIORG.codeList) is not None
            or graph.value(shape, SH.nodeKind) == SH.IRI
        ):
            kinds.add(OWL.ObjectProperty)
        # A shape with only a cardinality (a "recommended" twin) says nothing about the kind.
    return kinds


@pytest.mark.parametrize("term", SHAPE_TERMS, ids=_local)
def test_shapes_term_is_declared_as_what_the_shapes_use_it_as(term: URIRef) -> None:
    kinds = _kinds_in_shapes(term)
    assert len(kinds) == 1, f"the shapes use {term} as {sorted(kinds)}"
    declared = set(ontology().objects(term, RDF.type))
    assert kinds <= declared, (
        f"{term} is declared as {sorted(declared) or 'nothing'}, used as {kinds}"
    )


def test_collected_shape_terms_cover_every_kind() -> None:
    kinds = {kind for term in SHAPE_TERMS for kind in _kinds_in_shapes(term)}
    assert kinds == {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        OWL.AnnotationProperty,
    }
    assert {MUNIORG.Municipality, MUNIORG.keyFigure, MUNIORG.seats, MUNIORG.jsonKey} <= set(
        SHAPE_TERMS
    )


def test_ontology_declares_no_term_the_shapes_do_not_use() -> None:
    # A declared but unused term is either dead or a shape someone forgot.
    assert sorted(set(ONTOLOGY_TERMS) - set(SHAPE_TERMS)) == []


@pytest.mark.parametrize("term", ONTOLOGY_TERMS, ids=_local)
def test_term_is_labelled_defined_and_justified(term: URIRef) -> None:
    graph = ontology()
    _assert_one_text_per_language(graph, term, RDFS.label, LABEL_LANGUAGES)
    _assert_one_text_per_language(graph, term, SKOS.definition)
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in graph
    notes = _texts_by_language(graph, term, SKOS.scopeNote)
    assert len(notes.get("en", [])) == 1, (
        f"{term} needs one English scope note saying why it is new"
    )
    assert notes["en"][0].startswith(("New because", "Specialises")), notes["en"][0]


@pytest.mark.parametrize(
    "term", [t for t in ONTOLOGY_TERMS if (t, RDF.type, OWL.Class) in ontology()], ids=_local
)
def test_class_says_what_it_specialises(term: URIRef) -> None:
    supers = [
        s for s in ontology().objects(term, RDFS.subClassOf) if not s.startswith(str(MUNIORG))
    ]
    assert supers, f"{term} has no superclass from an established vocabulary"


# The superclasses that muniorg.model.schema writes as extra rdf:types of every instance: consumers
# who only know CPOV, ORG or schema.org rely on them, so they may be added to but never changed.
EXTRA_TYPES = {
    "Municipality": ("cv:PublicOrganisation", "schema:GovernmentOrganization"),
    "MunicipalArea": ("dct:Location", "schema:AdministrativeArea"),
    "KeyFigure": ("schema:QuantitativeValue",),
    "Council": ("org:OrganizationalUnit",),
    "Committee": ("org:OrganizationalUnit",),
    "Department": ("org:OrganizationalUnit",),
    "CoDeterminationBody": ("org:OrganizationalUnit",),
    "Foundation": ("skos:ConceptScheme",),
    "Value": ("skos:Concept",),
    "Principle": ("skos:Concept",),
    "Strategy": ("prov:Plan",),
    "StrategicGoal": ("skos:Concept",),
    "CooperationProgramme": ("org:OrganizationalCollaboration",),
    "IntakeRound": ("prov:Activity",),
    "ThematicNetwork": ("org:OrganizationalUnit",),
    "LocalProject": ("prov:Activity",),
    "AwardScheme": ("prov:Entity",),
    "Award": ("prov:Activity",),
    "Initiative": ("prov:Activity",),
    "Certification": ("prov:Entity",),
}


def _expand(curie: str) -> URIRef:
    prefix, local = curie.split(":")
    return URIRef(PREFIXES[prefix] + local)


@pytest.mark.parametrize("name", sorted(EXTRA_TYPES))
def test_extra_types_are_kept(name: str) -> None:
    supers = set(ontology().objects(MUNIORG[name], RDFS.subClassOf))
    assert {_expand(curie) for curie in EXTRA_TYPES[name]} <= supers


# --- domains and ranges against the uses in the shapes -------------------------------------------


@cache
def _hierarchy() -> Graph:
    """Subclass axioms of muniorg and of the reused vocabularies (CPOV included) the checks need.

    The reused vocabularies' axioms are transcribed in ``superclasses.ttl``; the CPOV one is
    compared with the release by :func:`test_transcribed_cpov_axioms_are_those_of_the_release`.
    """
    graph = Graph()
    for triple in ontology().triples((None, RDFS.subClassOf, None)):
        graph.add(triple)
    for triple in _graph(TERM_LISTS / "superclasses.ttl").triples((None, RDFS.subClassOf, None)):
        graph.add(triple)
    return graph


def test_transcribed_cpov_axioms_are_those_of_the_release(standards: Standards) -> None:
    transcribed = _graph(TERM_LISTS / "superclasses.ttl")
    release = standards.graph(CPOV_VOCABULARY)

    def cpov_axioms(graph: Graph) -> set[tuple[Node, Node]]:
        return {
            (s, o)
            for s, o in graph.subject_objects(RDFS.subClassOf)
            if isinstance(s, URIRef) and s.startswith(str(CV))
        }

    assert cpov_axioms(release)
    assert cpov_axioms(transcribed) == cpov_axioms(release)


def _is_subclass(cls: Node, superclass: Node) -> bool:
    return superclass in set(_hierarchy().transitive_objects(cls, RDFS.subClassOf))


def _node_shapes_using(shape: Node) -> Iterator[Node]:
    yield from shapes().subjects(SH.property, shape)


# The SHACL classes of shapes (SHACL does not state sh:NodeShape ⊑ sh:Shape in RDF).
SHAPE_KINDS = {SH.Shape: {SH.NodeShape, SH.PropertyShape}, SH.PropertyShape: {SH.PropertyShape}}

PROPERTIES_WITH_DOMAIN_OR_RANGE = [
    term
    for term in ONTOLOGY_TERMS
    if (term, RDFS.domain, None) in ontology() or (term, RDFS.range, None) in ontology()
]


@pytest.mark.parametrize("term", PROPERTIES_WITH_DOMAIN_OR_RANGE, ids=_local)
def test_domain_and_range_hold_for_every_use_in_the_shapes(term: URIRef) -> None:
    graph, shapes_graph = ontology(), shapes()
    domain = graph.value(term, RDFS.domain)
    range_ = graph.value(term, RDFS.range)
    if (term, RDF.type, OWL.AnnotationProperty) in graph:
        # Annotations sit on the shapes themselves: check the shapes they sit on and their values.
        for subject, value in shapes_graph.subject_objects(term):
            types = set(shapes_graph.objects(subject, RDF.type))
            if domain is not None:
                assert types & SHAPE_KINDS[domain], f"{subject} is not a {domain}"
            if range_ is not None:
                assert (
                    isinstance(value, Literal)
                    and (value.datatype or rdflib_namespace.XSD.string) == range_
                )
        return
    uses = _direct_property_shapes(term)
    inverse_uses = _inverse_property_shapes(term)
    assert uses or inverse_uses, f"{term} has a domain or range but no property shape uses it"
    for shape in inverse_uses:
        # ^term on a node shape's class: the values are in the domain, the class in the range.
        cls = _shape_class(shape)
        if domain is not None:
            assert cls is not None and _is_subclass(cls, domain), f"{shape} asks for {cls}"
        for node_shape in _node_shapes_using(shape):
            target = shapes_graph.value(node_shape, SH.targetClass)
            assert range_ is None or (target is not None and _is_subclass(target, range_)), (
                f"{term} has range {range_}, but {node_shape} uses it inversely on {target}"
            )
    for shape in uses:
        if domain is not None:
            for node_shape in _node_shapes_using(shape):
                target = shapes_graph.value(node_shape, SH.targetClass)
                assert target is not None and _is_subclass(target, domain), (
                    f"{term} has domain {domain}, but {node_shape} uses it on {target}"
                )
        if range_ is None:
            continue
        datatypes = _shape_datatypes(shape)
        cls = _shape_class(shape)
        if datatypes:
            assert datatypes == {range_}, f"{term} has range {range_}, {shape} allows {datatypes}"
        elif cls is not None:
            assert _is_subclass(cls, range_), f"{term} has range {range_}, {shape} asks for {cls}"
        elif shapes_graph.value(shape, MUNIORG.codeList) is not None:
            assert range_ == SKOS.Concept, f"{term} takes codes, but its range is {range_}"


# --- controlled lists ----------------------------------------------------------------------------

CODE_LISTS = sorted(
    {
        code_list
        for code_list in shapes().objects(None, MUNIORG.codeList)
        if isinstance(code_list, URIRef) and code_list.startswith(str(MUNIORG_VOCAB))
    }
)
CONCEPTS = sorted(
    c for c in vocabularies().subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef)
)


def _list_id(iri: URIRef) -> str:
    return iri.removeprefix(str(MUNIORG_VOCAB))


def test_code_lists_collected() -> None:
    assert len(CODE_LISTS) == EXPECTED_CODE_LISTS


def test_vocabularies_hold_exactly_the_lists_the_shapes_name() -> None:
    schemes = set(vocabularies().subjects(RDF.type, SKOS.ConceptScheme))
    assert sorted(set(CODE_LISTS) - schemes) == [], "lists named by the shapes but not defined"
    assert sorted(schemes - set(CODE_LISTS)) == [], "lists defined but named by no shape"


@pytest.mark.parametrize("code_list", CODE_LISTS, ids=_list_id)
def test_code_list_is_a_labelled_concept_scheme(code_list: URIRef) -> None:
    graph = vocabularies()
    assert (code_list, RDF.type, SKOS.ConceptScheme) in graph
    languages = (*LABEL_LANGUAGES, "se") if _list_id(code_list) in SAMI_LISTS else LABEL_LANGUAGES
    for prop in (DCTERMS.title, SKOS.prefLabel):
        _assert_one_text_per_language(graph, code_list, prop, languages)
    _assert_one_text_per_language(graph, code_list, SKOS.definition)
    members = set(graph.subjects(SKOS.inScheme, code_list))
    assert members, f"{code_list} has no codes"
    assert set(graph.subjects(SKOS.topConceptOf, code_list)) == members
    assert set(graph.objects(code_list, SKOS.hasTopConcept)) == members


@pytest.mark.parametrize("concept", CONCEPTS, ids=_list_id)
def test_code_is_a_labelled_concept_of_its_list(concept: URIRef) -> None:
    graph = vocabularies()
    schemes = list(graph.objects(concept, SKOS.inScheme))
    assert len(schemes) == 1, f"{concept} is in {schemes}"
    scheme = schemes[0]
    assert (concept, SKOS.topConceptOf, scheme) in graph
    notation = graph.value(concept, SKOS.notation)
    assert isinstance(notation, Literal) and notation.datatype in (
        None,
        rdflib_namespace.XSD.string,
    )
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(notation)), notation
    assert str(concept) == f"{scheme}/{notation}", "the IRI of a code is its list's IRI + / + code"
    if scheme == MUNIORG_VOCAB.role:
        assert (concept, RDF.type, ORG.Role) in graph
    languages = (*LABEL_LANGUAGES, "se") if _list_id(scheme) in SAMI_LISTS else LABEL_LANGUAGES
    _assert_one_text_per_language(graph, concept, SKOS.prefLabel, languages)
    _assert_one_text_per_language(graph, concept, SKOS.definition)


def test_codes_that_data_is_written_with_are_kept() -> None:
    lines = (TERM_LISTS / "stable-codes.txt").read_text(encoding="utf-8").splitlines()
    pairs = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    assert len(pairs) == EXPECTED_STABLE_CODES
    missing = [
        f"{name}/{code}"
        for name, code in pairs
        if (MUNIORG_VOCAB[f"{name}/{code}"], RDF.type, SKOS.Concept) not in vocabularies()
    ]
    assert missing == []


def test_vocabularies_conform_to_the_shapes() -> None:
    conforms, _, text = pyshacl.validate(
        vocabularies(), shacl_graph=shapes(), inference="none", allow_warnings=False
    )
    assert conforms, text


# --- the ontology header -------------------------------------------------------------------------


def _project_version() -> str:
    tomllib = pytest.importorskip("tomllib")
    with (REPO / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def test_ontology_header() -> None:
    graph = ontology()
    version = _project_version()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert graph.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal(version)
    assert graph.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{version}")
    assert graph.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    _assert_one_text_per_language(graph, ONTOLOGY_IRI, DCTERMS.title, LABEL_LANGUAGES)
    _assert_one_text_per_language(graph, ONTOLOGY_IRI, DCTERMS.description)
    assert graph.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix) == Literal("muniorg")
    assert graph.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri) == Literal(str(MUNIORG))
    assert graph.value(ONTOLOGY_IRI, DCTERMS.creator) is not None
    created = graph.value(ONTOLOGY_IRI, DCTERMS.created)
    modified = graph.value(ONTOLOGY_IRI, DCTERMS.modified)
    assert isinstance(created, Literal) and created.datatype == rdflib_namespace.XSD.date
    assert isinstance(modified, Literal) and modified.datatype == rdflib_namespace.XSD.date
    assert created.toPython() <= modified.toPython()
    assert (ONTOLOGY_IRI, RDFS.seeAlso, SHAPES_IRI) in graph
    assert (SHAPES_IRI, OWL.imports, ONTOLOGY_IRI) in shapes()


# --- external terms ------------------------------------------------------------------------------

VCARD = "http://www.w3.org/2006/vcard/ns#"
NAMESPACES = {
    "adms": str(ADMS),
    "cv": str(CV),
    "dcat": str(rdflib_namespace.DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "locn": str(LOCN),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SCHEMA),
    "sh": str(SH),
    "skos": str(SKOS),
    "time": str(rdflib_namespace.TIME),
    "vann": str(VANN),
    "vcard": VCARD,
}
# rdflib's schema.org namespace is https://schema.org/; muniorg writes http://schema.org/ as
# schema.org's own context does, so terms are compared by local name.
# rdflib's lenient namespaces (DCAT, SDO, TIME, XSD: unknown names warn rather than fail) are
# reached through the module: bound as module attributes, pytest's collection would warn on them.
DEFINED_NAMESPACES: dict[str, type[rdflib_namespace.DefinedNamespace]] = {
    "dcat": rdflib_namespace.DCAT,
    "dct": DCTERMS,
    "foaf": FOAF,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "schema": rdflib_namespace.SDO,
    "sh": SH,
    "skos": SKOS,
    "time": rdflib_namespace.TIME,
    "vann": VANN,
}
# Objects in these positions are terms of a vocabulary (classes, properties, datatypes); other
# objects (codes, labels, pages) are data.
TERM_POSITIONS = frozenset(
    {
        RDF.type,
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        RDFS.domain,
        RDFS.range,
        SH.path,
        SH.inversePath,
        SH["class"],
        SH.targetClass,
        SH.datatype,
    }
)


@pytest.fixture(scope="session")
def cpov_terms(standards: Standards) -> frozenset[str]:
    """CPOV 2.1.2's terms: those its vocabulary declares, and those its shapes reuse.

    The application profile's vocabulary file declares only the terms the profile defines
    itself; the Core Vocabulary terms it reuses (``cv:contactPoint``) appear as paths and
    classes of its SHACL shapes.
    """
    vocabulary = standards.graph(CPOV_VOCABULARY)
    profile = standards.graph(CPOV_SHAPES)
    terms = {s for s in vocabulary.subjects() if isinstance(s, URIRef)}
    for position in (SH.path, SH["class"], SH.targetClass):
        terms |= {o for o in profile.objects(None, position) if isinstance(o, URIRef)}
    return frozenset(t.removeprefix(str(CV)) for t in terms if t.startswith(str(CV)))


def _term_list(prefix: str) -> frozenset[str]:
    path = TERM_LISTS / f"{prefix}.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def known_terms(prefix: str) -> frozenset[str]:
    """The local names that the vocabulary with ``prefix`` defines (empty if none is known);
    CPOV's (``cv``) come from its release: see :func:`terms_of`.

    Example:
        >>> "hasUnit" in known_terms("org"), "hasUnits" in known_terms("org")
        (True, False)
    """
    assert prefix != "cv", "CPOV's terms come from the release: use terms_of"
    if prefix in DEFINED_NAMESPACES:
        namespace = DEFINED_NAMESPACES[prefix]
        return frozenset(namespace.__annotations__) | frozenset(namespace._extras)
    return _term_list(prefix)


def terms_of(prefix: str, request: pytest.FixtureRequest) -> frozenset[str]:
    """:func:`known_terms`, or for ``cv`` the terms of the CPOV release: the test then needs
    ``MUNIORG_STANDARDS`` (it skips without it, like every test of an official release)."""
    if prefix == "cv":
        terms: frozenset[str] = request.getfixturevalue("cpov_terms")
        return terms
    return known_terms(prefix)


def _curie(node: Node) -> str | None:
    if not isinstance(node, URIRef):
        return None
    for prefix, namespace in NAMESPACES.items():
        local = node.removeprefix(namespace)
        if local != node and "/" not in local and "#" not in local:
            return f"{prefix}:{local}"
    return None


def external_terms(graph: Graph) -> set[str]:
    """The external vocabulary terms a graph uses, as CURIEs: its predicates, and the objects
    of the statements that name a class, property or datatype (``rdf:type``, ``sh:path`` ...)."""
    found = set()
    for _, predicate, obj in graph:
        for node in (predicate, obj) if predicate in TERM_POSITIONS else (predicate,):
            curie = _curie(node)
            if curie is not None:
                found.add(curie)
    return found


EXTERNAL_TERMS = sorted(
    external_terms(ontology()) | external_terms(shapes()) | external_terms(vocabularies())
)


@pytest.mark.parametrize("curie", EXTERNAL_TERMS)
def test_external_term_exists_in_its_vocabulary(curie: str, request: pytest.FixtureRequest) -> None:
    prefix, local = curie.split(":", 1)
    known = terms_of(prefix, request)
    assert known, f"no term list for {prefix}: add tests/resources/vocabularies/{prefix}.txt"
    assert local in known, f"{curie} is not a term of {NAMESPACES[prefix]}"


def test_external_terms_collected() -> None:
    expected = {"cv:PublicOrganisation", "cv:contactPoint", "org:hasUnit", "locn:poBox"}
    assert expected | {"adms:identifier", "schema:slogan", "owl:Class", "sh:path"} <= set(
        EXTERNAL_TERMS
    )


TERM_CHECK_CASES = [
    ("org:hasUnit", True),
    ("org:hasUnits", False),
    ("cv:contactPoint", True),
    ("cv:contactPoints", False),
    ("locn:poBox", True),
    ("locn:street", False),
    ("adms:schemeAgency", True),
    ("adms:schemaAgency", False),
    ("schema:hoursAvailable", True),
    ("schema:openingHour", False),
    ("dct:title", True),
    ("dct:titel", False),
]


@pytest.mark.parametrize(
    ("curie", "exists"),
    TERM_CHECK_CASES,
    ids=[f"{curie}-{'real' if exists else 'made-up'}" for curie, exists in TERM_CHECK_CASES],
)
def test_term_check_tells_real_terms_from_made_up_ones(
    curie: str, exists: bool, request: pytest.FixtureRequest
) -> None:
    prefix, local = curie.split(":", 1)
    assert (local in terms_of(prefix, request)) is exists


@pytest.mark.parametrize("prefix", sorted(EXPECTED_TERM_LIST_SIZES))
def test_transcribed_term_lists_are_complete(prefix: str) -> None:
    assert len(_term_list(prefix)) == EXPECTED_TERM_LIST_SIZES[prefix]


# --- the reuse document --------------------------------------------------------------------------

DATA_PREFIXES = (
    "adms",
    "cv",
    "dcat",
    "dct",
    "foaf",
    "locn",
    "org",
    "prov",
    "schema",
    "skos",
    "time",
)


def _reused_data_terms() -> list[str]:
    """External terms that muniorg data or axioms use (not the OWL, RDFS and SHACL machinery)."""
    graph = ontology()
    used = set()
    for shape_position in (SH.path, SH.inversePath, SH["class"], SH.targetClass):
        used |= {_curie(o) for o in shapes().objects(None, shape_position)}
    for axiom in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range):
        used |= {_curie(o) for s, o in graph.subject_objects(axiom) if s.startswith(str(MUNIORG))}
    return sorted(c for c in used if c is not None and c.split(":")[0] in DATA_PREFIXES)


def test_reuse_document_names_every_reused_and_new_term() -> None:
    text = REUSE_DOC.read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z]+:[A-Za-z0-9_-]+)`", text))
    new_terms = [f"muniorg:{_local(term)}" for term in ONTOLOGY_TERMS]
    assert sorted(set(_reused_data_terms()) - named) == [], "reused terms missing from the doc"
    assert sorted(set(new_terms) - named) == [], "muniorg terms missing from the doc"


TARGET_CLASSES = sorted({str(c) for c in shapes().objects(None, SH.targetClass)})


@pytest.mark.parametrize("target", TARGET_CLASSES)
def test_every_shape_targets_a_declared_class(target: str, request: pytest.FixtureRequest) -> None:
    """A muniorg class is declared an owl:Class in the ontology; any other is a real term of its
    vocabulary (so a typo in a sh:targetClass, which would silently validate nothing, fails)."""
    iri = URIRef(target)
    if iri.startswith(str(MUNIORG)):
        assert (iri, RDF.type, OWL.Class) in ontology(), f"{target} is not declared in muniorg.ttl"
        return
    curie = _curie(iri)
    assert curie is not None, f"{target} is in no known vocabulary"
    prefix, local = curie.split(":", 1)
    assert local in terms_of(prefix, request), f"{curie} is not a term of {NAMESPACES[prefix]}"


def test_target_classes_collected() -> None:
    assert len(TARGET_CLASSES) >= 34
