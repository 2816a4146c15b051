"""The output folder: muniorg replaces only what it wrote, and never a place it must not touch.

A build publishes a whole folder. Its rules, checked before anything is written:

- **Places that are never an output folder**: the file system root, the user's home or a folder
  that holds it, the current working directory or a folder that holds it, anything inside a
  ``.git`` folder, and a folder that is or holds one of the inputs. Symbolic links are resolved
  first, so a link to such a place is refused too.
- **Ownership**: a folder is muniorg's when muniorg made it. Each build writes a manifest,
  :data:`MANIFEST`, listing every file it published with its size and SHA-256. The next build
  replaces the folder only when it holds nothing but those files, unchanged. A file that is not
  listed, or that was changed since, is the user's: the build stops with an
  :class:`~muniorg.core.errors.OutputError` naming it, and nothing is touched. A folder that exists,
  is not empty and has no manifest is refused the same way. (An empty or missing folder is fine.)
- **Whole or not at all**: the new output is written into a staging folder beside the target
  (``.{name}.building-*``), made readable like any published folder (0755 folders, 0644 files
  under the usual umask), synced, checked once more against what the user may have added, and
  exchanged with the old folder in one step (``renameat2(RENAME_EXCHANGE)`` on Linux, so readers
  and crashes see the old folder or the new one; elsewhere two renames, undone by the next run
  if a crash falls between them). A file that appears in the old folder in the last instant is
  kept in a visible ``{name}.kept-*`` folder, never deleted.
- **One writer at a time**: the folder that holds the output is locked (``flock``) for the
  whole build; a second build (or export) into the same place waits for the first to finish.
  (Windows cannot lock folders: there, builds into one folder are not serialised.)
- Leftovers of killed builds, recognised by their exact names and contents, are removed, or
  restored when the output folder itself is missing, by the next run.
- A folder that cannot be read (a subfolder without permission) is refused: it may hide
  anything.

:func:`write_files` applies the same ownership rule to ``export``, which adds files to a folder
instead of replacing it: it overwrites only files an earlier muniorg run wrote there and that
were not changed since.

Example:
    >>> import pathlib, tempfile
    >>> parent = pathlib.Path(tempfile.mkdtemp())
    >>> with replace_folder(parent / "dist") as staging:
    ...     _ = (staging / "a.ttl").write_text("<urn:a> <urn:b> <urn:c> .\\n")
    >>> sorted(p.name for p in (parent / "dist").iterdir())
    ['.muniorg-manifest.json', 'a.ttl']
    >>> (parent / "dist" / "mine.txt").write_text("not muniorg's")
    13
    >>> with replace_folder(parent / "dist") as staging:
    ...     pass
    Traceback (most recent call last):
    ...
    muniorg.core.errors.OutputError: ... holds files muniorg did not write there, ...: mine.txt. ...
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import ctypes.util
import errno
import functools
import hashlib
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

import orjson

from muniorg.core.errors import OutputError, first_of
from muniorg.formats.files import (
    SETTLED_NS,
    digest_file,
    environment_error,
    keep_json,
    make_folder,
    stat_key,
    umask,
    write_atomic,
)

#: The manifest of an output folder: what muniorg published there, with sizes and checksums.
MANIFEST = ".muniorg-manifest.json"
#: Marks a staging folder from its creation on, so that a leftover is known to be muniorg's.
STAGING_MARK = ".muniorg-staging"
_MANIFEST_FORMAT = 1
#: How many names an error lists before it says "and N more".
_NAMES_SHOWN = 10
T = TypeVar("T")


@dataclass(frozen=True)
class FileRecord:
    """A published file as the manifest records it."""

    size: int
    sha256: str


# -- where an output folder may be --------------------------------------------------------------


def check_output_place(
    out_dir: Path, inputs: Sequence[Path] = (), *, replaces_folder: bool = True
) -> Path:
    """``out_dir`` resolved, or an :class:`OutputError` when it must not be written.

    ``replaces_folder`` is true for a build, which replaces the folder as a whole; ``export``
    and ``init`` only add files, so the root, home and working directory are fine for them.

    >>> check_output_place(Path("/"))
    Traceback (most recent call last):
    ...
    muniorg.core.errors.OutputError: refusing to publish into / (the file system root): ...

    :raises OutputError: with the reason and what to do instead.
    """
    target = out_dir.resolve()
    if ".git" in target.parts:
        raise OutputError(
            f"refusing to write into {out_dir}: it is inside a .git folder, which belongs to git"
        )
    if target.exists() and not target.is_dir():
        raise OutputError(f"{out_dir} exists and is not a folder; name a folder for the output")
    if not replaces_folder:
        return target  # the rules below are for folders replaced whole
    if target == Path(target.anchor):
        raise _refuse(out_dir, "the file system root")
    home = _home()
    if home is not None and (target == home or _is_within(home, target)):
        raise _refuse(
            out_dir, "your home folder" if target == home else "it holds your home folder"
        )
    cwd = Path.cwd().resolve()
    if target == cwd or _is_within(cwd, target):
        what = "the current folder" if target == cwd else "it holds the current folder"
        raise _refuse(out_dir, what)
    for source in inputs:
        resolved = source.resolve()
        if resolved == target:
            raise _refuse(out_dir, f"it is the input {source}")
        if _is_within(resolved, target):
            raise _refuse(out_dir, f"it holds the input {source}")
    return target


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except RuntimeError:  # no home folder known (no HOME, no password entry)
        return None


def _refuse(out_dir: Path, why: str) -> OutputError:
    return OutputError(
        f"refusing to publish into {out_dir} ({why}): a build replaces its output folder as a "
        "whole; name a new or empty folder of its own, e.g. -o dist"
    )


def _is_within(path: Path, folder: Path) -> bool:
    return path != folder and path.is_relative_to(folder)


# -- the manifest -------------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, FileRecord] | None:
    """The files the manifest in ``folder`` lists, or ``None`` when there is no manifest.

    :raises OutputError: when the manifest exists but is not one muniorg wrote.
    """
    path = folder / MANIFEST
    try:
        # orjson: a national output's manifest (6,000 files) parses in a fifth of the time,
        # and a build reads it three times
        data = orjson.loads(path.read_bytes())
        files = data["files"]
        return {
            str(name): FileRecord(int(entry["size"]), str(entry["sha256"]))
            for name, entry in files.items()
        }
    except FileNotFoundError:
        return None
    except OSError as err:
        raise environment_error(err, path, "read") from err
    except (ValueError, KeyError, TypeError, AttributeError):
        raise OutputError(
            f"{path} is not a muniorg manifest; muniorg will not write into {folder}. "
            "Remove the folder (or that file) if its contents may go."
        ) from None


def manifest_text(records: Mapping[str, FileRecord]) -> str:
    """The manifest listing ``records``: sorted, no time stamps, so builds stay byte-identical."""
    files = {
        name: {"size": record.size, "sha256": record.sha256}
        for name, record in sorted(records.items())
    }
    body = {"generator": "muniorg", "format": _MANIFEST_FORMAT, "files": files}
    return json.dumps(body, indent=1, ensure_ascii=False) + "\n"


def file_record(path: Path, status: os.stat_result | None = None) -> FileRecord:
    """The size and SHA-256 of ``path`` (whose stat the caller may give as ``status``).

    A build checks the files of its output folder when it starts, again just before it
    replaces the folder, and once more after (they are the previous output then): a file whose
    inode, size, modification and change times are those of a file hashed here earlier, and
    whose last change came well before that hashing, is not read again. Writing a file changes
    its change time, which no program can set back.
    """
    before = os.stat(path) if status is None else status
    key = stat_key(before)
    known = _RECORDS.get(key)
    if known is not None:
        return known
    hashed_at = time.time_ns()
    size, [sha256] = digest_file(path, "sha256")
    record = FileRecord(size, sha256)
    if before.st_ctime_ns < hashed_at - SETTLED_NS and size == before.st_size:
        _RECORDS[key] = record
    return record


#: Records of files hashed by this process, by (device, inode, size, mtime, ctime).
_RECORDS: dict[tuple[int, int, int, int, int], FileRecord] = {}
#: At most this many records are kept (a few tens of MB): each build of a 200-municipality
#: folder adds about 2,000 (a file's hard links change its change time), which a process that
#: builds again and again (a watch) would keep for ever. Past it, they are forgotten, and the
#: next build loads its folder's records again (forgetting is always safe: a file without a
#: record is read).
_RECORDS_MAX = 50_000


def _bound_records() -> None:
    if len(_RECORDS) > _RECORDS_MAX:
        _RECORDS.clear()
        _RECORDS_LOADED.clear()


def trusted_record(path: Path) -> FileRecord | None:
    """The record of ``path`` when its stat is one this process knows (hashed here, written
    here, or recorded by the build that wrote it), without reading it; else ``None``."""
    try:
        return _RECORDS.get(stat_key(os.stat(path, follow_symlinks=False)))
    except OSError:
        return None


def _folder_entries(
    folder: Path, folders: list[str] | None = None
) -> list[tuple[str, os.stat_result]]:
    """Every entry below ``folder`` that is not a folder (a symbolic link to one included,
    never followed), as sorted POSIX paths with their ``lstat``; the folders below it go to
    ``folders`` when it is given. One ``scandir`` a folder and one ``lstat`` an entry: an
    output folder holds thousands of files, checked three times a build.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "site").mkdir()
    >>> _ = (folder / "site" / "a.css").write_text("")
    >>> _ = (folder / "b.nt").write_text("")
    >>> (folder / "up").symlink_to(folder)
    >>> below: list[str] = []
    >>> [name for name, _ in _folder_entries(folder, below)], below
    (['b.nt', 'site/a.css', 'up'], ['site'])

    :raises OSError: for a folder that cannot be read (which may hide anything).
    """
    found: list[tuple[str, os.stat_result]] = []
    pending = [("", os.fspath(folder))]
    while pending:
        prefix, here = pending.pop()
        with os.scandir(here) as entries:
            for entry in entries:
                name = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((name + "/", entry.path))
                    if folders is not None:
                        folders.append(name)
                else:
                    found.append((name, entry.stat(follow_symlinks=False)))
    found.sort(key=lambda item: item[0])
    return found


def folder_files(folder: Path) -> list[str]:
    """Every entry below ``folder`` that is not a folder, as sorted POSIX paths
    (:func:`_folder_entries`).

    :raises OSError: for a folder that cannot be read (which may hide anything).
    """
    return [name for name, _ in _folder_entries(folder)]


def foreign_files(folder: Path, records: Mapping[str, FileRecord] | None) -> list[str]:
    """Files in ``folder`` that muniorg did not write there, or that were changed since.

    With no manifest (``records`` is ``None``) every file is foreign.
    """
    foreign = []
    for name, status in _folder_entries(folder):
        if name in (MANIFEST, STAGING_MARK):
            continue
        record = None if records is None else records.get(name)
        if record is None or not stat.S_ISREG(status.st_mode):
            foreign.append(name)
        elif (
            _RECORDS.get(stat_key(status)) != record
            and file_record(folder / name, status) != record
        ):
            foreign.append(name)  # (a known record is looked up before a Path is made)
    return foreign


def _names(names: Sequence[str]) -> str:
    return first_of(names, _NAMES_SHOWN)


def check_owned(folder: Path) -> None:
    """Stop unless ``folder`` is missing, empty, or holds only files muniorg wrote, unchanged.

    :raises OutputError: naming the files that are not muniorg's.
    """
    if not folder.is_dir():
        return
    records = read_manifest(folder)
    foreign = foreign_files(folder, records)
    if not foreign:
        return
    if records is None:
        raise OutputError(
            f"{folder} is not empty and was not written by muniorg (it has no {MANIFEST}); "
            f"it holds {_names(foreign)}. Name a new or empty folder, or move those files away."
        )
    raise OutputError(
        f"{folder} holds files muniorg did not write there, or that changed since it wrote "
        f"them: {_names(foreign)}. A build replaces its output folder as a whole, so it stops "
        "here: move those files elsewhere (or delete them) and build again."
    )


# -- one writer at a time -----------------------------------------------------------------------


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[float]:
    """Hold an exclusive lock on ``folder`` (a folder that exists); yields the seconds waited.

    The lock is ``flock`` on the folder itself: it leaves no file behind and is released by
    the kernel when the process dies, so a killed build never blocks the next one. It is not
    re-entrant: take it once per process and folder.
    """
    started = time.monotonic()
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as err:
        raise environment_error(err, folder, "lock") from err
    try:
        try:
            _lock(fd)
        except OSError as err:  # ENOLCK on some network file systems
            raise environment_error(err, folder, "lock") from err
        yield time.monotonic() - started
    finally:
        os.close(fd)  # closing the descriptor releases the lock


if sys.platform == "win32":  # pragma: no cover - muniorg's CI runs on Linux

    def _lock(fd: int) -> None:
        # Windows cannot lock folders; builds there are not serialised.
        return None

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)


# -- replacing a folder whole -------------------------------------------------------------------


class Published:
    """A file of the previous output, open, with the bytes read from it (see
    :meth:`OutputFolder.read_published`): a new file can take runs of it with
    :meth:`copy_to` (in the kernel, without passing the bytes through the process), as long
    as :meth:`unchanged` holds.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a").write_bytes(b"0123456789")
    >>> with Published.open(folder / "a") as old, (folder / "b").open("xb") as new:
    ...     old.copy_to(new, 2, 5)
    >>> (folder / "b").read_bytes()
    b'234'
    """

    def __init__(self, stream: BinaryIO, data: bytes, key: tuple[int, ...]) -> None:
        self.stream = stream
        self.data = data
        self.key = key

    @classmethod
    def open(cls, path: Path) -> Published:
        """``path``, open and read (for tests and examples: no checksum is checked)."""
        stream = path.open("rb")
        data = stream.read()
        return cls(stream, data, stat_key(os.fstat(stream.fileno())))

    def unchanged(self) -> bool:
        """Whether the file is still the one read (its stat key: nothing wrote into it)."""
        return stat_key(os.fstat(self.stream.fileno())) == self.key

    def copy_to(self, target: BinaryIO, start: int, end: int) -> None:
        """Append the bytes ``start:end`` of the file to ``target`` (flushed first):
        ``copy_file_range`` where the system has it, else a write of the bytes read."""
        target.flush()
        out = target.fileno()
        copy = getattr(os, "copy_file_range", None)
        while copy is not None and start < end:
            try:
                done = copy(self.stream.fileno(), out, end - start, start)
            except OSError:  # across file systems on older kernels, or not supported
                break
            if done <= 0:
                break
            start += done
        view = memoryview(self.data)
        while start < end:
            start += os.write(out, view[start : min(start + _CHUNK, end)])

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> Published:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


#: The most bytes written in one call (:meth:`Published.copy_to`).
_CHUNK = 1 << 20


class OutputFolder:
    """A build's output folder, held for the whole build.

    Entering checks the place (:func:`check_output_place`), locks the folder that holds it,
    finishes or removes what killed builds left there, and checks that the folder is muniorg's
    (:func:`check_owned`), so that a build stops before it validates anything. :meth:`publish`
    then writes the new output and exchanges it with the old one, under the same lock.
    ``notes`` collects what the user should know (a wait for another build, files kept aside).

    >>> import tempfile
    >>> with OutputFolder(Path(tempfile.mkdtemp()) / "dist") as folder:
    ...     with folder.publish() as staging:
    ...         _ = (staging / "a.nt").write_text("")
    ...     sorted(p.name for p in folder.path.iterdir())
    ['.muniorg-manifest.json', 'a.nt']

    :raises OutputError: when the folder must not be written, is not muniorg's, or a write fails
        (full disk, read-only file system, permission ...).
    """

    def __init__(
        self, out_dir: Path, inputs: Sequence[Path] = (), *, stat_file: Path | None = None
    ) -> None:
        self.path = check_output_place(out_dir, inputs)
        self.notes: list[str] = []
        self._lock: contextlib.ExitStack | None = None
        #: Where the stat records of the published files are kept between builds (see
        #: :func:`load_stat_records`); ``None``: every build reads the previous output whole.
        self.stat_file = stat_file
        #: The previous output's manifest, as checked on entering (``None``: there was none).
        self.previous: dict[str, FileRecord] | None = None
        #: The files :meth:`publish` published (by their path in the folder) with their
        #: records, once it has (the manifest's list).
        self.published: dict[str, FileRecord] | None = None

    def __enter__(self) -> OutputFolder:
        make_folder(self.path.parent, self.path)
        stack = contextlib.ExitStack()
        try:
            waited = stack.enter_context(folder_lock(self.path.parent))
            if waited >= 1:
                self.notes.append(f"waited {waited:.0f} s for another muniorg run into {self.path}")
            _environment(clean_leftovers, self.path)
            _bound_records()
            if self.stat_file is not None:
                load_stat_records(self.stat_file)
            _environment(check_owned, self.path)
            self.previous = _environment(read_manifest, self.path) if self.path.is_dir() else None
        except BaseException:
            stack.close()
            raise
        self._lock = stack
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def link_previous(self, name: str, record: FileRecord, staging: Path) -> bool:
        """Put the previous output's file ``name`` into ``staging`` as a hard link, when it
        is the file the manifest lists with ``record`` and was checked unchanged since (its
        stat is the one checked: :func:`trusted_record`); ``False`` (nothing done) when it is
        not, or the file system cannot link. Nothing writes into a published file in place
        (the staging folder's files are all new names, made with ``O_EXCL``), so the link
        shares bytes that no build changes."""
        if self.previous is None or self.previous.get(name) != record:
            return False
        source = os.path.join(self.path, name)  # strings: called for every file of a build
        try:
            if _RECORDS.get(stat_key(os.stat(source, follow_symlinks=False))) != record:
                return False  # (trusted_record, without a Path)
            os.link(source, os.path.join(staging, name), follow_symlinks=False)
        except OSError:  # another file system, no hard links, a name taken: copy instead
            return False
        # The link changes the file's change time: :meth:`publish` records the staged files'
        # stat when the staging folder is complete (_staged_stats), before any check of them.
        return True

    def read_published(self, name: str, sha256: str) -> Published | None:
        """The file ``name`` of the output folder as it is now (the previous output, while
        :meth:`publish` writes the next), open, with its bytes, when they are those of
        ``sha256``; else ``None``. A file whose stat is one known to hold those bytes
        (:func:`trusted_record`), unchanged while it was read, is not hashed. The caller
        closes it."""
        try:
            stream = (self.path / name).open("rb")
        except OSError:
            return None
        try:
            before = os.fstat(stream.fileno())
            data = stream.read()
            after = os.fstat(stream.fileno())
            key = stat_key(before)
            known = key == stat_key(after) and _RECORDS.get(key) == FileRecord(len(data), sha256)
            if not known and hashlib.sha256(data).hexdigest() != sha256:
                stream.close()
                return None
            return Published(stream, data, stat_key(after))
        except OSError:
            stream.close()
            return None

    @contextlib.contextmanager
    def publish(self, known: Mapping[str, FileRecord] | None = None) -> Iterator[Path]:
        """Yield an empty staging folder; when the block ends without error, it replaces the
        output folder whole. When the block raises, the staging folder is removed and the
        output folder stays as it was.

        ``known`` may give the size and SHA-256 of files the caller writes (by their path in
        the folder), which it computed from the bytes it wrote: the manifest takes them instead
        of reading those files again (a file of another size is read)."""
        if self._lock is None:
            raise RuntimeError("OutputFolder.publish() needs the folder entered (with ...)")
        target = self.path
        staging = _environment(_new_staging, target)
        try:
            try:
                yield staging
            except OSError as err:  # writing the output: a full disk, a read-only file system
                raise environment_error(err, Path(err.filename or staging), "write") from err
            records, statuses = _environment(_finish_staging, staging, known or {})
            staged = _staged_stats(records, statuses)
            # The user may have added a file since the check on entering; look again.
            _environment(check_owned, target)
            _environment(_exchange, staging, target)
        except BaseException:
            _discard(staging, target)
            raise
        self.published = records
        # ``staging`` now holds the previous output. Anything in it that muniorg did not write
        # (a file saved in the last instant) is kept aside under a visible name, never deleted.
        if staging.exists():
            foreign = _environment(foreign_files, staging, _environment(read_manifest, staging))
            if foreign:
                kept = target.parent / f"{target.name}.kept-{time.strftime('%Y%m%d-%H%M%S')}"
                _environment(os.rename, staging, kept)
                self.notes.append(
                    f"{kept} holds the previous output with files muniorg did not write "
                    f"({_names(foreign)}); they were added while the build ran"
                )
            else:
                _discard(staging, target)
        if self.stat_file is not None:
            stats = _environment(_published_stats, target, staged, records)
            save_stat_records(self.stat_file, stats)


@contextlib.contextmanager
def replace_folder(out_dir: Path, inputs: Sequence[Path] = ()) -> Iterator[Path]:
    """:class:`OutputFolder` and its :meth:`~OutputFolder.publish` in one step: yield an empty
    staging folder that replaces ``out_dir`` whole when the block ends without error.

    :raises OutputError: as :class:`OutputFolder`.
    """
    with OutputFolder(out_dir, inputs) as folder, folder.publish() as staging:
        yield staging


def _environment(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)``, with an ``OSError`` turned into an :class:`OutputError` (exit 2)."""
    try:
        return function(*args)
    except OSError as err:
        raise environment_error(err, Path(err.filename or args[0]), "write") from err


def _new_staging(target: Path) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    (staging / STAGING_MARK).touch()
    return staging


def _finish_staging(
    staging: Path, known: Mapping[str, FileRecord]
) -> tuple[dict[str, FileRecord], dict[str, os.stat_result]]:
    """Write the manifest, give the usual permissions and sync everything to disk; the files'
    records, and their stat as it is now (taken once: that of the listing, again only for a
    file whose permissions were set). The staging mark goes last: a folder killed here still
    carries a mark or the manifest."""
    records = {}
    folders: list[str] = []
    entries = [e for e in _folder_entries(staging, folders) if e[0] not in (MANIFEST, STAGING_MARK)]
    for name, status in entries:
        record = known.get(name)
        if record is None or status.st_size != record.size:
            record = file_record(staging / name)
        records[name] = record
    (staging / MANIFEST).write_text(manifest_text(records), encoding="utf-8", newline="\n")
    (staging / STAGING_MARK).unlink()
    folder_mode, file_mode = 0o777 & ~umask(), 0o666 & ~umask()
    paths = [
        (staging, os.lstat(staging)),
        *((staging / name, os.lstat(staging / name)) for name in folders),
        (staging / MANIFEST, os.lstat(staging / MANIFEST)),
        *((staging / name, status) for name, status in entries),
    ]
    written = []  # files and folders made by this build (not linked from the previous output)
    changed = set()
    for path, status in paths:
        mode = folder_mode if stat.S_ISDIR(status.st_mode) else file_mode
        if stat.S_IMODE(status.st_mode) != mode:  # a linked file has its mode already
            os.chmod(path, mode)
            changed.add(path)
        if stat.S_ISDIR(status.st_mode) or status.st_nlink == 1:
            written.append(path)
    # chmod sets the change time; nothing else changes the files' stat from here on
    stats = {
        name: os.lstat(staging / name) if staging / name in changed else status
        for name, status in entries
    }
    # A linked file was synced by the build that wrote it. A few new files are synced one by
    # one; many at once with one syncfs (which also waits for every other program's writes
    # to the same file system: on a busy machine, seconds).
    if len(written) <= _FSYNC_MAX or not _sync_file_system(staging):
        # On threads: the file system commits the waiting fsyncs together (ext4's journal
        # takes them into one transaction) instead of one after the other.
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(_fsync_path, written))
    return records, stats


