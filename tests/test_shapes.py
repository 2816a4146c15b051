"""The SHACL shapes (``ontology/shapes.ttl``) accept valid data and report each kind of error.

Three families of tests:

- **Case files** in ``tests/resources/shapes/{valid,invalid}/*.ttl``, one case per file. A valid
  case conforms with no result of any severity; an invalid case starts with ``# expect:`` lines
  that list every result it must produce, as (severity, focus node, path).
- **Generated cases**, one per property shape with a ``muniorg:jsonKey``: a minimal valid instance
  of its class is built from :func:`muniorg.model.schema.load_schema`, then exactly that property is
  broken (left out, given twice, given a value of the wrong kind, a blank text or an unknown
  code).
- **Check digits**: the real organisation numbers of Stord, Sorø, Glostrup and Norrtälje pass, and
  every single-digit change of them fails, in :mod:`muniorg.core.checkdigits` and in SHACL alike.

pySHACL is slow per call and per focus node, so each family is validated in one batch (one data
graph holding every case under its own IRI prefix) and the tests read their part of the report.
"""

from __future__ import annotations

import doctest
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, RDF, SH, SKOS, XSD
from rdflib.term import Node

import muniorg.core.checkdigits
from muniorg.core.checkdigits import (
    valid_dk_cvr,
    valid_fi_y_tunnus,
    valid_is_kennitala,
    valid_no_orgnr,
    valid_se_orgnr,
)
from muniorg.core.namespaces import MUNIORG, MUNIORG_SHAPES, MUNIORG_VOCAB, PREFIXES
from muniorg.core.resources import SHAPES_FILE, VOCABULARIES_FILE
from muniorg.model.schema import ClassSpec, Field, ValueKind, load_schema
from muniorg.validation import sparqlcache

RESOURCES = Path(__file__).resolve().parent / "resources" / "shapes"
TEST_CODES_FILE = RESOURCES / "codes.ttl"
CASE_BASE = "https://ex.org/"
SCHEME = Namespace(str(MUNIORG_VOCAB) + "identifier-scheme/")

# Cases collected from files; update when adding or removing a case file.
EXPECTED_VALID_CASES = 27
EXPECTED_INVALID_CASES = 67


# --- pySHACL set-up ------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def _cache_sparql_parsing() -> None:
    """Parse each SPARQL constraint once instead of once per focus node, as muniorg's own
    validation does with pySHACL (:mod:`muniorg.validation.sparqlcache`)."""
    sparqlcache.install()


@pytest.fixture(scope="session")
def shapes() -> Graph:
    """The shapes muniorg validates with: shapes.ttl and the check digits beside it."""
    graph = Graph().parse(SHAPES_FILE, format="turtle")
    return graph.parse(SHAPES_FILE.with_name("shapes-sparql.ttl"), format="turtle")


@pytest.fixture(scope="session")
def codes() -> Graph:
    return Graph().parse(TEST_CODES_FILE, format="turtle")


