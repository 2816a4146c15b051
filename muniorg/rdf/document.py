"""A loaded document: its top object, its graph, and where each of its objects and keys came
from, so that every result and error can name ``file:line:column``.

Example:
    >>> from pathlib import Path
    >>> from muniorg.model.classes import Person
    >>> document = SourceDocument(Path("p.yaml"), "p", Person(id="https://ex.org/p", name="Bo"))
    >>> len(document.graph()), document.locate("https://ex.org/p") is None
    (5, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from muniorg.core.location import SourceLocation
from muniorg.model.node import Node
from muniorg.rdf.graph import to_graph


@dataclass
class SourceDocument:
    """One loaded authoring file: its top object and where each object and key came from.

    ``locations`` maps ``(IRI, key)`` to a position; ``(IRI, None)`` is the object itself.
    """

    path: Path
    local_id: str
    root: Node
    locations: dict[tuple[str, str | None], SourceLocation] = field(default_factory=dict)

    def graph(self) -> Graph:
        """The RDF graph of this file's data."""
        return to_graph(self.root)

    def locate(self, iri: str, key: str | None = None) -> SourceLocation | None:
        """Where ``key`` of object ``iri`` was written, falling back to the object itself."""
        return self.locations.get((iri, key)) or self.locations.get((iri, None))


__all__ = ["SourceDocument"]