#: At most this many new files and folders are synced one by one; more with one ``syncfs``.
_FSYNC_MAX = 100


#: How long after the newest change time of a published file its records are taken: a change
#: within the same tick of the file system's clock would leave the change time as it was.
_CLOCK_TICKS_NS = 20_000_000


def _staged_stats(
    records: Mapping[str, FileRecord], stats: Mapping[str, os.stat_result]
) -> dict[str, os.stat_result]:
    """The stat of each published file in the staging folder (``stats``, taken when it was
    complete: nothing but this build writes there), from now on known to this process as
    holding its record's bytes (the checks of the old output before and after the exchange
    meet the linked ones there too)."""
    for name, status in stats.items():
        _RECORDS[stat_key(status)] = records[name]
    return dict(stats)


def _published_stats(
    target: Path, staged: Mapping[str, os.stat_result], records: Mapping[str, FileRecord]
) -> dict[str, list[Any]]:
    """The stat records of the published files for the next build (:func:`save_stat_records`).

    Taken after the previous output was removed, since removing a hard link changes the
    change time of the file it shares; a file whose inode, size or modification time is no
    longer the staged one is left out (it is read next time). Then the clock is let pass the
    tick of the newest change time, so that any later write gives a file another change time.
    Empty on a file system whose times are not finer than a millisecond (a change there may
    keep its time)."""
    saved: dict[str, list[Any]] = {}
    newest = 0
    for name, before in staged.items():
        try:
            status = os.lstat(target / name)
        except OSError:
            continue
        key = stat_key(status)
        if key[:4] != stat_key(before)[:4]:
            continue
        saved[name] = [*key, records[name].sha256]
        newest = max(newest, status.st_ctime_ns)
    if not any(record[4] % 1_000_000 for record in saved.values()):
        return {}
    wait = newest + _CLOCK_TICKS_NS - time.time_ns()
    if wait > 0:
        time.sleep(wait / 1e9)
    return saved


