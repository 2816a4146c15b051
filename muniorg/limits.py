"""Bounds on what muniorg reads, so hostile or broken input fails fast with a clear message.

Defaults suit real municipalities with a wide margin; each can be raised with an environment
variable (named in the error message) or by passing a :class:`Limits`.

Example:
    >>> from muniorg.limits import Limits
    >>> Limits().max_file_bytes
    20000000
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from muniorg.errors import InputError, LimitExceeded
from muniorg.results import SourceLocation


@dataclass(frozen=True)
class Limits:
    """Size limits for inputs."""

    max_file_bytes: int = 20_000_000
    max_depth: int = 64
    max_yaml_nodes: int = 1_000_000
    max_triples: int = 5_000_000

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by ``MUNIORG_MAX_FILE_BYTES``, ``MUNIORG_MAX_DEPTH``,
        ``MUNIORG_MAX_YAML_NODES`` and ``MUNIORG_MAX_TRIPLES``.

        :raises InputError: when a variable is not a positive whole number.
        """
        values = {}
        for name in ("max_file_bytes", "max_depth", "max_yaml_nodes", "max_triples"):
            env = "MUNIORG_" + name.upper()
            raw = os.environ.get(env)
            if raw is None:
                continue
            if not raw.isdigit() or int(raw) <= 0:
                raise InputError(f"{env} must be a positive whole number, got {raw!r}")
            values[name] = int(raw)
        return cls(**values)


@dataclass(frozen=True)
class RawInput:
    """The bytes of an input file, and where they came from."""

    path: Path
    data: bytes

    def decode_text(self) -> str:
        """The bytes as UTF-8 text (a BOM is allowed).

        :raises InputError: naming the line and column of the first invalid byte.
        """
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            before = self.data[: exc.start]
            line = before.count(b"\n") + 1
            column = exc.start - (before.rfind(b"\n") + 1) + 1
            raise InputError(
                f"not UTF-8 text: byte 0x{self.data[exc.start]:02x} cannot be decoded "
                "(save the file as UTF-8)",
                SourceLocation(str(self.path), line, column),
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
        size = path.stat().st_size
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
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", where) from None
    if len(data) > limits.max_file_bytes:
        raise LimitExceeded(f"the file is over the limit of {limits.max_file_bytes} bytes", where)
    return RawInput(path, data)
