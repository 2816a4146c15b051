"""Read RDF files safely and write them deterministically.

Formats are :class:`~muniorg.formats.format.RdfFormat` members, chosen by file extension unless
given. Reading never touches the network:
JSON-LD goes through the offline loader of :mod:`muniorg.formats.jsonld` (which fetches only contexts
a caller allow-lists), RDF/XML with a DOCTYPE or entity declaration is refused before parsing
(external entities are how XML reaches out), and ``owl:imports`` is data, never followed.
Every failure is a :class:`~muniorg.core.errors.MuniorgError` naming the file (and line where known).
Writing is byte-for-byte deterministic: Turtle in rdflib's sorted layout, N-Triples as sorted
lines.

Example:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.ttl"
    >>> _ = path.write_text('<https://ex.org/a> <https://ex.org/p> "x" .', encoding="utf-8")
    >>> print(serialize(read_graph(path), RdfFormat.NTRIPLES), end="")
    <https://ex.org/a> <https://ex.org/p> "x" .
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node as RdfNode

from muniorg.core.arguments import PathArgument, got, instance_argument, path_argument
from muniorg.core.errors import (
    InputError,
    LimitExceeded,
    NetworkAccessRefused,
    OutputError,
    UsageError,
)
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import new_graph
from muniorg.core.triplestore import FastGraph, add_triples
from muniorg.core.values import describe_char, iri_problem, language_problem, text_problem
from muniorg.formats.format import RdfFormat
from muniorg.formats.jsonld import jsonld_to_graph
from muniorg.formats.limits import ENV_VARS, Limits, current_limits, read_limited

_OX_FORMAT = {
    RdfFormat.TURTLE: ox.RdfFormat.TURTLE,
    RdfFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    RdfFormat.RDFXML: ox.RdfFormat.RDF_XML,
}
#: "Parser error at line 3 between columns 5 and 9: <what> (line 3)" -> <what>
_OX_MESSAGE = re.compile(r"^(?:Parser error [^:]*: )?(.*?)(?: \(line \d+\))?$", re.DOTALL)
_XML_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def read_graph(
    path: PathArgument,
    fmt: RdfFormat | None = None,
    limits: Limits | None = None,
    *,
    allow_remote: Iterable[str] | None = None,
) -> Graph:
    """Parse an RDF file (Turtle, N-Triples, JSON-LD, RDF/XML) into a graph, offline.

    ``allow_remote`` lists the remote JSON-LD contexts that may be fetched (default: those of
    :func:`muniorg.formats.jsonld.allow_remote_contexts`, usually none).

    :raises InputError: for unreadable or malformed files, with the line where known.
    :raises NetworkAccessRefused: for documents that would need a URL fetched.
    :raises LimitExceeded: for files over the size, depth or triple limits.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.nt"
    >>> _ = path.write_text('<https://ex.org/a> <https://ex.org/p> "x" .', encoding="utf-8")
    >>> len(read_graph(path))
    1
    """
    path = path_argument(path, "read_graph(path)")
    if fmt is not None:
        instance_argument(
            fmt, RdfFormat, "read_graph(fmt)", "an RdfFormat, such as RdfFormat.TURTLE"
        )
    limits = limits or current_limits()
    fmt = fmt or RdfFormat.from_path(path)
    if fmt is RdfFormat.YAML:
        raise InputError(
            "YAML authoring files are read with muniorg.authoring.load", SourceLocation(str(path))
        )
    raw = read_limited(path, limits)
    text = raw.decode_text()
    where = SourceLocation(str(path))
    if not text.strip():
        raise InputError("the file is empty", SourceLocation(str(path), 1, 1))
    document: Any = None
    if fmt is RdfFormat.JSONLD:
        graph, document = _read_jsonld(text, where, limits, allow_remote)
    else:
        if fmt is RdfFormat.RDFXML and _XML_DECLARATIONS.search(raw.data):
            raise NetworkAccessRefused(
                "RDF/XML with a DOCTYPE or ENTITY declaration is refused: external entities could "
                "read files or fetch URLs",
                where,
            )
        graph = _parse_text(text, fmt, where, limits)
    if len(graph) > limits.max_triples:
        raise _too_many_triples(len(graph), limits, where)
    if not graph:
        raise InputError(f"no triples found: this is not {_DESCRIPTION[fmt]}", where)
    if fmt is RdfFormat.JSONLD:
        _check_terms(graph, where, document)  # the other formats are checked while parsing
    # Only muniorg's prefixes: the input's own bindings must not reach SPARQL queries run on
    # the graph (rdflib passes them as initial namespaces) nor the files written from it.
    clean = new_graph()
    clean += graph
    return clean


_DESCRIPTION = {
    RdfFormat.TURTLE: "Turtle data",
    RdfFormat.NTRIPLES: "N-Triples data",
    RdfFormat.JSONLD: "JSON-LD data with a context that maps its keys to IRIs",
    RdfFormat.RDFXML: "RDF/XML (the root element must be rdf:RDF)",
}


def _too_many_triples(count: int, limits: Limits, where: SourceLocation) -> LimitExceeded:
    return LimitExceeded(
        f"{count} triples, over the limit of {limits.max_triples} "
        f"(raise it with --max-triples or {ENV_VARS['max_triples']})",
        where,
    )


def _check_terms(graph: Graph, where: SourceLocation, document: Any = None) -> None:
    """Apply the IRI and text rules of :mod:`muniorg.core.values` to every term of ``graph``: a
    relative IRI (a file read without a base, or not RDF at all), an unsafe scheme, characters
    no IRI may hold, or text with control or line-separator characters are refused. rdflib's
    JSON-LD reader keeps them with a logged warning at most. The error names the JSON path of
    the term in ``document`` (the JSON read) where it is written there as it is
    (:func:`_json_path_of`)."""
    seen: set[RdfNode] = set()
    for triple in graph:
        for term in triple:
            if term in seen:
                continue
            seen.add(term)
            problem = _term_problem(term)
            if problem is not None:
                path = _json_path_of(document, term)
                raise InputError(f"{path}: {problem}" if path else problem, where)


def _json_path_of(document: Any, term: RdfNode) -> str | None:
    """The JSON path of the first place (in document order) where ``document`` writes the
    refused part of ``term`` (:func:`_refused_part`) as it is: an IRI or a text as a string
    (or an IRI as a key), a tag as the value of an ``@language`` (the ``@context``'s
    default included), a datatype as the value of an ``@type``; ``None`` when it is not
    written so (a compact IRI, a term made from ``@vocab``, a language map's key).

    >>> doc = {"@id": "https://ex.org/a", "p": [{"@value": "x", "@language": "DK"}]}
    >>> _json_path_of(doc, Literal("x", lang="dk"))
    '$["p"][0]["@language"]'
    >>> _json_path_of({"p": ["ok", "y\\u0001"]}, Literal("y\\u0001"))
    '$["p"][1]'
    >>> _json_path_of(doc, URIRef("https://ex.org/a")), _json_path_of(doc, URIRef("urn:x"))
    (None, None)
    """
    if document is None:
        return None
    if isinstance(term, URIRef):
        part = _refused_part(str(term))
    elif isinstance(term, Literal):
        datatype = None if term.datatype is None else str(term.datatype)
        part = _refused_part(None, str(term), term.language, datatype)
    else:
        part = None
    if part is None:
        return None
    kind, spelled = part
    # the key whose value a tag or datatype is: None for any key (or an item of a list)
    key_of = {"language": "@language", "datatype": "@type"}.get(kind)
    lower = spelled.lower()

    def written(key: str | None, value: Any) -> bool:
        if not isinstance(value, str) or (key_of is not None and key != key_of):
            return False
        return value.lower() == lower if kind == "language" else value == spelled

    pending: list[tuple[str | None, Any, str]] = [(None, document, "$")]
    while pending:
        key, value, path = pending.pop()
        if written(key, value):
            return path
        if isinstance(value, list):
            pending.extend(reversed([(None, v, f"{path}[{i}]") for i, v in enumerate(value)]))
        elif isinstance(value, dict):
            children = []
            for name, item in value.items():
                at = f"{path}[{json.dumps(name, ensure_ascii=False)}]"
                if kind == "iri" and name == spelled:  # an IRI as a key: a property
                    children.append((None, spelled, at))
                else:
                    children.append((name, item, at))
            pending.extend(reversed(children))
    return None


def _term_problem(term: RdfNode) -> str | None:
    if isinstance(term, URIRef):
        problem = iri_problem(str(term))
        if problem is None:
            return None
        if problem.startswith("not an absolute IRI"):
            return (
                f"relative IRI {str(term)!r}: every IRI must be absolute (start with a scheme "
                "such as https:); is the file in the format its extension says?"
            )
        return f"invalid IRI {str(term)!r}: {problem}"
    if isinstance(term, Literal):
        problem = text_problem(str(term))
        if problem is not None:
            return f"invalid text {_shorten(str(term))!r}: {problem}"
        if term.datatype is not None:
            return _datatype_problem(str(term.datatype), str(term))
        if term.language is not None:
            return _language_problem(term.language, str(term))
    return None


@functools.lru_cache(maxsize=256)
def _ox_language_problem(tag: str) -> str | None:
    try:
        ox.Literal("", language=tag)
    except ValueError as exc:
        return str(exc)
    return None


def _language_problem(tag: str, text: str) -> str | None:
    """A literal's language tag by the rule of the authoring files
    (:func:`muniorg.core.values.language_problem`: ``dk`` is no language) and as pyoxigraph,
    which writes the Turtle, reads BCP 47: one it refuses (``en-abcdefghijklmnop``) was an
    internal error when written. A file has few tags: each is checked once.

    >>> _language_problem("en-abcdefghijklmnop", "x").split(":")[0]
    "invalid language tag 'en-abcdefghijklmnop' of 'x'"
    >>> _language_problem("dk", "Sorø")
    "invalid language tag 'dk' of 'Sorø': 'dk' is not a language code (a country code? Danish is 'da')"
    """
    problem = _tag_problem(tag)
    if problem is None:
        return None
    return f"invalid language tag {tag!r} of {_shorten(text)!r}: {problem}"


@functools.lru_cache(maxsize=256)
def _tag_problem(tag: str) -> str | None:
    return language_problem(tag) or _ox_language_problem(tag)


def _datatype_problem(datatype: str, text: str) -> str | None:
    """A literal's datatype is an IRI too (``"@type"`` of a JSON-LD value), written like any
    other, so the IRI rule applies to it. A file has few datatypes: each is checked once."""
    problem = _iri_problem_cached(datatype)
    if problem is None:
        return None
    return f"invalid datatype IRI {datatype!r} of {_shorten(text)!r}: {problem}"


_iri_problem_cached = functools.lru_cache(maxsize=256)(iri_problem)


def _shorten(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _read_jsonld(
    text: str, where: SourceLocation, limits: Limits, allow_remote: Iterable[str] | None
) -> tuple[Graph, Any]:
    """The graph of the JSON-LD ``text``, and the JSON document it is."""
    try:
        document = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON: {exc.msg}", SourceLocation(where.file, exc.lineno, exc.colno)
        ) from None
    except ValueError as exc:  # from the two hooks, or Python's guard on huge integers
        text = str(exc)
        if "integer string conversion" in text:
            text = "a number with more than 4300 digits"
        raise InputError(f"invalid JSON: {text}", where) from None
    except RecursionError:  # the C decoder recurses per level
        raise LimitExceeded(
            f"the JSON document is nested too deeply (the limit is {limits.max_depth} levels; "
            f"raise it with {ENV_VARS['max_depth']})",
            where,
        ) from None
    graph = jsonld_to_graph(document, where.file, allow_remote=allow_remote, limits=limits)
    return graph, document


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text} is too large")
    return value


def _parse_text(text: str, fmt: RdfFormat, where: SourceLocation, limits: Limits) -> Graph:
    """Parse Turtle, N-Triples or RDF/XML with pyoxigraph, one triple at a time.

    The triples are counted as they come, so a file over ``max_triples`` (a 2 MB Turtle list
    holds two million) is refused when the limit is passed, before any graph is built. The
    terms are checked (:func:`_term_problem`) as they come too, and each distinct term is made
    once. No base IRI is given: a relative IRI is an error, never resolved against the file's
    path.
    """
    parsed: list[ox.Triple | ox.Quad] = []
    data = text.encode("utf-8")
    try:
        for statement in ox.parse(data, format=_OX_FORMAT[fmt], without_named_graphs=True):
            parsed.append(statement)
            if len(parsed) > limits.max_triples:
                raise LimitExceeded(
                    f"over the limit of {limits.max_triples} triples (raise it with "
                    f"--max-triples or {ENV_VARS['max_triples']})",
                    where,
                )
    except SyntaxError as exc:
        match = _OX_MESSAGE.match(str(exc.msg or exc))
        message = match.group(1) if match else str(exc)
        relative = "No scheme found in an absolute IRI" in message
        raise InputError(
            f"invalid {fmt.value}: "
            + (f"a relative IRI ({message}); every IRI must be absolute" if relative else message),
            SourceLocation(where.file, exc.lineno or 0, exc.offset or 0),
        ) from None
    _check_blank_depth(parsed, limits, where)
    graph = FastGraph(bind_namespaces="none")
    terms: dict[object, RdfNode] = {}
    # Blank nodes are named by their order in the file, under a prefix made from the file's
    # bytes (pyoxigraph names them at random): a report names a blank node the same way on
    # every run, and blank nodes of two different files never share a name when merged.
    blank_prefix = "b" + hashlib.sha256(data).hexdigest()[:12] + "x"
    blanks = 0

    def term(value: object) -> RdfNode:
        nonlocal blanks
        known = terms.get(value)
        if known is None:
            if isinstance(value, ox.BlankNode):
                known = BNode(f"{blank_prefix}{blanks}")
                blanks += 1
            else:
                try:
                    known = _rdflib_term(value, where)
                except InputError as error:
                    raise InputError(error.message, _found_at(text, value, where)) from None
            terms[value] = known
        return known

    graph.add_triples(
        (term(statement.subject), term(statement.predicate), term(statement.object))
        for statement in parsed
    )
    return graph


def _refused_part(
    iri: str | None, text: str = "", language: str | None = None, datatype: str | None = None
) -> tuple[str, str] | None:
    """What of a term the reader refuses, and how it is spelled: ``("iri", iri)``, ``("text",
    text)``, ``("language", tag)`` or ``("datatype", iri)``; ``None`` when nothing is.

    >>> _refused_part(None, "Sorø", "dk"), _refused_part(None, "1", None, "javascript:int")
    (('language', 'dk'), ('datatype', 'javascript:int'))
    """
    if iri is not None:
        return ("iri", iri) if _term_problem(URIRef(iri)) is not None else None
    if text_problem(text) is not None:
        return "text", text
    if language:
        return ("language", language) if _language_problem(language, text) else None
    if datatype and _datatype_problem(datatype, text) is not None:
        return "datatype", datatype
    return None


#: What a line of Turtle holds that a term's spelling may show up in without being the term:
#: IRIs, texts ('...' and "..." on one line) and a comment.
_TURTLE_TOKENS = re.compile(r"""<[^>\n]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#""")


def _found_at(text: str, term: object, where: SourceLocation) -> SourceLocation:
    """Where in ``text`` (Turtle or N-Triples) the refused part of ``term`` is first written,
    for its error: pyoxigraph gives no position of a triple, so its spelling is looked for:
    ``<iri>``, ``"text"``, ``"text"@tag`` (else ``"@tag``, the tag after any text), or
    ``"text"^^<datatype>`` (else ``<datatype>``), never inside a comment, another text or an
    IRI. ``where`` (the file) when it is not written so (a prefixed name, an escaped text).

    >>> where, tag_dk = SourceLocation("f.ttl"), ox.Literal("y", language="dk")
    >>> str(_found_at('# was "y"@dk\\n<a> <b> "x"@en ,\\n  "y"@dk .', tag_dk, where))
    'f.ttl:3:3'
    >>> str(_found_at("ex:a ex:b ex:c .", ox.NamedNode("javascript:c"), where))
    'f.ttl'
    """
    if isinstance(term, ox.NamedNode):
        part = _refused_part(term.value)
    elif isinstance(term, ox.Literal):
        part = _refused_part(None, term.value, term.language, term.datatype.value)
    else:
        part = None
    if part is None:
        return where
    kind, spelled = part
    quoted = re.escape(f'"{term.value}"') if isinstance(term, ox.Literal) else ""
    if kind == "iri":
        patterns = [re.escape(f"<{spelled}>")]
    elif kind == "text":
        patterns = [quoted]
    elif kind == "language":
        # as written, in any case (pyoxigraph gives it in lower case), ended by no tag letter
        tag = f"@(?i:{re.escape(spelled)})(?![-a-zA-Z0-9])"
        patterns = [quoted + tag, f"(?<=[\"']){tag}"]
    else:
        patterns = [quoted + re.escape(f"^^<{spelled}>"), re.escape(f"<{spelled}>")]
    for pattern in patterns:
        for found in re.finditer(pattern, text):
            if _written_as_a_term(text, found.start()):
                return SourceLocation.at(where.file, text, found.start())
    return where


def _written_as_a_term(text: str, start: int) -> bool:
    """Whether ``start`` in ``text`` is outside the comments, texts and IRIs of its line (a
    term starting there is one: at the start of a text or IRI is outside it)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    for token in _TURTLE_TOKENS.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if token.start() >= start:
            return True
        if token.group() == "#" or token.end() > start:
            return False
    return True


def _check_blank_depth(
    parsed: list[ox.Triple | ox.Quad], limits: Limits, where: SourceLocation
) -> None:
    """Refuse blank nodes (``[ ... ]``, lists) nested deeper than ``max_depth``: rdflib's
    Turtle writer and the JSON-LD tools recurse once per level. Depth is the longest chain of
    blank nodes each of which is a value of the one before (a cycle counts once)."""
    children: dict[str, list[str]] = {}
    for statement in parsed:
        if isinstance(statement.object, ox.BlankNode):
            parent = statement.subject.value if isinstance(statement.subject, ox.BlankNode) else ""
            children.setdefault(parent, []).append(statement.object.value)
    depth: dict[str, int] = {}
    for start in children:
        if start in depth:
            continue
        # Iterative depth-first walk: the nesting that is being measured can be deeper than
        # Python's stack.
        stack: list[tuple[str, int]] = [(start, 0)]
        depth[start] = -1  # in progress: a back edge (a cycle) counts as 0
        while stack:
            node, index = stack[-1]
            kids = children.get(node, [])
            if index < len(kids):
                stack[-1] = (node, index + 1)
                kid = kids[index]
                if kid not in depth:
                    depth[kid] = -1
                    stack.append((kid, 0))
                continue
            stack.pop()
            depth[node] = 1 + max((max(depth[k], 0) for k in kids), default=0)
            if depth[node] > limits.max_depth + 1:
                raise LimitExceeded(
                    f"blank nodes or lists nested deeper than {limits.max_depth} levels "
                    f"(raise it with --max-depth or {ENV_VARS['max_depth']})",
                    where,
                )


def _rdflib_term(value: object, where: SourceLocation, *, checked: bool = True) -> RdfNode:
    if isinstance(value, ox.NamedNode):
        iri = URIRef(value.value)
        problem = _term_problem(iri) if checked else None
        if problem is not None:
            raise InputError(problem, where)
        return iri
    if isinstance(value, ox.BlankNode):
        return BNode(value.value)
    if isinstance(value, ox.Literal):
        problem = text_problem(value.value) if checked else None
        if problem is not None:
            raise InputError(f"invalid text {_shorten(value.value)!r}: {problem}", where)
        if value.language:
            problem = _language_problem(value.language, value.value) if checked else None
            if problem is not None:
                raise InputError(problem, where)
            return Literal(value.value, lang=value.language)
        datatype = value.datatype.value
        problem = _datatype_problem(datatype, value.value) if checked else None
        if problem is not None:
            raise InputError(problem, where)
        return Literal(value.value, datatype=None if datatype == str(XSD.string) else datatype)
    raise InputError("RDF 1.2 triple terms (<<( ... )>>) are not supported", where)


def read_bundled(path: Path) -> Graph:
    """A Turtle file muniorg ships (its shapes, ontology, lists), parsed by pyoxigraph: about
    ten times faster than rdflib's parser, which is what a one-file ``muniorg validate`` waits
    for. Only for muniorg's own files: none of :func:`read_graph`'s checks and limits apply
    (the shapes hold patterns with control characters, which the text rule refuses in data).

    >>> from muniorg.core.resources import SHAPES_FILE
    >>> len(read_bundled(SHAPES_FILE)) > 1000
    True
    """
    graph = FastGraph(bind_namespaces="none")
    terms: dict[object, RdfNode] = {}

    def term(value: object) -> RdfNode:
        known = terms.get(value)
        if known is None:
            known = terms[value] = _rdflib_term(value, SourceLocation(str(path)), checked=False)
        return known

    graph.add_triples(
        (term(triple.subject), term(triple.predicate), term(triple.object))
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    )
    return graph


def _ox_term(term: RdfNode) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ValueError(f"not an RDF term of a graph: {term!r}")


def _ox_subject(term: RdfNode) -> ox.NamedNode | ox.BlankNode:
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


def _stable_blank_nodes(graph: Graph) -> list[tuple[RdfNode, RdfNode, RdfNode]]:
    """The triples of ``graph``, its blank nodes labelled b0, b1 ... from a canonical form of the
    graph, so that the same graph gives the same text whatever ids a parser chose (muniorg's own
    data has no blank nodes; others' data may)."""
    statements = list(graph)
    if not _has_blank_nodes(graph, statements):
        return statements
    from rdflib.compare import to_canonical_graph  # only for blank nodes: not muniorg's data

    canonical = to_canonical_graph(graph)
    labels: dict[RdfNode, RdfNode] = {
        node: BNode(f"b{index}")
        for index, node in enumerate(
            sorted({t for triple in canonical for t in triple if isinstance(t, BNode)})
        )
    }
    return [
        (labels.get(s, s), p, labels.get(o, o)) for s, p, o in canonical.triples((None, None, None))
    ]


def _has_blank_nodes(
    graph: Graph, statements: Iterable[tuple[RdfNode, RdfNode, RdfNode]] | None = None
) -> bool:
    """Whether a term of ``graph`` (whose triples are ``statements`` when the caller has them
    listed) is a blank node. A :class:`FastGraph`'s index is checked by the types of its terms
    (each distinct subject and predicate once, the objects' types gathered in C), not term by
    term."""
    if isinstance(graph, FastGraph):
        spo = graph.triple_store.spo
        types = set(map(type, spo))
        for by_p in spo.values():
            types.update(map(type, by_p))
            for objects in by_p.values():
                types.update(map(type, objects))
        return any(issubclass(kind, BNode) for kind in types)
    return any(
        isinstance(s, BNode) or isinstance(o, BNode) or isinstance(p, BNode)
        for s, p, o in (graph if statements is None else statements)
    )


def _grouped(graph: Graph) -> Iterable[tuple[RdfNode, Iterable[tuple[RdfNode, Iterable[RdfNode]]]]]:
    """The triples of :func:`_stable_blank_nodes`, in its order, as (subject, [(predicate,
    objects)]): a :class:`FastGraph` without blank nodes gives its index as it is (a subject's
    and a predicate's terms are then looked up once, not once per triple), any other graph a
    group per triple."""
    if isinstance(graph, FastGraph) and not _has_blank_nodes(graph):
        return ((s, by_p.items()) for s, by_p in graph.triple_store.spo.items())
    return ((s, [(p, (o,))]) for s, p, o in _stable_blank_nodes(graph))


_Made = tuple["ox.NamedNode | ox.BlankNode | ox.Literal", tuple[int, str, str]]


class _OxTerms:
    """Each distinct rdflib term in one position made once into a pyoxigraph term (by ``make``),
    with its sort key (:func:`_ox_key`); the IRIs the terms use are collected in ``iris`` (for
    the prefixes). A term occurs many times in a graph (a subject once per triple), and reading
    a pyoxigraph term's text makes a new string every time."""

    def __init__(
        self, make: Callable[[RdfNode], ox.NamedNode | ox.BlankNode | ox.Literal], iris: set[str]
    ) -> None:
        self.make = make
        self.iris = iris
        self.terms: dict[RdfNode, _Made] = {}

    def get(self, term: RdfNode) -> _Made:
        known = self.terms.get(term)
        if known is None:
            made = self.make(term)
            key = _ox_key(made)
            if isinstance(made, ox.NamedNode):
                self.iris.add(key[1])
            elif isinstance(made, ox.Literal) and not made.language and key[2]:
                self.iris.add(key[2])  # a datatype other than xsd:string
            known = self.terms[term] = (made, key)
        return known


def stable_graph(graph: Graph) -> Graph:
    """``graph`` with its blank nodes labelled b0, b1 ... as :func:`serialize` labels them, so
    that another writer (JSON-LD) gives the same text for the same graph.

    >>> from rdflib import BNode
    >>> g = Graph()
    >>> _ = g.add((BNode(), URIRef("https://ex.org/p"), Literal("x")))
    >>> [str(s) for s in stable_graph(g).subjects()]
    ['b0']
    """
    statements = _stable_blank_nodes(graph)
    stable = new_graph()
    add_triples(stable, statements)
    return stable


def _turtle(graph: Graph) -> str:
    """Turtle of ``graph``: sorted triples, only the prefixes that are used, pyoxigraph's layout."""
    iris: set[str] = set()
    subjects = _OxTerms(_ox_subject, iris)
    predicates = _OxTerms(lambda p: ox.NamedNode(str(p)), iris)
    objects = _OxTerms(_ox_term, iris)
    if isinstance(graph, FastGraph) and not _has_blank_nodes(graph):
        triples = _sorted_index_triples(graph.triple_store.spo, subjects, predicates, objects)
    else:
        triples = _sorted_triples(graph, subjects, predicates, objects)
    namespaces = {prefix: str(namespace) for prefix, namespace in graph.namespaces() if prefix}
    return _prefixed_turtle(triples, namespaces, iris)


def _made_key(made: tuple[_Made, object]) -> tuple[int, str, str]:
    return made[0][1]


def _sorted_index_triples(
    spo: Mapping[RdfNode, Mapping[RdfNode, Iterable[RdfNode]]],
    subjects: _OxTerms,
    predicates: _OxTerms,
    objects: _OxTerms,
) -> list[ox.Triple]:
    """The triples of a subject -> predicate -> objects index (without blank nodes) as
    pyoxigraph triples, sorted as :func:`_sorted_triples` sorts them: the subjects sorted, then
    each subject's predicates, then each predicate's objects (a sort of a few terms at a time,
    no key per triple). Distinct rdflib terms of one sort key (``"a"`` and ``"a"^^xsd:string``)
    only occur among one predicate's objects, where the sort keeps their order, as the sort of
    all triples does."""
    triples: list[ox.Triple] = []
    add = triples.append
    make_triple = ox.Triple
    get_object = objects.get
    for (subject, _), by_p in sorted(
        ((subjects.get(s), by_p) for s, by_p in spo.items()), key=_made_key
    ):
        for (predicate, _), terms in sorted(
            ((predicates.get(p), terms) for p, terms in by_p.items()), key=_made_key
        ):
            if len(terms) == 1:  # type: ignore[arg-type]
                for o in terms:
                    add(make_triple(subject, predicate, get_object(o)[0]))  # type: ignore[arg-type]
                continue
            for obj, _ in sorted(map(get_object, terms), key=_object_key):
                add(make_triple(subject, predicate, obj))  # type: ignore[arg-type]
    return triples


def _object_key(made: _Made) -> tuple[int, str, str]:
    return made[1]


def _sorted_triples(
    graph: Graph, subjects: _OxTerms, predicates: _OxTerms, objects: _OxTerms
) -> list[ox.Triple]:
    """The triples of ``graph`` (of :func:`_stable_blank_nodes`) as pyoxigraph triples, sorted
    by the sort keys of their subject, predicate and object (a graph with blank nodes, or not a
    :class:`FastGraph`: :func:`_sorted_index_triples` sorts the others)."""
    keyed = []
    for s, p, o in _stable_blank_nodes(graph):
        subject, s_key = subjects.get(s)
        predicate, p_key = predicates.get(p)
        obj, o_key = objects.get(o)
        keyed.append(((s_key, p_key, o_key), subject, predicate, obj))
    keyed.sort(key=lambda entry: entry[0])
    return [ox.Triple(s, p, o) for _, s, p, o in keyed]  # type: ignore[arg-type]


def turtle_from_ntriples(ntriples: str, namespaces: Mapping[str, str]) -> str:
    """The Turtle :func:`serialize` writes for the graph of ``ntriples`` (muniorg's own
    N-Triples, with ``namespaces`` bound), without building an rdflib graph: how a build writes
    the Turtle of a whole national data set from the documents' N-Triples, in a fraction of the
    memory.

    >>> from muniorg.core.namespaces import PREFIXES, new_graph
    >>> g = new_graph()
    >>> _ = g.add((URIRef("https://ex.org/a"), URIRef("http://xmlns.com/foaf/0.1/name"), Literal("A")))
    >>> prefixes = {k: str(v) for k, v in PREFIXES.items()}
    >>> turtle_from_ntriples(serialize(g, RdfFormat.NTRIPLES), prefixes) == serialize(g, RdfFormat.TURTLE)
    True
    """
    triples = [
        ox.Triple(statement.subject, statement.predicate, statement.object)
        for statement in ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    ]
    return _write_turtle(triples, namespaces)


_XSD_STRING = str(XSD.string)


def _ox_key(term: object) -> tuple[int, str, str]:
    if isinstance(term, ox.NamedNode):
        return (0, term.value, "")
    if isinstance(term, ox.BlankNode):
        return (1, term.value, "")
    assert isinstance(term, ox.Literal)
    if term.language:
        return (2, term.value, term.language)
    datatype = term.datatype.value
    return (2, term.value, "" if datatype == _XSD_STRING else datatype)


def _write_turtle(triples: list[ox.Triple], namespaces: Mapping[str, str]) -> str:
    """``triples`` as Turtle: sorted by subject, predicate and object, with the prefixes of
    ``namespaces`` that are used. Each distinct term's sort key is worked out once."""
    keys: dict[object, tuple[int, str, str]] = {}
    iris: set[str] = set()

    def key(term: object) -> tuple[int, str, str]:
        known = keys.get(term)
        if known is None:
            known = keys[term] = _ox_key(term)
            if known[0] == 0:
                iris.add(known[1])
            elif known[0] == 2 and known[2] and not term.language:  # type: ignore[attr-defined]
                iris.add(known[2])  # a datatype other than xsd:string
        return known

    triples.sort(key=lambda t: (key(t.subject), key(t.predicate), key(t.object)))
    return _prefixed_turtle(triples, namespaces, iris)


def _prefixes_used(namespaces: Mapping[str, str], iris: Iterable[str]) -> set[str]:
    """The prefixes whose namespaces ``iris`` start with: for each IRI, that of the longest
    such namespace (the first bound, among namespaces of one length). One regular expression
    (its alternatives in that order: the first that matches is taken) tries them all in C.

    >>> sorted(_prefixes_used({"a": "https://ex.org/", "b": "https://ex.org/b/"},
    ...                       ["https://ex.org/b/1", "https://ex.org/x", "urn:y"]))
    ['a', 'b']
    """
    bound = sorted(namespaces.items(), key=lambda item: -len(item[1]))
    if not bound:
        return set()
    prefix_of: dict[str, str] = {}
    for prefix, namespace in bound:
        prefix_of.setdefault(namespace, prefix)
    pattern = re.compile("|".join(re.escape(namespace) for _, namespace in bound))
    found = {match.group() for iri in iris if (match := pattern.match(iri))}
    return {prefix_of[namespace] for namespace in found}


def _prefixed_turtle(
    triples: Iterable[ox.Triple] | Iterable[ox.Quad], namespaces: Mapping[str, str], iris: set[str]
) -> str:
    """Sorted ``triples`` as Turtle, with the prefixes of ``namespaces`` that ``iris`` use."""
    used = {prefix: namespaces[prefix] for prefix in _prefixes_used(namespaces, iris)}
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(sorted(used.items())))
    assert text is not None
    return text.decode("utf-8")


def _ntriples(graph: Graph) -> str:
    """The text rdflib's N-Triples writer gives for the triples of :func:`_stable_blank_nodes`
    (its rows, in that order), with the text of each distinct term made once: rdflib checks and
    writes an IRI anew at every occurrence, and a subject occurs once per triple."""
    from rdflib.plugins.serializers.nt import _quoteLiteral  # not needed to read or validate

    names: dict[RdfNode, str] = {}  # predicates and objects that are not literals
    literals: dict[RdfNode, str] = {}
    rows = []
    for s, by_p in _grouped(graph):  # a triple once, as in a graph
        s_text = s.n3()
        for p, objects in by_p:
            p_text = names.get(p)
            if p_text is None:
                p_text = names[p] = p.n3()
            start = f"{s_text} {p_text} "
            for o in objects:
                if isinstance(o, Literal):
                    o_text = literals.get(o)
                    if o_text is None:
                        o_text = literals[o] = _quoteLiteral(o)
                else:
                    o_text = names.get(o)
                    if o_text is None:
                        o_text = names[o] = o.n3()
                rows.append(f"{start}{o_text} .\n")
    text = "".join(rows)
    text.encode("utf-8")  # what rdflib's writer does with each row: text it cannot encode fails
    return text


def turtle_and_ntriples(graph: Graph) -> tuple[str, str]:
    """``(serialize(graph, RdfFormat.TURTLE), serialize(graph, RdfFormat.NTRIPLES))``, made
    from one pass over the graph's index: each distinct term's N-Triples text and sort key are
    made once, the N-Triples rows are written in Turtle's order (subjects, then predicates,
    then objects, by their keys), and pyoxigraph reads those rows back for its Turtle writer
    (in Rust) instead of a pyoxigraph term and triple being made in Python for each. A graph
    with blank nodes, or that is not a :class:`FastGraph`, or a term this way is not sure of
    (a language tag with capitals, which pyoxigraph writes in lower case) is written by
    :func:`serialize` twice.

    >>> from muniorg.core.namespaces import new_graph
    >>> g = new_graph()
    >>> _ = g.add((URIRef("https://ex.org/a"), URIRef("http://xmlns.com/foaf/0.1/name"), Literal("A")))
    >>> turtle_and_ntriples(g) == (serialize(g, RdfFormat.TURTLE), serialize(g, RdfFormat.NTRIPLES))
    True
    """
    if isinstance(graph, FastGraph):
        try:  # a blank node is not sure either: it is found when its text is made
            rows, iris = _rows_in_turtle_order(graph.triple_store.spo)
            text = "".join(rows)
            if text.count("\n") == len(rows):  # one line per row, as N-Triples reads it
                # Read and written in Rust, a statement at a time: the order is the rows'.
                triples = ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
                namespaces = {p: str(n) for p, n in graph.namespaces() if p}
                turtle = _prefixed_turtle(triples, namespaces, iris)
                return turtle, "".join(sorted(rows))
        except Exception:  # _NotSure, pyoxigraph's and rdflib's errors on a term
            pass  # the general way writes it, or says why it cannot
    return serialize(graph, RdfFormat.TURTLE), serialize(graph, RdfFormat.NTRIPLES)


class _NotSure(Exception):
    """A term :func:`turtle_and_ntriples` leaves to :func:`serialize`."""


def _rows_in_turtle_order(
    spo: Mapping[RdfNode, Mapping[RdfNode, Iterable[RdfNode]]],
) -> tuple[list[str], set[str]]:
    """The N-Triples rows of an index without blank nodes, in the order of
    :func:`_sorted_index_triples`, and the IRIs its terms use (for Turtle's prefixes)."""
    from rdflib.plugins.serializers.nt import _quoteLiteral  # not needed to read or validate

    iris: set[str] = set()
    made: dict[RdfNode, tuple[tuple[int, str, str], str]] = {}

    def term(node: RdfNode) -> tuple[tuple[int, str, str], str]:
        known = made.get(node)
        if known is None:
            if type(node) is URIRef:
                value = str(node)
                iris.add(value)
                known = ((0, value, ""), node.n3())
            elif isinstance(node, Literal):
                language = node.language
                if language:
                    if language != language.lower():
                        raise _NotSure(language)
                    key = (2, str(node), language)
                else:
                    extra = "" if node.datatype is None else str(node.datatype)
                    if extra == _XSD_STRING:
                        extra = ""
                    if extra:
                        iris.add(extra)
                    key = (2, str(node), extra)
                known = (key, _quoteLiteral(node))
            else:
                raise _NotSure(node)
            made[node] = known
        return known

    rows: list[str] = []
    add = rows.append
    known = made.get
    for subject, by_p in sorted(((term(s), by_p) for s, by_p in spo.items()), key=_first_key):
        if subject[0][0] != 0:
            raise _NotSure(subject)  # a literal as subject: written the general way
        for predicate, objects in sorted(
            ((known(p) or term(p), objects) for p, objects in by_p.items()), key=_first_key
        ):
            if predicate[0][0] != 0:
                raise _NotSure(predicate)
            start = f"{subject[1]} {predicate[1]} "
            if len(objects) == 1:  # type: ignore[arg-type]
                for o in objects:
                    add(f"{start}{(known(o) or term(o))[1]} .\n")
                continue
            for _, text in sorted([known(o) or term(o) for o in objects], key=_made_key_of):
                add(f"{start}{text} .\n")
    return rows, iris


def _first_key(item: tuple[tuple[tuple[int, str, str], str], object]) -> tuple[int, str, str]:
    return item[0][0]


def _made_key_of(made: tuple[tuple[int, str, str], str]) -> tuple[int, str, str]:
    return made[0]


def serialize(graph: Graph, fmt: RdfFormat) -> str:
    """Turtle or N-Triples text of ``graph``, the same bytes for the same graph every time.

    Turtle is written by pyoxigraph (about seven times faster than rdflib's writer) from the
    triples sorted by subject, predicate and object, with the prefixes of ``graph`` that it
    uses.

    >>> from muniorg.core.namespaces import new_graph
    >>> from rdflib import URIRef
    >>> g = new_graph()
    >>> _ = g.add((URIRef("https://ex.org/a"), URIRef("http://xmlns.com/foaf/0.1/name"), Literal("A")))
    >>> print(serialize(g, RdfFormat.TURTLE), end="")
    @prefix foaf: <http://xmlns.com/foaf/0.1/> .
    <https://ex.org/a> foaf:name "A" .

    A term that no file can hold (an IRI with a space, a lone surrogate in a text, which a graph
    made by hand may have: muniorg's readers and model refuse them) is an
    :class:`~muniorg.core.errors.OutputError` naming the term:

    >>> _ = g.add((URIRef("https://ex.org/a b"), URIRef("http://xmlns.com/foaf/0.1/name"), Literal("B")))
    >>> serialize(g, RdfFormat.TURTLE)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    muniorg.core.errors.OutputError: cannot write Turtle: the subject IRI 'https://ex.org/a b' cannot be written: ...
    """
    if fmt not in (RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.RDFXML):
        raise UsageError(
            "serialize(fmt): writes Turtle, N-Triples and RDF/XML, "
            f"{got(fmt)} (JSON-LD: muniorg.to_jsonld of a model object)"
        )
    try:
        return _serialize(graph, fmt)
    except Exception as error:  # pyoxigraph's ValueError, rdflib's bare Exception, UnicodeError
        problem = _unwritable_term(graph)
        if problem is None:
            raise  # not a term: a bug, shown as one
        raise OutputError(f"cannot write {fmt.label}: {problem}") from error


def _serialize(graph: Graph, fmt: RdfFormat) -> str:
    """:func:`serialize`'s text, raising what the underlying writer raises."""
    if fmt is RdfFormat.TURTLE:
        return _turtle(graph)
    if fmt is RdfFormat.NTRIPLES:
        # split("\n"), not splitlines(): N-Triples ends statements with a line feed only, and
        # splitlines() would also cut at characters a literal may hold (U+2028, form feed ...).
        lines = _ntriples(graph).split("\n")
        return "".join(sorted(line + "\n" for line in lines if line.strip()))
    return graph.serialize(format="pretty-xml")


_POSITIONS = ("subject", "predicate", "object")


def _unwritable_term(graph: Graph) -> str | None:
    """What :func:`serialize` says when a writer fails: the first term of ``graph`` (by text,
    for the same message every time) that the writers refuse, and why; ``None`` when every term
    can be written (the failure is then not the data's). Run only after a failure, so it may
    look at every term.

    >>> from rdflib import Graph
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), Literal("Sor\\ud800")))
    >>> print(_unwritable_term(g))  # doctest: +NORMALIZE_WHITESPACE
    the object literal 'Sor\\ud800' cannot be written: the character U+D800 (a lone surrogate)
    at position 4 cannot be written in UTF-8
    """
    bad: list[tuple[str, str, str, str, str]] = []
    seen: set[tuple[str, RdfNode]] = set()
    for triple in graph:
        for position, term in zip(_POSITIONS, triple, strict=True):
            if (position, term) in seen:
                continue
            seen.add((position, term))
            if (problem := _unwritable(position, term)) is not None:
                kind = "IRI" if isinstance(term, URIRef) else type(term).__name__.lower()
                text = str(term)
                shown = repr(text if len(text) <= 80 else text[:77] + "...")
                if isinstance(term, Literal) and (term.language or term.datatype):
                    shown += f"@{term.language}" if term.language else f"^^{str(term.datatype)!r}"
                bad.append((text, shown, position, kind, problem))
    if not bad:
        return None
    _, shown, position, kind, problem = min(bad)
    return f"the {position} {kind} {shown} cannot be written: {problem}"


def _unwritable(position: str, term: RdfNode) -> str | None:
    """Why the writers of :func:`serialize` refuse ``term`` in ``position``, or ``None``."""
    if position != "object" and isinstance(term, Literal):
        return f"a literal cannot be a {position}"
    if position == "predicate" and not isinstance(term, URIRef):
        return "a predicate is an IRI"
    datatype = term.datatype if isinstance(term, Literal) else None
    for text in (str(term), str(datatype or "")):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:  # a lone surrogate: the one str UTF-8 cannot hold
            return (
                f"the character {describe_char(text[error.start])} at position "
                f"{error.start + 1} cannot be written in UTF-8"
            )
    try:
        _ox_term(term)  # the Turtle writer's term
        for iri in (term if isinstance(term, URIRef) else None, datatype):
            if iri is not None:
                URIRef(iri).n3()  # the N-Triples writer's IRI
    except Exception as error:  # as serialize(): rdflib raises a bare Exception
        message = str(error)
        return message[:1].lower() + message[1:]
    return None


__all__ = [
    "read_graph",
    "serialize",
    "stable_graph",
    "turtle_and_ntriples",
    "turtle_from_ntriples",
]
