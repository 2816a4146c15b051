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
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from muniorg.errors import InputError


def _umask() -> int:
    # There is no way to read the umask without setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _temporary_beside(path: Path, text: str) -> Iterator[Path]:
    """A complete temporary copy of ``text`` in ``path``'s folder, removed afterwards."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror or err}") from err
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates files readable by the owner only; give the usual permissions.
        os.chmod(tmp, 0o666 & ~_umask())
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``, replacing it in one step: readers see the old file
    or the new one, never half of it.

    :raises InputError: when the file cannot be written (missing permission, a folder ...).
    """
    with _temporary_beside(path, text) as tmp:
        try:
            os.replace(tmp, path)
        except OSError as err:
            raise InputError(f"cannot write {path}: {err.strerror or err}") from err


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in one step, refusing to replace an existing file.

    A hard link publishes the finished temporary file under the new name and fails if the
    name exists, so there is no moment at which another writer could be overwritten.

    :raises InputError: when ``path`` exists or cannot be written.
    """
    if path.exists():
        raise InputError(f"{path} exists already: refusing to overwrite it")
    with _temporary_beside(path, text) as tmp:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise InputError(f"{path} exists already: refusing to overwrite it") from None
        except OSError as err:
            raise InputError(f"cannot write {path}: {err.strerror or err}") from err
