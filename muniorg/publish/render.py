"""The text of what is published: the one place where files are rendered.

:func:`render` is the only producer of published text: JSON-LD from the model (one object
compact, several flattened), every other format from the graph. :func:`render_all` gives the
texts of several formats at once, :func:`render_many` of many units on a process pool.
``muniorg export`` (:mod:`muniorg.publish.convert`) and ``muniorg build``
(:mod:`muniorg.publish.build`: each document and the whole data set) call them.

Example:
    >>> from muniorg.model.classes import Person
    >>> from muniorg.rdf.graph import to_graph
    >>> person = Person(id="https://ex.org/p", name="Bo")
    >>> [texts] = render_many([Published([person], to_graph(person))])
    >>> print(texts[RdfFormat.NTRIPLES], end="")
    <https://ex.org/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .
    <https://ex.org/p> <http://xmlns.com/foaf/0.1/name> "Bo" .
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from rdflib import Graph

from muniorg.core.pool import map_documents
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
from muniorg.formats.jsonld import dumps
from muniorg.formats.rdf import serialize
from muniorg.model.node import Node
from muniorg.rdf.jsonld import flatten, to_jsonld


class Published(NamedTuple):
    """What is published of one unit (a document, or the whole data set): its top objects and
    their graph, which say the same."""

    roots: Sequence[Node]
    graph: Graph


def render(roots: Sequence[Node], graph: Graph, fmt: RdfFormat, *, flat: bool = False) -> str:
    """The text of ``roots`` (whose triples are ``graph``) in ``fmt``: JSON-LD from the model
    (compact for one object, flattened for several or when ``flat``), the other formats from the
    graph.

    >>> from muniorg.model.classes import Person
    >>> from muniorg.rdf.graph import to_graph
    >>> bo = Person(id="https://ex.org/p", name="Bo")
    >>> print(render([bo], to_graph(bo), RdfFormat.JSONLD), end="")
    {
      "@context": "https://w3id.org/muniorg/context.jsonld",
      "id": "https://ex.org/p",
      "type": "Person",
      "name": "Bo"
    }
    """
    if fmt is RdfFormat.JSONLD:
        return dumps(to_jsonld(roots[0]) if len(roots) == 1 and not flat else flatten(roots))
    return serialize(graph, fmt)


def render_all(
    roots: Sequence[Node],
    graph: Graph,
    formats: Sequence[RdfFormat] = OUTPUT_FORMATS,
    *,
    flat: bool = False,
) -> dict[RdfFormat, str]:
    """:func:`render` in each of ``formats``."""
    return {fmt: render(roots, graph, fmt, flat=flat) for fmt in formats}


def render_many(
    units: Sequence[Published], jobs: int = 1, *, chunk_size: int | None = None
) -> list[dict[RdfFormat, str]]:
    """The :data:`~muniorg.formats.format.OUTPUT_FORMATS` texts of each unit, in order, on
    ``jobs`` processes (the same texts for any ``jobs``)."""
    return map_documents(_render_unit, units, jobs, chunk_size=chunk_size)


def _render_unit(unit: Published) -> dict[RdfFormat, str]:
    return render_all(unit.roots, unit.graph)


def write_texts(folder: Path, slug: str, texts: Mapping[RdfFormat, str]) -> list[Path]:
    """Write each text to ``folder/{slug}{extension}`` (UTF-8, ``\\n`` line ends); the paths,
    in the order of ``texts``. For a staging folder: nothing here is atomic."""
    paths = []
    for fmt, text in texts.items():
        path = folder / f"{slug}{fmt.extension}"
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


__all__ = [
    "Published",
    "render",
    "render_all",
    "render_many",
    "write_texts",
]
