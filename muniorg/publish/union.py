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
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from muniorg.core.namespaces import PREFIXES
from muniorg.core.resources import CONTEXT_IRI
from muniorg.formats.files import digest_file
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


def merge_ntriples_files(parts: Sequence[Path], out: Path, shared: set[str] | None = None) -> None:
    """Write the sorted union of the N-Triples files ``parts`` (each sorted, as a build writes
    them) to ``out``; add the lines found in more than one part to ``shared``."""
    with contextlib.ExitStack() as stack, out.open("w", encoding="utf-8", newline="\n") as sink:
        streams = [stack.enter_context(contextlib.closing(_lines(p))) for p in parts]
        previous = None
        for line in heapq.merge(*streams):
            if line != previous:
                sink.write(line if line.endswith("\n") else line + "\n")
                previous = line
            elif shared is not None:
                shared.add(line if line.endswith("\n") else line + "\n")


def _keyed(path: Path) -> Generator[tuple[tuple[Any, ...], str, str], None, None]:
    for line in _lines(path):
        iri, text = json.loads(line)
        yield natural_key(iri), iri, text


def merged_objects(parts: Sequence[Path], shared: set[str] | None = None) -> Iterator[str]:
    """The texts of the objects of the ``flat.jsonl`` files ``parts`` (see
    :func:`muniorg.publish.units.flat_lines`), in the order and merged as
    :func:`muniorg.rdf.jsonld.flatten` of all their documents orders and merges them. The ids
    of objects that share their sort key with another object (the same id in two parts, or
    ids that sort alike) are added to ``shared``."""
    with contextlib.ExitStack() as stack:
        streams = [stack.enter_context(contextlib.closing(_keyed(p))) for p in parts]
        merged = heapq.merge(*streams, key=lambda item: item[0])
        for _, run in itertools.groupby(merged, key=lambda item: item[0]):
            by_id: dict[str, list[str]] = {}
            count = 0
            for _, iri, text in run:
                by_id.setdefault(iri, []).append(text)
                count += 1
            if count > 1 and shared is not None:
                shared.update(by_id)
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


#: The start of the whole data set's JSON-LD, up to its first object.
JSONLD_HEAD = "{\n  " + json.dumps("@context") + ": " + json.dumps(CONTEXT_IRI) + ',\n  "@graph": ['


def write_flat_jsonld(parts: Sequence[Path], out: Path, shared: set[str] | None = None) -> None:
    """Write the flattened JSON-LD document of the ``flat.jsonl`` files ``parts`` to ``out``,
    formatted as :func:`muniorg.formats.jsonld.dumps` formats it (``shared``: see
    :func:`merged_objects`)."""
    with out.open("w", encoding="utf-8", newline="\n") as sink:
        sink.write(JSONLD_HEAD)
        first = True
        for text in merged_objects(parts, shared):
            sink.write(("\n    " if first else ",\n    ") + text)
            first = False
        sink.write("]\n}\n" if first else "\n  ]\n}\n")


@dataclass(frozen=True)
class UnionPart:
    """A unit's files for the whole data set: its folder, its document's id, and the SHA-256
    of its ``{id}.nt``, ``{id}.ttl``, :data:`FLAT_FILE` and :data:`SUBJECTS_FILE` by name
    (a unit without a subjects file has none)."""

    folder: Path
    local_id: str
    sha256: Mapping[str, str]


@dataclass(frozen=True)
class UnionState:
    """What the next build needs to update the whole data set's files instead of merging them
    again (:func:`muniorg.publish.union_update.update_union`): the units they were merged
    from, what more than one unit holds, the Turtle's prefixes with the number of units that
    bind each (``None`` when the Turtle was written whole), and the files' SHA-256 by name,
    with their SHA-1 when a catalog wanted them (it gives both: they are not read again)."""

    parts: tuple[UnionPart, ...]
    shared_lines: frozenset[str]
    shared_ids: frozenset[str]
    prefixes: Mapping[str, tuple[str, int]] | None
    files: Mapping[str, str]
    sha1: Mapping[str, str]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": _STATE_FORMAT,
            "parts": [[str(p.folder), p.local_id, dict(p.sha256)] for p in self.parts],
            "shared_lines": sorted(self.shared_lines),
            "shared_ids": sorted(self.shared_ids),
            "prefixes": None if self.prefixes is None else dict(sorted(self.prefixes.items())),
            "files": dict(self.files),
            "sha1": dict(self.sha1),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> UnionState | None:
        """The state ``data`` holds, or ``None`` when it is of another format or damaged."""
        try:
            if data["format"] != _STATE_FORMAT:
                return None
            prefixes = data["prefixes"]
            return cls(
                parts=tuple(UnionPart(Path(f), i, dict(s)) for f, i, s in data["parts"]),
                shared_lines=frozenset(data["shared_lines"]),
                shared_ids=frozenset(data["shared_ids"]),
                prefixes=None
                if prefixes is None
                else {k: (str(v[0]), int(v[1])) for k, v in prefixes.items()},
                files=dict(data["files"]),
                sha1=dict(data["sha1"]),
            )
        except (KeyError, TypeError, ValueError):
            return None


