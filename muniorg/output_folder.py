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
  :class:`~muniorg.errors.OutputError` naming it, and nothing is touched. A folder that exists,
  is not empty and has no manifest is refused the same way. (An empty or missing folder is fine.)
- **Whole or not at all**: the new output is written into a staging folder beside the target
  (``.{name}.building-*``), made readable like any published folder (0755 folders, 0644 files
  under the usual umask), synced, and exchanged with the old folder in one step
  (``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere two renames, undone by the next build if
  a crash falls between them). Readers and crashes see the old folder or the new one.
- **One writer at a time**: the parent folder is locked (``flock``) while a build writes; a
  second build (or export) into the same place waits for the first to finish. (Windows cannot
  lock folders: there, builds into one folder are not serialised.)
- Leftovers of killed builds (staging or retired folders that carry muniorg's marker or manifest)
  are removed, or restored when the output folder itself is missing, by the next build.

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
    muniorg.errors.OutputError: ... holds files muniorg did not write there, ...: mine.txt. ...
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from muniorg.errors import OutputError
from muniorg.files import environment_error, make_folder, umask, write_atomic

#: The manifest of an output folder: what muniorg published there, with sizes and checksums.
MANIFEST = ".muniorg-manifest.json"
#: Marks a staging folder from its creation on, so that a leftover is known to be muniorg's.
STAGING_MARK = ".muniorg-staging"
_MANIFEST_FORMAT = 1
#: How many names an error lists before it says "and N more".
_NAMES_SHOWN = 10


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
    muniorg.errors.OutputError: refusing to publish into / (the file system root): ...

    :raises OutputError: with the reason and what to do instead.
    """
    target = out_dir.expanduser().resolve()
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
        resolved = source.expanduser().resolve()
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
        data = json.loads(path.read_text(encoding="utf-8"))
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


def file_record(path: Path) -> FileRecord:
    """The size and SHA-256 of ``path``."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return FileRecord(size, digest.hexdigest())


def _folder_files(folder: Path) -> list[str]:
    """Every entry below ``folder`` that is not a folder, as sorted POSIX paths."""
    found = []
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_dir():
            found.append(path.relative_to(folder).as_posix())
    return sorted(found)


def foreign_files(folder: Path, records: Mapping[str, FileRecord] | None) -> list[str]:
    """Files in ``folder`` that muniorg did not write there, or that were changed since.

    With no manifest (``records`` is ``None``) every file is foreign.
    """
    foreign = []
    for name in _folder_files(folder):
        if name in (MANIFEST, STAGING_MARK):
            continue
        record = None if records is None else records.get(name)
        path = folder / name
        if record is None or path.is_symlink() or file_record(path) != record:
            foreign.append(name)
    return foreign


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(names[:_NAMES_SHOWN])
    more = len(names) - _NAMES_SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


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
    the kernel when the process dies, so a killed build never blocks the next one.
    """
    started = time.monotonic()
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as err:
        raise environment_error(err, folder, "lock") from err
    try:
        _lock(fd)
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


@contextlib.contextmanager
def replace_folder(
    out_dir: Path, inputs: Sequence[Path] = (), *, waited: list[float] | None = None
) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces ``out_dir`` as a whole.

    Everything in the module docstring is checked first; when the ``with`` block raises, the
    staging folder is removed and ``out_dir`` stays as it was. A manifest of the staged files is
    added before the exchange. ``waited`` receives the seconds spent waiting for the lock.

    :raises OutputError: when ``out_dir`` must not be written, is not muniorg's, or a write
        fails (full disk, read-only file system, permission ...).
    """
    target = check_output_place(out_dir, inputs)
    make_folder(target.parent, target)
    with folder_lock(target.parent) as seconds:
        if waited is not None:
            waited.append(seconds)
        clean_leftovers(target)
        check_owned(target)
        staging = _new_staging(target)
        try:
            yield staging
            _finish_staging(staging)
            _exchange(staging, target)
        except OSError as err:
            raise environment_error(err, Path(err.filename or target), "write") from err
        finally:
            _remove_tree(staging)


def _new_staging(target: Path) -> Path:
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
        (staging / STAGING_MARK).touch()
    except OSError as err:
        raise environment_error(err, target.parent, "write into") from err
    return staging


def _finish_staging(staging: Path) -> None:
    """Write the manifest, give the usual permissions and sync everything to disk."""
    (staging / STAGING_MARK).unlink()
    records = {name: file_record(staging / name) for name in _folder_files(staging)}
    (staging / MANIFEST).write_text(manifest_text(records), encoding="utf-8", newline="\n")
    folder_mode, file_mode = 0o777 & ~umask(), 0o666 & ~umask()
    for path in [staging, *staging.rglob("*")]:
        os.chmod(path, folder_mode if path.is_dir() else file_mode)
        if not path.is_dir():
            _fsync_path(path)
    _fsync_path(staging)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exchange(staging: Path, target: Path) -> None:
    """Put ``staging`` at ``target``; what was at ``target`` ends up at ``staging``."""
    if not target.exists():
        os.rename(staging, target)
    elif not _rename_exchange(staging, target):
        # Two renames: a crash between them leaves the old folder as .{name}.old-*, which the
        # next build restores (clean_leftovers) before it looks at the target.
        retired = target.parent / f".{target.name}.old-{os.getpid()}-{time.monotonic_ns()}"
        os.rename(target, retired)
        os.rename(staging, target)
        os.rename(retired, staging)
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
        function = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True).renameat2
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
    """Staging and retired folders of earlier, killed builds into ``target``."""
    if not target.parent.is_dir():
        return []
    prefixes = (f".{target.name}.building-", f".{target.name}.old-")
    return sorted(
        path
        for path in target.parent.iterdir()
        if path.name.startswith(prefixes) and path.is_dir() and not path.is_symlink()
    )


def clean_leftovers(target: Path) -> None:
    """Restore the previous output if a crash left it retired; remove other leftovers.

    Only folders that carry muniorg's staging mark or manifest, or are empty, are touched.
    """
    for path in leftovers(target):
        ours = (path / STAGING_MARK).exists() or (path / MANIFEST).exists()
        if not ours and any(path.iterdir()):
            continue  # not recognisably muniorg's: leave it alone
        if path.name.startswith(f".{target.name}.old-") and not target.exists():
            os.rename(path, target)  # the crash fell between the two renames of an exchange
        else:
            _remove_tree(path)


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


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
    muniorg.errors.OutputError: refusing to overwrite b.nt in ...: muniorg did not write them there, ...

    :raises OutputError: for a file that is not muniorg's, an input, or a failed write.
    """
    inputs = list(inputs)
    target = check_output_place(out_dir, replaces_folder=False)
    make_folder(target)
    input_paths = {p.expanduser().resolve() for p in inputs}
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
    "check_output_place",
    "check_owned",
    "clean_leftovers",
    "folder_lock",
    "foreign_files",
    "read_manifest",
    "replace_folder",
    "write_files",
]
