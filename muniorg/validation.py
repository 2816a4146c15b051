"""Validate muniorg data against the bundled SHACL shapes with pySHACL.

Each municipality (each authoring file) is validated on its own: a unit of work that is small,
independent and can run in parallel. Results come back as :class:`~muniorg.results.ValidationResult`
objects; for data loaded from authoring files, each result carries the ``file:line:column`` of
the key (or object) it is about.

Example:
    >>> import pathlib, tempfile
    >>> from muniorg.authoring import load_paths
    >>> from muniorg.validation import validate_documents
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.yaml").write_text(
    ...     "type: Municipality\\nid: x\\nname: {da: X}\\ncountry: DNK\\n", encoding="utf-8")
    >>> report = validate_documents(load_paths([folder]).documents)
    >>> report.conforms, sorted({r.severity.label for r in report.results})
    (True, ['info', 'warning'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH, SKOS
from rdflib.term import Node

from muniorg import sparqlcache
from muniorg.authoring import SourceDocument, load_paths
from muniorg.errors import did_you_mean
from muniorg.model import CLASSES
from muniorg.namespaces import MUNIORG_SHAPES, MUNIORG_VOCAB
from muniorg.rdfio import RdfFormat, read_graph
from muniorg.results import Severity, SourceLocation, ValidationReport, ValidationResult
from muniorg.schema import SHAPES_FILE, VOCABULARIES_FILE


@cache
def shapes_graph() -> Graph:
    """The bundled SHACL shapes (parsed once per process)."""
    return Graph().parse(SHAPES_FILE, format="turtle")


@cache
def run_shapes() -> Graph:
    """The shapes muniorg runs pySHACL with: all but the KnownCode rule.

    KnownCode checks codes against lists loaded into the data graph; muniorg never loads them
    there (see :func:`_code_results`, which checks the same codes in one query), so in its own
    runs the rule could only cost time: about 70 % of each validation, measured. ``shapes.ttl``
    keeps it for anyone who validates data together with the lists.
    """
    shapes = Graph()
    shapes += shapes_graph()
    shapes.remove((MUNIORG_SHAPES.KnownCode, None, None))
    return shapes


@cache
def vocabularies_graph() -> Graph:
    """The bundled controlled lists, loaded beside the data so that codes can be checked."""
    graph = Graph()
    if VOCABULARIES_FILE.exists():
        graph.parse(VOCABULARIES_FILE, format="turtle")
    return graph


sparqlcache.install()  # pySHACL re-parses each SPARQL constraint per call: 80 % of the time

_CODES_QUERY = f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
    ?s ?p ?o .
    FILTER(isIRI(?o) && STRSTARTS(STR(?o), "{MUNIORG_VOCAB}"))
}}"""


@cache
def known_codes() -> dict[str, frozenset[str]]:
    """The codes of each bundled controlled list, keyed by the list's namespace (scheme + "/")."""
    codes: dict[str, set[str]] = {}
    vocab = vocabularies_graph()
    for concept in vocab.subjects(RDF.type, SKOS.Concept):
        for scheme in vocab.objects(concept, SKOS.inScheme):
            namespace = str(scheme) + "/"
            if str(concept).startswith(namespace):
                codes.setdefault(namespace, set()).add(str(concept)[len(namespace) :])
    return {namespace: frozenset(c) for namespace, c in codes.items()}