_STATE_FORMAT = 2


def union_paths(folder: Path, slug: str) -> dict[RdfFormat, Path]:
    """The whole data set's files in ``folder``, by format.

    >>> sorted(p.name for p in union_paths(Path("out"), "muniorg-dataset").values())
    ['muniorg-dataset.jsonld', 'muniorg-dataset.nt', 'muniorg-dataset.ttl']
    """
    return {fmt: folder / f"{slug}{fmt.extension}" for fmt in OUTPUT_FORMATS}


def write_union(
    folder: Path, slug: str, units: Sequence[UnionPart], sha1: bool = False
) -> tuple[list[Path], UnionState]:
    """Write the whole data set's files ``{slug}.jsonld``, ``.ttl`` and ``.nt`` into ``folder``
    from ``units``, merging every unit's files; the paths, in the order of
    :data:`~muniorg.formats.format.OUTPUT_FORMATS`, and the state the next build can update
    them from (with the files' SHA-1 when ``sha1``)."""
    paths = union_paths(folder, slug)
    ntriples = paths[RdfFormat.NTRIPLES]
    shared_lines: set[str] = set()
    shared_ids: set[str] = set()
    merge_ntriples_files(
        [unit.folder / f"{unit.local_id}.nt" for unit in units], ntriples, shared_lines
    )
    write_flat_jsonld(
        [unit.folder / FLAT_FILE for unit in units], paths[RdfFormat.JSONLD], shared_ids
    )
    turtle = [(unit.folder / f"{unit.local_id}.ttl", unit.folder / SUBJECTS_FILE) for unit in units]
    counts: dict[str, tuple[str, int]] = {}
    if not merge_turtle_files(turtle, paths[RdfFormat.TURTLE], counts):
        prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        text = turtle_from_ntriples(ntriples.read_text(encoding="utf-8"), prefixes)
        paths[RdfFormat.TURTLE].write_text(text, encoding="utf-8", newline="\n")
        counts = {}
        merged = False
    else:
        merged = True
    algorithms = ("sha256", "sha1") if sha1 else ("sha256",)
    digests = {path.name: digest_file(path, *algorithms)[1] for path in paths.values()}
    state = UnionState(
        parts=tuple(units),
        shared_lines=frozenset(shared_lines),
        shared_ids=frozenset(shared_ids),
        prefixes=counts if merged else None,
        files={name: found[0] for name, found in digests.items()},
        sha1={name: found[1] for name, found in digests.items() if len(found) > 1},
    )
    return list(paths.values()), state


def turtle_header(prefixes: Mapping[str, str]) -> str:
    """The ``@prefix`` lines pyoxigraph writes for ``prefixes``, in its order: those of a
    one-triple file.

    >>> turtle_header({"ex": "https://ex.org/"})
    '@prefix ex: <https://ex.org/> .\\n'
    """
    probe = [ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), ox.NamedNode("urn:x"))]
    written = ox.serialize(
        probe, format=ox.RdfFormat.TURTLE, prefixes=dict(sorted(prefixes.items()))
    )
    assert written is not None
    return "".join(
        line
        for line in written.decode("utf-8").splitlines(keepends=True)
        if line.startswith("@prefix ")
    )


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


def merge_turtle_files(
    parts: Sequence[tuple[Path, Path]],
    out: Path,
    counts: dict[str, tuple[str, int]] | None = None,
) -> bool:
    """Write the Turtle of the union of units to ``out`` by merging their subject blocks, when
    that gives the bytes of writing the union at once; ``False`` (nothing written) when it may
    not: a subject described in two units, or a unit whose blocks are not one per subject
    (blank nodes written inline). ``parts``: each unit's ``.ttl`` and its subjects file (the
    IRIs of its subjects, in the order of its blocks). ``counts`` receives each prefix with its
    namespace and the number of units that bind it.

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
        if counts is not None:
            for prefix, namespace in unit_prefixes.items():
                counts[prefix] = (namespace, counts.get(prefix, ("", 0))[1] + 1)
        streams.append(list(zip(subjects, blocks, strict=True)))
    del seen
    header = turtle_header(prefixes) if streams and any(streams) else ""
    with out.open("w", encoding="utf-8", newline="\n") as sink:
        sink.write(header)
        for _, block in heapq.merge(*streams, key=lambda item: item[0]):
            sink.write(block)
    return True


__all__ = [
    "JSONLD_HEAD",
    "UnionPart",
    "UnionState",
    "merge_ntriples_files",
    "merge_turtle_files",
    "merged_objects",
    "turtle_header",
    "union_paths",
    "write_flat_jsonld",
    "write_union",
]
