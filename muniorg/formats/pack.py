"""Packs: several files' bytes in one file, each part read back as a :class:`Slice` of it.

The build cache keeps each unit's files (its Turtle, N-Triples, JSON-LD, pages ...) in one
pack rather than in a folder of files: one file to create instead of ten. Creating a file is
what costs most in writing a unit's files (the file system finds and fills an inode for each;
on some file systems, right after many files were deleted, that is a scan), and a pack is
written in one stream and renamed into place whole, so a reader sees all of it or none.

Example:
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "unit.pack"
    >>> with PackWriter(target) as pack:
    ...     a, b = pack.add(b"first\\n"), pack.add(b"second\\n")
    >>> b.read_bytes(), b.offset, b.size
    (b'second\\n', 6, 7)
    >>> with a.open() as stream:
    ...     list(stream)
    [b'first\\n']
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from muniorg.core.errors import OutputError
from muniorg.formats.files import _BINARY, _CLOEXEC, start_writeback


def _pread(descriptor: int, size: int, offset: int) -> bytes:
    """``os.pread``, or where the system has none (Windows) a seek and a read: each reader
    owns its descriptor, so nothing else moves its offset."""
    if _HAS_PREAD:
        return os.pread(descriptor, size, offset)
    os.lseek(descriptor, offset, os.SEEK_SET)
    return os.read(descriptor, size)


_HAS_PREAD = hasattr(os, "pread")


class CutShort(OSError):
    """A file ends before a :class:`Slice` of it does: cut short since it was written."""


def lost_pack(path: object) -> OutputError:
    """The error of a build cache's pack (``path``) removed, cut short or changed while a build
    read it: what every reader of a unit's files raises, the same words wherever it met it.

    >>> message = str(lost_pack("cache/ab12.pack"))
    >>> message.startswith("the build cache lost cache/ab12.pack while"), message[-11:]
    (True, 'build again')
    """
    return OutputError(
        f"the build cache lost {path} while the build ran (removed, cut short or changed by "
        "hand or by another program?): build again"
    )


@dataclass(frozen=True)
class Slice:
    """The bytes ``offset`` to ``offset + size`` of the file ``path``: one part of a pack, or
    a whole file (:meth:`whole`). Read with :meth:`read_bytes` or, line by line, :meth:`open`;
    either raises :class:`CutShort` when the file ends before the slice does (cut short since it
    was written), rather than give part of it."""

    path: Path
    offset: int
    size: int

    @classmethod
    def whole(cls, path: Path) -> Slice:
        """All of the file ``path``, as it is now.

        :raises OSError: when it cannot be looked at.
        """
        return cls(path, 0, os.stat(path).st_size)

    def read_bytes(self) -> bytes:
        descriptor = os.open(self.path, os.O_RDONLY | _CLOEXEC | _BINARY)
        try:
            data = _pread(descriptor, self.size, self.offset)
            while len(data) < self.size:  # pread may return less than asked, and then more
                more = _pread(descriptor, self.size - len(data), self.offset + len(data))
                if not more:
                    raise self.cut_short()
                data += more
            return data
        finally:
            os.close(descriptor)

    def open(self) -> BinaryIO:
        """A buffered binary stream of the slice's bytes (it iterates over their lines)."""
        return io.BufferedReader(_SliceReader(self), buffer_size=1 << 16)

    def cut_short(self) -> CutShort:
        """The error of a file that ends before the slice does."""
        return CutShort(f"{self.path} ends before its bytes {self.offset} to {self.end}")

    @property
    def end(self) -> int:
        return self.offset + self.size

    def __str__(self) -> str:
        return f"{self.path}[{self.offset}:{self.end}]"


class _SliceReader(io.RawIOBase):
    """The raw stream of a :class:`Slice` (:meth:`Slice.open`): reads at offsets, never past
    the slice's end."""

    def __init__(self, part: Slice) -> None:
        super().__init__()
        self._part = part
        self._descriptor = os.open(part.path, os.O_RDONLY | _CLOEXEC | _BINARY)
        self._at, self._end = part.offset, part.end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        wanted = min(len(buffer), self._end - self._at)
        if wanted <= 0:
            return 0
        data = _pread(self._descriptor, wanted, self._at)
        if not data:
            raise self._part.cut_short()
        buffer[: len(data)] = data
        self._at += len(data)
        return len(data)

    def close(self) -> None:
        if not self.closed:
            os.close(self._descriptor)
        super().close()


class PackWriter:
    """A pack being written to ``target``: :meth:`add` appends a part and gives its
    :class:`Slice` of ``target``. The parts go to a temporary file beside ``target``, which
    leaving the block without an error renames to ``target`` (replacing what stood there);
    with an error it is removed and ``target`` is left as it was. Not synced: a pack is
    a cache's, which checks what it reads (see :class:`muniorg.publish.units.UnitCache`).

    :raises OSError: when the file cannot be written.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.size = 0
        self._temporary = target.parent / f".{target.name[:16]}-{os.urandom(6).hex()}"
        # the owner's only, as mkstemp's: a unit's header names non-public persons (their
        # names stay out of what is published, not out of the cache)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC | _BINARY
        self._stream = os.fdopen(os.open(self._temporary, flags, 0o600), "wb")
        self._renamed = False
        #: (device, inode) of the file written: what stands at ``target`` may be another's
        self.identity = (0, 0)

    def add(self, data: bytes) -> Slice:
        """Append ``data``; its slice of the pack (readable once the pack is renamed)."""
        self._stream.write(data)
        part = Slice(self.target, self.size, len(data))
        self.size += len(data)
        return part

    def __enter__(self) -> PackWriter:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        try:
            try:
                if kind is None:
                    self._stream.flush()
                    start_writeback(self._stream.fileno())
                status = os.fstat(self._stream.fileno())
                self.identity = (status.st_dev, status.st_ino)
            finally:
                self._stream.close()  # also when the flush fails (a full disk)
            if kind is None:
                os.replace(self._temporary, self.target)
                self._renamed = True
        finally:
            if not self._renamed:
                self._temporary.unlink(missing_ok=True)


__all__ = ["CutShort", "PackWriter", "Slice", "lost_pack"]
