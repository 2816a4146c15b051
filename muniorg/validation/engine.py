"""A fast SHACL engine for exactly the subset of SHACL that muniorg's shapes use.

pySHACL is the reference: on muniorg's shapes this engine reports the same results (focus node,
result path, source constraint component, source shape, severity, value and message), which
``tests/test_engine_differential.py`` checks on a corpus with a violation of every constraint of
every shape. It is faster because it compiles the shapes once into Python closures, indexes the
data graph once per validation, and runs the few SHACL-SPARQL rules as Python functions (one per
rule, registered by the rule's IRI in :data:`SPARQL_RULES`) instead of one SPARQL query per focus
node.

Supported: targets (``sh:targetClass`` with the instances of subclasses that ``rdfs:subClassOf``
triples in the data graph give, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``,
``sh:targetNode``), paths (a predicate, ``sh:inversePath``, a sequence), ``sh:property``, and the
components ``nodeKind``, ``datatype`` (ill-typed literals fail, as in pySHACL), ``class``,
``minCount``, ``maxCount``, ``uniqueLang``, ``pattern`` (with ``flags``), ``minLength``,
``minInclusive``, ``in``, ``hasValue``, ``languageIn``, ``or``, ``not``, ``node``,
``qualifiedValueShape`` with ``qualifiedMinCount``/``qualifiedMaxCount``, with ``severity`` and
``message``. A shapes graph with anything else (another component, a SPARQL rule the engine does
not know, a shape that reports without ``sh:message``) is refused with
:class:`UnsupportedShapes` rather than validated differently from pySHACL.

Example:
    >>> from rdflib import Graph
    >>> shapes = Graph().parse(data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://ex.org/> .
    ...     ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [
    ...         sh:path ex:name ; sh:minCount 1 ; sh:message "a name" ] .''', format="turtle")
    >>> data = Graph().parse(data='<https://ex.org/a> a <https://ex.org/C> .', format="turtle")
    >>> [(str(r.focus), r.path, r.message) for r in compile_shapes(shapes).validate(data)]
    [('https://ex.org/a', ('p', rdflib.term.URIRef('https://ex.org/name')), 'a name')]
"""

from __future__ import annotations

import re
from collections import abc
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCAT, RDF, RDFS, SH, XSD
from rdflib.term import Node

import muniorg.core.checkdigits as checkdigits
from muniorg.core.namespaces import MUNIORG, MUNIORG_SHAPES, MUNIORG_VOCAB, ORG
from muniorg.core.triplestore import FastGraph

#: A result path: ``("p", iri)``, ``("^", iri)`` or ``("/", (path, path, ...))``.
PathSpec = tuple[str, object]


class UnsupportedShapes(ValueError):
    """The shapes use SHACL this engine does not implement (use ``--engine pyshacl``)."""


class RawResult(NamedTuple):
    """One validation result, as both engines report it (before source positions are added)."""

    focus: Node
    path: PathSpec | None
    value: Node | None
    component: URIRef
    shape: Node
    severity: URIRef
    message: str | None


class Failure(NamedTuple):
    """What a constraint reports about one focus node; the shape turns it into a result."""

    value: Node | None
    component: URIRef
    path: PathSpec | None = None
    messages: tuple[str, ...] | None = None


_NOTHING: Mapping[Node, abc.Collection[Node]] = {}


def _keys_by_inner_key(index: Mapping[Node, Mapping[Node, object]]) -> dict[Node, list[Node]]:
    """For each inner key of ``index`` (a predicate), the outer keys holding it, in the
    order of ``index``.

    >>> _keys_by_inner_key({"a": {"p": 1, "q": 2}, "b": {"q": 3}})
    {'p': ['a'], 'q': ['a', 'b']}
    """
    found: dict[Node, list[Node]] = {}
    for outer, inner in index.items():
        for key in inner:
            known = found.get(key)
            if known is None:
                found[key] = [outer]
            else:
                known.append(outer)
    return found


