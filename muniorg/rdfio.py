"""Read RDF files safely and write them deterministically.

Formats are an enum, chosen by file extension unless given. Reading never touches the network:
JSON-LD goes through the offline loader of :mod:`muniorg.jsonld` (which fetches only contexts
a caller allow-lists), RDF/XML with a DOCTYPE or entity declaration is refused before parsing
(external entities are how XML reaches out), and ``owl:imports`` is data, never followed.
Every failure is a :class:`~muniorg.errors.MuniorgError` naming the file (and line where known).
Writing is byte-for-byte deterministic: Turtle in rdflib's sorted layout, N-Triples as sorted
lines.

Example:
    >>> from pathlib import Path
    >>> from muniorg.rdfio import RdfFormat
    >>> RdfFormat.from_path(Path("soroe.ttl")), RdfFormat.parse("jsonld")
    (<RdfFormat.TURTLE: 'turtle'>, <RdfFormat.JSONLD: 'jsonld'>)
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import math
import re
import xml.sax
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from muniorg.errors import InputError, LimitExceeded, NetworkAccessRefused
from muniorg.jsonld import jsonld_to_graph
from muniorg.limits import ENV_VARS, Limits, current_limits, read_limited
from muniorg.mapping import new_graph
from muniorg.results import SourceLocation


class RdfFormat(enum.Enum):
    """Input and output formats.

    >>> RdfFormat.parse("ttl").media_type, RdfFormat.JSONLD.extension
    ('text/turtle', '.jsonld')
    """

    YAML = "yaml"
    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    JSONLD = "jsonld"
    RDFXML = "rdfxml"

    @classmethod
    def parse(cls, name: str) -> RdfFormat:
        """A format from its name (``turtle``, ``ttl``, ``nt``, ``json-ld`` ...).

        :raises ValueError: for an unknown name.
        """
        key = name.strip().lower().replace("-", "").replace("_", "")
        if key in _ALIASES:
            return _ALIASES[key]
        raise ValueError(
            f"unknown format {name!r}: expected one of {', '.join(f.value for f in cls)}"
        )

    @classmethod
    def from_path(cls, path: Path) -> RdfFormat:
        """The format a file's extension stands for.

        :raises InputError: for an extension muniorg does not read.
        """
        suffix = path.suffix.lower()
        if suffix in _EXTENSIONS:
            return _EXTENSIONS[suffix]
        known = ", ".join(sorted(_EXTENSIONS))
        raise InputError(
            f"cannot tell the format from the extension {suffix or '(none)'!r}: use one of {known} "
            "or --input-format",
            SourceLocation(str(path)),
        )

    @property
    def extension(self) -> str:
        return {
            "yaml": ".yaml",
            "turtle": ".ttl",
            "ntriples": ".nt",
            "jsonld": ".jsonld",
            "rdfxml": ".rdf",
        }[self.value]

    @property
    def media_type(self) -> str:
        return {
            "yaml": "application/yaml",
            "turtle": "text/turtle",
            "ntriples": "application/n-triples",
            "jsonld": "application/ld+json",
            "rdfxml": "application/rdf+xml",
        }[self.value]


_ALIASES = {
    "yaml": RdfFormat.YAML,
    "yml": RdfFormat.YAML,
    "turtle": RdfFormat.TURTLE,
    "ttl": RdfFormat.TURTLE,
    "ntriples": RdfFormat.NTRIPLES,
    "nt": RdfFormat.NTRIPLES,
    "jsonld": RdfFormat.JSONLD,
    "json": RdfFormat.JSONLD,
    "rdfxml": RdfFormat.RDFXML,
    "rdf": RdfFormat.RDFXML,
    "xml": RdfFormat.RDFXML,
    "owl": RdfFormat.RDFXML,
}
_EXTENSIONS = {
    ".yaml": RdfFormat.YAML,
    ".yml": RdfFormat.YAML,
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.NTRIPLES,
    ".jsonld": RdfFormat.JSONLD,
    ".json": RdfFormat.JSONLD,
    ".rdf": RdfFormat.RDFXML,
    ".xml": RdfFormat.RDFXML,
    ".owl": RdfFormat.RDFXML,
}
_RDFLIB_FORMAT = {RdfFormat.TURTLE: "turtle", RdfFormat.NTRIPLES: "nt", RdfFormat.RDFXML: "xml"}
_LINE_IN_MESSAGE = re.compile(r"line (\d+)")
#: What an IRI may not contain (RFC 3987 and the Turtle grammar); rdflib only logs a warning.
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`]')
_XML_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def read_graph(
    path: Path,
    fmt: RdfFormat | None = None,
    limits: Limits | None = None,
    *,
    allow_remote: Iterable[str] | None = None,
) -> Graph:
    """Parse an RDF file (Turtle, N-Triples, JSON-LD, RDF/XML) into a graph, offline.

    ``allow_remote`` lists the remote JSON-LD contexts that may be fetched (default: those of
    :func:`muniorg.jsonld.allow_remote_contexts`, usually none).

    :raises InputError: for unreadable or malformed files, with the line where known.
    :raises NetworkAccessRefused: for documents that would need a URL fetched.
    :raises LimitExceeded: for files over the size, depth or triple limits.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.nt"
    >>> _ = path.write_text('<https://ex.org/a> <https://ex.org/p> "x" .', encoding="utf-8")
    >>> len(read_graph(path))
    1
    """
    limits = limits or current_limits()
    fmt = fmt or RdfFormat.from_path(path)
    if fmt is RdfFormat.YAML:
        raise InputError(
            "YAML authoring files are read with muniorg.authoring", SourceLocation(str(path))
        )
    raw = read_limited(path, limits)
    text = raw.decode_text()
    where = SourceLocation(str(path))
    if not text.strip():
        raise InputError("the file is empty", SourceLocation(str(path), 1, 1))
    if fmt is RdfFormat.JSONLD:
        graph = _read_jsonld(text, where, limits, allow_remote)
    else:
        if fmt is RdfFormat.RDFXML and _XML_DECLARATIONS.search(raw.data):
            raise NetworkAccessRefused(
                "RDF/XML with a DOCTYPE or ENTITY declaration is refused: external entities could "
                "read files or fetch URLs",
                where,
            )
        graph = _parse_text(text, fmt, where)
    if len(graph) > limits.max_triples:
        raise LimitExceeded(
            f"{len(graph)} triples, over the limit of {limits.max_triples} "
            f"(raise it with {ENV_VARS['max_triples']})",
            where,
        )
    if not graph:
        raise InputError(f"no triples found: this is not {_DESCRIPTION[fmt]}", where)
    _check_iris(graph, where)
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


def _check_iris(graph: Graph, where: SourceLocation) -> None:
    """Refuse IRIs that no RDF syntax allows (spaces, quotes ...) and relative IRIs (a file read
    without a base, or not RDF at all): rdflib keeps both with a logged warning at most."""
    bad: set[str] = set()
    relative: set[str] = set()
    for triple in graph:
        for term in triple:
            if not isinstance(term, URIRef):
                continue
            if _BAD_IRI.search(term):
                bad.add(str(term))
            elif not _ABSOLUTE_IRI.match(term):
                relative.add(str(term))
    if bad:
        raise InputError(
            f"invalid IRI {min(bad)!r}: an IRI cannot contain spaces, control characters or any "
            'of <>"{}|\\^`',
            where,
        )
    if relative:
        raise InputError(
            f"relative IRI {min(relative)!r}: every IRI must be absolute (start with a scheme "
            "such as https:); is the file in the format its extension says?",
            where,
        )


def _read_jsonld(
    text: str, where: SourceLocation, limits: Limits, allow_remote: Iterable[str] | None
) -> Graph:
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
    return jsonld_to_graph(document, where.file, allow_remote=allow_remote, limits=limits)


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text} is too large")
    return value


@contextlib.contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """Silence rdflib's logged warnings (``... does not look like a valid URI``) while parsing:
    the problems they describe are reported as errors instead, once."""
    logger = logging.getLogger("rdflib")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _parse_text(text: str, fmt: RdfFormat, where: SourceLocation) -> Graph:
    graph = Graph(bind_namespaces="none")
    try:
        with _quiet_rdflib():
            graph.parse(data=text, format=_RDFLIB_FORMAT[fmt])
    except RecursionError:
        raise InputError(
            f"invalid {fmt.value}: nested too deeply (brackets or lists) to read", where
        ) from None
    except BadSyntax as exc:
        before = text[: exc._i] if isinstance(exc._i, int) else ""
        column = len(before) - (before.rfind("\n") + 1) + 1 if before else 0
        raise InputError(
            f"invalid {fmt.value}: {exc._why}", SourceLocation(where.file, exc.lines + 1, column)
        ) from None
    except xml.sax.SAXParseException as exc:
        raise InputError(
            f"invalid {fmt.value}: {exc.getMessage()}",
            SourceLocation(where.file, exc.getLineNumber() or 0, (exc.getColumnNumber() or 0) + 1),
        ) from None
    except IndexError:  # rdflib's Turtle parser reading past the end of a cut-off statement
        line = text.count("\n") + (0 if text.endswith("\n") else 1)
        raise InputError(
            f"invalid {fmt.value}: the file ends in the middle of a statement",
            SourceLocation(where.file, line),
        ) from None
    except Exception as exc:  # rdflib raises many types for syntax errors
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        found = _bad_ntriples_line(text) if fmt is RdfFormat.NTRIPLES else None
        match = _LINE_IN_MESSAGE.search(str(exc))
        line = found if found is not None else int(match.group(1)) if match else 0
        raise InputError(
            f"invalid {fmt.value}: {message}", SourceLocation(where.file, line)
        ) from None
    return graph


def _bad_ntriples_line(text: str) -> int | None:
    """The number of the first line rdflib cannot read: N-Triples is one statement a line, and
    rdflib's errors do not say which."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            with _quiet_rdflib():
                Graph(bind_namespaces="none").parse(data=line + "\n", format="nt")
        except Exception:  # any parse failure marks the line
            return number
    return None


def serialize(graph: Graph, fmt: RdfFormat) -> str:
    """Turtle or N-Triples text of ``graph``, the same bytes for the same graph every time."""
    if fmt is RdfFormat.TURTLE:
        return graph.serialize(format="turtle")
    if fmt is RdfFormat.NTRIPLES:
        lines = graph.serialize(format="nt").splitlines()
        return "".join(sorted(line + "\n" for line in lines if line.strip()))
    if fmt is RdfFormat.RDFXML:
        return graph.serialize(format="pretty-xml")
    raise ValueError(
        f"serialize() writes Turtle, N-Triples and RDF/XML; use muniorg.jsonld for {fmt.value}"
    )
