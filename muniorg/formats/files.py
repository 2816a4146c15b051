"""Writing output files safely: whole or not at all, never over what must not be replaced.

A file is written to a synced temporary file beside its target and then renamed (or hard-linked)
into place, so a reader, or a crash, sees the old file or the new one, never half of one.

Example:
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "out" / "a.txt"
    >>> write_atomic(path, "1\\n"); write_atomic(path, "2\\n"); path.read_text()
    '2\\n'
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from muniorg.core.errors import OutputError

if TYPE_CHECKING:
    from muniorg.formats.pack import Slice

#: What the user can do about the environment faults a write meets.
_ADVICE = {
    errno.ENOSPC: "the disk is full; free some space and run again",
    errno.EDQUOT: "the disk quota is used up; free some space and run again",
    errno.EROFS: "the file system is read-only; choose a writable output folder",
    errno.EACCES: "permission denied; choose a folder you may write to",
    errno.EPERM: "the operation is not permitted; choose a folder you may write to",
    errno.ENOTDIR: "a file stands where a folder is needed",
    errno.EISDIR: "a folder stands where a file is needed",
    errno.ENAMETOOLONG: "the name is too long for the file system",
    errno.EEXIST: "it exists already",
}


def environment_error(err: OSError, path: Path | str, action: str = "write") -> OutputError:
    """An :class:`OutputError` for an ``OSError`` met while writing ``path`` (or a stream,
    such as ``"standard output"``): exit code 2, the path, and what to do, instead of an
    internal error.

    >>> import errno
    >>> print(environment_error(OSError(errno.ENOSPC, "No space left on device"), Path("dist")))
    cannot write dist: the disk is full; free some space and run again
    """
    reason = _ADVICE.get(err.errno or 0) or (err.strerror or str(err)).lower()
    return OutputError(f"cannot {action} {path}: {reason}")


def make_folder(folder: Path, target: Path | None = None) -> None:
    """Create ``folder`` and its parents, as needed for writing ``target`` (default: the folder).

    :raises OutputError: naming ``target``, when a file stands where a folder is needed, or the
        folder cannot be created (permission, read-only file system ...).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as err:  # a file where one of the folders should be
        raise environment_error(OSError(errno.ENOTDIR, str(err)), target or folder) from err
    except OSError as err:
        raise environment_error(err, target or folder) from err


def digest_file(path: Path, *algorithms: str) -> tuple[int, list[str]]:
    """The size of ``path`` and its hex digests by each of ``algorithms`` (``hashlib`` names),
    read once, a megabyte at a time.

    >>> import tempfile
    >>> file = Path(tempfile.mkdtemp()) / "a"
    >>> _ = file.write_bytes(b"")
    >>> size, [sha256] = digest_file(file, "sha256")
    >>> size, sha256[:12]
    (0, 'e3b0c44298fc')
    """
    hashes = [hashlib.new(name, usedforsecurity=False) for name in algorithms]
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            for digest in hashes:
                digest.update(chunk)
            size += len(chunk)
    return size, [digest.hexdigest() for digest in hashes]