class DataIndex:
    """The data graph, indexed once: values by subject and predicate, and inversely."""

    def __init__(self, graph: Graph) -> None:
        self.forward: Mapping[Node, Mapping[Node, abc.Collection[Node]]]
        self.backward: Mapping[Node, Mapping[Node, abc.Collection[Node]]]
        if isinstance(graph, FastGraph):
            # muniorg's own graphs are indexed already: subject -> predicate -> objects, and
            # the inverse, which the store builds once
            self.forward = graph.triple_store.spo
            self.backward = graph.triple_store.ops
        else:
            forward: dict[Node, dict[Node, list[Node]]] = {}
            backward: dict[Node, dict[Node, list[Node]]] = {}
            for s, p, o in graph:
                forward.setdefault(s, {}).setdefault(p, []).append(o)
                backward.setdefault(o, {}).setdefault(p, []).append(s)
            self.forward = forward
            self.backward = backward
        self._supers: dict[Node, frozenset[Node]] = {}
        self._subjects_of: dict[Node, list[Node]] | None = None
        self._objects_of: dict[Node, list[Node]] | None = None

    def objects(self, subject: Node, predicate: Node) -> abc.Collection[Node]:
        return self.forward.get(subject, _NOTHING).get(predicate, ())

    def subjects(self, predicate: Node, obj: Node) -> abc.Collection[Node]:
        return self.backward.get(obj, _NOTHING).get(predicate, ())

    def subjects_of(self, predicate: Node) -> set[Node]:
        """The subjects of ``predicate``: the same set, built in the same order, as a scan of
        every subject's predicates, from one such scan for all predicates (a document's shapes
        target the subjects of dozens of predicates)."""
        if self._subjects_of is None:
            self._subjects_of = _keys_by_inner_key(self.forward)
        return {s for s in self._subjects_of.get(predicate, ())}

    def objects_of(self, predicate: Node) -> set[Node]:
        """The objects of ``predicate`` (as :meth:`subjects_of`, over the inverse index)."""
        if self._objects_of is None:
            self._objects_of = _keys_by_inner_key(self.backward)
        return {o for o in self._objects_of.get(predicate, ())}

    def has_subclasses(self) -> bool:
        """Whether the data has an ``rdfs:subClassOf`` triple (else a class's instances are
        those typed with it, and an instance's classes are its types)."""
        if self._subjects_of is None:
            self._subjects_of = _keys_by_inner_key(self.forward)
        return _SUBCLASS_OF in self._subjects_of

    def superclasses(self, cls: Node) -> frozenset[Node]:
        """``cls`` and every class it is a subclass of (``rdfs:subClassOf*`` in the data)."""
        found = self._supers.get(cls)
        if found is None:
            seen = {cls}
            todo = [cls]
            while todo:
                for parent in self.objects(todo.pop(), _SUBCLASS_OF):
                    if parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            found = self._supers[cls] = frozenset(seen)
        return found

    def subclasses(self, cls: Node) -> set[Node]:
        if not self.has_subclasses():
            return {cls}
        seen = {cls}
        todo = [cls]
        while todo:
            for child in self.subjects(_SUBCLASS_OF, todo.pop()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return seen

    def is_instance(self, node: Node, cls: Node) -> bool:
        types = self.objects(node, _TYPE)
        if not types:
            return False
        if not self.has_subclasses():  # each type's superclasses are the type itself
            return cls in types
        return any(cls in self.superclasses(t) for t in types)

    def values(self, focus: Node, path: PathSpec) -> set[Node]:
        kind, step = path
        if kind == "p":
            return set(self.objects(focus, step))  # type: ignore[arg-type]
        if kind == "^":
            return set(self.subjects(step, focus))  # type: ignore[arg-type]
        nodes = {focus}
        for part in step:  # type: ignore[attr-defined]
            nodes = {v for n in nodes for v in self.values(n, part)}
        return nodes


#: A compiled constraint: (index, focus node, value nodes) -> failures.
Check = Callable[[DataIndex, Node, set[Node]], list[Failure]]
#: A compiled constraint as a test: (index, focus node, value nodes) -> whether it holds (no
#: failure), without building the failures: what a shape asks when it is an operand of
#: sh:or, sh:not, sh:node or sh:qualifiedValueShape.
Test = Callable[[DataIndex, Node, set[Node]], bool]
#: A test of one value node on its own (sh:datatype, sh:class, sh:nodeKind ...).
ValueTest = Callable[[DataIndex, Node], bool]
#: A SHACL-SPARQL rule implemented in Python: (index, focus node) -> failures.
SparqlRule = Callable[[DataIndex, Node, "Shape"], list[Failure]]


@dataclass
class Shape:
    """A compiled shape: its value nodes' path, constraints and nested property shapes."""

    node: Node
    path: PathSpec | None
    severity: URIRef
    messages: tuple[str, ...]
    checks: list[Check] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)
    #: The checks (of ``checks``, in their order) that can fail when a focus node has no value
    #: on ``path`` (sh:minCount, sh:hasValue, sh:qualifiedValueShape, SHACL-SPARQL rules); the
    #: others look only at the values, so a focus node without any skips them.
    on_empty: list[Check] = field(default_factory=list)
    #: The predicate of a shape whose path is that one predicate, that has no ``on_empty``
    #: check and no property shapes: a focus node without that predicate gives no result, so
    #: the shape holding this one skips it (set by :func:`compile_shapes` once every shape is
    #: compiled; ``None`` for every other shape).
    unless_present: Node | None = None
    #: The checks of ``checks`` as tests (:data:`Test`), in the same order, and those of
    #: ``on_empty``: what :meth:`conforms` runs.
    tests: list[Test] = field(default_factory=list)
    empty_tests: list[Test] = field(default_factory=list)
    #: For a shape without a path and property shapes whose checks all test each value node on
    #: its own: :meth:`conforms` as one test of the focus node (set by :meth:`finish`).
    fast: ValueTest | None = None
    #: The predicate of a path that is one predicate (set by :meth:`finish`).
    predicate: Node | None = None

    def finish(self, value_tests: Mapping[Check, ValueTest]) -> None:
        """Set :attr:`unless_present` and :attr:`fast` from the compiled checks and property
        shapes; ``value_tests`` holds the :data:`ValueTest` of each check that tests each value
        node on its own."""
        simple = self.path is not None and self.path[0] == "p"
        self.predicate = self.path[1] if simple else None  # type: ignore[index,assignment]
        skippable = simple and not self.on_empty and not self.properties
        self.unless_present = self.path[1] if skippable else None  # type: ignore[index,assignment]
        singles = [value_tests.get(check) for check in self.checks]
        if self.path is None and not self.properties and singles and None not in singles:
            self.fast = _all_of(singles)  # type: ignore[arg-type]

    def value_nodes(self, index: DataIndex, focus: Node) -> set[Node]:
        return {focus} if self.path is None else index.values(focus, self.path)

    def evaluate(self, index: DataIndex, focus: Node) -> Iterator[RawResult]:
        """Every result of this shape (and its property shapes) for one focus node."""
        results: list[RawResult] = []
        self.collect(index, focus, results)
        return iter(results)

    def _checks_of(self, index: DataIndex, focus: Node) -> tuple[set[Node], list[Check]]:
        """The value nodes of ``focus`` and the checks to run on them (:attr:`on_empty` when
        there are none)."""
        if self.path is None:
            return {focus}, self.checks
        values = index.values(focus, self.path)
        return values, self.checks if values else self.on_empty

    def collect(self, index: DataIndex, focus: Node, results: list[RawResult]) -> None:
        """Append the results of :meth:`evaluate` to ``results`` (no generator per shape)."""
        predicate = self.predicate
        if predicate is not None:  # _checks_of, inlined for the commonest path: one predicate
            values = set(index.forward.get(focus, _NOTHING).get(predicate, ()))
            checks = self.checks if values else self.on_empty
        else:
            values, checks = self._checks_of(index, focus)
        for check in checks:
            failures = check(index, focus, values)
            if not failures:
                continue
            for failure in failures:
                messages = self.messages if failure.messages is None else failure.messages
                path = failure.path if failure.path is not None else self.path
                for message in messages or (None,):
                    results.append(
                        RawResult(
                            focus, path, failure.value, failure.component, self.node,
                            self.severity, message,
                        )
                    )  # fmt: skip
        if self.properties:
            present = index.forward.get(focus, _NOTHING)
            for prop in self.properties:
                if prop.unless_present is not None and prop.unless_present not in present:
                    continue  # no value on its path, and no check that reports that
                prop.collect(index, focus, results)

    def conforms(self, index: DataIndex, focus: Node) -> bool:
        """Whether ``focus`` conforms (any failure of any severity breaks conformance)."""
        if self.fast is not None:
            return self.fast(index, focus)
        if self.path is None:
            values, tests = {focus}, self.tests
        else:
            values = index.values(focus, self.path)
            tests = self.tests if values else self.empty_tests
        for test in tests:
            if not test(index, focus, values):
                return False
        present = index.forward.get(focus, _NOTHING)
        return all(
            prop.conforms(index, focus)
            for prop in self.properties
            if prop.unless_present is None or prop.unless_present in present
        )