def save_stat_records(path: Path, stats: Mapping[str, list[Any]]) -> None:
    """Keep ``stats`` (:func:`_published_stats`) in ``path`` for the next build; best effort.
    They are known to this process from now on (a later build in it need not load them)."""
    keep_json(path, {"format": 1, "files": stats})
    for dev, ino, size, mtime, ctime, sha256 in stats.values():
        _RECORDS[(int(dev), int(ino), int(size), int(mtime), int(ctime))] = FileRecord(
            int(size), str(sha256)
        )
    with contextlib.suppress(OSError):
        _RECORDS_LOADED[os.fspath(path)] = stat_key(os.stat(path))


#: The stat key of each records file this process saved or loaded (:func:`load_stat_records`
#: passes over one that is unchanged since: its records are known). Leaving records out is
#: always safe: a file without one is read.
_RECORDS_LOADED: dict[str, tuple[int, int, int, int, int]] = {}


def load_stat_records(path: Path) -> None:
    """Make the records a previous build kept in ``path`` known to this process: a file whose
    device, inode, size, modification and change times are those recorded holds the bytes
    recorded (writing a file, or setting its times, sets its change time, which no program can
    set back). A damaged or missing file is passed over: the files are then read.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.nt").write_text("")
    >>> empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    >>> status = os.lstat(folder / "a.nt")
    >>> save_stat_records(folder / "records.json", {"a.nt": [*stat_key(status), empty]})
    >>> load_stat_records(folder / "records.json")
    >>> trusted_record(folder / "a.nt") == FileRecord(0, empty)
    True
    >>> _ = (folder / "a.nt").write_text("changed")
    >>> trusted_record(folder / "a.nt") is None
    True
    """
    try:
        with path.open("rb") as stream:
            seen = stat_key(os.fstat(stream.fileno()))
            if _RECORDS_LOADED.get(os.fspath(path)) == seen:
                return  # saved or loaded by this process, unchanged since
            data = json.loads(stream.read())
        if data.get("format") != 1:
            return
        for dev, ino, size, mtime, ctime, sha256 in data["files"].values():
            key = (int(dev), int(ino), int(size), int(mtime), int(ctime))
            _RECORDS[key] = FileRecord(int(size), str(sha256))
        _RECORDS_LOADED[os.fspath(path)] = seen
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return


