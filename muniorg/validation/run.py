"""Validate muniorg data against the bundled SHACL shapes.

Validation runs muniorg's own SHACL engine (:mod:`muniorg.validation.engine`) by default, or pySHACL,
the reference it is tested against (``engine="pyshacl"``, ``--engine pyshacl``).

Each municipality (each authoring file) is validated on its own: a unit of work that is small,
independent and can run in parallel. Results come back as :class:`~muniorg.validation.results.ValidationResult`
objects; for data loaded from authoring files, each result carries the ``file:line:column`` of
the key (or object) it is about.

Example:
    >>> import pathlib, tempfile
    >>> from muniorg.authoring.load import load_paths
    >>> from muniorg.validation.run import validate_documents
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.yaml").write_text(
    ...     "type: Municipality\\nid: x\\nname: {da: X}\\ncountry: DNK\\n", encoding="utf-8")
    >>> report = validate_documents(load_paths([folder]).documents)
    >>> report.conforms, sorted({r.severity.label for r in report.results})
    (True, ['info', 'warning'])
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, SKOS
from rdflib.term import Node

from muniorg.core.arguments import got, instance_argument
from muniorg.core.errors import UsageError
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import MUNIORG_VOCAB, new_graph
from muniorg.core.pool import map_documents
from muniorg.core.resources import SHAPES_FILE, SPARQL_SHAPES_FILE, VOCABULARIES_FILE
from muniorg.core.triplestore import FastGraph
from muniorg.formats.rdf import read_bundled
from muniorg.model.classes import CLASSES
from muniorg.model.node import Node as ModelNode
from muniorg.rdf.document import SourceDocument
from muniorg.validation.engine import CompiledShapes, RawResult, compile_shapes, pyshacl_results
from muniorg.validation.registries import registry_results
from muniorg.validation.results import Severity, ValidationReport, ValidationResult

#: The validation engines: muniorg's own (the default) and pySHACL, the reference.
ENGINES = ("muniorg", "pyshacl")


def engine_name(engine: str | None) -> str:
    """``engine``, or muniorg's own when none is named; an error for an unknown name.

    >>> engine_name(None), engine_name("pyshacl")
    ('muniorg', 'pyshacl')
    """
    engine = engine or ENGINES[0]
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}: use one of {', '.join(ENGINES)}")
    return engine


@cache
def shapes_graph() -> Graph:
    """The shapes muniorg validates with: ``shapes.ttl`` and ``shapes-sparql.ttl`` (parsed
    once per process). The codes of the controlled lists are checked by the generated ``sh:in``
    shapes at the end of ``shapes.ttl``; no list needs to be loaded beside the data."""
    graph = read_bundled(SHAPES_FILE)
    graph += read_bundled(SPARQL_SHAPES_FILE)
    return graph


@cache
def compiled_shapes() -> CompiledShapes:
    """The shapes compiled for muniorg's engine (once per process), holding the model's own
    predicate and class objects, which muniorg's graphs are made of (see
    :func:`~muniorg.validation.engine.compile_shapes`)."""
    return compile_shapes(shapes_graph(), model_terms())


def model_terms() -> list[URIRef]:
    """The predicates and classes of the model's classes, as the model holds them.

    >>> from muniorg.core.namespaces import MUNIORG
    >>> MUNIORG.Municipality in model_terms()
    True
    """
    terms: list[URIRef] = []
    for cls in CLASSES.values():
        terms.extend(cls.SPEC.all_types)
        terms.extend(f.path for f in cls.SPEC.fields)
    return terms


def engine_results(data: Graph, engine: str | None = None) -> list[RawResult]:
    """The raw results of ``engine`` (default: muniorg's) on ``data``.

    >>> from muniorg.rdf.graph import to_graph
    >>> from muniorg.model.classes import Municipality
    >>> graph = to_graph(Municipality(id="https://ex.org/m", name={"da": "M"}))
    >>> sorted(engine_results(graph)) == sorted(engine_results(graph, "pyshacl"))
    True
    """
    if engine_name(engine) == "pyshacl":
        from muniorg.validation import sparqlcache  # rdflib's SPARQL engine: only for pySHACL

        sparqlcache.install()  # pySHACL re-parses each SPARQL constraint per focus node
        return pyshacl_results(data, shapes_graph())
    return compiled_shapes().validate(data)


@cache
def known_codes() -> dict[str, frozenset[str]]:
    """The codes of each list of ``shapes.ttl``'s generated ``sh:in`` shapes, keyed by the list's
    namespace (scheme + "/"): for the "did you mean" of an unknown code."""
    codes: dict[str, set[str]] = {}
    shapes = shapes_graph()
    for members in shapes.objects(None, SH["in"]):
        for member in Collection(shapes, members):
            namespace, _, code = str(member).rpartition("/")
            if str(member).startswith(str(MUNIORG_VOCAB)):
                codes.setdefault(namespace + "/", set()).add(code)
    return {namespace: frozenset(c) for namespace, c in codes.items()}


@cache
def code_definitions() -> dict[str, str]:
    """The English definition of each code of muniorg's lists (``ontology/vocabularies.ttl``),
    keyed by the code's IRI: read only when a message about an unknown code needs them."""
    vocabularies = read_bundled(VOCABULARIES_FILE)
    found: dict[str, str] = {}
    for concept, text in vocabularies.subject_objects(SKOS.definition):
        if isinstance(text, Literal) and text.language == "en":
            found[str(concept)] = str(text).rstrip(".")
    return found


def _similar(code: str, codes: frozenset[str]) -> list[str]:
    """Codes that hold every word of ``code`` (``chair`` -> ``committee-chair``, ``body-chair``
    ...), else the closest by spelling.

    >>> _similar("chair", frozenset({"committee-chair", "body-chair", "mayor"}))
    ['body-chair', 'committee-chair']
    """
    words = set(code.lower().replace("_", "-").split("-"))
    holding = sorted(c for c in codes if words <= set(c.split("-")))
    if holding:
        return holding
    import difflib  # only for a code no known code holds the words of

    return difflib.get_close_matches(code, sorted(codes), n=3, cutoff=0.6)


def _fits(code: str, holder: str | None, codes: frozenset[str]) -> bool:
    """Whether a role code is for objects of the class ``holder``: the codes of a chair and a
    member start with the kind of body they are for (``council-``, ``committee-``, and
    ``body-`` for the other bodies, such as a co-determination body); the other codes are for
    the municipality and its administration (programme roles for programmes only).

    >>> codes = frozenset({"committee-chair", "body-chair", "council-chair", "mayor"})
    >>> [_fits(c, "Committee", codes) for c in ("committee-chair", "body-chair", "mayor")]
    [True, False, False]
    >>> [_fits(c, "Municipality", codes) for c in ("body-chair", "mayor")]
    [False, True]
    """
    if holder is None:
        return False
    prefixes = {
        c.split("-", 1)[0] for c in codes if c.count("-") and c.endswith(("-chair", "-member"))
    }
    prefix = code.split("-", 1)[0]
    name = holder.lower()
    if prefix in prefixes:
        return prefix in name
    return not any(p in name for p in prefixes) and "programme" not in name


def _code_message(value: str, holder: str | None = None) -> str | None:
    """ "Unknown code 'x' in list 'y' ..." for a value outside its list: the codes it may have
    meant, each with what it is for, and the one that fits the object it is in (``holder``, the
    class of the object the value's object belongs to, such as the Committee of a post)."""
    namespace, _, code = value.rpartition("/")
    namespace += "/"
    lists = known_codes()
    if namespace not in lists or code in lists[namespace]:
        return None
    codes = lists[namespace]
    name = namespace[len(str(MUNIORG_VOCAB)) :].strip("/")
    message = f"Unknown code {code!r} in list {name!r}."
    definitions = code_definitions()

    def explained(c: str) -> str:
        definition = definitions.get(namespace + c)
        return f"{c!r} ({definition[0].lower()}{definition[1:]})" if definition else repr(c)

    # 'Mayor', 'FI-Y-TUNNUS', 'head_of_department': the code itself, written otherwise; it was
    # offered among look-alikes ('deputy-mayor' or 'mayor')
    spelt = code.lower().replace("_", "-").replace(" ", "-")
    if spelt in codes:
        return message + f" Codes are written in lower case with hyphens: {explained(spelt)}."
    similar = _similar(code, codes)
    if not similar:
        return message + f" Its codes: {', '.join(sorted(codes))}."

    fitting = [c for c in similar if name == "role" and _fits(c, holder, codes)]
    if len(fitting) == 1:
        others = [c for c in similar if c not in fitting]
        message += f" In a {holder}, use {explained(fitting[0])}."
        if others:
            message += (
                " The other roles like it are for other bodies: "
                + ", ".join(map(explained, others))
                + "."
            )
        return message
    return message + " Did you mean " + " or ".join(map(explained, similar)) + "?"


def _holder(data: Graph, focus: Node) -> str | None:
    """The model class of the object ``focus`` is nested in (the Committee of a post, the
    organisation of a membership)."""
    names = _class_names()
    parents = [*data.subjects(None, focus)]
    parents += [parent for path in _inverse_paths() for parent in data.objects(focus, path)]
    for parent in parents:
        for rdf_type in data.objects(parent, RDF.type):
            if str(rdf_type) in names:
                return names[str(rdf_type)]
    return None


@cache
def _inverse_paths() -> tuple[URIRef, ...]:
    """The paths from a nested object to the object it is nested in, where the model nests by
    an inverse path (``org:organization`` of a membership, ``muniorg:programme`` of a
    programme's participation)."""
    paths = {f.path for cls in CLASSES.values() for f in cls.SPEC.fields if f.inverse}
    return tuple(sorted(paths))


@cache
def _class_names() -> dict[str, str]:
    """The model's class name of each class IRI (``muniorg:Committee`` -> ``Committee``)."""
    return {str(cls.SPEC.rdf_type): name for name, cls in CLASSES.items()}


def _class_message(shape: Node, value: str) -> str | None:
    """ "StrategicGoal.committee: https://.../dep is not a Committee ..." for a value of the
    wrong class: the shape's own message speaks of all its constraints at once (at most one
    value, a reference to ...), which misleads when only the class is wrong."""
    expected = shapes_graph().value(shape, SH["class"])
    if expected is None:
        return None
    name = _class_names().get(str(expected), str(expected))
    field = str(shape).rpartition("#")[2].replace("-", ".", 1)
    article = "an" if name[:1] in "AEIOU" else "a"
    return (
        f"{field}: {value} is not {article} {name}; "
        f"give the id of {article} {name} described in the same data."
    )


def _locate(
    document: SourceDocument | None, focus: str, path: str | None, inverse: bool
) -> SourceLocation | None:
    if document is None:
        return None
    for key in _keys_by_path().get((path, inverse), ()) if path is not None else ():
        location = document.locations.get((focus, key))
        if location:
            return location
    return document.locate(focus) or SourceLocation(str(document.path))


@cache
def _keys_by_path() -> dict[tuple[str, bool], tuple[str, ...]]:
    keys: dict[tuple[str, bool], set[str]] = {}
    for cls in CLASSES.values():
        for field in cls.SPEC.fields:
            keys.setdefault((str(field.path), field.inverse), set()).add(field.key)
    return {path: tuple(sorted(k)) for path, k in keys.items()}


def validate_graph(
    data: Graph,
    document: SourceDocument | None = None,
    context: Graph | None = None,
    engine: str | None = None,
) -> ValidationReport:
    """Run the shapes on ``data``; map results to ``document``'s source positions if given.

    >>> from muniorg.rdf.graph import to_graph
    >>> from muniorg.model.classes import Municipality
    >>> report = validate_graph(to_graph(Municipality(id="https://ex.org/m", name={"da": "M"})))
    >>> report.conforms, [r.path for r in report.results if r.severity is Severity.VIOLATION]
    (False, ['https://w3id.org/muniorg#country'])

    ``context`` holds the ``rdf:type`` triples of objects described elsewhere in the same build,
    so that a reference to them (``source: stord/page``) can be checked for its class. Results
    about those outside objects are left to the validation of their own document.
    """
    instance_argument(data, Graph, "validate_graph(data)", "an rdflib Graph")
    # The objects described only by context (their types): results about them belong to their
    # own document. Everything else is reported here, a literal or an IRI that data holds only
    # as an object included (`dct:conformsTo "not an IRI"`, reached by sh:targetObjectsOf).
    # Looked up in the graphs' indexes (no set made of them): a unit has few results.
    own: Container[object] = ()
    described: Container[object] = ()
    if context is not None:
        own = data.triple_store.spo if isinstance(data, FastGraph) else set(data.subjects())
        described = (
            context.triple_store.spo if isinstance(context, FastGraph) else set(context.subjects())
        )
        if _adds_to(data, context):
            data = data + (context - data)  # a copy: the caller's graph stays as it was
    results = [
        _result(raw, document, data)
        for raw in engine_results(data, engine)
        if raw.focus in own or raw.focus not in described
    ]
    inputs = (str(document.path),) if document is not None else ()
    return ValidationReport(results=tuple(_dedupe(results)), inputs=inputs)


def _adds_to(data: Graph, context: Graph) -> bool:
    """Whether ``context`` has a triple ``data`` does not: ``any(t not in data for t in
    context)``, through the indexes when both are FastGraphs.

    >>> from rdflib import URIRef
    >>> a, b = new_graph(), new_graph()
    >>> triple = (URIRef("https://ex.org/a"), RDF.type, URIRef("https://ex.org/C"))
    >>> _ = a.add(triple)
    >>> _adds_to(b, a), _adds_to(a, a), _adds_to(a, b)
    (True, False, False)
    """
    if not isinstance(data, FastGraph) or not isinstance(context, FastGraph):
        return any(t not in data for t in context)
    spo = data.triple_store.spo
    for subject, by_predicate in context.triple_store.spo.items():
        have = spo.get(subject)
        if have is None:
            return True  # the store keeps no subject without triples
        for predicate, objects in by_predicate.items():
            known = have.get(predicate)
            if known is None or any(o not in known for o in objects):
                return True
    return False


def _result(
    raw: RawResult, document: SourceDocument | None, data: Graph | None = None
) -> ValidationResult:
    """The :class:`ValidationResult` of a raw result of either engine, located in ``document``;
    ``data`` is the graph validated (for the object a wrong code is in)."""
    inverse = raw.path is not None and raw.path[0] == "^"
    path = str(raw.path[1]) if raw.path is not None and raw.path[0] in ("p", "^") else None
    value = str(raw.value) if raw.value is not None else None
    message = raw.message
    if raw.component == SH.InConstraintComponent and value is not None:
        holder = _holder(data, raw.focus) if data is not None else None
        message = _code_message(value, holder) or message
    if raw.component == SH.ClassConstraintComponent and value is not None:
        message = _class_message(raw.shape, value) or message
    return ValidationResult(
        severity=Severity.from_iri(str(raw.severity)),
        message=message if message is not None else "constraint not met",
        focus_node=str(raw.focus),
        path=("^" if inverse else "") + path if path is not None else None,
        value=value,
        shape=str(raw.shape) if isinstance(raw.shape, URIRef) else None,
        constraint=str(raw.component),
        location=_locate(document, str(raw.focus), path, inverse),
    )


def type_index(graphs: Iterable[Graph]) -> dict[Node, tuple[Node, ...]]:
    """Every typed node of ``graphs`` with its classes, sorted by text."""
    types: dict[Node, set[Node]] = {}
    for graph in graphs:
        for node, cls in graph.subject_objects(RDF.type):
            types.setdefault(node, set()).add(cls)
    return {node: tuple(sorted(classes, key=str)) for node, classes in types.items()}


def document_context(graph: Graph, index: dict[Node, tuple[Node, ...]]) -> Graph:
    """The ``rdf:type`` triples, from ``index``, of the nodes ``graph`` mentions.

    Only those: with the types of *every* object of a build, every object became a focus node of
    every document's validation, and a build's cost grew with the square of its size (measured:
    1.7 s for a document alone, 111 s beside 40 others). A shape reaches only the nodes a document
    mentions, so the report is the same.
    """
    context = new_graph()
    for node in set(graph.subjects()) | set(graph.objects()):
        for cls in index.get(node, ()):
            context.add((node, RDF.type, cls))
    return context


def document_contexts(graphs: Sequence[Graph]) -> list[Graph]:
    """One validation context per graph: the types of the outside objects it refers to."""
    index = type_index(graphs)
    return [document_context(graph, index) for graph in graphs]


def _dedupe(results: list[ValidationResult]) -> list[ValidationResult]:
    """One result per (severity, focus, path, value, constraint): a node typed with two classes
    (a muniorg:Value is also a skos:Concept) is otherwise reported once per class shape."""
    seen: dict[tuple[object, ...], ValidationResult] = {}
    for result in sorted(results, key=lambda r: (r.shape or "", r.message)):
        key = (result.severity, result.focus_node, result.path, result.value, result.constraint)
        seen.setdefault(key, result)
    return list(seen.values())


def validate_documents(
    documents: Sequence[SourceDocument],
    engine: str | None = None,
    *,
    jobs: int = 1,
    graphs: Sequence[Graph] | None = None,
    progress: Callable[[int, int, SourceDocument], None] | None = None,
    chunk_size: int | None = None,
) -> ValidationReport:
    """Validate each loaded authoring document on its own (in the context of the types of the
    outside objects it refers to, see :func:`document_contexts`) and merge the reports.

    The documents are validated on ``jobs`` processes (:func:`muniorg.core.pool.map_documents`);
    the report is the same for any ``jobs``. ``graphs`` are the documents' graphs when the caller
    has them already (a build does); ``progress`` is called with (number done, number in all,
    document) as each document's report comes in, in document order. ``engine`` names the
    validation engine (see :func:`validate_graph`).

    >>> from pathlib import Path
    >>> from muniorg.authoring.load import load_paths
    >>> documents = load_paths([Path("examples")]).documents
    >>> validate_documents(documents).counts()[Severity.WARNING]
    0
    >>> validate_documents(documents, jobs=2) == validate_documents(documents)
    True
    """
    if isinstance(documents, (str, bytes)) or not isinstance(documents, Sequence):
        raise UsageError(
            "validate_documents(documents): expected a list of loaded documents "
            f"(load_paths(...).documents), {got(documents)}"
        )
    for document in documents:
        if not isinstance(document, SourceDocument):
            hint = " (validate a model object with validate_graph(to_graph(...)))"
            raise UsageError(
                "validate_documents(documents): expected loaded documents "
                f"(load_paths(...).documents), {got(document)}"
                + (hint if isinstance(document, ModelNode) else "")
            )
    graphs = list(graphs) if graphs is not None else [d.graph() for d in documents]
    engines = [engine_name(engine)] * len(graphs)
    units = list(zip(documents, graphs, document_contexts(graphs), engines, strict=True))

    def report_progress(index: int, _: ValidationReport) -> None:
        if progress is not None:
            progress(index + 1, len(units), documents[index])

    reports = map_documents(
        _validate_unit,
        units,
        jobs,
        chunk_size=chunk_size,
        on_result=report_progress,
        prepare=compiled_shapes if engines and engines[0] == "muniorg" else shapes_graph,
    )
    return ValidationReport.merge(reports)


def _validate_unit(unit: tuple[SourceDocument, Graph, Graph, str]) -> ValidationReport:
    """Validate one (document, its graph, its context, engine): the unit of work of
    :func:`validate_documents` (module level, so a process pool can run it)."""
    document, graph, context, engine = unit
    report = validate_graph(graph, document, context, engine)
    extra = registry_results(document)
    if not extra:
        return report
    return ValidationReport(results=(*report.results, *extra), inputs=report.inputs)