@dataclass
class Target:
    """The focus nodes of a shape."""

    classes: tuple[Node, ...] = ()
    subjects_of: tuple[Node, ...] = ()
    objects_of: tuple[Node, ...] = ()
    nodes: tuple[Node, ...] = ()

    def focus_nodes(self, index: DataIndex) -> set[Node]:
        found: set[Node] = set(self.nodes)
        for cls in self.classes:
            for sub in index.subclasses(cls):
                found.update(index.subjects(_TYPE, sub))
        for prop in self.subjects_of:
            found |= index.subjects_of(prop)
        for prop in self.objects_of:
            found |= index.objects_of(prop)
        return found


@dataclass
class CompiledShapes:
    """Shapes compiled for :meth:`validate`; build with :func:`compile_shapes`."""

    targeted: list[tuple[Target, Shape]]
    #: Every compiled shape: the targeted ones, their property shapes and the shapes their
    #: constraints refer to (operands of sh:or, sh:not, sh:node, sh:qualifiedValueShape).
    shapes: list[Shape] = field(default_factory=list)

    def validate(self, data: Graph) -> list[RawResult]:
        """Every result of every targeted shape on ``data`` (a list: duplicates are kept)."""
        index = DataIndex(data)
        results: list[RawResult] = []
        for target, shape in self.targeted:
            for focus in target.focus_nodes(index):
                shape.collect(index, focus, results)
        return results


# --- SPARQL rules, in Python ----------------------------------------------------------------------

SCHEME = str(MUNIORG_VOCAB) + "identifier-scheme/"
NOTATION = URIRef("http://www.w3.org/2004/02/skos/core#notation")
CONFORMS_TO = URIRef("http://purl.org/dc/terms/conformsTo")
_START_DATE, _END_DATE = DCAT.startDate, DCAT.endDate
_SPARQL_COMPONENT = SH.SPARQLConstraintComponent


def _format(template: str, bindings: dict[str, Node]) -> str:
    """pySHACL's substitution of ``{?var}`` / ``{$var}`` in a SPARQL constraint's message."""
    for var, val in bindings.items():
        template = re.sub(f"{{[?$]{var}}}", str(val), template)
    return template


def _sparql_messages(
    shape: Shape, templates: tuple[str, ...], bindings: dict[str, Node]
) -> tuple[str, ...]:
    return shape.messages + tuple(
        _format(t, bindings) for t in templates if t not in shape.messages
    )


def _check_digit_rule(
    scheme: str, form: str, valid: Callable[[str], bool]
) -> Callable[[DataIndex, Node, tuple[str, ...], Shape], list[Failure]]:
    """A rule "the notation of an identifier in ``scheme`` that has the ``form`` (a regular
    expression) has a valid check digit" (the SHACL-SPARQL rules of ``shapes-sparql.ttl``;
    ``form`` is their REGEX)."""
    scheme_iri = URIRef(SCHEME + scheme)
    pattern = re.compile(form)

    def rule(
        index: DataIndex, focus: Node, templates: tuple[str, ...], shape: Shape
    ) -> list[Failure]:
        if scheme_iri not in index.objects(focus, CONFORMS_TO):
            return []
        failures = []
        for value in index.objects(focus, NOTATION):
            if isinstance(value, BNode):  # STR() of a blank node is an error: no row
                continue
            # SPARQL's REGEX "^...$": $ also matches before a final newline
            text = str(value).removesuffix("\n")
            if pattern.fullmatch(text) is None or valid(text):
                continue
            bindings = {"this": focus, "path": NOTATION, "value": value}
            messages = _sparql_messages(shape, templates, bindings)
            failures.append(Failure(value, _SPARQL_COMPONENT, ("p", NOTATION), messages))
        return failures

    return rule


def _period_order(
    index: DataIndex, focus: Node, templates: tuple[str, ...], shape: Shape
) -> list[Failure]:
    """mosh:PeriodOrder: the end is before the start on the prefix both lexical forms share."""
    failures = []
    seen = set()
    for start in index.objects(focus, _START_DATE):
        for end in index.objects(focus, _END_DATE):
            if isinstance(start, BNode) or isinstance(end, BNode):
                continue
            s, e = str(start), str(end)
            length = min(len(s), len(e))
            if not e[:length] < s[:length] or (end, start) in seen:
                continue
            seen.add((end, start))
            bindings = {"this": focus, "path": _END_DATE, "value": end, "start": start}
            messages = _sparql_messages(shape, templates, bindings)
            failures.append(Failure(end, _SPARQL_COMPONENT, ("p", _END_DATE), messages))
    return failures


_SEATS, _ORGANIZATION = MUNIORG.seats, ORG.organization


def _number(value: Node) -> int | Decimal | float | None:
    """The number a literal stands for, as SPARQL's SUM adds it, or ``None`` (not a number)."""
    if not isinstance(value, Literal) or value.ill_typed:
        return None
    number = value.value
    if isinstance(number, bool) or not isinstance(number, (int, Decimal, float)):
        return None
    if isinstance(number, Decimal) and not number.is_finite():
        return None  # "NaN"^^xsd:decimal: not in xsd:decimal's lexical space, no number to add
    return number