def _sync_file_system(folder: Path) -> bool:
    """Write everything of the file system that holds ``folder`` to disk, in one call
    (Linux's ``syncfs``); ``False`` where that is not available. A national build writes
    thousands of files: one ``fsync`` each took 16 s on a busy disk, one ``syncfs`` a
    fraction of that."""
    syncfs = _syncfs()
    if syncfs is None:
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        return bool(syncfs(fd) == 0)
    finally:
        os.close(fd)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return cast("Callable[[int], int]", function)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exchange(staging: Path, target: Path) -> None:
    """Put ``staging`` at ``target``; what was at ``target`` ends up at ``staging``.

    On Linux one ``renameat2(RENAME_EXCHANGE)``: readers see the old folder or the new one.
    Elsewhere two renames, between which the folder is missing for an instant; a crash there
    leaves the old folder as ``.{name}.old-*``, which the next run restores.
    """
    if not target.exists():
        os.rename(staging, target)
    elif not _rename_exchange(staging, target):
        retired = target.parent / f".{target.name}.old-{os.getpid()}-{time.monotonic_ns()}"
        os.rename(target, retired)
        try:
            os.rename(staging, target)
        except OSError:
            os.rename(retired, target)  # put the previous output back
            raise
        os.rename(retired, staging)
    with contextlib.suppress(OSError):  # durability of the rename; the exchange itself is done
        _fsync_path(target.parent)


