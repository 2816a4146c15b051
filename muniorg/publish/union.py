"""The whole data set's files, merged from the files each unit of a build wrote.

A national build's union is a million triples. Nothing here builds it as a graph: N-Triples is a
k-way merge of the units' sorted lines, streamed to the file (a triple in two units is written
once); the flattened JSON-LD is a k-way merge of the units' objects (``flat.jsonl``, see
:mod:`muniorg.publish.units`), sorted by id as :func:`muniorg.rdf.jsonld.flatten` sorts them,
with an object described in two units merged as ``flatten`` merges it; Turtle is written from
the merged N-Triples. The bytes are those :func:`muniorg.publish.render.render_all` gives for
the union (``flat=True``), which the tests check.

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
import re
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from muniorg.core.namespaces import PREFIXES
from muniorg.core.resources import CONTEXT_IRI
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
from muniorg.formats.jsonld import indented_json
from muniorg.formats.rdf import turtle_from_ntriples
from muniorg.model.walk import natural_key

#: A unit's objects for the whole data set's JSON-LD (see :func:`write_flat_jsonld`).
FLAT_FILE = "flat.jsonl"
#: A unit's subjects, one IRI a line, in the order of its Turtle's blocks.
SUBJECTS_FILE = "subjects.txt"


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
    return indented_json(merged).replace("\n", "\n    ")


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
    write_flat_jsonld([unit / FLAT_FILE for unit, _ in units], paths[RdfFormat.JSONLD])
    turtle = [(unit / f"{local_id}.ttl", unit / SUBJECTS_FILE) for unit, local_id in units]
    if not merge_turtle_files(turtle, paths[RdfFormat.TURTLE]):
        prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        text = turtle_from_ntriples(ntriples.read_text(encoding="utf-8"), prefixes)
        paths[RdfFormat.TURTLE].write_text(text, encoding="utf-8", newline="\n")
    return list(paths.values())


_PREFIX = re.compile(r"@prefix ([^:\s]*): <([^>]*)> \.\n")


def _turtle_parts(text: str) -> tuple[dict[str, str], list[str]]:
    """The prefixes and the subject blocks of Turtle that :func:`muniorg.formats.rdf.serialize`
    wrote (pyoxigraph's layout: ``@prefix`` lines, then one block per subject, its further
    lines indented with a tab; literals never span lines)."""
    prefixes: dict[str, str] = {}
    blocks: list[str] = []
    for line in text.splitlines(keepends=True):
        if not blocks and (match := _PREFIX.fullmatch(line)):
            prefixes[match.group(1)] = match.group(2)
        elif line.startswith("\t") and blocks:
            blocks[-1] += line
        else:
            blocks.append(line)
    return prefixes, blocks


def merge_turtle_files(parts: Sequence[tuple[Path, Path]], out: Path) -> bool:
    """Write the Turtle of the union of units to ``out`` by merging their subject blocks, when
    that gives the bytes of writing the union at once; ``False`` (nothing written) when it may
    not: a subject described in two units, or a unit whose blocks are not one per subject
    (blank nodes written inline). ``parts``: each unit's ``.ttl`` and its subjects file (the
    IRIs of its subjects, in the order of its blocks).

    Each triple's subject holds all its triples in one unit, so the union's block of a subject is
    that unit's block, and the union's prefixes are the units' together (each unit binds, for
    every IRI it holds, the longest namespace of :data:`~muniorg.core.namespaces.PREFIXES`).
    """
    prefixes: dict[str, str] = {}
    streams: list[list[tuple[str, str]]] = []
    seen: set[str] = set()
    for turtle, subjects_file in parts:
        if not subjects_file.is_file():
            return False
        subjects = subjects_file.read_text(encoding="utf-8").splitlines()
        unit_prefixes, blocks = _turtle_parts(turtle.read_text(encoding="utf-8"))
        if len(blocks) != len(subjects) or seen.intersection(subjects):
            return False
        seen.update(subjects)
        prefixes.update(unit_prefixes)
        streams.append(list(zip(subjects, blocks, strict=True)))
    del seen
    header = ""
    if streams and any(streams):
        # pyoxigraph's order of the @prefix lines, for these prefixes: that of a one-triple file.
        probe = [ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), ox.NamedNode("urn:x"))]
        written = ox.serialize(
            probe, format=ox.RdfFormat.TURTLE, prefixes=dict(sorted(prefixes.items()))
        )
        assert written is not None
        header = "".join(
            line
            for line in written.decode("utf-8").splitlines(keepends=True)
            if line.startswith("@prefix ")
        )
    with out.open("w", encoding="utf-8", newline="\n") as sink:
        sink.write(header)
        for _, block in heapq.merge(*streams, key=lambda item: item[0]):
            sink.write(block)
    return True


__all__ = [
    "merge_ntriples_files",
    "merge_turtle_files",
    "merged_objects",
    "write_flat_jsonld",
    "write_union",
]
