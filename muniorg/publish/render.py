"""The published texts of documents: JSON-LD, Turtle and N-Triples, on several processes.

Example:
    >>> import pathlib, tempfile
    >>> from muniorg.authoring.load import load_paths
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.yaml").write_text(
    ...     "type: Municipality\\nid: x\\nname: {da: X}\\ncountry: DNK\\n", encoding="utf-8")
    >>> [r.local_id for r in render_documents_parallel(load_paths([folder]).documents)]
    ['x']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph

from muniorg.core.pool import map_documents
from muniorg.formats.format import RdfFormat
from muniorg.formats.jsonld import dumps
from muniorg.formats.rdf import serialize
from muniorg.rdf.document import SourceDocument
from muniorg.rdf.jsonld import to_jsonld


@dataclass(frozen=True)
class RenderedDocument:
    """The published texts of one document."""

    local_id: str
    jsonld: str
    turtle: str
    ntriples: str
    triples: int


def render_document(unit: tuple[SourceDocument, Graph]) -> RenderedDocument:
    """JSON-LD, Turtle and N-Triples of one (document, its graph)."""
    document, graph = unit
    return RenderedDocument(
        local_id=document.local_id,
        jsonld=dumps(to_jsonld(document.root)),
        turtle=serialize(graph, RdfFormat.TURTLE),
        ntriples=serialize(graph, RdfFormat.NTRIPLES),
        triples=len(graph),
    )


def render_documents_parallel(
    documents: Sequence[SourceDocument],
    jobs: int = 1,
    *,
    graphs: Sequence[Graph] | None = None,
    chunk_size: int | None = None,
) -> list[RenderedDocument]:
    """The published texts of every document, in document order, on ``jobs`` processes.

    ``graphs`` are the documents' graphs when the caller has them already (a build does).
    """
    graphs = list(graphs) if graphs is not None else [d.graph() for d in documents]
    units = list(zip(documents, graphs, strict=True))
    return map_documents(render_document, units, jobs, chunk_size=chunk_size)


__all__ = ["RenderedDocument", "render_documents_parallel"]