def _rename_exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with Linux's ``renameat2``; false where it is not available."""
    function = _renameat2()
    if function is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = function(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # the kernel or the file system cannot exchange
    raise OSError(code, os.strerror(code), str(second))


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """libc's ``renameat2``, or ``None`` off Linux or on a libc without it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return cast("Callable[..., int]", function)


def leftovers(target: Path) -> list[Path]:
    """Staging, retired and trash folders of earlier, killed runs into ``target``, recognised
    by their exact names (``tempfile.mkdtemp``'s 8 characters, a pid and a clock reading)."""
    if not target.parent.is_dir():
        return []
    name = re.escape(target.name)
    pattern = re.compile(rf"\.{name}\.(building-[a-z0-9_]{{8}}|(old|trash)-[0-9]+-[0-9]+)")
    return sorted(
        path
        for path in target.parent.iterdir()
        if pattern.fullmatch(path.name) and path.is_dir() and not path.is_symlink()
    )


def clean_leftovers(target: Path) -> None:
    """Restore the previous output if a crash left it retired; remove other leftovers.

    A leftover is touched only when it is recognisably muniorg's: a trash folder (renamed so
    only after its contents were checked), a staging folder that still carries its mark, or a
    folder whose every file its manifest lists, unchanged. Anything else is left alone.
    """
    for path in leftovers(target):
        kind = path.name[len(target.name) + 2 :].split("-", 1)[0]
        if kind == "trash":
            shutil.rmtree(path, ignore_errors=True)
            continue
        if kind == "building" and (path / STAGING_MARK).exists():
            _discard(path, target)
            continue
        records = read_manifest(path)
        if records is None or foreign_files(path, records):
            continue  # not recognisably muniorg's: leave it alone
        if kind == "old" and not target.exists():
            os.rename(path, target)  # the crash fell between the two renames of an exchange
        else:
            _discard(path, target)


def _discard(path: Path, target: Path) -> None:
    """Remove a folder of muniorg's beside ``target``. It is renamed to a trash name first, so
    that a crash in the middle leaves a folder the next run recognises and finishes removing."""
    trash = target.parent / f".{target.name}.trash-{os.getpid()}-{time.monotonic_ns()}"
    try:
        os.rename(path, trash)
    except FileNotFoundError:
        return
    except OSError:
        trash = path
    shutil.rmtree(trash, ignore_errors=True)


# -- adding files to a folder (export) ----------------------------------------------------------


def write_files(out_dir: Path, texts: Mapping[str, str], inputs: Iterable[Path] = ()) -> list[Path]:
    """Write ``texts`` (file name to text) into ``out_dir``, each file atomically.

    Existing files are replaced only when an earlier muniorg run wrote them (they are in the
    folder's manifest) and they were not changed since; a file that is one of ``inputs`` is
    never replaced. Everything is checked before the first file is written. The manifest is
    updated with the new files.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> [p.name for p in write_files(folder, {"a.nt": ""})]
    ['a.nt']
    >>> _ = (folder / "b.nt").write_text("mine")
    >>> write_files(folder, {"b.nt": ""})
    Traceback (most recent call last):
    ...
    muniorg.core.errors.OutputError: refusing to overwrite b.nt in ...: muniorg did not write them there, ...

    :raises OutputError: for a file that is not muniorg's, an input, or a failed write.
    """
    inputs = list(inputs)
    target = check_output_place(out_dir, replaces_folder=False)
    make_folder(target)
    input_paths = {p.resolve() for p in inputs}
    with folder_lock(target.parent):  # the same lock as a build into this folder
        records = dict(read_manifest(target) or {})
        refused = []
        for name in sorted(texts):
            path = target / name
            if path.resolve() in input_paths:
                refused.append(f"{name} (an input)")
            elif path.exists() or path.is_symlink():
                record = records.get(name)
                if record is None or path.is_symlink() or file_record(path) != record:
                    refused.append(name)
        if refused:
            raise OutputError(
                f"refusing to overwrite {_names(refused)} in {out_dir}: muniorg did not write "
                "them there, or they changed since. Move them away, or choose another output "
                "folder."
            )
        written = []
        for name, text in texts.items():
            path = out_dir / name
            write_atomic(path, text)
            records[name] = file_record(path)
            written.append(path)
        write_atomic(out_dir / MANIFEST, manifest_text(records))
    return written


__all__ = [
    "MANIFEST",
    "FileRecord",
    "OutputFolder",
    "Published",
    "check_output_place",
    "check_owned",
    "clean_leftovers",
    "folder_files",
    "folder_lock",
    "foreign_files",
    "load_stat_records",
    "read_manifest",
    "replace_folder",
    "save_stat_records",
    "trusted_record",
    "write_files",
]
