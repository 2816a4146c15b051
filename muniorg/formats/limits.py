"""Bounds on what muniorg reads, so hostile or broken input fails fast with a clear message.

Defaults suit real municipalities with a wide margin; each can be raised with an environment
variable (named in the error message) or by passing a :class:`Limits`.

The limits in force are those given explicitly, else those of the innermost
:func:`use_limits` block (how the CLI's ``--max-*`` options reach the loaders), else
:meth:`Limits.from_env`.

Example:
    >>> from muniorg.formats.limits import Limits, current_limits, use_limits
    >>> Limits().max_file_bytes
    20000000
    >>> with use_limits(Limits(max_depth=8)):
    ...     current_limits().max_depth
    8
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from muniorg.core.errors import InputError, LimitExceeded
from muniorg.core.location import SourceLocation


@dataclass(frozen=True)
class Limits:
    """Size limits for inputs.

    ``max_file_bytes`` bounds each file, ``max_depth`` the nesting of YAML and JSON,
    ``max_yaml_nodes`` the values of a YAML document (counted while the parser composes it, and
    again after alias expansion) and ``max_triples`` the triples of one RDF file (counted while
    the parser streams them). Each bounds time and memory while reading, not after: the
    defaults keep any input under a few seconds and a few hundred MB (docs/security.md has the
    measurements), with a margin of 40 times the largest municipality of the benchmark.
    """

    max_file_bytes: int = 20_000_000
    max_depth: int = 64
    max_yaml_nodes: int = 50_000
    max_triples: int = 200_000

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by ``MUNIORG_MAX_FILE_BYTES``, ``MUNIORG_MAX_DEPTH``,
        ``MUNIORG_MAX_YAML_NODES`` and ``MUNIORG_MAX_TRIPLES``.

        :raises InputError: when a variable is not a positive whole number.
        """
        values = {}
        for name, env in ENV_VARS.items():
            raw = os.environ.get(env)
            if raw is None:
                continue
            if not raw.isdigit() or int(raw) <= 0:
                raise InputError(f"{env} must be a positive whole number, got {raw!r}")
            values[name] = int(raw)
        return cls(**values)


#: Environment variable of each limit, named in the error messages.
ENV_VARS = {
    "max_file_bytes": "MUNIORG_MAX_FILE_BYTES",
    "max_depth": "MUNIORG_MAX_DEPTH",
    "max_yaml_nodes": "MUNIORG_MAX_YAML_NODES",
    "max_triples": "MUNIORG_MAX_TRIPLES",
}

_ACTIVE: ContextVar[Limits | None] = ContextVar("muniorg_limits", default=None)


def current_limits() -> Limits:
    """The limits of the innermost :func:`use_limits` block, else those of the environment."""
    return _ACTIVE.get() or Limits.from_env()


@contextlib.contextmanager
def use_limits(limits: Limits) -> Iterator[Limits]:
    """Make ``limits`` the limits of every loader called inside the ``with`` block.

    >>> with use_limits(Limits(max_triples=10)) as active:
    ...     active.max_triples
    10
    """
    token = _ACTIVE.set(limits)
    try:
        yield limits
    finally:
        _ACTIVE.reset(token)


def json_limits_error(document: Any, limits: Limits, where: SourceLocation) -> None:
    """Refuse a parsed JSON(-LD) value nested deeper than ``limits.max_depth``, or holding more
    values than ``limits.max_triples``.

    JSON-LD processors recurse over the document and expand it whole before a triple can be
    counted (pyld takes about a minute and gigabytes for a 2 MB list), so both are checked
    before one runs. Every value of a JSON-LD document gives at least one triple (an item of a
    list gives two), so a document with more values than the triple limit allows is refused
    here, in milliseconds. The walk is iterative: a hostile document cannot exhaust the stack.

    :raises LimitExceeded: naming the JSON path where a limit was passed.

    >>> try:
    ...     json_limits_error({"a": [[1]]}, Limits(max_depth=2), SourceLocation("x.json"))
    ... except LimitExceeded as err:
    ...     print(err.message.split(" (")[0])
    the JSON document is nested deeper than 2 levels at $.a[0][0]
    >>> try:
    ...     json_limits_error({"a": [1, 2, 3]}, Limits(max_triples=2), SourceLocation("x.json"))
    ... except LimitExceeded as err:
    ...     print(err.message.split(" (")[0])
    the JSON document has more than 2 values, so more triples than the limit of 2
    """
    stack: list[tuple[Any, int, str]] = [(document, 0, "$")]
    values = 0
    while stack:
        value, depth, path = stack.pop()
        if depth > limits.max_depth:
            path = path if len(path) <= 80 else path[:77] + "..."
            raise LimitExceeded(
                f"the JSON document is nested deeper than {limits.max_depth} levels at {path} "
                f"(raise it with {ENV_VARS['max_depth']})",
                where,
            )
        if isinstance(value, dict):
            stack.extend((v, depth + 1, f"{path}.{k}") for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, depth + 1, f"{path}[{i}]") for i, v in enumerate(value))
        else:
            values += 1
            if values > limits.max_triples:
                raise LimitExceeded(
                    f"the JSON document has more than {limits.max_triples} values, so more "
                    f"triples than the limit of {limits.max_triples} (raise it with "
                    f"--max-triples or {ENV_VARS['max_triples']})",
                    where,
                )


@dataclass(frozen=True)
class RawInput:
    """The bytes of an input file, and where they came from."""

    path: Path
    data: bytes

    def decode_text(self) -> str:
        """The bytes as UTF-8 text (a BOM is allowed).

        :raises InputError: naming the line and column of the first invalid byte.
        """
        if self.data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(
                "the file is UTF-16 text: save it as UTF-8", SourceLocation(str(self.path), 1, 1)
            )
        nul = self.data.find(b"\x00")
        if nul >= 0:  # valid UTF-8, but no text format muniorg reads has NUL: binary, or UTF-16
            raise InputError(
                "not UTF-8 text: a NUL byte, so binary data or text in another encoding "
                "(save the file as UTF-8)",
                SourceLocation.at(str(self.path), self.data, nul),
            )
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not UTF-8 text: byte 0x{self.data[exc.start]:02x} cannot be decoded "
                "(save the file as UTF-8)",
                SourceLocation.at(str(self.path), self.data, exc.start),
            ) from None


def read_limited(path: Path, limits: Limits) -> RawInput:
    """Read ``path`` whole, refusing folders, missing files and files over the size limit.

    :raises InputError: when the file cannot be read.
    :raises LimitExceeded: when it is larger than ``limits.max_file_bytes``.
    """
    where = SourceLocation(str(path))
    if path.is_dir():
        raise InputError("is a folder, not a file", where)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # A FIFO or a device would block or never end: only regular files are read.
            raise InputError(f"is {_file_kind(status.st_mode)}, not a regular file", where)
        size = status.st_size
        if size > limits.max_file_bytes:
            raise LimitExceeded(
                f"the file is {size} bytes, over the limit of {limits.max_file_bytes} "
                "(raise it with MUNIORG_MAX_FILE_BYTES)",
                where,
            )
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file", where) from None
    except PermissionError:
        raise InputError("cannot read the file: permission denied", where) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", where) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", where) from None
    if len(data) > limits.max_file_bytes:
        raise LimitExceeded(
            f"the file is over the limit of {limits.max_file_bytes} bytes "
            f"(raise it with {ENV_VARS['max_file_bytes']})",
            where,
        )
    return RawInput(path, data)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