def umask() -> int:
    """The process's umask (the permissions new files and folders do not get)."""
    # There is no way to read the umask without setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _temporary_beside(path: Path, text: str) -> Iterator[Path]:
    """A complete temporary copy of ``text`` in ``path``'s folder, removed afterwards."""
    make_folder(path.parent, path)
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise environment_error(err, path) from err
    tmp = Path(name)
    try:
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            # mkstemp creates files readable by the owner only; give the usual permissions.
            os.chmod(tmp, 0o666 & ~umask())
        except OSError as err:
            raise environment_error(err, path) from err
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``, replacing it in one step: readers see the old file
    or the new one, never half of it.

    :raises OutputError: when the file cannot be written (permission, full disk, a folder ...).
    """
    with _temporary_beside(path, text) as tmp:
        try:
            os.replace(tmp, path)
        except OSError as err:
            raise environment_error(err, path) from err


def write_named(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``, a file the user named (a report): a regular file,
    or a new one, is replaced in one step (:func:`write_atomic`), through a symbolic link
    the file it points to (the link is kept); a device or a pipe (``/dev/null``, a FIFO) is
    written into, never replaced by a regular file.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "link.txt").symlink_to("report.txt")
    >>> write_named(folder / "link.txt", "1\\n")
    >>> (folder / "link.txt").is_symlink(), (folder / "report.txt").read_text()
    (True, '1\\n')
    >>> write_named(Path(os.devnull), "nothing\\n"); Path(os.devnull).is_char_device()
    True

    ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` (or a link to one) are this process's
    own streams: written into where they stand, as any output of the command. Replaced by
    name, they replaced the file the shell had redirected the stream to (``>> ci.log``), and
    what the command wrote after went into the removed file.

    :raises OutputError: when the file cannot be written (permission, full disk, a folder ...).
    """
    descriptor = _own_descriptor(path)
    if descriptor is not None:
        _write_descriptor(descriptor, text, path)
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:  # a new file (or one write_atomic will say why it cannot write)
        mode = stat.S_IFREG
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):  # a folder: write_atomic says it is one
        write_atomic(Path(os.path.realpath(path)), text)
        return
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except OSError as err:
        raise environment_error(err, path) from err


#: The names of a process's own open files: ``/dev/stdout`` (1), ``/dev/stderr`` (2),
#: ``/dev/fd/N``, ``/proc/self/fd/N``.
_OWN_DESCRIPTOR = re.compile(r"/dev/std(out|err)|/(?:dev|proc/self)/fd/([0-9]+)")


def _own_descriptor(path: Path) -> int | None:
    """The descriptor ``path`` names when it is one of this process's own open files
    (:data:`_OWN_DESCRIPTOR`, or a symbolic link to one), else ``None``.

    >>> _own_descriptor(Path("/dev/stdout")), _own_descriptor(Path("/dev/fd/5"))
    (1, 5)
    >>> _own_descriptor(Path("report.txt")) is None
    True
    """
    name = os.path.abspath(path)
    for _ in range(40):  # the links followed, at most (as the kernel's limit)
        found = _OWN_DESCRIPTOR.fullmatch(name)
        if found is not None:
            return {"out": 1, "err": 2}[found.group(1)] if found.group(1) else int(found.group(2))
        try:
            target = os.readlink(name)
        except OSError:  # not a link (or not there): an ordinary name
            return None
        name = os.path.normpath(os.path.join(os.path.dirname(name), target))
    return None