def _sum(numbers: list[int | Decimal | float]) -> int | Decimal | float:
    """The sum of ``numbers`` as rdflib's SPARQL SUM adds them, one at a time: a decimal and a
    double add as doubles (Python's ``+`` refuses a ``Decimal`` and a ``float``).

    >>> _sum([Decimal("1.5"), 2.5]), _sum([1, Decimal("0.5")])
    (4.0, Decimal('1.5'))
    """
    total: int | Decimal | float = 0
    for number in numbers:
        if isinstance(total, float) or isinstance(number, float):
            total = float(total) + float(number)
        else:
            total = total + number
    return total


def _sum_literal(total: int | Decimal | float, values: list[Node]) -> Literal:
    """``total`` as the literal SPARQL's SUM of ``values`` gives: by the type promotion of
    XPath's arithmetic, a sum with an xsd:double is a double, else one with an xsd:float a
    float (Python has one float type for both), else an integer or a decimal.

    >>> _sum_literal(4.0, [Literal(1.5, datatype=XSD.float), Literal(3)]).datatype == XSD.float
    True
    """
    if isinstance(total, float):
        types = {getattr(value, "datatype", None) for value in values}
        if XSD.double not in types and XSD.float in types:
            return Literal(repr(total), datatype=XSD.float)
    return Literal(total)


def _seats_add_up(
    index: DataIndex, focus: Node, templates: tuple[str, ...], shape: Shape
) -> list[Failure]:
    """mosh:SeatsAddUp: the seats of the memberships in a council add up to more than its own.
    A seat count that is not a number makes SPARQL's SUM an error, which gives no result."""
    values = [
        value
        for membership in index.subjects(_ORGANIZATION, focus)
        for value in index.objects(membership, _SEATS)
    ]
    held = [_number(value) for value in values]
    numbers = [number for number in held if number is not None]
    if not held or len(numbers) < len(held):
        return []
    total = _sum_literal(_sum(numbers), values)
    failures = []
    for seats in index.objects(focus, _SEATS):
        limit = _number(seats)
        if limit is None or not total.value > limit:
            continue
        bindings = {"this": focus, "path": _SEATS, "value": total, "seats": seats}
        messages = _sparql_messages(shape, templates, bindings)
        failures.append(Failure(total, _SPARQL_COMPONENT, ("p", _SEATS), messages))
    return failures


#: The SHACL-SPARQL rules the engine knows, by the IRI of the shape that holds the rule.
SPARQL_RULES: dict[URIRef, Callable[[DataIndex, Node, tuple[str, ...], Shape], list[Failure]]] = {
    MUNIORG_SHAPES.PeriodOrder: _period_order,
    MUNIORG_SHAPES.SeatsAddUp: _seats_add_up,
    MUNIORG_SHAPES.NoOrganisasjonsnummerCheckDigit: _check_digit_rule(
        "no-organisasjonsnummer", "[0-9]{9}", checkdigits.valid_no_orgnr
    ),
    MUNIORG_SHAPES.DkCvrCheckDigit: _check_digit_rule(
        "dk-cvr", "[0-9]{8}", checkdigits.valid_dk_cvr
    ),
    MUNIORG_SHAPES.SeOrganisationsnummerCheckDigit: _check_digit_rule(
        "se-organisationsnummer", "[0-9]{10}", checkdigits.valid_se_orgnr
    ),
    MUNIORG_SHAPES.FiYTunnusCheckDigit: _check_digit_rule(
        "fi-y-tunnus", "[0-9]{7}-[0-9]", checkdigits.valid_fi_y_tunnus
    ),
    # The SPARQL rule checks the ninth digit only; the century digit is the format rule's.
    MUNIORG_SHAPES.IsKennitalaCheckDigit: _check_digit_rule(
        "is-kennitala", "[0-9]{10}", checkdigits.is_kennitala_check_digit
    ),
}


# --- compiling core constraints --------------------------------------------------------------------

_ANNOTATIONS = {SH.name, SH.description, SH.order, SH.message, SH.severity, SH.path, SH.property}
_TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode}
_IGNORED = {SH.declare, SH.prefixes, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount}
_NOT_CONSTRAINTS = frozenset(_ANNOTATIONS | _TARGETS | _IGNORED)


_PLAIN = (None, RDF.langString, XSD.string)
_PLAIN_TEXTS = (str(RDF.langString), str(XSD.string))


def _string_of(value: Node) -> str:
    """pySHACL's text of a value node for sh:pattern and sh:minLength."""
    if _is(value, Literal) and value.value is not None:  # type: ignore[attr-defined]
        datatype = value.datatype  # type: ignore[attr-defined]
        # datatype in _PLAIN, as rdflib's == compares (same type, same text), in C
        if datatype is None or (
            type(datatype) is URIRef
            and (str.__eq__(datatype, _PLAIN_TEXTS[0]) or str.__eq__(datatype, _PLAIN_TEXTS[1]))
        ):
            return str(value.value)  # type: ignore[attr-defined]
    return str(value)