def _code_results(data: Graph, document: SourceDocument | None) -> list[ValidationResult]:
    """Codes from muniorg's controlled lists that the lists do not hold.

    Checked here rather than by loading the lists into every pySHACL call, which tripled its time
    and made every concept of the lists a focus node. The shapes' KnownCode rule does the same
    for data that comes with the lists.
    """
    results = []
    lists = known_codes()
    for s, p, o in data.query(_CODES_QUERY):  # type: ignore[misc]
        namespace, _, code = str(o).rpartition("/")
        namespace += "/"
        if code in lists.get(namespace, frozenset()):
            continue
        name = namespace[len(str(MUNIORG_VOCAB)) :].strip("/")
        if namespace in lists:
            hint = (
                did_you_mean(code, lists[namespace])
                or f" (codes: {', '.join(sorted(lists[namespace]))})"
            )
            message = f"Unknown code {code!r} in list {name!r}{hint}."
        else:
            message = f"Unknown controlled list {name!r} (code {code!r})."
        results.append(
            ValidationResult(
                severity=Severity.VIOLATION,
                message=message,
                focus_node=str(s),
                path=str(p),
                value=str(o),
                shape=str(MUNIORG_SHAPES.KnownCode),
                constraint=str(SH.SPARQLConstraintComponent),
                location=_locate(document, str(s), str(p), False),
            )
        )
    return results


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
    data: Graph, document: SourceDocument | None = None, context: Graph | None = None
) -> ValidationReport:
    """Run the shapes on ``data``; map results to ``document``'s source positions if given.

    >>> from muniorg.mapping import to_graph
    >>> from muniorg.model import Municipality
    >>> report = validate_graph(to_graph(Municipality(id="https://ex.org/m", name={"da": "M"})))
    >>> report.conforms, [r.path for r in report.results if r.severity is Severity.VIOLATION]
    (False, ['https://w3id.org/muniorg#country'])

    ``context`` holds the ``rdf:type`` triples of objects described elsewhere in the same build,
    so that a reference to them (``source: stord/page``) can be checked for its class. Results
    about those outside objects are left to the validation of their own document.
    """
    own = set(data.subjects())
    if context is not None:
        data = data + (context - data)
    _conforms, results_graph, _text = pyshacl.validate(
        data,
        shacl_graph=run_shapes(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    assert isinstance(results_graph, Graph)
    results = [
        _result(results_graph, node, document)
        for node in results_graph.subjects(RDF.type, SH.ValidationResult)
        if context is None or results_graph.value(node, SH.focusNode) in own
    ]
    results = _dedupe(results)
    results += [
        r for r in _code_results(data, document) if context is None or URIRef(r.focus_node) in own
    ]
    inputs = (str(document.path),) if document is not None else ()
    return ValidationReport(results=tuple(results), inputs=inputs)


def _result(graph: Graph, node: Node, document: SourceDocument | None) -> ValidationResult:
    focus = graph.value(node, SH.focusNode)
    raw_path = graph.value(node, SH.resultPath)
    inverse = isinstance(raw_path, BNode)
    path = graph.value(raw_path, SH.inversePath) if inverse else raw_path
    value = graph.value(node, SH.value)
    message = graph.value(node, SH.resultMessage)
    severity = graph.value(node, SH.resultSeverity)
    shape = graph.value(node, SH.sourceShape)
    component = graph.value(node, SH.sourceConstraintComponent)
    location = (
        _locate(document, str(focus), str(path) if path is not None else None, inverse)
        if focus
        else None
    )
    return ValidationResult(
        severity=Severity.from_iri(str(severity)),
        message=str(message) if message is not None else "constraint not met",
        focus_node=str(focus),
        path=("^" if inverse else "") + str(path) if path is not None else None,
        value=str(value) if value is not None else None,
        shape=str(shape) if isinstance(shape, URIRef) else None,
        constraint=str(component) if component is not None else None,
        location=location,
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
    context = Graph()
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


def validate_documents(documents: Sequence[SourceDocument]) -> ValidationReport:
    """Validate each loaded authoring document on its own (in the context of the others' types)
    and merge the reports.

    >>> from pathlib import Path
    >>> from muniorg.authoring import load_paths
    >>> validate_documents(load_paths([Path("examples")]).documents).counts()[Severity.WARNING]
    0
    """
    graphs = [d.graph() for d in documents]
    return ValidationReport.merge(
        validate_graph(g, d, c)
        for g, d, c in zip(graphs, documents, document_contexts(graphs), strict=True)
    )


def validate_paths(
    paths: Sequence[Path], input_format: RdfFormat | None = None
) -> ValidationReport:
    """Validate authoring YAML and RDF files (Turtle, N-Triples, JSON-LD, RDF/XML).

    The format of each file comes from its extension unless ``input_format`` is given; folders
    are searched for YAML files. Results from YAML carry file:line:column; results from RDF
    carry the file.

    :raises muniorg.errors.MuniorgError: when a file cannot be read.

    >>> report = validate_paths([Path("examples/municipalities/stord.yaml")])
    >>> report.conforms, report.inputs
    (True, ('examples/municipalities/stord.yaml',))
    """
    yaml_paths = [
        p
        for p in paths
        if (input_format or (RdfFormat.YAML if p.is_dir() else RdfFormat.from_path(p)))
        is RdfFormat.YAML
    ]
    reports = []
    if yaml_paths:
        reports.append(validate_documents(load_paths(yaml_paths).documents))
    for path in paths:
        if path in yaml_paths:
            continue
        graph = read_graph(path, input_format)
        report = validate_graph(graph)
        located = tuple(replace(r, location=SourceLocation(str(path))) for r in report.results)
        reports.append(ValidationReport(results=located, inputs=(str(path),)))
    return ValidationReport.merge(reports)
