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
    >>> merge_ntriples_files([Slice.whole(a / "x.nt"), Slice.whole(b / "y.nt")], out)
    >>> out.read_text()
    '<https://ex.org/a> <https://ex.org/p> "1" .\\n'
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import itertools
import json
import os
import re
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import pyoxigraph as ox

from muniorg.core.errors import OutputError
from muniorg.core.namespaces import PREFIXES
from muniorg.core.pool import discard_pool, forked_pool
from muniorg.core.resources import CONTEXT_IRI
from muniorg.formats.files import start_writeback
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat
from muniorg.formats.jsonld import indented_json
from muniorg.formats.pack import CutShort, Slice, lost_pack
from muniorg.formats.rdf import turtle_from_ntriples
from muniorg.model.walk import natural_key

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

#: A unit's objects for the whole data set's JSON-LD (see :func:`write_flat_jsonld`).
FLAT_FILE = "flat.jsonl"
#: A unit's subjects, one IRI a line, in the order of its Turtle's blocks.
SUBJECTS_FILE = "subjects.txt"


class _Sink:
    """A new file ``path``, written as UTF-8 text, whose size and digests (``hashlib`` names
    ``algorithms``) are taken of the bytes as they are written: the file is not read again.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> with _Sink(path, ("sha256",)) as sink:
    ...     sink.write("é\\n")
    >>> sink.size, sink.digests[0][:12], path.read_bytes()
    (3, 'edd3a863872a', b'\\xc3\\xa9\\n')
    """

    def __init__(self, path: Path, algorithms: Sequence[str] = ()) -> None:
        self._stream = path.open("wb")
        self._hashes = [hashlib.new(name, usedforsecurity=False) for name in algorithms]
        self._pending: list[str] = []
        self._length = 0
        self.size = 0
        self.digests: list[str] = []

    def write(self, text: str) -> None:
        self._pending.append(text)
        self._length += len(text)
        if self._length >= _SINK_CHUNK:
            self._flush()

    def write_bytes(self, data: bytes) -> None:
        self._flush()
        self._put(data)

    def _flush(self) -> None:
        if self._pending:
            self._put("".join(self._pending).encode("utf-8"))
            self._pending.clear()
            self._length = 0

    def _put(self, data: bytes) -> None:
        for digest in self._hashes:
            digest.update(data)
        self._stream.write(data)
        self.size += len(data)

    def __enter__(self) -> _Sink:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if exc[0] is None:
                self._flush()
                self.digests = [digest.hexdigest() for digest in self._hashes]
                self._stream.flush()
                start_writeback(self._stream.fileno())
        finally:
            self._stream.close()


#: The characters a :class:`_Sink` gathers before it encodes and writes them.
_SINK_CHUNK = 1 << 20


def merge_ntriples_files(parts: Sequence[Slice], out: Path, shared: set[str] | None = None) -> None:
    """Write the sorted union of the N-Triples files ``parts`` (each sorted, as a build writes
    them; files or parts of packs) to ``out``; add the lines found in more than one part to
    ``shared``."""
    with _Sink(out) as sink:
        _merge_ntriples(parts, sink, shared)


def _merge_ntriples(parts: Sequence[Slice], sink: _Sink, shared: set[str] | None) -> None:
    """:func:`merge_ntriples_files` into ``sink``. The lines are compared as UTF-8 bytes,
    which sort as their text does (by code point), and decoded only to be kept in ``shared``."""
    with contextlib.ExitStack() as stack:
        streams = [stack.enter_context(p.open()) for p in parts]
        previous = None
        out: list[bytes] = []
        for line in heapq.merge(*streams):
            if line != previous:
                out.append(line if line.endswith(b"\n") else line + b"\n")
                previous = line
                if len(out) >= _LINES_CHUNK:
                    sink.write_bytes(b"".join(out))
                    out.clear()
            elif shared is not None:
                shared.add((line if line.endswith(b"\n") else line + b"\n").decode("utf-8"))
        sink.write_bytes(b"".join(out))


#: The lines :func:`_merge_ntriples` gathers before it writes them.
_LINES_CHUNK = 8192


def _keyed(part: Slice) -> Generator[tuple[tuple[Any, ...], str, str], None, None]:
    # orjson: a line is parsed from its bytes in half the standard library's time, same values
    with part.open() as stream:
        for line in stream:
            iri, text = _keyed_line(line)
            yield natural_key(iri), iri, text


def _keyed_line(line: bytes) -> tuple[str, str]:
    """A ``flat.jsonl`` line's id and text."""
    iri, text = orjson.loads(line)
    return iri, text


