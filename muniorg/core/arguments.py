"""The checks of the public functions' arguments: a wrong kind of argument is a
:class:`~muniorg.core.errors.UsageError` naming the function and the argument, not an
``AttributeError`` from deep inside (``'str' object has no attribute 'is_dir'``).

Paths may be given as text or any ``os.PathLike``, as the standard library takes them; a single
path where a list is expected is refused (a text is a sequence of characters, each of which
would otherwise be read as a path).

Example:
    >>> paths_argument(["examples"], "load_paths(paths)")
    [PosixPath('examples')]
    >>> paths_argument("examples", "load_paths(paths)")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    muniorg.core.errors.UsageError: load_paths(paths): expected a list of paths, ... got the text 'examples'
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from muniorg.core.errors import UsageError

T = TypeVar("T")

#: What a path may be given as.
PathArgument = str | os.PathLike[str]


def got(value: Any) -> str:
    """``"got the text 'x'"``: the value a message names, cut at 60 characters."""
    if value is None:
        return "got None"
    shown = repr(value)
    shown = shown[:57] + "..." if len(shown) > 60 else shown
    what = "the text" if isinstance(value, str) else f"a {type(value).__name__}:"
    return f"got {what} {shown}"


def path_argument(value: Any, where: str) -> Path:
    """``value`` as a :class:`Path`, from a ``Path``, a text or any ``os.PathLike``.

    >>> path_argument("dist", "build(out_dir)")
    PosixPath('dist')
    """
    if isinstance(value, Path):
        return value
    if isinstance(value, (str, os.PathLike)) and not isinstance(value, bytes):
        path = os.fspath(value)
        if isinstance(path, str):
            return Path(path)
    raise UsageError(f"{where}: expected a path (pathlib.Path or str), {got(value)}")


def paths_argument(values: Any, where: str) -> list[Path]:
    """``values``, a list (or other iterable) of paths, as a list of :class:`Path`."""
    if isinstance(values, (str, bytes, os.PathLike)) or not isinstance(values, Iterable):
        raise UsageError(
            f"{where}: expected a list of paths, such as [Path('examples')], {got(values)}"
        )
    return [path_argument(value, where) for value in values]


def instance_argument(value: Any, kind: type[T] | tuple[type, ...], where: str, what: str) -> T:
    """``value`` if it is a ``kind``, else a :class:`UsageError` that says ``what`` was
    expected.

    >>> instance_argument(None, int, "f(x)", "a number")
    Traceback (most recent call last):
    ...
    muniorg.core.errors.UsageError: f(x): expected a number, got None
    """
    if not isinstance(value, kind):
        raise UsageError(f"{where}: expected {what}, {got(value)}")
    return value  # type: ignore[return-value]  # checked: an instance of kind


def jobs_argument(jobs: Any) -> int:
    """``jobs``, a whole number of processes (1 or less: one, this one).

    >>> jobs_argument("2")
    Traceback (most recent call last):
    ...
    muniorg.core.errors.UsageError: jobs: expected a whole number of processes, got the text '2'
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise UsageError(f"jobs: expected a whole number of processes, {got(jobs)}")
    return jobs


__all__ = [
    "PathArgument",
    "got",
    "instance_argument",
    "jobs_argument",
    "path_argument",
    "paths_argument",
]
