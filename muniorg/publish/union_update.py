"""The whole data set's files updated from the previous build's instead of merged again.

After one file changed, :func:`muniorg.publish.union.write_union` would merge every unit's
N-Triples lines, JSON-LD objects and Turtle blocks again (about a second for 200
municipalities, six for 1,114). The three files are sorted lists of records (lines, objects by
:func:`~muniorg.model.walk.natural_key` of their id, subject blocks by subject), so
:func:`update_union` takes the previous build's files and, for the units that changed (those
whose files' SHA-256 differ from the previous build's :class:`~muniorg.publish.union.UnionState`,
and units added or removed), drops their old records and puts their new ones in place: each is
found by a binary search in the previous file, and the runs of records between them are copied
as they are.

The result is the bytes of a full merge, because each record belongs to one unit: the state
lists the records the full merge found in more than one unit (and the JSON-LD objects whose
sort keys collide), and an update that would remove such a record, or add one that another
unit already holds, is not made: ``None`` is returned and the build merges everything again,
which also works out the new state. The same happens when the Turtle was written whole (a
subject in two units), a unit's prefixes change the Turtle's header in a way the state cannot
tell, or anything read does not match the SHA-256 the state gives for it.

Example:
    >>> body = _Records(b"<a> <p> <b> .\\n<c> <p> <d> .\\n", _NTRIPLES)
    >>> body.lower_bound(b"<b> <p> <x> .\\n", body.start)
    14
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from muniorg.formats.format import RdfFormat
from muniorg.formats.output_folder import Published
from muniorg.model.walk import natural_key
from muniorg.publish.union import (
    FLAT_FILE,
    JSONLD_HEAD,
    SUBJECTS_FILE,
    UnionPart,
    UnionState,
    _turtle_parts,
    turtle_header,
    union_paths,
)

#: Opens and reads a file of the previous output (by name), when it holds the bytes of the
#: SHA-256 given; else ``None``.
ReadPublished = Callable[[str, str], Published | None]
#: Puts the previous output's file (by name, with its SHA-256) in place unchanged; false when
#: it cannot (the file is then written).
KeepPublished = Callable[[str, str], bool]


class _Unsupported(Exception):
    """The update cannot be made by moving records: merge everything again."""


@dataclass(frozen=True)
class _Layout:
    """How one format's records lie in its file: what separates them, where a record starts
    before a position, where the next starts, and its sort key and identity."""

    separator: bytes
    start_before: Callable[[bytes, int, int], int]
    next_start: Callable[[bytes, int, int], int]
    key: Callable[[bytes, int], tuple[Any, str]]


def _line_start(data: bytes, low: int, pos: int) -> int:
    found = data.rfind(b"\n", low, pos)
    return found + 1 if found >= 0 else low


def _next_line(data: bytes, pos: int, high: int) -> int:
    found = data.find(b"\n", pos, high)
    return found + 1 if found >= 0 else high


def _line_key(data: bytes, pos: int) -> tuple[Any, str]:
    line = data[pos : data.index(b"\n", pos) + 1]
    return line, line.decode("utf-8")


_NTRIPLES = _Layout(b"", _line_start, _next_line, _line_key)


def _block_start(data: bytes, low: int, pos: int) -> int:
    start = _line_start(data, low, pos)
    while start > low and data[start : start + 1] == b"\t":
        start = _line_start(data, low, start - 1)
    return start


def _next_block(data: bytes, pos: int, high: int) -> int:
    start = _next_line(data, pos, high)
    while start < high and data[start : start + 1] == b"\t":
        start = _next_line(data, start, high)
    return start


def _block_key(data: bytes, pos: int) -> tuple[Any, str]:
    if data[pos : pos + 1] != b"<":
        raise _Unsupported("a subject written with a prefix")
    subject = data[pos + 1 : data.index(b">", pos)].decode("utf-8")
    return subject, subject


_TURTLE = _Layout(b"", _block_start, _next_block, _block_key)

#: Between two objects of the whole data set's ``@graph``: nowhere else does a line at this
#: depth open an object (nested objects and texts are deeper, JSON escapes line breaks).
_OBJECT_SEPARATOR = b",\n    "


def _object_start(data: bytes, low: int, pos: int) -> int:
    found = data.rfind(_OBJECT_SEPARATOR + b"{", low, pos + len(_OBJECT_SEPARATOR) + 1)
    return found + len(_OBJECT_SEPARATOR) if found >= 0 else low


def _next_object(data: bytes, pos: int, high: int) -> int:
    found = data.find(_OBJECT_SEPARATOR + b"{", pos, high)
    return found + len(_OBJECT_SEPARATOR) if found >= 0 else high


def _object_key(data: bytes, pos: int) -> tuple[Any, str]:
    end = data.index(b"\n", pos + 2)
    line = data[pos + 1 : end].strip().removesuffix(b",")
    if not line.startswith(b'"id": '):
        raise _Unsupported("an object whose first key is not its id")
    iri = json.loads(line[len(b'"id": ') :])
    if not isinstance(iri, str):
        raise _Unsupported("an id that is not a string")
    return natural_key(iri), iri


_JSONLD = _Layout(_OBJECT_SEPARATOR, _object_start, _next_object, _object_key)


class _Records:
    """The records of one file between ``start`` and ``end``, sorted by their key."""

    def __init__(self, data: bytes, layout: _Layout, start: int = 0, end: int | None = None):
        self.data = data
        self.layout = layout
        self.start = start
        self.end = len(data) if end is None else end

    def lower_bound(self, key: Any, low: int) -> int:
        """The start of the first record from ``low`` (a record's start) on whose key is not
        below ``key``; :attr:`end` when there is none."""
        high = self.end
        while low < high:
            middle = self.layout.start_before(self.data, low, (low + high) // 2)
            if self.layout.key(self.data, middle)[0] < key:
                low = self.layout.next_start(self.data, middle, self.end)
            else:
                high = middle
        return low

    def run(self, low: int, high: int) -> _Run:
        """The records from ``low`` to ``high`` (two records' starts), without the separator
        after the last: where they lie in the file, not a copy."""
        if high < self.end and self.layout.separator:
            high -= len(self.layout.separator)
        return _Run(low, high)


@dataclass(frozen=True)
class _Run:
    """The bytes ``start:end`` of the previous file, written as they are (copied by the
    kernel: :meth:`~muniorg.formats.output_folder.Published.copy_to`)."""

    start: int
    end: int

    def __len__(self) -> int:
        return max(0, self.end - self.start)


@dataclass
class _Edit:
    """What changes at one sort key: the identity of the record there, whether the previous
    file holds it (to drop), and the text it gets (``None``: none)."""

    identity: str
    drop: bool = False
    text: bytes | None = None


#: Bytes to write one after the other (runs of the previous file, and new records).
Pieces = list[bytes | _Run]


def _splice(records: _Records, edits: Mapping[Any, _Edit], shared: frozenset[str]) -> Pieces:
    """The previous file's records with ``edits`` made, joined as the format joins them."""
    if not edits:
        return [records.run(records.start, records.end)]
    pieces: Pieces = []
    cursor = records.start
    for key in sorted(edits):
        edit = edits[key]
        if edit.drop and edit.identity in shared:
            raise _Unsupported("a record that another unit holds too")
        at = records.lower_bound(key, cursor)
        pieces.append(records.run(cursor, at))
        cursor = at
        if at < records.end and records.layout.key(records.data, at)[0] == key:
            if records.layout.key(records.data, at)[1] != edit.identity or not edit.drop:
                raise _Unsupported("a record that another unit holds, or that sorts alike")
            cursor = records.layout.next_start(records.data, at, records.end)
            if cursor < records.end and records.layout.key(records.data, cursor)[0] == key:
                raise _Unsupported("records that sort alike")
        elif edit.drop:
            raise _Unsupported("a record the previous file does not hold")
        if edit.text is not None:
            pieces.append(edit.text)
    pieces.append(records.run(cursor, records.end))
    joined: Pieces = []
    for piece in pieces:
        if len(piece):
            if joined and records.layout.separator:
                joined.append(records.layout.separator)
            joined.append(piece)
    return joined


def _checked(part: UnionPart, name: str) -> bytes:
    """The bytes of a unit's file ``name``, when they are the ones the state or the unit
    recorded."""
    where, sha256 = part.files.get(name), part.sha256.get(name)
    if where is None or sha256 is None:
        raise _Unsupported(f"{part.local_id} has no {name} recorded")
    try:
        data = where.read_bytes()
    except OSError as err:
        raise _Unsupported(f"{where} cannot be read") from err
    if hashlib.sha256(data).hexdigest() != sha256:
        raise _Unsupported(f"{where} is not the file recorded")
    return data


def _lines(parts: Iterable[UnionPart]) -> set[bytes]:
    found: set[bytes] = set()
    for part in parts:
        name = f"{part.local_id}.nt"
        for line in _checked(part, name).splitlines(keepends=True):
            line = line if line.endswith(b"\n") else line + b"\n"
            if line in found:
                raise _Unsupported("a line in two units")
            found.add(line)
    return found


def _objects(parts: Iterable[UnionPart]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for part in parts:
        data = _checked(part, FLAT_FILE)
        for line in data.decode("utf-8").split("\n"):
            if not line:
                continue
            iri, text = json.loads(line)
            if iri in found:
                raise _Unsupported("an object in two units")
            found[iri] = text.encode("utf-8")
    return found


def _blocks(
    parts: Iterable[UnionPart],
) -> tuple[dict[str, bytes], dict[str, str], list[dict[str, str]]]:
    """The subject blocks of ``parts``, their prefixes together, and each one's prefixes."""
    found: dict[str, bytes] = {}
    prefixes: dict[str, str] = {}
    each: list[dict[str, str]] = []
    for part in parts:
        name = f"{part.local_id}.ttl"
        if SUBJECTS_FILE not in part.sha256:
            raise _Unsupported("a unit without a subjects file")
        subjects_data = _checked(part, SUBJECTS_FILE)
        subjects = subjects_data.decode("utf-8").splitlines()
        text = _checked(part, name).decode("utf-8")
        unit_prefixes, blocks = _turtle_parts(text)
        if len(blocks) != len(subjects):
            raise _Unsupported("blocks that are not one a subject")
        for subject, block in zip(subjects, blocks, strict=True):
            if subject in found:
                raise _Unsupported("a subject in two units")
            found[subject] = block.encode("utf-8")
        prefixes.update(unit_prefixes)
        each.append(unit_prefixes)
    return found, prefixes, each


def _edits(
    old: Mapping[str, bytes], new: Mapping[str, bytes], key: Callable[[str], Any]
) -> dict[Any, _Edit]:
    """The edits that turn the records ``old`` (texts by identity) into ``new``, by sort key."""
    edits: dict[Any, _Edit] = {}
    for identity in old.keys() | new.keys():
        before, after = old.get(identity), new.get(identity)
        if before == after:
            continue
        sort_key = key(identity)
        if sort_key in edits:
            raise _Unsupported("two changed records that sort alike")
        edits[sort_key] = _Edit(identity, before is not None, after)
    return edits


def update_union(
    folder: Path,
    slug: str,
    state: UnionState,
    units: Sequence[UnionPart],
    read_published: ReadPublished,
    keep: KeepPublished | None = None,
    sha1: bool = False,
) -> tuple[list[Path], UnionState] | None:
    """Write the whole data set's files into ``folder`` from the previous build's (read with
    ``read_published``, by name), as :func:`~muniorg.publish.union.write_union` would write
    them from ``units``; the paths and the new state, or ``None`` when the update cannot be
    made that way (see the module docs) and nothing of it was kept. A file whose bytes do not
    change is handed to ``keep`` (with its name and SHA-256), which may put the previous one
    in place (a hard link) instead of a new copy. With ``sha1``, the state gives the SHA-1 of
    each file written (and keeps the previous state's of a file that does not change)."""
    before = {p.local_id: p for p in state.parts}
    after = {p.local_id: p for p in units}
    kept = {i for i in before.keys() & after.keys() if before[i].sha256 == after[i].sha256}
    dropped = [p for i, p in before.items() if i not in kept]
    added = [p for i, p in after.items() if i not in kept]
    if state.prefixes is None or not after:
        return None
    paths = union_paths(folder, slug)
    placed: list[Path] = []  # files put into ``folder``: removed when the update is not made
    with contextlib.ExitStack() as stack:
        try:
            previous: dict[RdfFormat, Published] = {}
            if dropped or added:
                for fmt, path in paths.items():
                    previous[fmt] = stack.enter_context(_previous(read_published, path, state))
                data = {fmt: p.data for fmt, p in previous.items()}
                new = {
                    RdfFormat.NTRIPLES: _update_ntriples(state, dropped, added, data),
                    RdfFormat.JSONLD: _update_jsonld(state, dropped, added, data),
                }
                new[RdfFormat.TURTLE], prefixes = _update_turtle(state, dropped, added, data)
            else:  # no unit changed: every file is the previous one, not read when it is kept
                new = dict.fromkeys(paths)
                prefixes = {p: (n, c) for p, (n, c) in state.prefixes.items() if c > 0}
            files, sha1s = {}, {}
            for fmt, path in paths.items():
                pieces = new[fmt]
                if pieces is None:  # the previous bytes, unchanged
                    files[path.name] = state.files[path.name]
                    if path.name in state.sha1:
                        sha1s[path.name] = state.sha1[path.name]
                    if keep is not None and keep(path.name, files[path.name]):
                        placed.append(path)
                        continue
                    if fmt not in previous:
                        previous[fmt] = stack.enter_context(_previous(read_published, path, state))
                    pieces = [_Run(0, len(previous[fmt].data))]
                placed.append(path)
                files[path.name], found = _write(path, pieces, previous[fmt], sha1)
                if found is not None:
                    sha1s[path.name] = found
            if not all(p.unchanged() for p in previous.values()):
                raise _Unsupported("a previous file changed while it was copied")
        except _Unsupported:
            for path in placed:
                path.unlink(missing_ok=True)
            return None
    new_state = UnionState(
        parts=tuple(units),
        shared_lines=state.shared_lines,
        shared_ids=state.shared_ids,
        prefixes=prefixes,
        files=files,
        sha1=sha1s,
    )
    return list(paths.values()), new_state


def _write(path: Path, pieces: Pieces, source: Published, sha1: bool) -> tuple[str, str | None]:
    """Write ``pieces`` (runs of ``source``, the previous file, and new bytes) into the new
    file ``path``; its SHA-256, and its SHA-1 when ``sha1``."""
    digest = hashlib.sha256()
    other = hashlib.sha1(usedforsecurity=False) if sha1 else None
    view = memoryview(source.data)
    with path.open("xb", buffering=0) as stream:  # a new file, never one linked from elsewhere
        for piece in pieces:
            if isinstance(piece, _Run):
                digest.update(view[piece.start : piece.end])
                if other is not None:
                    other.update(view[piece.start : piece.end])
                source.copy_to(stream, piece.start, piece.end)
            else:
                digest.update(piece)
                if other is not None:
                    other.update(piece)
                written = 0
                while written < len(piece):
                    written += stream.write(memoryview(piece)[written:])
    return digest.hexdigest(), None if other is None else other.hexdigest()


def _previous(read_published: ReadPublished, path: Path, state: UnionState) -> Published:
    expected = state.files.get(path.name)
    data = None if expected is None else read_published(path.name, expected)
    if data is None:
        raise _Unsupported(f"the previous {path.name} is not the one recorded")
    return data


def _update_ntriples(
    state: UnionState,
    dropped: Sequence[UnionPart],
    added: Sequence[UnionPart],
    previous: Mapping[RdfFormat, bytes],
) -> Pieces | None:
    """The new N-Triples, or ``None`` when it is the previous."""
    data = previous[RdfFormat.NTRIPLES]
    old, new = _lines(dropped), _lines(added)
    edits = {
        line: _Edit(line.decode("utf-8"), line in old, None if line in old else line)
        for line in old ^ new
    }
    return _splice(_Records(data, _NTRIPLES), edits, state.shared_lines) if edits else None


def _update_jsonld(
    state: UnionState,
    dropped: Sequence[UnionPart],
    added: Sequence[UnionPart],
    previous: Mapping[RdfFormat, bytes],
) -> Pieces | None:
    """The new JSON-LD, or ``None`` when it is the previous."""
    data = previous[RdfFormat.JSONLD]
    head = JSONLD_HEAD.encode("utf-8") + b"\n    "
    tail = b"\n  ]\n}\n"
    if not data.startswith(head) or not data.endswith(tail):
        raise _Unsupported("an empty or unexpected JSON-LD document")
    records = _Records(data, _JSONLD, len(head), len(data) - len(tail))
    edits = _edits(_objects(dropped), _objects(added), natural_key)
    if not edits:
        return None
    body = _splice(records, edits, state.shared_ids)
    if not body:
        raise _Unsupported("an empty data set")
    return [head, *body, tail]


def _update_turtle(
    state: UnionState,
    dropped: Sequence[UnionPart],
    added: Sequence[UnionPart],
    previous: Mapping[RdfFormat, bytes],
) -> tuple[Pieces | None, dict[str, tuple[str, int]]]:
    """The new Turtle (``None`` when it is the previous) and its prefixes' counts."""
    assert state.prefixes is not None
    data = previous[RdfFormat.TURTLE]
    old_blocks, _, old_each = _blocks(dropped)
    new_blocks, _, new_each = _blocks(added)
    counts = dict(state.prefixes)
    for unit_prefixes, step in [*((p, -1) for p in old_each), *((p, 1) for p in new_each)]:
        for prefix, namespace in unit_prefixes.items():
            known, count = counts.get(prefix, (namespace, 0))
            if known != namespace:
                raise _Unsupported("a prefix bound to another namespace")
            counts[prefix] = (namespace, count + step)
    prefixes = {p: (n, c) for p, (n, c) in counts.items() if c > 0}
    if any(c < 0 for _, c in counts.values()):
        raise _Unsupported("prefix counts that do not add up")
    old_header = turtle_header({p: n for p, (n, _) in state.prefixes.items()})
    if not data.startswith(old_header.encode("utf-8")) or len(data) == len(old_header):
        raise _Unsupported("an empty or unexpected Turtle file")
    records = _Records(data, _TURTLE, len(old_header.encode("utf-8")))
    edits = _edits(old_blocks, new_blocks, lambda s: s)
    header = turtle_header({p: n for p, (n, _) in prefixes.items()})
    if not edits and header == old_header:
        return None, prefixes
    body = _splice(records, edits, frozenset())
    if not body:
        raise _Unsupported("an empty data set")
    return [header.encode("utf-8"), *body], prefixes


__all__ = ["KeepPublished", "ReadPublished", "update_union"]
