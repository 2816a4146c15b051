"""The whole data set's files, merged from the files each unit of a build wrote.

A national build's union is a million triples. Nothing here builds it as a graph: N-Triples is a
k-way merge of the units' sorted lines, streamed to the file (a triple in two units is written
once); the flattened JSON-LD is a k-way merge of the units' objects (``flat.jsonl``, see
:mod:`muniorg.publish.units`), sorted by id as :func:`muniorg.rdf.jsonld.flatten` sorts them,
with an object described in two units merged as ``flatten`` merges it; Turtle is written from
the merged N-Triples. The bytes are those :func:`muniorg.publish.render.render_union` gives.

Example:
    >>> import pathlib, tempfile
    >>> a, b = (pathlib.Path(tempfile.mkdtemp()) for _ in range(2))
    >>> _ = (a / "x.nt").write_text("<https://ex.org/a> <https://ex.org/p> \\"1\\" .\\n")
    >>> _ = (b / "y.nt").write_text("<https://ex.org/a> <https://ex.org/p> \\"1\\" .\\n")
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "all.nt"
    >>> merge_ntriples_files([a / "x.nt", b / "y.nt"], out)
    >>> out.read_text()
    '<https://ex.org/a> <https://ex.org/p> "1" .\\n'
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import json
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

from muniorg.core.namespaces import PREFIXES
from muniorg.core.resources import CONTEXT_IRI
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
from muniorg.formats.rdf import turtle_from_ntriples
from muniorg.model.walk import natural_key


def _lines(path: Path) -> Generator[str, None, None]:
    # newline="\n": N-Triples ends statements with a line feed only; a literal may hold U+2028.
    with path.open(encoding="utf-8", newline="\n") as stream:
        yield from stream


def merge_ntriples_files(parts: Sequence[Path], out: Path) -> None:
    """Write the sorted union of the N-Triples files ``parts`` (each sorted, as a build writes
    them) to ``out``."""
    with contextlib.ExitStack() as stack, out.open("w", encoding="utf-8", newline="\n") as sink:
        streams = [stack.enter_context(contextlib.closing(_lines(p))) for p in parts]
        previous = None
        for line in heapq.merge(*streams):
            if line != previous:
                sink.write(line if line.endswith("\n") else line + "\n")
                previous = line


def _keyed(path: Path) -> Generator[tuple[tuple[Any, ...], str, str], None, None]:
    for line in _lines(path):
        iri, text = json.loads(line)
        yield natural_key(iri), iri, text


def merged_objects(parts: Sequence[Path]) -> Iterator[str]:
    """The texts of the objects of the ``flat.jsonl`` files ``parts`` (see
    :func:`muniorg.publish.units.flat_lines`), in the order and merged as
    :func:`muniorg.rdf.jsonld.flatten` of all their documents orders and merges them."""
    with contextlib.ExitStack() as stack:
        streams = [stack.enter_context(contextlib.closing(_keyed(p))) for p in parts]
        merged = heapq.merge(*streams, key=lambda item: item[0])
        for _, run in itertools.groupby(merged, key=lambda item: item[0]):
            by_id: dict[str, list[str]] = {}
            for _, iri, text in run:
                by_id.setdefault(iri, []).append(text)
            for texts in by_id.values():
                yield texts[0] if len(texts) == 1 else _merge(texts)


def _merge(texts: Sequence[str]) -> str:
    """One object described in several documents: the first value of each key, as
    :func:`muniorg.rdf.jsonld.flatten` merges it."""
    merged: dict[str, Any] = json.loads(texts[0])
    for text in texts[1:]:
        for key, value in json.loads(text).items():
            merged.setdefault(key, value)
    return json.dumps(merged, indent=2, ensure_ascii=False).replace("\n", "\n    ")


def write_flat_jsonld(parts: Sequence[Path], out: Path) -> None:
    """Write the flattened JSON-LD document of the ``flat.jsonl`` files ``parts`` to ``out``,
    formatted as :func:`muniorg.formats.jsonld.dumps` formats it."""
    with out.open("w", encoding="utf-8", newline="\n") as sink:
        sink.write("{\n  " + json.dumps("@context") + ": " + json.dumps(CONTEXT_IRI) + ",\n")
        sink.write('  "@graph": [')
        first = True
        for text in merged_objects(parts):
            sink.write(("\n    " if first else ",\n    ") + text)
            first = False
        sink.write("]\n}\n" if first else "\n  ]\n}\n")


def write_union(folder: Path, slug: str, units: Sequence[tuple[Path, str]]) -> list[Path]:
    """Write the whole data set's files ``{slug}.jsonld``, ``.ttl`` and ``.nt`` into ``folder``
    from ``units`` (each a unit's folder and its document's id); the paths, in the order of
    :data:`~muniorg.formats.format.OUTPUT_FORMATS`."""
    paths = {fmt: folder / f"{slug}{fmt.extension}" for fmt in OUTPUT_FORMATS}
    ntriples = paths[RdfFormat.NTRIPLES]
    merge_ntriples_files([unit / f"{local_id}.nt" for unit, local_id in units], ntriples)
    write_flat_jsonld([unit / "flat.jsonl" for unit, _ in units], paths[RdfFormat.JSONLD])
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    turtle = turtle_from_ntriples(ntriples.read_text(encoding="utf-8"), prefixes)
    paths[RdfFormat.TURTLE].write_text(turtle, encoding="utf-8", newline="\n")
    return list(paths.values())


__all__ = ["merge_ntriples_files", "merged_objects", "write_flat_jsonld", "write_union"]