def merged_objects(parts: Sequence[Slice], shared: set[str] | None = None) -> Iterator[str]:
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


def write_flat_jsonld(parts: Sequence[Slice], out: Path, shared: set[str] | None = None) -> None:
    """Write the flattened JSON-LD document of the ``flat.jsonl`` files ``parts`` to ``out``,
    formatted as :func:`muniorg.formats.jsonld.dumps` formats it (``shared``: see
    :func:`merged_objects`)."""
    with _Sink(out) as sink:
        _write_flat_jsonld(parts, sink, shared)


def _write_flat_jsonld(parts: Sequence[Slice], sink: _Sink, shared: set[str] | None) -> None:
    sink.write(JSONLD_HEAD)
    first = True
    for text in merged_objects(parts, shared):
        sink.write(("\n    " if first else ",\n    ") + text)
        first = False
    sink.write("]\n}\n" if first else "\n  ]\n}\n")


@dataclass(frozen=True)
class UnionPart:
    """A unit's files for the whole data set: its document's id, where the bytes of its
    ``{id}.nt``, ``{id}.ttl``, :data:`FLAT_FILE` and :data:`SUBJECTS_FILE` lie, by name (a
    unit without a subjects file has none), and their SHA-256 by name (empty when unknown)."""

    local_id: str
    files: Mapping[str, Slice]
    sha256: Mapping[str, str]

    @classmethod
    def in_folder(cls, folder: Path, local_id: str) -> UnionPart:
        """The unit whose files are those of ``folder``, whole (their SHA-256 unknown)."""
        names = (f"{local_id}.nt", f"{local_id}.ttl", FLAT_FILE, SUBJECTS_FILE)
        found = {name: Slice.whole(folder / name) for name in names if (folder / name).is_file()}
        return cls(local_id, found, {})


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
            "parts": [
                [
                    p.local_id,
                    {name: [str(f.path), f.offset, f.size] for name, f in p.files.items()},
                    dict(p.sha256),
                ]
                for p in self.parts
            ],
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
                parts=tuple(
                    UnionPart(
                        str(i),
                        {n: Slice(Path(f[0]), int(f[1]), int(f[2])) for n, f in w.items()},
                        dict(s),
                    )
                    for i, w, s in data["parts"]
                ),
                shared_lines=frozenset(data["shared_lines"]),
                shared_ids=frozenset(data["shared_ids"]),
                prefixes=None
                if prefixes is None
                else {k: (str(v[0]), int(v[1])) for k, v in prefixes.items()},
                files=dict(data["files"]),
                sha1=dict(data["sha1"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            return None


_STATE_FORMAT = 3


def union_paths(folder: Path, slug: str) -> dict[RdfFormat, Path]:
    """The whole data set's files in ``folder``, by format.

    >>> sorted(p.name for p in union_paths(Path("out"), "muniorg-dataset").values())
    ['muniorg-dataset.jsonld', 'muniorg-dataset.nt', 'muniorg-dataset.ttl']
    """
    return {fmt: folder / f"{slug}{fmt.extension}" for fmt in OUTPUT_FORMATS}


def write_union(
    folder: Path, slug: str, units: Sequence[UnionPart], sha1: bool = False, jobs: int = 1
) -> tuple[list[Path], UnionState]:
    """Write the whole data set's files ``{slug}.jsonld``, ``.ttl`` and ``.nt`` into ``folder``
    from ``units``, merging every unit's files (on up to ``jobs`` processes: see
    :class:`UnionMerge`); the paths, in the order of
    :data:`~muniorg.formats.format.OUTPUT_FORMATS`, and the state the next build can update
    them from (with the files' SHA-1 when ``sha1``)."""
    with UnionMerge(folder, slug, units, sha1, jobs) as merge:
        return merge.result()


#: A merge's result: what more than one unit holds (lines or ids; for Turtle the prefixes'
#: counts, ``None`` when it could not merge), and the file's digests (``None``: not written).
_Merged = tuple[Any, list[str] | None]


def _ntriples_task(parts: list[Slice], out: Path, algorithms: tuple[str, ...]) -> _Merged:
    shared: set[str] = set()
    with _Sink(out, algorithms) as sink:
        _merge_ntriples(parts, sink, shared)
    return shared, sink.digests


def _jsonld_task(parts: list[Slice], out: Path, algorithms: tuple[str, ...]) -> _Merged:
    shared: set[str] = set()
    with _Sink(out, algorithms) as sink:
        _write_flat_jsonld(parts, sink, shared)
    return shared, sink.digests


def _turtle_task(
    parts: list[tuple[Slice, Slice | None]], out: Path, algorithms: tuple[str, ...]
) -> _Merged:
    counts: dict[str, tuple[str, int]] = {}
    written: list[str] = []
    if not merge_turtle_files(parts, out, counts, algorithms, written):
        return None, None
    return counts, written


#: The merges, and the read end of a pipe that holds a byte for each merge nobody has taken
#: yet, its index (see :meth:`UnionMerge._start`).
_Claims = tuple[list[tuple[RdfFormat, Callable[..., _Merged], tuple[Any, ...]]], int]
#: Those of the merge whose processes are starting: they inherit them.
_CLAIMS: _Claims | None = None


def _take_tasks(
    own: int | None, algorithms: tuple[str, ...], claims: _Claims | None = None
) -> dict[RdfFormat, _Merged]:
    """Run the merge ``own`` (none for the process that started the merges), then every merge
    that nobody has taken yet, one at a time; their results by format. ``claims``: the
    merges and the pipe of those not taken, else those this process inherited
    (:data:`_CLAIMS`)."""
    found = claims or _CLAIMS
    assert found is not None, "a process of UnionMerge._start inherits them"
    tasks, pending = found
    done: dict[RdfFormat, _Merged] = {}
    index = own
    while True:
        if index is None:
            # A read of one byte from a pipe is one: no two processes take the same merge, and
            # none holds a lock that a process killed meanwhile would never give back.
            taken = os.read(pending, 1)
            if not taken:  # empty, and its write end closed: nothing left
                return done
            index = taken[0]
        fmt, task, args = tasks[index]
        done[fmt] = task(*args, algorithms)
        index = None


class UnionMerge:
    """:func:`write_union`'s three merges (N-Triples, JSON-LD, Turtle), started: they share
    nothing but their inputs, so with ``jobs`` above 1 they run on up to ``jobs`` processes
    forked from this one (:func:`muniorg.core.pool.forked_pool`), each writing its file into
    ``folder``, while this process goes on with its own work; :meth:`result` waits for them.
    With ``jobs`` 1 (or no fork, or when the processes cannot be started: ``os.fork`` failing
    under a container's process limit, those started are killed) :meth:`result` merges here.
    Either way the bytes are the same.

    An error in a merge is raised by :meth:`result` as it was raised (an ``OSError`` with its
    file name: a full disk ...); a process that ended without a result (killed, out of
    memory) is an :class:`~muniorg.core.errors.OutputError`. Leaving the ``with`` block waits
    for the processes, so that nothing writes into ``folder`` after it (the caller discards
    it when anything failed).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.nt").write_text("<https://ex.org/a> <https://ex.org/p> \\"1\\" .\\n")
    >>> _ = (folder / "a.ttl").write_text("")
    >>> _ = (folder / FLAT_FILE).write_text("")
    >>> unit = UnionPart.in_folder(folder, "a")
    >>> with UnionMerge(folder, "all", [unit], jobs=2) as merge:
    ...     paths, state = merge.result()
    >>> [p.name for p in paths], state.prefixes
    (['all.jsonld', 'all.ttl', 'all.nt'], None)
    >>> (folder / "all.nt").read_text() == (folder / "a.nt").read_text()
    True
    """

    def __init__(
        self,
        folder: Path,
        slug: str,
        units: Sequence[UnionPart],
        sha1: bool = False,
        jobs: int = 1,
    ) -> None:
        self.units = tuple(units)
        self.paths = union_paths(folder, slug)
        algorithms = ("sha256", "sha1") if sha1 else ("sha256",)
        # the longest first: with fewer processes than merges, the shortest waits
        self._tasks: list[tuple[RdfFormat, Callable[..., _Merged], tuple[Any, ...]]] = [
            (
                RdfFormat.NTRIPLES,
                _ntriples_task,
                ([u.files[f"{u.local_id}.nt"] for u in units], self.paths[RdfFormat.NTRIPLES]),
            ),
            (
                RdfFormat.JSONLD,
                _jsonld_task,
                ([u.files[FLAT_FILE] for u in units], self.paths[RdfFormat.JSONLD]),
            ),
            (
                RdfFormat.TURTLE,
                _turtle_task,
                (
                    [(u.files[f"{u.local_id}.ttl"], u.files.get(SUBJECTS_FILE)) for u in units],
                    self.paths[RdfFormat.TURTLE],
                ),
            ),
        ]
        self._algorithms = algorithms
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[dict[RdfFormat, _Merged]]] = []
        self._claims: _Claims | None = None
        if jobs > 1:
            self._start(min(jobs, len(self._tasks)))

    def _start(self, workers: int) -> None:
        """Start the merges on ``workers`` forked processes, each with its own merge first;
        the others go to whoever is free first, one of them or this process once its own work
        is done (:meth:`result`): on a fast disk this process is free before they are. When
        the processes cannot be started (``os.fork`` failing with ``EAGAIN`` under a
        container's process limit, ``ENOMEM``), kill those already started and leave the
        merges to :meth:`result`, here: the bytes are the same, only slower."""
        global _CLAIMS
        try:
            self._pool = forked_pool(workers)
            if self._pool is not None:
                # inherited by the processes, which fork on the first submit
                pending, write = os.pipe()
                self._claims = _CLAIMS = (self._tasks, pending)
                os.write(write, bytes(range(workers, len(self._tasks))))
                os.close(write)
                self._futures = [
                    self._pool.submit(_take_tasks, own, self._algorithms) for own in range(workers)
                ]
        except BaseException as error:
            # also a Ctrl-C as a process forks: those forked before it would wait for work
            if self._pool is not None:
                discard_pool(self._pool)
            self._pool = None
            self._futures = []
            self._close_claims()
            if not isinstance(error, OSError):
                raise
        finally:
            _CLAIMS = None  # the processes have theirs: a pool forks them all on its first submit

    def _close_claims(self) -> None:
        if self._claims is not None:
            os.close(self._claims[1])
            self._claims = None

    def result(self) -> tuple[list[Path], UnionState]:
        """The paths of the files, in the order of :data:`~muniorg.formats.format.OUTPUT_FORMATS`,
        and the state of the merge (see :func:`write_union`), once the merges are done."""
        from concurrent.futures import BrokenExecutor

        found: dict[RdfFormat, _Merged] = {}
        try:
            if self._claims is None:  # one job, or no processes: every merge here
                for fmt, task, args in self._tasks:
                    found[fmt] = task(*args, self._algorithms)
            else:
                found.update(_take_tasks(None, self._algorithms, self._claims))
                for future in self._futures:
                    found.update(future.result())
        except (CutShort, FileNotFoundError) as err:
            lost = self._lost(err)
            if lost is None:
                raise
            raise lost_pack(lost) from None
        except BrokenExecutor:
            raise OutputError(
                "a process merging the whole data set's files ended before it finished "
                f"({', '.join(p.name for p in self.paths.values())}; killed, or out of "
                "memory?): nothing was published; build again"
            ) from None
        merged = {fmt: found[fmt] for fmt, _, _ in self._tasks}  # in one order, whoever ran it
        counts, turtle_digests = merged[RdfFormat.TURTLE]
        if turtle_digests is None:  # a subject in two units: written from the union's triples
            ntriples, turtle = self.paths[RdfFormat.NTRIPLES], self.paths[RdfFormat.TURTLE]
            prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
            text = turtle_from_ntriples(ntriples.read_text(encoding="utf-8"), prefixes)
            with _Sink(turtle, self._algorithms) as sink:
                sink.write(text)
            merged[RdfFormat.TURTLE] = (None, sink.digests)
        digests = {self.paths[fmt].name: found[1] for fmt, found in merged.items()}
        assert all(found is not None for found in digests.values())
        state = UnionState(
            parts=self.units,
            shared_lines=frozenset(merged[RdfFormat.NTRIPLES][0]),
            shared_ids=frozenset(merged[RdfFormat.JSONLD][0]),
            prefixes=counts,
            files={name: found[0] for name, found in digests.items() if found},
            sha1={name: found[1] for name, found in digests.items() if found and len(found) > 1},
        )
        return list(self.paths.values()), state

    def _lost(self, err: OSError) -> str | None:
        """The unit's file ``err`` says was lost or cut short, or ``None`` (not a unit's)."""
        paths = {str(part.path) for unit in self.units for part in unit.files.values()}
        if isinstance(err, CutShort):
            return next((p for p in paths if str(err).startswith(f"{p} ")), None)
        return err.filename if str(err.filename) in paths else None

    def close(self) -> None:
        """Wait for the processes (those not started yet are not started)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._close_claims()

    def __enter__(self) -> UnionMerge:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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


def _first(item: tuple[bytes, bytes]) -> bytes:
    return item[0]


#: What ``str.splitlines`` breaks lines at besides ``\\n``, ``\\r`` and ``\\r\\n``, in UTF-8.
_OTHER_BREAKS = (
    b"\x0b",
    b"\x0c",
    b"\x1c",
    b"\x1d",
    b"\x1e",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b"\xe2\x80\xa9",
)


def _other_breaks(data: bytes) -> bool:
    return any(mark in data for mark in _OTHER_BREAKS)


def _text_lines(data: bytes) -> list[bytes]:
    """The lines of the UTF-8 text ``data`` without their ends, as ``str.splitlines`` gives
    them (encoded), without decoding it when it breaks lines only as ``bytes.splitlines`` does.

    >>> _text_lines("a\\nb\\u2028c\\n".encode())
    [b'a', b'b', b'c']
    """
    if _other_breaks(data):
        return [line.encode("utf-8") for line in data.decode("utf-8").splitlines()]
    return data.splitlines()


#: The end of a line of a Turtle body that a block follows (a line not indented with a tab).
_BLOCK_END = re.compile(rb"\n(?=[^\t])")


def _turtle_parts_bytes(data: bytes) -> tuple[dict[str, str], list[bytes]]:
    """:func:`_turtle_parts` of the UTF-8 text ``data``, the blocks encoded; without decoding
    more than the ``@prefix`` lines when its lines end with ``\\n`` only.

    >>> _turtle_parts_bytes(b"@prefix ex: <https://ex.org/> .\\nex:a ex:p 1 ;\\n\\tex:q 2 .\\nex:b ex:p 3 .\\n")
    ({'ex': 'https://ex.org/'}, [b'ex:a ex:p 1 ;\\n\\tex:q 2 .\\n', b'ex:b ex:p 3 .\\n'])
    """
    if b"\r" in data or _other_breaks(data):
        found, texts = _turtle_parts(data.decode("utf-8"))
        return found, [text.encode("utf-8") for text in texts]
    prefixes: dict[str, str] = {}
    start = 0
    while data.startswith(b"@prefix ", start):
        end = data.find(b"\n", start) + 1 or len(data)
        match = _PREFIX.fullmatch(data[start:end].decode("utf-8"))
        if match is None:
            break
        prefixes[match.group(1)] = match.group(2)
        start = end
    pieces = _BLOCK_END.split(data[start:])
    blocks = [piece + b"\n" for piece in pieces[:-1]]
    if pieces[-1]:
        blocks.append(pieces[-1])
    return prefixes, blocks


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
    parts: Sequence[tuple[Slice, Slice | None]],
    out: Path,
    counts: dict[str, tuple[str, int]] | None = None,
    algorithms: Sequence[str] = (),
    digests: list[str] | None = None,
) -> bool:
    """Write the Turtle of the union of units to ``out`` by merging their subject blocks, when
    that gives the bytes of writing the union at once; ``False`` (nothing written) when it may
    not: a subject described in two units, or a unit whose blocks are not one per subject
    (blank nodes written inline), or a unit without a subjects file. ``parts``: each unit's
    ``.ttl`` and its subjects file (the IRIs of its subjects, in the order of its blocks).
    ``counts`` receives each prefix with its namespace and the number of units that bind it;
    ``digests``, the file's digests by ``algorithms`` (``hashlib`` names).

    Each triple's subject holds all its triples in one unit, so the union's block of a subject is
    that unit's block, and the union's prefixes are the units' together (each unit binds, for
    every IRI it holds, the longest namespace of :data:`~muniorg.core.namespaces.PREFIXES`).
    """
    prefixes: dict[str, str] = {}
    streams: list[list[tuple[bytes, bytes]]] = []
    seen: set[bytes] = set()
    in_order = True  # every unit's subjects sorted: the merge is a sort of them all
    for turtle, subjects_file in parts:
        if subjects_file is None:
            return False
        subjects = _text_lines(subjects_file.read_bytes())
        unit_prefixes, blocks = _turtle_parts_bytes(turtle.read_bytes())
        if len(blocks) != len(subjects) or seen.intersection(subjects):
            return False
        seen.update(subjects)
        prefixes.update(unit_prefixes)
        if counts is not None:
            for prefix, namespace in unit_prefixes.items():
                counts[prefix] = (namespace, counts.get(prefix, ("", 0))[1] + 1)
        in_order = in_order and subjects == sorted(subjects)
        streams.append(list(zip(subjects, blocks, strict=True)))
    del seen
    header = turtle_header(prefixes) if streams and any(streams) else ""
    # Subjects compare as UTF-8 bytes as their text does (by code point); they are unique.
    if in_order:
        merged = sorted(itertools.chain.from_iterable(streams), key=_first)
    else:
        merged = list(heapq.merge(*streams, key=_first))
    with _Sink(out, algorithms) as sink:
        sink.write(header)
        for start in range(0, len(merged), _LINES_CHUNK):
            sink.write_bytes(b"".join(block for _, block in merged[start : start + _LINES_CHUNK]))
    if digests is not None:
        digests[:] = sink.digests
    return True


__all__ = [
    "JSONLD_HEAD",
    "UnionMerge",
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
