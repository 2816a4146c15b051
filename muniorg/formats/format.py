"""The formats muniorg reads and writes: one enum, with everything known about each format.

Each :class:`RdfFormat` member carries its names, file extensions, IANA media type, label and,
for the formats a build publishes, its code in the EU file-type authority table (which DCAT-AP
uses for ``dct:format``). :data:`OUTPUT_FORMATS` are those published formats, in the order a
build writes them. Adding a format means adding a member and its :class:`_Spec` here (plus a
parser and writer in :mod:`muniorg.formats.rdf` if rdflib has none); it is published when its
``eu_file_type`` is set.

Example:
    >>> from pathlib import Path
    >>> RdfFormat.from_path(Path("soroe.ttl")), RdfFormat.parse("jsonld")
    (<RdfFormat.TURTLE: 'turtle'>, <RdfFormat.JSONLD: 'jsonld'>)
    >>> [f.extension for f in OUTPUT_FORMATS]
    ['.jsonld', '.ttl', '.nt']
    >>> str(RdfFormat.TURTLE.eu_file_type)
    'http://publications.europa.eu/resource/authority/file-type/RDF_TURTLE'
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from muniorg.core.errors import InputError
from muniorg.core.location import SourceLocation
from muniorg.core.namespaces import EU_FILE_TYPE

#: Where IANA's media type registry gives each media type an IRI (DCAT-AP's ``dcat:mediaType``).
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class _Spec:
    """What is known about one format."""

    #: The extensions files of this format may have; the first is the one written.
    extensions: tuple[str, ...]
    #: Other names :meth:`RdfFormat.parse` accepts beside the member's value.
    aliases: tuple[str, ...]
    media_type: str
    label: str
    #: The code in the EU file-type table; ``None`` for a format muniorg does not publish.
    eu_file_type: str | None = None


class RdfFormat(enum.Enum):
    """Input and output formats.

    >>> RdfFormat.parse("ttl").media_type, RdfFormat.JSONLD.extension, RdfFormat.NTRIPLES.label
    ('text/turtle', '.jsonld', 'N-Triples')
    >>> RdfFormat.YAML.eu_file_type is None
    True
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
        if key in _NAMES:
            return _NAMES[key]
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
    def extensions(self) -> tuple[str, ...]:
        """Every extension files of this format may have (``.ttl``, ``.turtle`` ...)."""
        return _SPECS[self].extensions

    @property
    def extension(self) -> str:
        """The extension of the files muniorg writes in this format."""
        return _SPECS[self].extensions[0]

    @property
    def media_type(self) -> str:
        """The IANA media type, e.g. ``text/turtle``."""
        return _SPECS[self].media_type

    @property
    def label(self) -> str:
        """The name people know the format by, e.g. ``N-Triples``."""
        return _SPECS[self].label

    @property
    def eu_file_type(self) -> URIRef | None:
        """The format's IRI in the EU file-type authority table; ``None`` if it is not published."""
        code = _SPECS[self].eu_file_type
        return None if code is None else EU_FILE_TYPE[code]

    @property
    def media_type_iri(self) -> URIRef:
        """The media type as the IANA registry IRI DCAT-AP expects for ``dcat:mediaType``.

        >>> str(RdfFormat.JSONLD.media_type_iri)
        'https://www.iana.org/assignments/media-types/application/ld+json'
        """
        return URIRef(IANA_MEDIA_TYPES + self.media_type)


_SPECS = {
    RdfFormat.YAML: _Spec((".yaml", ".yml"), ("yml",), "application/yaml", "YAML"),
    RdfFormat.TURTLE: _Spec((".ttl",), ("ttl",), "text/turtle", "Turtle", "RDF_TURTLE"),
    RdfFormat.NTRIPLES: _Spec(
        (".nt",), ("nt",), "application/n-triples", "N-Triples", "RDF_N_TRIPLES"
    ),
    RdfFormat.JSONLD: _Spec(
        (".jsonld", ".json"), ("json",), "application/ld+json", "JSON-LD", "JSON_LD"
    ),
    RdfFormat.RDFXML: _Spec(
        (".rdf", ".xml", ".owl"), ("rdf", "xml", "owl"), "application/rdf+xml", "RDF/XML"
    ),
}
_NAMES = {name: f for f, spec in _SPECS.items() for name in (f.value, *spec.aliases)}
_EXTENSIONS = {ext: f for f, spec in _SPECS.items() for ext in spec.extensions}

#: The formats a build publishes and export writes, in the order they are written.
OUTPUT_FORMATS = (RdfFormat.JSONLD, RdfFormat.TURTLE, RdfFormat.NTRIPLES)

__all__ = ["IANA_MEDIA_TYPES", "OUTPUT_FORMATS", "RdfFormat"]