@dataclass(frozen=True, order=True)
class Result:
    """One result of a validation report, reduced to what the tests compare."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str  # the focus node as an IRI string
    path: str  # "muniorg:country", "^org:memberOf" or "-" when the result has no path
    shape: str = field(compare=False, default="")
    message: str = field(compare=False, default="")


def _curie(node: Node) -> str:
    for prefix, namespace in PREFIXES.items():
        if str(node).startswith(namespace):
            return f"{prefix}:{str(node)[len(namespace) :]}"
    return f"<{node}>"


def _path_text(report: Graph, path: Node | None) -> str:
    if path is None:
        return "-"
    if isinstance(path, BNode):
        inverse = report.value(path, SH.inversePath)
        assert inverse is not None, f"unexpected complex path {path}"
        return "^" + _curie(inverse)
    return _curie(path)


def _shape_path_text(shapes: Graph, shape: Node) -> str:
    return _path_text(shapes, shapes.value(shape, SH.path))


def validate(data: Graph, shapes: Graph, codes: Graph) -> list[Result]:
    """Validate ``data`` with the controlled lists ``codes``, and list the results.

    The codes are added to the data graph: pySHACL's ``ont_graph`` would copy only their
    RDFS/OWL axioms, and the rule on codes needs the SKOS concepts themselves.
    """
    data_and_codes = Graph()
    data_and_codes += data
    data_and_codes += codes
    _, report, _ = pyshacl.validate(
        data_and_codes,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    assert isinstance(report, Graph)
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(node, SH.resultSeverity)
        assert isinstance(severity, URIRef)
        results.append(
            Result(
                severity=str(severity).removeprefix(str(SH)),
                focus=str(report.value(node, SH.focusNode)),
                path=_path_text(report, report.value(node, SH.resultPath)),
                shape=str(report.value(node, SH.sourceShape)),
                message=str(report.value(node, SH.resultMessage)),
            )
        )
    return sorted(results)


def _severity(shapes: Graph, shape: Node) -> str:
    severity = shapes.value(shape, SH.severity) or SH.Violation
    return str(severity).removeprefix(str(SH))


# --- case files ----------------------------------------------------------------------------------

_EXPECT = re.compile(r"^# expect: (Violation|Warning|Info) focus=<([^>]+)> path=(\S+)\s*$")


@dataclass
class CaseFile:
    """A case file, loaded under its own IRI prefix so that all cases fit in one data graph."""

    path: Path
    valid: bool
    graph: Graph
    expected: set[Result]

    @property
    def name(self) -> str:
        return f"{'valid' if self.valid else 'invalid'}/{self.path.stem}"

    @property
    def prefix(self) -> str:
        return f"{CASE_BASE}{self.name}/"

    def owns(self, focus: str) -> bool:
        return focus.startswith(self.prefix)


def _relocate(node: Node, prefix: str) -> Node:
    if isinstance(node, URIRef) and str(node).startswith(CASE_BASE):
        return URIRef(prefix + str(node)[len(CASE_BASE) :])
    return node


def load_case(path: Path) -> CaseFile:
    valid = path.parent.name == "valid"
    case = CaseFile(path=path, valid=valid, graph=Graph(), expected=set())
    source = Graph().parse(path, format="turtle")
    for s, p, o in source:
        case.graph.add((_relocate(s, case.prefix), p, _relocate(o, case.prefix)))
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("# expect:"):
            continue
        match = _EXPECT.match(line)
        assert match, f"{path.name}: cannot read {line!r}"
        severity, focus, result_path = match.groups()
        case.expected.add(Result(severity, str(_relocate(URIRef(focus), case.prefix)), result_path))
    assert valid or case.expected, f"{path.name}: an invalid case needs '# expect:' lines"
    assert not (valid and case.expected), f"{path.name}: a valid case expects no results"
    return case


def _case_paths(kind: str) -> list[Path]:
    return sorted((RESOURCES / kind).glob("*.ttl"))


CASE_PATHS = _case_paths("valid") + _case_paths("invalid")


def test_case_files_are_all_collected() -> None:
    # The suite must not shrink silently: adding or removing a case updates these numbers.
    assert len(_case_paths("valid")) == EXPECTED_VALID_CASES
    assert len(_case_paths("invalid")) == EXPECTED_INVALID_CASES


@pytest.fixture(scope="session")
def case_files() -> dict[str, CaseFile]:
    cases = [load_case(path) for path in CASE_PATHS]
    return {case.name: case for case in cases}


@pytest.fixture(scope="session")
def case_results(
    case_files: dict[str, CaseFile], shapes: Graph, codes: Graph
) -> dict[str, list[Result]]:
    data = Graph()
    for case in case_files.values():
        data += case.graph
    by_case: dict[str, list[Result]] = {name: [] for name in case_files}
    for result in validate(data, shapes, codes):
        owners = [name for name, case in case_files.items() if case.owns(result.focus)]
        assert len(owners) == 1, f"result on a node of no single case: {result}"
        by_case[owners[0]].append(result)
    return by_case


def _describe(results: list[Result]) -> str:
    return "\n".join(
        f"  {r.severity} focus=<{r.focus}> path={r.path} ({_curie(URIRef(r.shape))}: {r.message})"
        for r in results
    )


@pytest.mark.parametrize("path", CASE_PATHS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case_file(
    path: Path, case_files: dict[str, CaseFile], case_results: dict[str, list[Result]]
) -> None:
    case = case_files[f"{path.parent.name}/{path.stem}"]
    results = case_results[case.name]
    if case.valid:
        assert not results, f"{case.name} should conform, but:\n{_describe(results)}"
    else:
        got = set(results)
        assert got == case.expected, (
            f"{case.name}\nmissing:\n{_describe(sorted(case.expected - got))}"
            f"\nunexpected:\n{_describe(sorted(got - case.expected))}"
        )


def _node_shapes(shapes: Graph) -> list[URIRef]:
    return sorted(
        s
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if isinstance(s, URIRef) and str(s).startswith(str(MUNIORG_SHAPES))
    )


def _owner_node_shape(shapes: Graph, shape: URIRef) -> URIRef:
    if (shape, RDF.type, SH.NodeShape) in shapes:
        return shape
    owner = shapes.value(None, SH.property, shape)
    assert isinstance(owner, URIRef), shape
    return owner


def _targets_of(shapes: Graph, node_shape: URIRef, data: Graph) -> set[Node]:
    targets: set[Node] = set()
    for cls in shapes.objects(node_shape, SH.targetClass):
        targets.update(data.subjects(RDF.type, cls))
    for prop in shapes.objects(node_shape, SH.targetSubjectsOf):
        targets.update(data.subjects(prop, None))
    return targets


def test_every_node_shape_has_a_valid_and_an_invalid_case(
    shapes: Graph, case_files: dict[str, CaseFile], case_results: dict[str, list[Result]]
) -> None:
    failed = defaultdict(set)
    for name, results in case_results.items():
        if not case_files[name].valid:
            for result in results:
                failed[_owner_node_shape(shapes, URIRef(result.shape))].add(name)
    valid_data = Graph()
    for case in case_files.values():
        if case.valid:
            valid_data += case.graph
    node_shapes = _node_shapes(shapes)
    assert len(node_shapes) >= 46  # 34 classes and 12 rules across properties
    without_valid = [_curie(s) for s in node_shapes if not _targets_of(shapes, s, valid_data)]
    without_invalid = [_curie(s) for s in node_shapes if not failed[s]]
    assert without_valid == [], "node shapes that no valid case exercises"
    assert without_invalid == [], "node shapes that no invalid case makes fail"


def test_invalid_cases_check_every_rule_across_properties(
    shapes: Graph, case_results: dict[str, list[Result]]
) -> None:
    sparql_shapes = {s for s in _node_shapes(shapes) if (s, SH.sparql, None) in shapes}
    reported = {URIRef(r.shape) for results in case_results.values() for r in results}
    assert len(sparql_shapes) == 7  # period order, five check digits, seats that add up
    assert sparql_shapes <= reported


def test_test_codes_are_in_the_vocabularies(codes: Graph) -> None:
    vocabularies = Graph().parse(VOCABULARIES_FILE, format="turtle")
    lists = set(codes.subjects(RDF.type, SKOS.ConceptScheme))
    missing_lists = sorted(
        str(s) for s in lists if (s, RDF.type, SKOS.ConceptScheme) not in vocabularies
    )
    assert missing_lists == []
    # The identifier schemes are fixed by the check-digit rules; other codes may differ.
    schemes = set(codes.subjects(SKOS.inScheme, MUNIORG_VOCAB["identifier-scheme"]))
    missing = sorted(str(c) for c in schemes if (c, RDF.type, SKOS.Concept) not in vocabularies)
    assert missing == []


#: Measures of the list 'measure' that are not counts: their key figures may have any number.
NOT_COUNTS = {"area", "sick-days-change"}


def test_every_measure_is_a_count_or_named_as_not_one(shapes: Graph) -> None:
    """Each counting measure has its whole-number rule (mosh:CountedMeasure-{code}); a measure
    added to the list must be given one, or be named here as not a count."""
    vocabularies = Graph().parse(VOCABULARIES_FILE, format="turtle")
    namespace = str(MUNIORG_VOCAB) + "measure/"
    measures = {
        str(c).removeprefix(namespace)
        for c in vocabularies.subjects(SKOS.inScheme, MUNIORG_VOCAB["measure"])
    }
    rules = str(MUNIORG_SHAPES) + "CountedMeasure-"
    counted = {
        str(s).removeprefix(rules)
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if str(s).startswith(rules)
    }
    assert counted == measures - NOT_COUNTS
    assert NOT_COUNTS.issubset(measures)  # the names are codes of the list


# --- generated cases: one broken property per case -----------------------------------------------

_EXTERNAL_CODES: dict[str, tuple[str, str]] = {
    "http://publications.europa.eu/resource/authority/country": ("NOR", "SWE"),
    "http://publications.europa.eu/resource/authority/language": ("NOB", "DAN"),
    "http://publications.europa.eu/resource/authority/frequency": ("ANNUAL", "MONTHLY"),
    "http://metadata.un.org/sdg": ("11", "3"),
    "http://schema.org": ("Monday", "Tuesday"),
}
# Codes whose choice matters for the rules across properties: the notation 4614 is valid in both.
_PREFERRED_CODES = {str(MUNIORG_VOCAB) + "identifier-scheme": ("no-kommunenummer", "se-kommunkod")}
_FIXED_VALUES: dict[tuple[str, str], Literal] = {("Identifier", "notation"): Literal("4614")}


def _recommended(shapes: Graph, spec: ClassSpec, field_: Field) -> bool:
    """Whether a Warning or Info shape of the class asks for at least one value of the field,
    directly or as the first choice of a node-level ``sh:or`` (KeyFigure: a date or a source).

    ``Field.recommended`` only knows Warning property shapes, so the factory reads the shapes.
    """
    for node_shape in shapes.subjects(SH.targetClass, spec.rdf_type):
        alternatives = shapes.value(node_shape, SH["or"])
        if alternatives is not None and shapes.value(node_shape, SH.severity) in (
            SH.Warning,
            SH.Info,
        ):
            first = Collection(shapes, alternatives)[0]
            if shapes.value(first, SH.path) == field_.path and not field_.inverse:
                return True
    for shape in shapes.objects(spec.shape, SH.property):
        if shapes.value(shape, SH.severity) not in (SH.Warning, SH.Info) or shapes.value(
            shape, MUNIORG.jsonKey
        ):
            continue
        if _shape_path_text(shapes, shape) != _shape_path_text(shapes, field_.shape):
            continue
        qualified = shapes.value(shape, SH.qualifiedValueShape)
        if qualified is not None:
            cls = shapes.value(qualified, SH["class"])
            if field_.target is None or cls != load_schema().classes[field_.target].rdf_type:
                continue
        if shapes.value(shape, SH.minCount) or shapes.value(shape, SH.qualifiedMinCount):
            return True
    return False


class InstanceFactory:
    """Builds minimal valid instances of the classes of the schema, for the shapes to check."""

    def __init__(self, codes: Graph, shapes: Graph) -> None:
        self.schema = load_schema()
        self.codes = codes
        self.shapes = shapes

    def code(self, field_: Field, second: bool = False) -> URIRef:
        assert field_.code_list is not None
        scheme = str(field_.code_list)
        if scheme in _EXTERNAL_CODES:
            return URIRef(f"{scheme}/{_EXTERNAL_CODES[scheme][int(second)]}")
        if scheme in _PREFERRED_CODES:
            return URIRef(f"{scheme}/{_PREFERRED_CODES[scheme][int(second)]}")
        concepts = sorted(self.codes.subjects(SKOS.inScheme, field_.code_list))
        assert len(concepts) >= 2, f"add two codes of {scheme} to {TEST_CODES_FILE.name}"
        return URIRef(concepts[int(second)])

    def value(self, graph: Graph, spec: ClassSpec, field_: Field, iri: URIRef, n: int) -> Node:
        """A valid value of ``field_`` (the ``n``-th distinct one), adding nested objects."""
        fixed = _FIXED_VALUES.get((spec.key, field_.key))
        if fixed is not None and n == 0:
            return fixed
        year = str(2020 + n)
        kind = field_.kind
        if kind in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP):
            return Literal(f"{field_.key} {n}", lang="en")
        literals = {
            ValueKind.STRING: Literal(f"{field_.key} {n}"),
            ValueKind.URI: Literal(f"https://example.org/{n}", datatype=XSD.anyURI),
            ValueKind.NUMBER: Literal(n + 1),
            ValueKind.INTEGER: Literal(n + 1),
            # Both values true ("1" is true too), so the hint on non-public persons stays silent.
            ValueKind.BOOLEAN: Literal(
                "true" if n == 0 else "1", datatype=XSD.boolean, normalize=False
            ),
            ValueKind.DATE: Literal(f"{year}-01-01", datatype=XSD.date),
            ValueKind.PARTIAL_DATE: Literal(year, datatype=XSD.gYear),
            ValueKind.DATETIME: Literal(f"{year}-01-01T08:00:00", datatype=XSD.dateTime),
            ValueKind.YEAR: Literal(year, datatype=XSD.gYear),
            ValueKind.TIME: Literal(f"0{8 + n}:00:00", datatype=XSD.time),
        }
        if kind in literals:
            return literals[kind]
        if kind is ValueKind.IRI:
            return URIRef(f"{iri}/{field_.key}-link-{n}")
        if kind is ValueKind.CODE:
            return self.code(field_, second=n > 0)
        assert field_.target is not None
        child = URIRef(f"{iri}/{field_.key}-{n}")
        self.build(graph, self.schema.classes[field_.target], child)
        return child

    def set_values(self, graph: Graph, spec: ClassSpec, field_: Field, iri: URIRef, n: int) -> None:
        """Give ``iri`` ``n`` valid values of ``field_`` (replacing any it had)."""
        self.clear(graph, field_, iri)
        for i in range(n):
            self.link(graph, field_, iri, self.value(graph, spec, field_, iri, i))

    @staticmethod
    def link(graph: Graph, field_: Field, iri: URIRef, value: Node) -> None:
        if field_.inverse:
            graph.add((value, field_.path, iri))
        else:
            graph.add((iri, field_.path, value))

    @staticmethod
    def clear(graph: Graph, field_: Field, iri: URIRef) -> None:
        if field_.inverse:
            graph.remove((None, field_.path, iri))
        else:
            graph.remove((iri, field_.path, None))

    def build(self, graph: Graph, spec: ClassSpec, iri: URIRef) -> None:
        """Add a minimal valid ``spec`` instance: its required and recommended fields."""
        for rdf_type in spec.all_types:
            graph.add((iri, RDF.type, rdf_type))
        for field_ in spec.fields:
            if field_.required or _recommended(self.shapes, spec, field_):
                self.set_values(graph, spec, field_, iri, 1)


@dataclass(frozen=True)
class GeneratedCase:
    id: str
    shape: URIRef  # the property shape whose constraint the break violates
    spec: ClassSpec
    field: Field
    breakage: str  # "missing", "extra", "wrong", "blank" or "unknown-code"
    expected_shape: URIRef  # the shape that reports it (the generated sh:in shape for codes)

    @property
    def focus(self) -> URIRef:
        return URIRef(f"{CASE_BASE}gen/{self.id}")


def _max_one(shapes: Graph, shape: URIRef) -> bool:
    return any(
        shapes.value(shape, p) is not None and shapes.value(shape, p).toPython() in (1, True)  # type: ignore[union-attr]
        for p in (SH.maxCount, SH.qualifiedMaxCount, SH.uniqueLang)
    )


#: Kinds of text values: never empty or blank, in the shapes as in the YAML loader.
_TEXT_KINDS = (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP, ValueKind.STRING)


def _breakages(shapes: Graph, field_: Field) -> list[str]:
    found = []
    if field_.required:
        found.append("missing")
    if _max_one(shapes, field_.shape):
        found.append("extra")
    found.append("wrong")
    if field_.kind in _TEXT_KINDS:
        found.append("blank")
    if field_.kind is ValueKind.CODE and str(field_.code_list).startswith(str(MUNIORG_VOCAB)):
        found.append("unknown-code")
    return found


def generated_cases() -> list[GeneratedCase]:
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    cases = []
    for spec in load_schema().classes.values():
        for field_ in spec.fields:
            local = str(field_.shape).removeprefix(str(MUNIORG_SHAPES))
            for breakage in _breakages(shapes, field_):
                unknown = breakage == "unknown-code"
                expected = URIRef(f"{field_.shape}-code") if unknown else field_.shape
                cases.append(
                    GeneratedCase(
                        f"{local}-{breakage}", field_.shape, spec, field_, breakage, expected
                    )
                )
    return cases


# Known faults of the generated shapes, reported to the lead; strict, so a fix shows up here.
GENERATED_CASES = generated_cases()


def _baseline_focus(spec: ClassSpec) -> URIRef:
    return URIRef(f"{CASE_BASE}gen/baseline-{spec.key}")


def _wrong_value(shapes: Graph, case: GeneratedCase) -> Node:
    kind = case.field.kind
    if kind in (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP):
        return Literal("no language tag")
    if kind is ValueKind.STRING:
        return Literal("a language tag", lang="en")
    if kind is ValueKind.IRI:
        return Literal("not an IRI")
    if kind is ValueKind.CODE:
        return URIRef("https://example.org/not-a-code")
    if kind.is_object:
        if case.field.inverse or (case.shape, SH["class"], None) in shapes:
            return URIRef(f"{case.focus}/untyped")  # an IRI of no class
        return Literal("not an object")  # qualified shapes check the kind of node only
    return Literal("not a value")  # datatypes other than xsd:string


def _break(graph: Graph, factory: InstanceFactory, shapes: Graph, case: GeneratedCase) -> None:
    focus, field_ = case.focus, case.field
    if case.breakage == "missing":
        factory.clear(graph, field_, focus)
    elif case.breakage == "extra":
        factory.set_values(graph, case.spec, field_, focus, 2)
    elif case.breakage == "wrong":
        factory.clear(graph, field_, focus)
        factory.link(graph, field_, focus, _wrong_value(shapes, case))
    elif case.breakage == "blank":  # a text of white space only, as the YAML loader refuses
        factory.clear(graph, field_, focus)
        blank = Literal(" \t", lang="en") if field_.kind is not ValueKind.STRING else Literal(" ")
        factory.link(graph, field_, focus, blank)
    else:
        assert field_.code_namespace is not None
        factory.clear(graph, field_, focus)
        factory.link(graph, field_, focus, URIRef(field_.code_namespace + "no-such-code"))


@pytest.fixture(scope="session")
def generated_results(shapes: Graph, codes: Graph) -> dict[str, list[Result]]:
    factory = InstanceFactory(codes, shapes)
    data = Graph()
    for spec in factory.schema.classes.values():
        factory.build(data, spec, _baseline_focus(spec))
    for case in GENERATED_CASES:
        factory.build(data, case.spec, case.focus)
        _break(data, factory, shapes, case)
    by_case: dict[str, list[Result]] = defaultdict(list)
    for result in validate(data, shapes, codes):
        # A case owns its focus node and the nodes nested below it ({focus}/{key}-{n}).
        case_id = result.focus.removeprefix(f"{CASE_BASE}gen/").split("/")[0]
        by_case[case_id].append(result)
    return by_case


def test_property_shapes_with_a_json_key_are_all_generated(shapes: Graph) -> None:
    with_key = {
        s
        for s in shapes.subjects(MUNIORG.jsonKey, None)
        if (s, RDF.type, SH.PropertyShape) in shapes
    }
    assert {case.shape for case in GENERATED_CASES} == with_key
    assert len(with_key) > 200


@pytest.mark.parametrize("spec", list(load_schema().classes.values()), ids=lambda s: s.key)
def test_minimal_instance_conforms(
    spec: ClassSpec, generated_results: dict[str, list[Result]]
) -> None:
    results = generated_results.get(f"baseline-{spec.key}", [])
    assert not results, f"the minimal {spec.key} does not conform:\n{_describe(results)}"


@pytest.mark.parametrize(
    "case",
    GENERATED_CASES,
    ids=lambda c: c.id,
)
def test_broken_property_is_reported(
    case: GeneratedCase, shapes: Graph, generated_results: dict[str, list[Result]]
) -> None:
    results = generated_results.get(case.id, [])
    path = _shape_path_text(shapes, case.shape)
    expected = Result(_severity(shapes, case.expected_shape), str(case.focus), path)
    reported = {(r, r.shape) for r in results}
    assert (expected, str(case.expected_shape)) in {(r, s) for r, s in reported}, (
        f"expected {expected} from {_curie(case.expected_shape)}, got:\n{_describe(results)}"
    )
    # Exactly that property is broken: nothing else of the instance is reported. A wrong or
    # second notation also breaks the identifier's format, a rule on the identifier as a whole
    # (core SHACL reports it without a result path); a second country has no municipality code
    # of its own scheme, a rule on the municipality as a whole.
    whole_object_rules = tuple(
        str(MUNIORG_SHAPES) + rule for rule in ("IdentifierFormat-", "MunicipalityCodeOfCountry-")
    )
    others = {(r.focus, r.path) for r in results if not r.shape.startswith(whole_object_rules)}
    assert others == {(str(case.focus), path)}, _describe(results)


# --- check digits --------------------------------------------------------------------------------

REAL_NUMBERS = [
    ("no-organisasjonsnummer", "939866914", valid_no_orgnr),  # Stord kommune
    ("dk-cvr", "29189994", valid_dk_cvr),  # Sorø Kommune
    ("dk-cvr", "65120119", valid_dk_cvr),  # Glostrup Kommune
    ("se-organisationsnummer", "2120000035", valid_se_orgnr),  # Norrtälje kommun (212000-0035)
    ("fi-y-tunnus", "0201256-6", valid_fi_y_tunnus),  # Helsingin kaupunki
    ("fi-y-tunnus", "0101263-6", valid_fi_y_tunnus),  # Espoon kaupunki
    ("fi-y-tunnus", "0211675-2", valid_fi_y_tunnus),  # Tampereen kaupunki
    ("is-kennitala", "5302697609", valid_is_kennitala),  # Reykjavíkurborg (530269-7609)
    ("is-kennitala", "7001693759", valid_is_kennitala),  # Kópavogsbær (700169-3759)
]
CHECK_DIGIT_SHAPES = {
    "no-organisasjonsnummer": MUNIORG_SHAPES.NoOrganisasjonsnummerCheckDigit,
    "dk-cvr": MUNIORG_SHAPES.DkCvrCheckDigit,
    "se-organisationsnummer": MUNIORG_SHAPES.SeOrganisationsnummerCheckDigit,
    "fi-y-tunnus": MUNIORG_SHAPES.FiYTunnusCheckDigit,
    "is-kennitala": MUNIORG_SHAPES.IsKennitalaCheckDigit,
}
#: Digits no check digit covers: the kennitala's last digit is the century (8, 9 or 0), which
#: the format rule checks instead.
CENTURY_DIGIT = {"is-kennitala": 9}


def century_changes(scheme: str, number: str) -> set[str]:
    """The single-digit changes of ``number`` in the digit its check digit does not cover."""
    position = CENTURY_DIGIT.get(scheme)
    if position is None:
        return set()
    return {number[:position] + d + number[position + 1 :] for d in "0123456789"} - {number}


def single_digit_changes(number: str) -> list[str]:
    """Every string that differs from ``number`` in exactly one digit (a hyphen stays)."""
    return [
        number[:i] + digit + number[i + 1 :]
        for i in range(len(number))
        for digit in "0123456789"
        if number[i].isdigit() and digit != number[i]
    ]


def test_checkdigits_doctests() -> None:
    failures, attempted = doctest.testmod(muniorg.core.checkdigits)
    assert attempted >= 10
    assert failures == 0


@pytest.mark.parametrize(
    ("scheme", "number", "check"), REAL_NUMBERS, ids=[n for _, n, _ in REAL_NUMBERS]
)
def test_real_number_passes_and_every_typo_fails(scheme: str, number: str, check: Any) -> None:
    assert check(number)
    variants = single_digit_changes(number)
    assert len(variants) == 9 * sum(c.isdigit() for c in number)
    # Every change is rejected, but for a kennitala's century digit: 8, 9 and 0 are all valid.
    accepted = {v for v in variants if check(v)}
    assert accepted == {v for v in century_changes(scheme, number) if v[-1] in "890"}


@pytest.fixture(scope="session")
def check_digit_results(shapes: Graph, codes: Graph) -> tuple[dict[str, str], list[Result]]:
    """Every real number and all its single-digit changes, validated in one call."""
    data = Graph()
    numbers: dict[str, str] = {}
    for scheme, number, _ in REAL_NUMBERS:
        for value in [number, *single_digit_changes(number)]:
            identifier = URIRef(f"{CASE_BASE}digits/{number}/{value}")
            numbers[str(identifier)] = value
            data.add((identifier, RDF.type, URIRef("http://www.w3.org/ns/adms#Identifier")))
            data.add((identifier, SKOS.notation, Literal(value)))
            data.add((identifier, DCTERMS.conformsTo, SCHEME[scheme]))
    return numbers, validate(data, shapes, codes)


@pytest.mark.parametrize(
    ("scheme", "number", "check"), REAL_NUMBERS, ids=[n for _, n, _ in REAL_NUMBERS]
)
def test_shacl_check_digit_rule_agrees(
    scheme: str, number: str, check: Any, check_digit_results: tuple[dict[str, str], list[Result]]
) -> None:
    numbers, results = check_digit_results
    prefix = f"{CASE_BASE}digits/{number}/"
    mine = [r for r in results if r.focus.startswith(prefix)]
    rejected = {numbers[r.focus] for r in mine}
    assert number not in rejected
    # The century digit of a kennitala is the format rule's: 1-7 there are not well-formed.
    century = century_changes(scheme, number)
    malformed = {numbers[r.focus] for r in mine if "IdentifierFormat-" in r.shape}
    assert malformed == {v for v in century if v[-1] not in "890"}
    mine = [r for r in mine if "IdentifierFormat-" not in r.shape]
    assert {numbers[r.focus] for r in mine} == set(single_digit_changes(number)) - century
    for result in mine:
        assert result.shape == str(CHECK_DIGIT_SHAPES[scheme])
        assert (result.severity, result.path) == ("Violation", "skos:notation")
        assert "check digit does not match" in result.message
        assert numbers[result.focus] in result.message


# --- one IRI rule in the shapes too: issue 17 ---------------------------------------------------


def test_safe_iri_shape_is_the_loaders_rule() -> None:
    """mosh:SafeIri refuses the characters of muniorg.core.values.IRI_FORBIDDEN and targets every
    property whose values are IRIs (references, links, codes)."""
    from muniorg.core.resources import SHAPES_FILE
    from muniorg.core.values import IRI_FORBIDDEN
    from muniorg.model.classes import CLASSES as _CLASSES
    from muniorg.model.schema import ValueKind

    shapes = Graph().parse(SHAPES_FILE)
    shape = URIRef("https://w3id.org/muniorg/shapes#SafeIri")
    patterns = {str(o) for o in shapes.transitive_objects(shape, None) if isinstance(o, Literal)}
    assert f"[{IRI_FORBIDDEN}]" in patterns
    targets = set(shapes.objects(shape, SH.targetObjectsOf))
    iri_valued = {
        f.path
        for c in _CLASSES.values()
        for f in c.SPEC.fields
        if f.kind in (ValueKind.IRI, ValueKind.REFERENCE, ValueKind.CODE)
    }
    assert iri_valued - targets == set()


@pytest.mark.parametrize(
    "iri",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "vbscript:msgbox",
        "data:text/html,<b>x</b>",
        "https://ex.org/a\n",
        "https://ex.org/\u202eevil",
        "https://ex.org/a\u00a0b",
        "https://ex.org/a\u2028b",
    ],
)
def test_safe_iri_shape_refuses(iri: str) -> None:
    from rdflib.namespace import FOAF

    from muniorg.model.classes import Municipality
    from muniorg.rdf.graph import to_graph

    graph = to_graph(Municipality(id="https://ex.org/m", name={"da": "X"}, country="DNK"))
    graph.add((URIRef("https://ex.org/m"), FOAF.homepage, URIRef(iri)))
    graph.add((URIRef(iri), RDF.type, FOAF.Document))
    from muniorg.validation.run import validate_graph

    report = validate_graph(graph)
    assert any(r.message.startswith("An IRI must use http") for r in report.results), iri


# --- blank texts ---------------------------------------------------------------------------------


def test_blank_texts_of_library_objects_are_violations() -> None:
    """A name of white space only, or empty, is refused by the YAML loader; the shapes give a
    library graph (and RDF input) the same rule, at the focus node and path of the text."""
    from muniorg import Identifier, Municipality, Person, Post, to_graph, validate_graph
    from muniorg.model.ids import assign_ids

    base = "https://w3id.org/muniorg/id/dk/340"
    municipality = Municipality(
        name={"da": " ", "en": "Sorø Municipality"},
        country="DNK",
        identifiers=[Identifier(scheme="dk-kommunekode", notation="340")],
        posts=[Post(role=["mayor"], name={"da": ""})],
        people=[Person(name="\t")],
    )
    report = validate_graph(to_graph(assign_ids(municipality, base)))
    violations = {
        (r.focus_node, r.path, r.value) for r in report.results if r.severity.label == "violation"
    }
    assert violations == {
        (base, str(SKOS.prefLabel), " "),
        (f"{base}/posts/1", str(SKOS.prefLabel), ""),
        (f"{base}/people/1", "http://xmlns.com/foaf/0.1/name", "\t"),
    }
