"""Read RDF files safely and write them deterministically.

Formats are an enum, chosen by file extension unless given. Reading never touches the network:
JSON-LD goes through the offline loader of :mod:`muniorg.jsonld`, and RDF/XML with a DOCTYPE or
entity declaration is refused before parsing (external entities are how XML reaches out).
Writing is byte-for-byte deterministic: Turtle in rdflib's sorted layout, N-Triples as sorted
lines.

Example:
    >>> from pathlib import Path
    >>> from muniorg.rdfio import RdfFormat
    >>> RdfFormat.from_path(Path("soroe.ttl")), RdfFormat.parse("jsonld")
    (<RdfFormat.TURTLE: 'turtle'>, <RdfFormat.JSONLD: 'jsonld'>)
"""

from __future__ import annotations

import enum
import json
import re
from pathlib import Path

from rdflib import Graph

from muniorg.errors import InputError, LimitExceeded, NetworkAccessRefused
from muniorg.jsonld import jsonld_to_graph
from muniorg.limits import Limits, read_limited
from muniorg.mapping import new_graph
from muniorg.results import SourceLocation


class RdfFormat(enum.Enum):
    """Input and output formats."""

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
_XML_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def read_graph(path: Path, fmt: RdfFormat | None = None, limits: Limits | None = None) -> Graph:
    """Parse an RDF file (Turtle, N-Triples, JSON-LD, RDF/XML) into a graph, offline.

    :raises InputError: for unreadable or malformed files, with the line where known.
    :raises NetworkAccessRefused: for documents that would need a URL fetched.
    :raises LimitExceeded: for files over the size or triple limits.
    """
    limits = limits or Limits.from_env()
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
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"invalid JSON: {exc.msg}", SourceLocation(str(path), exc.lineno, exc.colno)
            ) from None
        graph = jsonld_to_graph(document, str(path))
    else:
        if fmt is RdfFormat.RDFXML and _XML_DECLARATIONS.search(raw.data):
            raise NetworkAccessRefused(
                "RDF/XML with a DOCTYPE or ENTITY declaration is refused: external entities could "
                "read files or fetch URLs",
                where,
            )
        graph = new_graph()
        try:
            graph.parse(data=text, format=_RDFLIB_FORMAT[fmt])
        except Exception as exc:  # rdflib raises many types for syntax errors
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            match = _LINE_IN_MESSAGE.search(str(exc))
            line = int(match.group(1)) if match else 0
            raise InputError(
                f"invalid {fmt.value}: {message}", SourceLocation(str(path), line)
            ) from None
    if len(graph) > limits.max_triples:
        raise LimitExceeded(
            f"{len(graph)} triples, over the limit of {limits.max_triples} (raise it with MUNIORG_MAX_TRIPLES)",
            where,
        )
    return graph


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