_PYTHON_TYPES: dict[URIRef, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


def _datatype_test(datatype: URIRef) -> Callable[[Node], bool]:
    """pySHACL's sh:datatype test of a value node for one ``datatype``: a literal of that
    datatype whose value has the Python type rdflib gives that datatype and is not ill-typed;
    any literal for rdfs:Literal, any typed one for rdfs:Datatype; a plain literal for
    xsd:string, a tagged one for rdf:langString. What depends only on ``datatype`` is worked
    out once, and the value's datatype compared as rdflib's ``==`` does (same type, same text)
    in C: an rdflib term's ``==`` is Python code, and this runs for every value of every
    sh:datatype.

    >>> test = _datatype_test(XSD.integer)
    >>> test(Literal(1)), test(Literal("1")), test(URIRef("urn:x"))
    (True, False, False)
    """
    expected = _PYTHON_TYPES.get(datatype)
    kind, text = type(datatype), str(datatype)
    any_literal = datatype == _RDFS_LITERAL
    any_typed = datatype == _RDFS_DATATYPE
    plain = datatype == _XSD_STRING
    tagged = datatype == _LANG_STRING

    def ok(value: Node) -> bool:
        if not isinstance(value, Literal):
            return False
        actual = value.datatype
        if type(actual) is kind and str.__eq__(actual, text):  # actual == datatype
            if getattr(value, "ill_typed", None) is True:
                return False
            return expected is None or isinstance(value.value, expected)
        if any_literal:
            return True
        if any_typed and actual:
            return True
        if plain and actual is None and value.language is None:
            return expected is None or isinstance(value.value, expected)
        return bool(
            tagged and value.language and (expected is None or isinstance(value.value, expected))
        )

    return ok


# Namespace attributes are looked up per access: the checks that run per value use constants.
_RDFS_LITERAL, _RDFS_DATATYPE, _XSD_STRING, _LANG_STRING = (
    RDFS.Literal, RDFS.Datatype, XSD.string, RDF.langString
)  # fmt: skip
_TYPE = RDF.type
_SUBCLASS_OF = RDFS.subClassOf
#: The classes of rdflib's terms: for these, ``type(v) is C`` tells what ``isinstance(v, C)``
#: does (a term's ``isinstance`` that fails goes through ``ABCMeta.__instancecheck__``).
_TERM_TYPES = frozenset((URIRef, Literal, BNode))


def _is(value: object, cls: type) -> bool:
    """``isinstance(value, cls)`` for a term class ``cls``, fast for rdflib's own terms.

    >>> _is(URIRef("urn:x"), Literal), _is(Literal("x"), Literal)
    (False, True)
    """
    kind = type(value)
    return kind is cls or (kind not in _TERM_TYPES and isinstance(value, cls))


_NODE_KINDS = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


_BLANK_KINDS = frozenset((SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI))
_LITERAL_KINDS = frozenset((SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral))
_IRI_KINDS = frozenset((SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI))


def _node_kind_ok(value: Node, kind: Node) -> bool:
    if isinstance(value, BNode):
        return kind in _BLANK_KINDS
    if isinstance(value, Literal):
        return kind in _LITERAL_KINDS
    return kind in _IRI_KINDS


def _at_least(value: Node, minimum: Literal) -> bool:
    """pySHACL's sh:minInclusive test of one value node."""
    if not isinstance(value, Literal):
        return False
    if isinstance(minimum.value, str) != isinstance(value.value, str):
        return False
    try:
        if value.eq(minimum):
            return True
        if value.value.__class__ in (datetime, time):
            return bool(value.value == minimum.value or value.value > minimum.value)
        return bool(value > minimum)
    # rdflib: the two values cannot be compared; a "NaN"^^xsd:decimal cannot be compared at all
    except (TypeError, NotImplementedError, InvalidOperation):
        return False


def _per_value(component: URIRef, ok: Callable[[Node], bool]) -> Check:
    """The check that each value node passes ``ok``: a failure for each one that does not (a
    loop first: most values pass, and a list comprehension is a function call of its own)."""

    def check(index: DataIndex, focus: Node, values: set[Node]) -> list[Failure]:
        for v in values:
            if not ok(v):
                return [Failure(w, component) for w in values if not ok(w)]
        return []

    return check


def _per_value_in(component: URIRef, ok: ValueTest) -> Check:
    """:func:`_per_value` of a test that reads the data (``ok(index, value)``)."""

    def check(index: DataIndex, focus: Node, values: set[Node]) -> list[Failure]:
        for v in values:
            if not ok(index, v):
                return [Failure(w, component) for w in values if not ok(index, w)]
        return []

    return check


def _each(ok: ValueTest) -> Test:
    """The :data:`Test` that every value node passes ``ok``."""

    def test(index: DataIndex, focus: Node, values: set[Node]) -> bool:
        for v in values:  # noqa: SIM110 (a loop: no generator per call)
            if not ok(index, v):
                return False
        return True

    return test


def _all_of(tests: list[ValueTest]) -> ValueTest:
    """The :data:`ValueTest` that a node passes every one of ``tests`` (in their order)."""
    if len(tests) == 1:
        return tests[0]

    def test(index: DataIndex, value: Node) -> bool:
        for ok in tests:  # noqa: SIM110 (a loop: no generator per call)
            if not ok(index, value):
                return False
        return True

    return test


def _language_ok(value: Node, wanted: frozenset[str]) -> bool:
    if not isinstance(value, Literal) or not value.language:
        return False
    lang = str(value.language).lower()
    return "*" in wanted or lang in wanted or lang.split("-")[0] in wanted


# The shapes vocabulary as constants: an rdflib namespace makes a new URIRef per attribute access,
# and compiling the shapes compares predicates with these thousands of times.
_SH_PATH, _SH_SEVERITY, _SH_MESSAGE, _SH_PROPERTY = SH.path, SH.severity, SH.message, SH.property
_SH_INVERSE_PATH, _SH_VIOLATION, _SH_SPARQL = SH.inversePath, SH.Violation, SH.sparql
_SH_NODE_SHAPE, _SH_PROPERTY_SHAPE = SH.NodeShape, SH.PropertyShape
_SH_TARGET_CLASS, _SH_TARGET_SUBJECTS_OF = SH.targetClass, SH.targetSubjectsOf
_SH_TARGET_OBJECTS_OF, _SH_TARGET_NODE = SH.targetObjectsOf, SH.targetNode
_RDF_FIRST, _RDF_REST, _RDFS_CLASS = RDF.first, RDF.rest, RDFS.Class
_SH_PREFIX = str(SH)
_SH_MIN_COUNT, _SH_MAX_COUNT, _SH_FLAGS = SH.minCount, SH.maxCount, SH.flags
_SH_QUALIFIED_DISJOINT = SH.qualifiedValueShapesDisjoint
_SH_QUALIFIED_MIN_COUNT, _SH_QUALIFIED_MAX_COUNT = SH.qualifiedMinCount, SH.qualifiedMaxCount
# the constraint components the compiled checks report
_C_NODE_KIND, _C_DATATYPE = SH.NodeKindConstraintComponent, SH.DatatypeConstraintComponent
_C_MIN_LENGTH, _C_MIN_INCLUSIVE = (
    SH.MinLengthConstraintComponent,
    SH.MinInclusiveConstraintComponent,
)
_C_IN, _C_LANGUAGE_IN = SH.InConstraintComponent, SH.LanguageInConstraintComponent
_C_NOT, _C_NODE = SH.NotConstraintComponent, SH.NodeConstraintComponent
_C_MIN_COUNT, _C_MAX_COUNT = SH.MinCountConstraintComponent, SH.MaxCountConstraintComponent
_C_PATTERN = SH.PatternConstraintComponent
_C_CLASS, _C_OR = SH.ClassConstraintComponent, SH.OrConstraintComponent
_C_HAS_VALUE = SH.HasValueConstraintComponent


class Compiler:
    """Turns the shapes of a shapes graph into :class:`Shape` objects (each once).

    The shapes graph is read through a subject -> predicate -> objects dictionary (a
    ``FastGraph``'s own) rather than rdflib's ``Graph`` methods, which cost several microseconds
    a call: compiling muniorg's shapes looks up thousands of (node, predicate) pairs.
    """

    def __init__(self, graph: Graph, terms: Iterable[Node] = ()) -> None:
        self.graph = graph
        #: The objects the data's terms are (see :func:`compile_shapes`), by themselves.
        self.terms: dict[Node, Node] = {}
        for term in terms:
            self.terms.setdefault(term, term)
        self.forward: Mapping[Node, Mapping[Node, abc.Collection[Node]]]
        if isinstance(graph, FastGraph):
            self.forward = graph.triple_store.spo
        else:
            forward: dict[Node, dict[Node, list[Node]]] = {}
            for s, p, o in graph:
                forward.setdefault(s, {}).setdefault(p, []).append(o)
            self.forward = forward
        self.shapes: dict[Node, Shape] = {}
        #: The tests of the checks that have one of their own (see :meth:`test`), and of those
        #: that test each value node on its own.
        self.tests: dict[Check, Test] = {}
        self.value_tests: dict[Check, ValueTest] = {}

    def objects(self, node: Node, prop: Node) -> list[Node]:
        return list(self.forward.get(node, _NOTHING).get(prop, ()))

    def value(self, node: Node, prop: Node) -> Node | None:
        """One value of ``prop`` (the first), or ``None``: rdflib's ``Graph.value``."""
        for value in self.forward.get(node, _NOTHING).get(prop, ()):
            return value
        return None

    def items(self, node: Node) -> list[Node]:
        """The members of the RDF list ``node``: rdflib's ``Collection(graph, node)``."""
        members = []
        chain: set[Node | None] = {node}
        current: Node | None = node
        while current is not None:
            item = self.value(current, _RDF_FIRST)
            if item is not None:
                members.append(item)
            current = self.value(current, _RDF_REST)
            if current in chain:
                raise ValueError("List contains a recursive rdf:rest reference")
            chain.add(current)
        return members

    def one(self, node: Node, prop: URIRef) -> Node | None:
        values = self.objects(node, prop)
        if len(values) > 1:
            raise UnsupportedShapes(f"{node} has {len(values)} values of {prop}")
        return values[0] if values else None

    def term(self, node: Node) -> Node:
        """``node``, or the object of :attr:`terms` equal to it."""
        return self.terms.get(node, node)

    def path(self, node: Node) -> PathSpec:
        if isinstance(node, URIRef):
            return ("p", self.term(node))
        inverse = self.value(node, _SH_INVERSE_PATH)
        if isinstance(inverse, URIRef):
            return ("^", self.term(inverse))
        if self.value(node, _RDF_FIRST) is not None:
            return ("/", tuple(self.path(n) for n in self.items(node)))
        raise UnsupportedShapes(f"path {node} is not a predicate, an inverse or a sequence")

    def shape(self, node: Node, reporting: bool) -> Shape:
        """The compiled shape ``node``; ``reporting`` when its results reach the report."""
        if node in self.shapes:
            return self.shapes[node]
        raw_path = self.one(node, _SH_PATH)
        severity = self.one(node, _SH_SEVERITY) or _SH_VIOLATION
        assert isinstance(severity, URIRef), node
        messages = tuple(str(m) for m in sorted(self.objects(node, _SH_MESSAGE), key=str))
        shape = Shape(
            node, self.path(raw_path) if raw_path is not None else None, severity, messages
        )
        self.shapes[node] = shape
        for prop in sorted(self.objects(node, _SH_PROPERTY), key=str):
            shape.properties.append(self.shape(prop, reporting))
        for predicate in sorted(self.forward.get(node, _NOTHING), key=str):
            if not str(predicate).startswith(_SH_PREFIX) or predicate in _NOT_CONSTRAINTS:
                continue
            assert isinstance(predicate, URIRef)
            check = self.check(node, predicate, shape)
            test = self.test(check)
            shape.checks.append(check)
            shape.tests.append(test)
            if predicate in _ON_EMPTY:
                shape.on_empty.append(check)
                shape.empty_tests.append(test)
            if reporting and not messages and predicate != _SH_SPARQL:
                raise UnsupportedShapes(
                    f"{node} reports without an sh:message (pySHACL's generic messages are not implemented)"
                )
        return shape

    def test(self, check: Check) -> Test:
        """The :data:`Test` of a compiled check: the one registered for it, else whether it
        reports no failure."""
        found = self.tests.get(check)
        if found is not None:
            return found
        value_test = self.value_tests.get(check)
        if value_test is not None:
            return _each(value_test)
        return lambda index, focus, values: not check(index, focus, values)

    def _per_value(self, component: URIRef, ok: Callable[[Node], bool]) -> Check:
        """A check of each value node on its own by ``ok`` (registered as a value test)."""
        check = _per_value(component, ok)
        self.value_tests[check] = lambda index, value: ok(value)
        return check

    def check(self, node: Node, predicate: URIRef, shape: Shape) -> Check:
        value = self.one(node, predicate)
        assert value is not None
        compile_check = _COMPILERS.get(predicate)
        if compile_check is None:
            raise UnsupportedShapes(f"{node}: {predicate} is not supported by the muniorg engine")
        return compile_check(self, node, value, shape)

    def _node_kind(self, node: Node, value: Node, shape: Shape) -> Check:
        # what _node_kind_ok answers for each kind of term, worked out once (an rdflib term's
        # == is Python code, and a frozenset lookup calls it)
        blank, literal, iri = (_node_kind_ok(term, value) for term in _KIND_SAMPLES)
        by_type = {BNode: blank, Literal: literal, URIRef: iri}

        def ok(v: Node) -> bool:
            found = by_type.get(type(v))  # a term of a subclass: isinstance, as below
            if found is not None:
                return found
            return blank if isinstance(v, BNode) else literal if isinstance(v, Literal) else iri

        return self._per_value(_C_NODE_KIND, ok)

    def _datatype(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._per_value(_C_DATATYPE, _datatype_test(value))  # type: ignore[arg-type]

    def _class(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._class_check(self.term(value))

    def _min_count(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._count_check(_SH_MIN_COUNT, int(_literal_value(value)))

    def _max_count(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._count_check(_SH_MAX_COUNT, int(_literal_value(value)))

    def _unique_lang_of(self, node: Node, value: Node, shape: Shape) -> Check:
        if _literal_value(value) is True:
            return self._unique_lang()
        return lambda index, focus, values: []

    def _pattern(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._pattern_check(node, value)  # type: ignore[arg-type]

    def _min_length(self, node: Node, value: Node, shape: Shape) -> Check:
        length = int(_literal_value(value))
        return self._per_value(
            _C_MIN_LENGTH,
            lambda v: length == 0 or (not _is(v, BNode) and len(_string_of(v)) >= length),
        )

    def _min_inclusive(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._per_value(_C_MIN_INCLUSIVE, lambda v: _at_least(v, value))  # type: ignore[arg-type]

    def _in(self, node: Node, value: Node, shape: Shape) -> Check:
        members = frozenset(self.items(value))
        return self._per_value(_C_IN, lambda v: v in members)

    def _has_value_of(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._has_value(self.term(value))

    def _language_in(self, node: Node, value: Node, shape: Shape) -> Check:
        wanted = frozenset(str(lang).lower() for lang in self.items(value))
        return self._per_value(_C_LANGUAGE_IN, lambda v: _language_ok(v, wanted))

    def _or(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._or_check([self.shape(m, False) for m in self.items(value)])

    def _not(self, node: Node, value: Node, shape: Shape) -> Check:
        negated = self.shape(value, False)
        return self._shape_check(_C_NOT, negated, expect=False)

    def _node(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._shape_check(_C_NODE, self.shape(value, False), expect=True)

    def _qualified_of(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._qualified(node, self.shape(value, False))

    def _sparql_of(self, node: Node, value: Node, shape: Shape) -> Check:
        return self._sparql(node, value, shape)

    def _class_check(self, cls: Node) -> Check:
        def ok(index: DataIndex, v: Node) -> bool:
            return not _is(v, Literal) and index.is_instance(v, cls)

        check = _per_value_in(_C_CLASS, ok)
        self.value_tests[check] = ok
        return check

    def _count_check(self, predicate: URIRef, count: int) -> Check:
        at_least = predicate == _SH_MIN_COUNT
        component = _C_MIN_COUNT if at_least else _C_MAX_COUNT

        def check(index: DataIndex, focus: Node, values: set[Node]) -> list[Failure]:
            broken = len(values) < count if at_least else len(values) > count
            return [Failure(None, component)] if broken else []

        return check

    def _unique_lang(self) -> Check:
        def check(index: DataIndex, focus: Node, values: set[Node]) -> list[Failure]:
            seen: set[str] = set()
            duplicates: set[str] = set()
            for v in values:
                if isinstance(v, Literal) and v.language:
                    lang = str(v.language).lower()
                    (duplicates if lang in seen else seen).add(lang)
            return [Failure(None, SH.UniqueLangConstraintComponent) for _ in duplicates]

        return check

    def _pattern_check(self, node: Node, pattern: Literal) -> Check:
        flags_node = self.one(node, _SH_FLAGS)
        flags = str(flags_node).lower() if flags_node is not None else ""
        re_flags = (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0)
        text = (
            str(pattern.value)
            if pattern.value is not None and len(pattern.value) > 1
            else str(pattern)
        )
        matcher = re.compile(text, re_flags)
        return self._per_value(
            _C_PATTERN,
            lambda v: not _is(v, BNode) and matcher.search(_string_of(v)) is not None,
        )

    def _has_value(self, wanted: Node) -> Check:
        def holds(index: DataIndex, focus: Node, values: set[Node]) -> bool:
            if type(wanted) is URIRef:  # the set's hash and ==: the same as == on each value
                return wanted in values
            return any(v == wanted for v in values)

        def check(index: DataIndex, focus: Node, values: set[Node]) -> list[Failure]:
            return [] if holds(index, focus, values) else [Failure(None, _C_HAS_VALUE)]

        self.tests[check] = holds
        return check

    def _or_check(self, members: list[Shape]) -> Check:
        def ok(index: DataIndex, v: Node) -> bool:
            for member in members:  # noqa: SIM110 (a loop: no generator per call)
                if member.conforms(index, v):
                    return True
            return False

        check = _per_value_in(_C_OR, ok)
        self.value_tests[check] = ok
        return check

    def _shape_check(self, component: URIRef, other: Shape, expect: bool) -> Check:
        def ok(index: DataIndex, v: Node) -> bool:
            return other.conforms(index, v) is expect

        check = _per_value_in(component, ok)
        self.value_tests[check] = ok
        return check

    def _qualified(self, node: Node, other: Shape) -> Check:
        if self.one(node, _SH_QUALIFIED_DISJOINT) is not None:
            raise UnsupportedShapes(f"{node}: sh:qualifiedValueShapesDisjoint is not supported")
        low = self.one(node, _SH_QUALIFIED_MIN_COUNT)
        high = self.one(node, _SH_QUALIFIED_MAX_COUNT)
        minimum = int(low) if isinstance(low, Literal) else None
        maximum = int(high) if isinstance(high, Literal) else None

        def check(index: DataIndex, focus: Node, values: set[Node]) -> list[Failure]:
            if not values and (minimum is None or minimum < 1):
                return []
            count = sum(1 for v in values if other.conforms(index, v))
            failures = []
            if maximum is not None and count > maximum:
                failures.append(Failure(None, SH.QualifiedMaxCountConstraintComponent))
            if minimum is not None and count < minimum:
                failures.append(Failure(None, SH.QualifiedMinCountConstraintComponent))
            return failures

        return check

    def _sparql(self, node: Node, constraint: Node, shape: Shape) -> Check:
        rule = SPARQL_RULES.get(node) if isinstance(node, URIRef) else None
        if rule is None:
            raise UnsupportedShapes(
                f"{node}: the muniorg engine has no Python implementation of this SHACL-SPARQL rule"
            )
        templates = tuple(str(m) for m in sorted(self.objects(constraint, _SH_MESSAGE), key=str))

        def check(index: DataIndex, focus: Node, values: set[Node]) -> list[Failure]:
            return rule(index, focus, templates, shape)

        return check


#: The constraint parameters whose checks can fail on a focus node without value nodes.
_ON_EMPTY = frozenset((SH.minCount, SH.hasValue, SH.qualifiedValueShape, SH.sparql))
#: A blank node, a literal and an IRI: the three kinds of term :func:`_node_kind_ok` tells apart.
_KIND_SAMPLES = (BNode("kind"), Literal("kind"), URIRef("urn:kind"))

#: How each constraint parameter compiles (the predicate of a shape -> Compiler method).
_COMPILERS: dict[Node, Callable[[Compiler, Node, Node, Shape], Check]] = {
    SH.nodeKind: Compiler._node_kind,
    SH.datatype: Compiler._datatype,
    SH["class"]: Compiler._class,
    SH.minCount: Compiler._min_count,
    SH.maxCount: Compiler._max_count,
    SH.uniqueLang: Compiler._unique_lang_of,
    SH.pattern: Compiler._pattern,
    SH.minLength: Compiler._min_length,
    SH.minInclusive: Compiler._min_inclusive,
    SH["in"]: Compiler._in,
    SH.hasValue: Compiler._has_value_of,
    SH.languageIn: Compiler._language_in,
    SH["or"]: Compiler._or,
    SH["not"]: Compiler._not,
    SH.node: Compiler._node,
    SH.qualifiedValueShape: Compiler._qualified_of,
    SH.sparql: Compiler._sparql_of,
}


def _literal_value(node: Node) -> Any:
    """The Python value of a literal (``None`` for anything else)."""
    return node.value if isinstance(node, Literal) else None


def compile_shapes(graph: Graph, terms: Iterable[Node] = ()) -> CompiledShapes:
    """Compile every shape of ``graph`` that has a target (and what it refers to).

    ``terms`` are objects the data to validate is made of (the model's predicates and classes):
    the compiled shapes hold these objects instead of equal ones of their own, so that looking
    a predicate or class up in the data finds the same object (a dictionary compares objects
    with ``is`` before calling an rdflib term's ``==``, which is Python code). The results are
    the same with any ``terms``.

    :raises UnsupportedShapes: when a shape uses SHACL outside the supported subset.
    """
    compiler = Compiler(graph, terms)
    targeted = []
    # The shapes and the targeted nodes, found from the subjects (no inverse index is needed).
    kinds = (_SH_NODE_SHAPE, _SH_PROPERTY_SHAPE)
    nodes = [
        node
        for node, by in compiler.forward.items()
        if any(t in by for t in _TARGETS) or any(k in by.get(_TYPE, ()) for k in kinds)
    ]
    for node in sorted(nodes, key=str):
        if _RDFS_CLASS in compiler.objects(node, _TYPE):
            raise UnsupportedShapes(f"{node}: implicit class targets are not supported")
        target = Target(
            classes=tuple(map(compiler.term, compiler.objects(node, _SH_TARGET_CLASS))),
            subjects_of=tuple(map(compiler.term, compiler.objects(node, _SH_TARGET_SUBJECTS_OF))),
            objects_of=tuple(map(compiler.term, compiler.objects(node, _SH_TARGET_OBJECTS_OF))),
            nodes=tuple(compiler.objects(node, _SH_TARGET_NODE)),
        )
        if target.classes or target.subjects_of or target.objects_of or target.nodes:
            targeted.append((target, compiler.shape(node, True)))
    for shape in compiler.shapes.values():
        shape.finish(compiler.value_tests)
    return CompiledShapes(targeted, list(compiler.shapes.values()))


def iter_results(results: Iterable[RawResult]) -> list[tuple[object, ...]]:
    """Results as sorted plain tuples, for comparing engines."""
    return sorted(tuple(str(x) for x in r) for r in results)


def _report_path(report: Graph, node: Node) -> PathSpec:
    if isinstance(node, URIRef):
        return ("p", node)
    inverse = report.value(node, SH.inversePath)
    if inverse is not None:
        return ("^", inverse)
    return ("/", tuple(_report_path(report, n) for n in Collection(report, node)))


_PLAIN_SHAPES: dict[int, tuple[Graph, Graph]] = {}


def _plain_shapes(shapes: Graph) -> Graph:
    """``shapes`` in a plain rdflib ``Graph``, as pySHACL has always been given them (muniorg
    parses its shapes into a FastGraph); the copy of the last shapes graph is kept, since a
    build validates every document with the same one."""
    if not isinstance(shapes, FastGraph):
        return shapes
    known = _PLAIN_SHAPES.get(id(shapes))
    if known is None or known[0] is not shapes:
        _PLAIN_SHAPES.clear()
        known = _PLAIN_SHAPES[id(shapes)] = (shapes, shapes.to_rdflib())
    return known[1]


def pyshacl_results(data: Graph, shapes: Graph) -> list[RawResult]:
    """The reference: pySHACL's results on ``data`` (``advanced=True, inference="none"``)."""
    import pyshacl  # the reference engine; imported only when used (it takes 0.2 s to import)

    if isinstance(data, FastGraph):  # pySHACL needs a context-aware store
        data = data.to_rdflib()
    shapes = _plain_shapes(shapes)
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    assert isinstance(report, Graph)
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(node, SH.resultPath)
        messages: list[Node | None] = list(report.objects(node, SH.resultMessage)) or [None]
        for message in messages:
            results.append(
                RawResult(
                    focus=report.value(node, SH.focusNode),  # type: ignore[arg-type]
                    path=_report_path(report, path) if path is not None else None,
                    value=report.value(node, SH.value),
                    component=report.value(node, SH.sourceConstraintComponent),  # type: ignore[arg-type]
                    shape=report.value(node, SH.sourceShape),  # type: ignore[arg-type]
                    severity=report.value(node, SH.resultSeverity),  # type: ignore[arg-type]
                    message=str(message) if message is not None else None,
                )
            )
    return results
