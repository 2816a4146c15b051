"""Where something is in an input file: the position every error and result points to.

Example:
    >>> str(SourceLocation.at("soroe.yaml", "type: Municipality\\nid: soroe\\n", 23))
    'soroe.yaml:2:5'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class SourceLocation:
    """A place in an input file; line and column count from 1, 0 where unknown.

    >>> str(SourceLocation("soroe.yaml", 12, 5)), str(SourceLocation("soroe.yaml"))
    ('soroe.yaml:12:5', 'soroe.yaml')
    """

    file: str
    line: int = 0
    column: int = 0

    @classmethod
    def made(cls, file: str, line: int, column: int) -> SourceLocation:
        """``SourceLocation(file, line, column)``, made without the frozen dataclass's
        ``object.__setattr__`` per field (a third of the time): for the YAML reader, which
        makes one for every key and value it reads.

        >>> SourceLocation.made("a.yaml", 2, 5) == SourceLocation("a.yaml", 2, 5)
        True
        """
        location = object.__new__(cls)
        fields = location.__dict__
        fields["file"] = file
        fields["line"] = line
        fields["column"] = column
        return location

    def __str__(self) -> str:
        if not self.line:
            return self.file
        if not self.column:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: file, line and column."""
        return {"file": self.file, "line": self.line, "column": self.column}

    @classmethod
    def at(cls, file: str, text: str | bytes, offset: int) -> SourceLocation:
        """The line and column of ``offset`` in ``text`` (characters of a text, bytes of raw
        data), counting from 1.

        >>> str(SourceLocation.at("a.ttl", b"<a> <b>\\n  <c> .", 10))
        'a.ttl:2:3'
        """
        newline = "\n" if isinstance(text, str) else b"\n"
        start = text.rfind(newline, 0, offset) + 1  # type: ignore[arg-type]
        return cls(file, text.count(newline, 0, offset) + 1, offset - start + 1)  # type: ignore[arg-type]


__all__ = ["SourceLocation"]