def _write_descriptor(descriptor: int, text: str, path: Path) -> None:
    """Write ``text`` to this process's open ``descriptor`` (after what Python holds for
    standard output or error), from where it stands: never truncated, never replaced."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            if stream.fileno() == descriptor:
                stream.flush()
    view = memoryview(text.encode("utf-8"))
    try:
        while view:
            view = view[os.write(descriptor, view) :]
    except OSError as err:
        raise environment_error(err, path) from err


#: A file changed this recently (in ns) may change again within the same tick of the file
#: system's clock, unseen: a stat key taken of it is not trusted to stand for its contents.
SETTLED_NS = 2_000_000_000


def stat_key(status: os.stat_result) -> tuple[int, int, int, int, int]:
    """What tells that a file is the one seen before without reading it: its device, inode,
    size, modification and change times. Writing a file, or setting its times back, sets its
    change time, which no program can set back.

    >>> import tempfile
    >>> key = stat_key(os.stat(tempfile.mkdtemp()))
    >>> len(key), all(isinstance(n, int) for n in key)
    (5, True)
    """
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


T = TypeVar("T")


class StatMemo(Generic[T]):
    """What a function worked out from a file's bytes, remembered by the file's path (and a
    ``tag`` the caller gives: what else the value depends on) and its :func:`stat_key`, so
    that a process that meets the same file again (a watching build, or a build that hashes
    its sources twice) does not read it again.

    A value is remembered only when the file did not change while it was read and was last
    changed :data:`SETTLED_NS` before (a change within the same tick of the file system's
    clock may keep its stat key); writing a file, or setting its times back, sets its change
    time, which no program can set back. One value is kept per path and tag.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_text("abc")
    >>> memo: StatMemo[int] = StatMemo()
    >>> memo.get(path, len), memo.get(path, len)
    (3, 3)
    >>> _ = path.write_text("abcd")
    >>> memo.get(path, len)
    4
    """

    def __init__(self, max_entries: int = 20_000) -> None:
        self._known: dict[tuple[str, str], tuple[tuple[int, int, int, int, int], T]] = {}
        #: Past this many values, all are forgotten (a process that runs for long meets new
        #: files, a watch a new cached unit each build): they are worked out again.
        self.max_entries = max_entries

    def get(
        self,
        path: Path,
        work_out: Callable[[bytes], T],
        status: os.stat_result | None = None,
        tag: str = "",
    ) -> T:
        """``work_out(path's bytes)``, remembered (see the class); ``status`` may give the
        file's stat, taken by the caller just before.

        :raises OSError: when the file cannot be read.
        """
        status = os.stat(path) if status is None else status
        key, place = stat_key(status), (os.fspath(path), tag)
        known = self._known.get(place)
        if known is not None and known[0] == key:
            return known[1]
        started = time.time_ns()
        with open(path, "rb") as stream:
            before = stat_key(os.fstat(stream.fileno()))
            data = stream.read()
            after = stat_key(os.fstat(stream.fileno()))
        value = work_out(data)
        if before == after == key and key[4] < started - SETTLED_NS:
            if len(self._known) >= self.max_entries:
                self._known.clear()
            self._known[place] = (key, value)
        else:
            self._known.pop(place, None)
        return value


def keep_json(path: Path, data: object) -> None:
    """Write ``data`` as JSON to ``path`` in one step (:func:`write_atomic`), making its
    folder, for a later run to read: best effort, what cannot be written is left out (the
    caches muniorg keeps between builds work without it).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> keep_json(folder / "kept" / "a.json", {"n": 1})
    >>> (folder / "kept" / "a.json").read_text()
    '{"n": 1}'
    """
    with contextlib.suppress(OSError, OutputError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, ensure_ascii=False))


def start_writeback(descriptor: int) -> None:
    """Have the kernel start writing the file open as ``descriptor`` to disk now, without
    waiting for it: a hint (``posix_fadvise`` ``DONTNEED``, which on Linux starts the writeback
    of the file's dirty pages; nothing where the system has no such call).

    A build syncs its output once at the end (:func:`muniorg.formats.output_folder` uses one
    ``syncfs``), which waits for every dirty page of the file system: its output, the cache's
    packs and the whole data set's files, some 300 MB for 200 municipalities, written at once
    in 0.2-0.5 s. Started as each file is complete, the disk writes them while the build works.

    >>> import tempfile
    >>> with tempfile.TemporaryFile() as stream:
    ...     _ = stream.write(b"x"); stream.flush(); start_writeback(stream.fileno())
    """
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)


def copy_new(source: Slice, target: Path) -> None:
    """Copy the bytes of ``source`` (a :class:`~muniorg.formats.pack.Slice`: a part of a pack,
    or a whole file) to ``target``, a new file: ``target`` is created with ``O_EXCL``, so the
    copy never writes into an existing file (nor through a hard link into another).

    >>> import tempfile
    >>> from muniorg.formats.pack import Slice
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a").write_text("abcd")
    >>> copy_new(Slice(folder / "a", 1, 2), folder / "b")
    >>> (folder / "b").read_text()
    'bc'
    >>> copy_new(Slice.whole(folder / "a"), folder / "b")
    Traceback (most recent call last):
    ...
    FileExistsError: ...

    The bytes are copied by the kernel (``copy_file_range``, else ``sendfile``), without
    passing through the process; where neither can be used (another system, a file system
    that refuses them) the copy reads and writes them, from where the kernel stopped.

    :raises OSError: when ``target`` exists, either cannot be used, or ``source``'s file ends
        before the slice does (``target`` is then left short: the caller discards it).
    """
    reader = os.open(source.path, os.O_RDONLY | _CLOEXEC | _BINARY)
    try:
        # the mode of open(target, "xb"): the umask applies
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC | _BINARY
        writer = os.open(target, flags, 0o666)
        try:
            if source.offset:
                os.lseek(reader, source.offset, os.SEEK_SET)
            if _copy_descriptors(reader, writer, source.size) < source.size:
                raise source.cut_short()
            start_writeback(writer)
        finally:
            os.close(writer)
    finally:
        os.close(reader)


#: Descriptors are not inherited by programs a worker might run (muniorg.formats.pack too).
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
#: Windows opens a descriptor in text mode (newlines translated) unless told otherwise.
_BINARY = getattr(os, "O_BINARY", 0)
#: What ``copy_file_range`` and ``sendfile`` fail with where they cannot copy between the two
#: files (not a failure of the copy: it goes on by reading and writing).
_UNSUPPORTED = frozenset(
    code
    for code in (
        errno.EXDEV,
        errno.ENOSYS,
        errno.EINVAL,
        errno.EOPNOTSUPP,
        errno.ENOTSUP,
        errno.EBADF,
        errno.EPERM,
        errno.ETXTBSY,
    )
    if code is not None
)
#: The most bytes one kernel copy call is asked for.
_KERNEL_CHUNK = 1 << 30


def _copy_descriptors(reader: int, writer: int, size: int) -> int:
    """Copy ``size`` bytes of the file open as ``reader`` to ``writer``, from both their
    current offsets, in the kernel where it can, else by reading and writing; the bytes
    copied (fewer when the file ends first).

    A way that copies nothing on its first call (one of the files the kernel will not copy
    from, as some of ``/proc``) hands over to the next; after a way that stopped short of
    ``size`` (some file systems' kernel copies stop early, or report the end before it),
    reading goes on from where it stopped."""
    copied = 0
    for kernel_copy in _KERNEL_COPIES:
        try:
            while copied < size and (done := kernel_copy(reader, writer, size - copied)) > 0:
                copied += done
        except OSError as err:
            if err.errno not in _UNSUPPORTED:
                raise
            continue  # both offsets stand after what was copied: the next way goes on
        if copied:
            break
    while copied < size and (chunk := os.read(reader, min(1 << 20, size - copied))):
        view = memoryview(chunk)
        while view:
            view = view[os.write(writer, view) :]
        copied += len(chunk)
    return copied


def _kernel_copies() -> tuple[Callable[[int, int, int], int], ...]:
    """The kernel's ways to copy between two descriptors that this system has, best first."""
    found: list[Callable[[int, int, int], int]] = []
    copy_file_range = getattr(os, "copy_file_range", None)
    if copy_file_range is not None:
        found.append(
            lambda reader, writer, n: int(copy_file_range(reader, writer, min(n, _KERNEL_CHUNK)))
        )
    if sys.platform.startswith("linux") and hasattr(os, "sendfile"):
        # Linux's sendfile copies from any file; other systems' only to a socket
        found.append(
            lambda reader, writer, n: os.sendfile(writer, reader, None, min(n, _KERNEL_CHUNK))
        )
    return tuple(found)


_KERNEL_COPIES = _kernel_copies()


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in one step, refusing to replace an existing file.

    A hard link publishes the finished temporary file under the new name and fails if the
    name exists, so there is no moment at which another writer could be overwritten.

    :raises OutputError: when ``path`` exists or cannot be written.
    """
    try:
        exists = path.exists()
    except OSError as err:  # a name too long to look up, a file where a folder should be ...
        raise environment_error(err, path) from err
    if exists:
        raise OutputError(f"{path} exists already: refusing to overwrite it")
    with _temporary_beside(path, text) as tmp:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise OutputError(f"{path} exists already: refusing to overwrite it") from None
        except OSError as err:
            raise environment_error(err, path) from err
