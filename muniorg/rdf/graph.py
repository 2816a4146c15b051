"""Model objects to RDF graphs and back, driven by each class's ``SPEC``.

The mapping is generic: a field's value kind (from the shapes) says how its values become RDF
terms, its path says which predicate links them (an inverse path links from the value to the
parent), and nested objects recurse. Reading back inverts every step and reports the triples it
could not place, so nothing is dropped silently.

Names where each audience looks: the name of every organisation, person, place, document,
programme and concept (its ``skos:prefLabel``, else its ``dct:title`` or ``foaf:name``, see
:func:`name_field`) is also written as ``schema:name`` and ``rdfs:label``, the same texts in the
same languages (:data:`NAME_ALIASES`). The JSON-LD writer
(:mod:`muniorg.rdf.jsonld`) writes them from the same rule, and reading consumes them.

Lists have no order in RDF. Reading therefore gives one order (see
:func:`muniorg.model.walk.graph_order`): days of the week in calendar order, nested objects by
IRI in natural order (``/2`` before ``/10``), other values by their text.
``from_graph(to_graph(m)) == graph_order(m)`` for any model with IRIs; the lists kept in the
order authored (:data:`muniorg.model.walk.AUTHORED_ORDER`) are put back in that order with
:func:`muniorg.model.walk.in_order_of`.

Example:
    >>> from muniorg.model.classes import Municipality
    >>> from muniorg.rdf.graph import to_graph, from_graph
    >>> m = Municipality(id="https://ex.org/m/1", name={"da": "Sorø Kommune"}, country="DNK")
    >>> g = to_graph(m)
    >>> from_graph(g, "https://ex.org/m/1", Municipality) == m
    True
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDF, RDFS, SKOS
from rdflib.term import Node as RdfNode

from muniorg.core.arguments import got, instance_argument
from muniorg.core.errors import MappingError, ModelError, MuniorgError, UsageError, first_of
from muniorg.core.namespaces import CV, DCT, ORG, SCHEMA, new_graph
from muniorg.core.triplestore import FastGraph, add_triples
from muniorg.core.values import rdf_language
from muniorg.model.check import with_values
from muniorg.model.classes import CLASSES
from muniorg.model.kinds import KINDS
from muniorg.model.node import Node
from muniorg.model.schema import ClassSpec, Field, ValueKind
from muniorg.model.walk import (
    AUTHORED_ORDER,
    natural_key,
    nested_fields,
    sort_key,
    sort_values,
    walk,
)

N = TypeVar("N", bound=Node)
Triple = tuple[RdfNode, RdfNode, RdfNode]


# --- model -> RDF -----------------------------------------------------------------------------

#: The properties a node's name is repeated on, with their JSON-LD keys: schema.org consumers
#: read ``schema:name``, generic RDF tools ``rdfs:label`` (#12).
NAME_ALIASES: tuple[tuple[str, URIRef], ...] = (
    ("schema:name", SCHEMA["name"]),
    ("rdfs:label", URIRef(RDFS.label)),
)
#: The paths of a name, in the order :func:`name_field` prefers them.
NAME_PATHS = (SKOS.prefLabel, DCT.title, FOAF.name)
#: The types of the things whose names are repeated: organisations, persons, places, documents,
#: programmes and concepts (a post, a period or a key figure keeps its name as it is).
NAMED_TYPES: frozenset[URIRef] = frozenset(
    {
        CV.PublicOrganisation,
        ORG.FormalOrganization,
        ORG.OrganizationalUnit,
        ORG.OrganizationalCollaboration,  # cooperation programmes
        FOAF.Person,
        DCT.Location,
        SCHEMA.AdministrativeArea,
        ORG.Site,
        FOAF.Document,
        SKOS.Concept,
    }
)


def name_field(spec: ClassSpec) -> Field | None:
    """The field whose values a node of class ``spec`` repeats as :data:`NAME_ALIASES`: its
    ``skos:prefLabel``, else its ``dct:title``, else its ``foaf:name``; ``None`` for a class
    that is none of :data:`NAMED_TYPES` or has no name.

    >>> from muniorg.model.classes import CLASSES
    >>> name_field(CLASSES["Document"].SPEC).key, name_field(CLASSES["Council"].SPEC).key
    ('title', 'name')
    >>> name_field(CLASSES["Post"].SPEC) is None, name_field(CLASSES["Address"].SPEC) is None
    (True, True)
    """
    known = _NAME_FIELDS.get(id(spec))
    if known is not None and known[0] is spec:
        return known[1]
    found = None
    if not NAMED_TYPES.isdisjoint(spec.all_types):
        found = next(
            (f for path in NAME_PATHS for f in spec.fields if f.path == path and not f.inverse),
            None,
        )
    _NAME_FIELDS[id(spec)] = (spec, found)  # the spec is kept: its id is not reused
    return found


#: :func:`name_field` of each class spec seen (by identity: asked for every object written and
#: read, it compared every type of the class with :data:`NAMED_TYPES` each time).
_NAME_FIELDS: dict[int, tuple[ClassSpec, Field | None]] = {}


def triples(node: Node) -> Iterator[Triple]:
    """All triples describing ``node`` and the objects nested in it: per object, parents
    before children, its types, then its fields in order, then the copies of its name.

    :raises MappingError: when ``node`` or a nested object has no ``id``.
    """
    return iter(_triples(node))


def to_graph(*nodes: Node, graph: Graph | None = None) -> Graph:
    """Add the triples of ``nodes`` to ``graph`` (a new one by default) and return it.

    >>> from muniorg.model.classes import Municipality
    >>> len(to_graph(Municipality(id="https://ex.org/m", name={"da": "M"}, country="DNK")))
    7
    """
    graph = graph if graph is not None else new_graph()
    instance_argument(graph, Graph, "to_graph(graph)", "an rdflib Graph")
    for node in nodes:
        instance_argument(node, Node, "to_graph(nodes)", "model objects, such as a Municipality")
        if isinstance(graph, FastGraph):
            graph.triple_store.add_grouped(_groups(node))
        else:
            add_triples(graph, _triples(node))
    return graph


# How a field's values become triples (see _plan).
_TEXTS, _TEXT_LISTS, _MANY, _ONE, _NESTED_MANY, _NESTED_ONE = range(6)
#: A field as :func:`_triples` writes it: key, path, inverse, how, the term of one value.
_Step = tuple[str, URIRef, bool, int, Any]


def _plan(cls: type[Node]) -> tuple[tuple[URIRef, ...], str | None, tuple[_Step, ...]]:
    """How the objects of ``cls`` are written, worked out once per class: its types, the key
    of its name field (:func:`name_field`) and a step per field."""
    plan = _PLANS.get(cls)
    if plan is not None:
        return plan
    spec = cls.SPEC
    steps: list[_Step] = []
    for field in spec.fields:
        if field.kind is ValueKind.LANG_MAP:
            how = _TEXTS
        elif field.kind is ValueKind.LANG_LIST_MAP:
            how = _TEXT_LISTS
        elif field.kind is ValueKind.NESTED:
            how = _NESTED_MANY if field.many else _NESTED_ONE
        else:
            how = _MANY if field.many else _ONE
        steps.append((field.key, field.path, field.inverse, how, _term_of(field)))
    named = name_field(spec)
    plan = _PLANS[cls] = (spec.all_types, named.key if named else None, tuple(steps))
    return plan


_PLANS: dict[type[Node], tuple[tuple[URIRef, ...], str | None, tuple[_Step, ...]]] = {}


def _term_of(field: Field) -> Callable[[Any], RdfNode]:
    """The function from one value of ``field`` to its RDF term: the kind's
    (:attr:`muniorg.model.kinds.Kind.to_term`), through a cache of terms made before for the
    kinds whose terms recur (IRIs, codes and texts; a text of a language map is made by
    :func:`_text`)."""
    kind = field.kind
    if kind in (ValueKind.IRI, ValueKind.REFERENCE):
        return _iri
    to_term = KINDS[kind].to_term
    if kind is ValueKind.NESTED:

        def nested(value: Node) -> RdfNode:
            # the kind's term says what is wrong with an object without id
            return to_term(field, value) if value.id is None else _iri(value.id)

        return nested
    if kind is ValueKind.CODE:
        namespace = field.code_namespace

        def code(value: str) -> RdfNode:
            term = _CODES.get((namespace, value))
            if term is None:
                term = _remember(_CODES, (namespace, value), to_term(field, value))
            return term

        return code
    if kind in _TEXT_VALUED:

        def text(value: Any) -> RdfNode:
            if type(value) is not str:
                return to_term(field, value)
            term = _LITERALS.get((kind, value))
            if term is None:
                term = _remember(_LITERALS, (kind, value), to_term(field, value))
            return term

        return text
    return lambda value: to_term(field, value)


#: The kinds of texts whose terms depend on their text only (not on the field).
_TEXT_VALUED = frozenset({ValueKind.STRING, ValueKind.URI, ValueKind.PARTIAL_DATE, ValueKind.YEAR})

# RDF terms made before, per process (a build's worker writes one file after another): most
# texts, codes and IRIs recur across files, and making an rdflib term is slow (its checks and
# conversions run each time). Terms are immutable, so one can be shared; each cache is
# emptied when it holds _MAX_TERMS.
#: IRI -> URIRef
_IRIS: dict[str, RdfNode] = {}
#: (language, text) -> Literal
_TEXTS_BY_LANGUAGE: dict[tuple[str, str], RdfNode] = {}
#: (code namespace, code) -> URIRef
_CODES: dict[tuple[str | None, str], RdfNode] = {}
#: (kind, text) -> Literal
_LITERALS: dict[tuple[ValueKind, str], RdfNode] = {}
_MAX_TERMS = 50_000

K = TypeVar("K")


def _remember(cache: dict[K, RdfNode], key: K, term: RdfNode) -> RdfNode:
    if len(cache) >= _MAX_TERMS:
        cache.clear()
    cache[key] = term
    return term


def _iri(value: str) -> RdfNode:
    term = _IRIS.get(value)
    if term is None:
        term = _remember(_IRIS, value, URIRef(value))
    return term


def _text(language: str, text: str) -> RdfNode:
    """The literal of a text of a language map (:attr:`Kind.to_term` of ``LANG_MAP``)."""
    term = _TEXTS_BY_LANGUAGE.get((language, text))
    if term is None:
        literal = Literal(text, lang=rdf_language(language))
        term = _remember(_TEXTS_BY_LANGUAGE, (language, text), literal)
    return term


def _triples(root: Node) -> list[Triple]:
    """The triples of :func:`triples`, as a list."""
    return [(s, p, o) for s, p, objects in _groups(root) for o in objects]


#: Triples with one subject and predicate: ``(s, p, objects)``.
_Group = tuple[RdfNode, RdfNode, "list[RdfNode] | tuple[RdfNode, ...]"]


def _groups(root: Node) -> list[_Group]:
    """The triples of :func:`triples` in order, as groups of one subject and predicate (an
    object's types, the values of one of its fields, one copy of its name)."""
    out: list[_Group] = []
    add = out.append
    stack = [root]
    while stack:
        node = stack.pop()
        if node.id is None:
            raise MappingError(
                f"{node.SPEC.key} has no id: call muniorg.model.ids.assign_ids first"
            )
        subject = _iri(node.id)
        types, named, steps = _plan(type(node))
        add((subject, _TYPE, types))
        values = node.__dict__
        names: list[RdfNode] = []
        below: list[Node] = []
        for key, path, inverse, how, term in steps:
            value = values[key]
            if not value and (value is None or how != _ONE):
                continue  # no value (a false scalar, 0, False or "", is one)
            if how == _TEXTS:
                terms = [_text(language, text) for language, text in value.items()]
            elif how == _TEXT_LISTS:
                terms = [
                    _text(language, text) for language, texts in value.items() for text in texts
                ]
            elif how == _ONE:
                terms = [term(value)]
            elif how == _MANY:
                terms = [term(v) for v in value]
            elif how == _NESTED_ONE:
                terms = [term(value)]
                below.append(value)
            else:
                terms = [term(v) for v in value]
                below.extend(value)
            if key == named:
                names = terms  # repeated below: the same terms (rdflib terms are immutable)
            if inverse:
                for obj in terms:
                    add((obj, path, (subject,)))
            else:
                add((subject, path, terms))
        for name in names:
            for _, alias in NAME_ALIASES:
                add((subject, alias, (name,)))
        if below:
            below.reverse()
            stack.extend(below)
    return out


# --- RDF -> model -----------------------------------------------------------------------------


@dataclasses.dataclass
class ReadResult:
    """What :func:`read_node` produced, and the triples it did not use."""

    consumed: set[Triple] = dataclasses.field(default_factory=set)


_TYPE = RDF.type
_TEXT_KINDS = (ValueKind.LANG_MAP, ValueKind.LANG_LIST_MAP)
_NO_LINKS: dict[RdfNode, dict[RdfNode, None]] = {}


def _linked(graph: Graph, subject: URIRef, field: Field) -> list[RdfNode]:
    if isinstance(graph, FastGraph):
        # the store's own index, in the order graph.objects gives
        store = graph.triple_store
        index = store.ops if field.inverse else store.spo
        return list(index.get(subject, _NO_LINKS).get(field.path, ()))
    if field.inverse:
        return list(graph.subjects(field.path, subject))
    return list(graph.objects(subject, field.path))


def read_node(graph: Graph, iri: str, cls: type[N], result: ReadResult | None = None) -> N:
    """Read the object ``iri`` of class ``cls`` (and what is nested in it) from ``graph``.

    A nested field takes the values of its path that are typed with its class; others (a
    council under ``org:hasUnit``, where a municipality has only departments) stay unconsumed
    and are reported as unmapped. The triples used are added to ``result.consumed``; without a
    ``result`` they are not recorded (the object read is the same either way).

    :raises MappingError: when a value cannot be converted (a literal where an IRI belongs ...).
    """
    subject = URIRef(iri)
    spec: ClassSpec = cls.SPEC
    if result is not None:
        for rdf_type in spec.all_types:
            if (subject, _TYPE, rdf_type) in graph:
                result.consumed.add((subject, _TYPE, rdf_type))
    kwargs: dict[str, Any] = {"id": iri}
    for field in spec.fields:
        terms = _linked(graph, subject, field)
        if not terms:  # most fields of most objects: the value of no values, made directly
            if field.kind in _TEXT_KINDS:
                kwargs[field.key] = {}
            elif field.many:
                kwargs[field.key] = []
            continue
        if field.kind is ValueKind.NESTED:
            target = CLASSES[field.target or ""]
            # An object is an IRI: a literal others' data gives where an object belongs (which a
            # rule of muniorg.rdf.others may have typed) stays unconsumed and is reported.
            terms = [
                t
                for t in terms
                if isinstance(t, URIRef) and (t, _TYPE, target.SPEC.rdf_type) in graph
            ]
        values: list[Any] = []
        lang_map: dict[str, Any] = {}
        for term in terms:
            if field.kind in _TEXT_KINDS:
                if not isinstance(term, Literal) or not term.language:
                    continue  # left unconsumed: reported as unmapped
                if field.kind is ValueKind.LANG_MAP:
                    if term.language in lang_map:
                        continue  # a second text in one language: unmapped, reported
                    lang_map[term.language] = str(term)
                else:
                    lang_map.setdefault(term.language, []).append(str(term))
            elif field.kind is ValueKind.NESTED:
                assert isinstance(term, URIRef)
                values.append(read_node(graph, str(term), CLASSES[field.target or ""], result))
            else:
                try:
                    values.append(KINDS[field.kind].from_term(field, term))
                except ValueError as exc:
                    raise MappingError(f"<{iri}> {field.key}: {exc}") from None
            if result is not None:
                triple = (
                    (term, field.path, subject) if field.inverse else (subject, field.path, term)
                )
                result.consumed.add(triple)
        if field.kind in _TEXT_KINDS:
            if field.kind is ValueKind.LANG_LIST_MAP:
                lang_map = {k: sorted(v, key=natural_key) for k, v in lang_map.items()}
            kwargs[field.key] = dict(sorted(lang_map.items()))
        elif field.many:
            kwargs[field.key] = sort_values(field, values)
        elif values:
            if len(values) > 1:
                # Keep the first in canonical order; the others stay unconsumed and are reported.
                values = sort_values(field, values)
                for extra in values[1:]:
                    if result is not None:
                        _unconsume(result, subject, field, extra)
            kwargs[field.key] = values[0]
    if result is not None and (named := name_field(spec)) is not None:  # the name's copies
        for term in _linked(graph, subject, named):
            for _, alias in NAME_ALIASES:
                if (subject, alias, term) in graph:
                    result.consumed.add((subject, alias, term))
    try:
        return cls(**kwargs)
    except ModelError as error:  # a value of the graph the model cannot hold ("NaN"^^xsd:decimal)
        raise MappingError(f"<{iri}> {error.message}") from None


def _unconsume(result: ReadResult, subject: URIRef, field: Field, value: Any) -> None:
    term = KINDS[field.kind].to_term(field, value)
    triple = (term, field.path, subject) if field.inverse else (subject, field.path, term)
    result.consumed.discard(triple)


def from_graph(graph: Graph, iri: str, cls: type[N]) -> N:
    """Read one object from ``graph``; see :func:`read_node` (unmapped triples are ignored).

    >>> from muniorg.model.classes import Municipality
    >>> g = to_graph(Municipality(id="https://ex.org/m", name={"da": "M"}))
    >>> from_graph(g, "https://ex.org/m", Municipality).name
    {'da': 'M'}

    An IRI the graph says nothing of is an error (an object with no values would look like one
    the graph describes, without any):

    >>> from_graph(g, "https://ex.org/n", Municipality)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    muniorg.core.errors.MappingError: the graph says nothing of <https://ex.org/n>: ... the Municipality <https://ex.org/m>

    An object the graph types as another class is an error too (a municipality read as a
    council would give a council without a word); an object without a type is read as asked.

    ``iri`` may be a ``URIRef``, as rdflib gives subjects; the object's ``id`` is its text.

    :raises MappingError: when no triple of ``graph`` has ``iri`` as subject, the graph types it
        but not as ``cls``, or a value cannot be converted.
    :raises UsageError: when ``graph`` is no rdflib ``Graph``, ``iri`` no text or ``cls`` no
        model class.
    """
    instance_argument(graph, Graph, "from_graph(graph)", "an rdflib Graph")
    if not (isinstance(cls, type) and issubclass(cls, Node)):
        raise UsageError(
            f"from_graph(cls): expected a model class, such as Municipality, {got(cls)}"
        )
    # a URIRef (as rdflib's subjects() gives) is read as its text, the model's id
    iri = str(instance_argument(iri, str, "from_graph(iri)", "an IRI as a str"))
    if next(iter(graph.predicate_objects(URIRef(iri))), None) is None:
        raise MappingError(
            f"the graph says nothing of <{iri}>: no triple has it as subject; {_described(graph, cls)}"
        )
    types = set(graph.objects(URIRef(iri), RDF.type))
    if types and cls.SPEC.rdf_type not in types:  # untyped: read as asked
        given = ", ".join(f"<{t}>" for t in sorted(map(str, types)))
        raise MappingError(
            f"<{iri}> is not a {cls.__name__} (<{cls.SPEC.rdf_type}>): the graph types it "
            f"{given}; {_described(graph, cls)}"
        )
    return read_node(graph, iri, cls)


#: How many of the objects a graph describes :func:`from_graph`'s error names.
_SHOWN_SUBJECTS = 3


def _described(graph: Graph, cls: type[Node]) -> str:
    """``"it describes the Municipality <a>, <b> and 2 more"``: what :func:`from_graph` could
    have been asked for instead (the objects of ``cls``, else any subjects)."""
    typed = {s for s in graph.subjects(RDF.type, cls.SPEC.rdf_type) if isinstance(s, URIRef)}
    subjects = typed or {s for s in graph.subjects() if isinstance(s, URIRef)}
    if not subjects:
        return "it describes nothing"
    listed = first_of([f"<{s}>" for s in sorted(map(str, subjects))], _SHOWN_SUBJECTS)
    what = f"the {cls.__name__}" if typed else f"no {cls.__name__}, but"
    return f"it describes {what} {listed}"


# --- reading back what was just written -------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _FieldCheck:
    """What :func:`read_back` checks of one field (worked out once per class)."""

    field: Field
    #: the values are checked one by one (``_exact``) or are nested objects of this class
    target: type[Node] | None
    #: a list whose order the reading gives (sorted by ``key``); None: kept as authored
    key: Callable[[Any], Any] | None
    #: another object's triple may share the field's (subject, predicate): the values must
    #: be distinct for the count of the graph's terms to prove them the same
    shared: bool


def _class_checks(cls: type[Node]) -> tuple[_FieldCheck, ...] | None:
    """The checks of the fields of ``cls``, or None for a class whose reading the test cannot
    prove (two fields on one path, a field on a path that other triples use: none today)."""
    known = _CHECKS.get(cls, False)
    if known is not False:
        return known  # type: ignore[return-value]
    checks: tuple[_FieldCheck, ...] | None = None
    forward = {f.path for c in CLASSES.values() for f in c.SPEC.fields if not f.inverse}
    inverse = {f.path for c in CLASSES.values() for f in c.SPEC.fields if f.inverse}
    written = forward | {_TYPE} | {path for _, path in NAME_ALIASES}
    fields = cls.SPEC.fields
    slots = {(f.inverse, f.path) for f in fields}
    keys = {f.name for f in dataclasses.fields(cls)}
    if (
        len(slots) == len(fields)
        and keys == {"id", *(f.key for f in fields)}
        and not any(
            (f.path in written if f.inverse else f.path in {_TYPE, *(p for _, p in NAME_ALIASES)})
            for f in fields
        )
    ):
        checks = tuple(
            _FieldCheck(
                field=f,
                target=CLASSES[f.target or ""] if f.kind is ValueKind.NESTED else None,
                key=None if (cls.SPEC.key, f.key) in AUTHORED_ORDER else sort_key(f),
                shared=not f.inverse and f.path in inverse,
            )
            for f in fields
        )
    _CHECKS[cls] = checks
    return checks


_CHECKS: dict[type[Node], tuple[_FieldCheck, ...] | None] = {}
#: Kinds whose values read back as they are written, whatever they are (of their model type):
#: the text of a literal or an IRI.
_SAME_TEXT = frozenset({ValueKind.STRING, ValueKind.URI, ValueKind.IRI, ValueKind.REFERENCE})


def _exact(field: Field, value: Any) -> bool:
    """Whether reading ``value``'s term of ``field`` gives ``value`` back: the same type, the
    same value and the same text (a decimal's digits, a time's zone)."""
    kind = field.kind
    if kind in _SAME_TEXT:
        return type(value) is str
    if kind is ValueKind.CODE:
        # A code given as an IRI of the field's own code list reads back as the short code.
        namespace = field.code_namespace
        return type(value) is str and not (namespace and value.startswith(namespace))
    spec = KINDS[kind]
    try:
        back = spec.from_term(field, spec.to_term(field, value))
    except ValueError:
        return False
    return type(back) is type(value) and back == value and str(back) == str(value)


def _increasing(values: list[Any], key: Callable[[Any], Any]) -> bool:
    """Whether ``values`` are in the order of ``key``, no two with the same key (the reading's
    sort would then keep the graph's order)."""
    keys = [key(v) for v in values]
    return all(a < b for a, b in itertools.pairwise(keys))


def read_back(graph: Graph, root: N) -> N | None:
    """What reading ``root`` back from ``graph``, which holds exactly the triples of
    :func:`to_graph` of ``root``, gives: ``in_order_of(from_graph(graph, root.id, type(root)),
    root)``, worked out from ``root`` and proven on ``graph`` without reading it (``root``
    itself when nothing changes). ``None`` when it cannot be proven that way (read it then):
    an IRI of a code list (it reads back as its code), an unsorted list, one object given in
    two places with different values of a field that holds one ...

    Reading merges an object given in two places (a home page that is a source too): each
    place gets every value of both. So the result is ``root`` with each object of an id given
    more than once replaced by the merge of its places (:func:`_merged`). It is then proven
    against the graph, object by object (:func:`_node_reads_back`): the reading takes for a
    field the terms of the object's (subject, predicate) slot, which holds the terms of the
    values of the object's places and, only where another object's inverse link uses the same
    predicate, that object's. As a field's values are distinct and make distinct terms that
    read back as those values, a slot with as many terms as the merged field has values holds
    exactly its terms. An inverse link's slot holds the triples of the children of the
    object's id (no field of any class writes its path forward), the merged children. Lists
    must be in the order the reading sorts them in, without ties; those kept as authored in
    the order :func:`muniorg.model.walk.in_order_of` gives.

    >>> from muniorg.model.classes import Municipality, Document
    >>> from muniorg.model.walk import in_order_of
    >>> home = "https://ex.org/m/home"
    >>> m = Municipality(id="https://ex.org/m", homepage=Document(id=home),
    ...                  documents=[Document(id=home, title={"da": "Hjem"})])
    >>> read_back(to_graph(m), m).homepage.title
    {'da': 'Hjem'}
    >>> read_back(to_graph(m), m) == in_order_of(from_graph(to_graph(m), m.id, Municipality), m)
    True
    """
    if not isinstance(graph, FastGraph):
        return None
    places: dict[str, list[Node]] = {}  # each id's objects, once each, in the walk's order
    last: dict[str, Node] = {}  # each id's object met last (whose lists in_order_of follows)
    seen: set[int] = set()
    for node in walk(root):
        if node.id is None:
            return None
        last[node.id] = node
        if id(node) not in seen:
            seen.add(id(node))
            places.setdefault(node.id, []).append(node)
    built: dict[str, Node | None] = {}
    try:
        result = _built(root.id or "", places, last, built)
    except MuniorgError:  # a merged value the model refuses: reading decides
        return None
    if result is None:
        return None
    spo = graph.triple_store.spo
    for iri, made in built.items():
        assert made is not None
        checks = _class_checks(type(made))
        if checks is None or not _node_reads_back(made, checks, spo.get(URIRef(iri), _NO_LINKS)):
            return None
    return result  # type: ignore[return-value]


_BUILDING = None  # in built: the object is being built (a cycle of ids: reading decides)


def _built(
    iri: str, places: dict[str, list[Node]], last: dict[str, Node], built: dict[str, Node | None]
) -> Node | None:
    """The object the reading gives for ``iri``: its one place, or the merge of its places
    (``last``: the one met last), with its nested objects those the reading gives for theirs
    (``built`` keeps them)."""
    if iri in built:
        return built[iri]
    built[iri] = _BUILDING
    objects = places[iri]
    node = objects[0] if len(objects) == 1 else _merged(objects, last[iri])
    if node is None:
        return None
    changes: dict[str, Any] = {}
    for field in nested_fields(type(node)):
        value = node.__dict__[field.key]
        if field.many:
            items = [_built(child.id or "", places, last, built) for child in value]
            if any(item is None for item in items):
                return None
            if any(a is not b for a, b in zip(items, value, strict=True)):
                changes[field.key] = items
        elif value is not None:
            item = _built(value.id or "", places, last, built)
            if item is None:
                return None
            if item is not value:
                changes[field.key] = item
    node = with_values(node, changes) if changes else node
    built[iri] = node
    return node


def _merged(objects: list[Node], last: Node) -> Node | None:
    """One object with the values of all ``objects`` (one id's places, in the walk's order), as
    the reading gives them, the lists kept as authored in the order of ``last`` (the place
    :func:`muniorg.model.walk.in_order_of` follows: the one met last); ``None`` where it cannot
    tell (two values of a field that holds one, two texts in one language, objects of different
    classes)."""
    first = objects[0]
    cls = type(first)
    if any(type(other) is not cls for other in objects):
        return None
    changes: dict[str, Any] = {}
    for field in cls.SPEC.fields:
        values = [o.__dict__[field.key] for o in objects]
        if field.kind is ValueKind.LANG_MAP:
            texts: dict[str, str] = {}
            for value in values:
                for language, text in value.items():
                    if texts.setdefault(language, text) != text:
                        return None
            merged: Any = dict(sorted(texts.items()))
        elif field.kind is ValueKind.LANG_LIST_MAP:
            lists: dict[str, dict[str, None]] = {}
            for value in values:
                for language, several in value.items():
                    lists.setdefault(language, {}).update(dict.fromkeys(several))
            merged = {k: sorted(v, key=natural_key) for k, v in sorted(lists.items())}
        elif field.many and field.kind is ValueKind.NESTED:
            children: dict[str, Node] = {}
            for value in values:
                for child in value:
                    children.setdefault(child.id or "", child)
            merged = sort_values(field, list(children.values()))
            if (cls.SPEC.key, field.key) in AUTHORED_ORDER:
                if not _increasing(merged, sort_key(field)):
                    return None  # the reading's order of ties would be the graph's
                # in_order_of: the order of the last place, the others after it
                place = {c.id: n for n, c in enumerate(last.__dict__[field.key])}
                merged.sort(key=lambda child: place.get(child.id, len(place)))
        elif field.many:
            merged = sort_values(field, list(dict.fromkeys(v for value in values for v in value)))
        else:
            given = {v.id if isinstance(v, Node) else v for v in values if v is not None}
            if len(given) > 1:
                return None
            merged = next((v for v in values if v is not None), None)
        changes[field.key] = merged
    return with_values(first, changes)


def _node_reads_back(
    node: Node, checks: tuple[_FieldCheck, ...], by_p: dict[RdfNode, dict[RdfNode, None]]
) -> bool:
    """:func:`read_back`'s proof for the fields of one object, whose subject's slots are
    ``by_p``."""
    values = node.__dict__
    for check in checks:
        field = check.field
        value = values[field.key]
        kind = field.kind
        target = check.target
        if kind in _TEXT_KINDS:
            if type(value) is not dict:
                return False
            count = len(value)
            if count:
                # Languages are compared without case: only lower-case tags make one term each.
                if list(value) != sorted(value) or not all(k and k == k.lower() for k in value):
                    return False
                if kind is ValueKind.LANG_MAP:
                    if not all(type(text) is str for text in value.values()):
                        return False
                else:
                    count = 0
                    for texts in value.values():
                        if type(texts) is not list or not texts:
                            return False
                        if not all(type(text) is str for text in texts):
                            return False
                        if not _increasing(texts, natural_key):
                            return False
                        count += len(texts)
        elif field.many:
            if type(value) is not list:
                return False
            count = len(value)
            for item in value:
                if not (type(item) is target if target else _exact(field, item)):
                    return False
            if count > 1:
                if check.key is not None:
                    if not _increasing(value, check.key):  # no ties: distinct values
                        return False
                elif len({item.id for item in value}) != count:  # as authored: objects
                    return False
                if check.shared and not target and len(set(value)) != count:
                    return False
        elif value is None:
            count = 0
        else:
            count = 1
            if not (type(value) is target if target else _exact(field, value)):
                return False
        if field.inverse:
            # The slot holds the triples of the children of this id's places only (no field
            # of any class writes its path forward): the merged children.
            if target is None or (count > 1 and len({item.id for item in value}) != count):
                return False
        elif len(by_p.get(field.path, ())) != count:
            return False
    return True
