"""The errors muniorg raises. Each knows where it happened and which exit code it maps to.

Every error a user sees names the source (file and line, or JSON path), the value and what was
expected. Only these types escape the library's loaders; anything else is a bug.

Example:
    >>> from muniorg.core.errors import AuthoringError
    >>> from muniorg.core.location import SourceLocation
    >>> err = AuthoringError("unknown key 'nmae' (did you mean 'name'?)", SourceLocation("a.yaml", 4, 3))
    >>> str(err)
    "a.yaml:4:3: unknown key 'nmae' (did you mean 'name'?)"
    >>> err.exit_code
    2
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from muniorg.core.location import SourceLocation


class MuniorgError(Exception):
    """Base class: a problem with the input or the use of muniorg, not a bug.

    ``exit_code`` is what the CLI exits with: 2 means the input could not be read or the
    command was used wrongly. Catch this one type to handle every input problem.

    >>> from muniorg.core.errors import InputError, MuniorgError
    >>> try:
    ...     raise InputError("the file is empty", SourceLocation("stord.ttl", 1, 1))
    ... except MuniorgError as err:
    ...     print(err, err.exit_code)
    stord.ttl:1:1: the file is empty 2
    """

    exit_code = 2

    def __init__(self, message: str, location: SourceLocation | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputError(MuniorgError):
    """An input file is missing, unreadable, too large or not in the format it claims."""


class LimitExceeded(InputError):
    """An input exceeds a configured limit (size, depth, number of triples ...)."""


class NetworkAccessRefused(InputError):
    """Something in the input asked to fetch a URL, and fetching is not allowed."""


class OutputError(MuniorgError):
    """An output cannot be written: a place muniorg must not write into, a folder holding files
    muniorg did not write, the environment (full disk, read-only file system, permission), or a
    graph term that no RDF file can hold (:func:`muniorg.formats.rdf.serialize`).

    Exit code 2, like bad input: the user's setup needs changing, not muniorg.
    """


class AuthoringError(MuniorgError):
    """The content of an authoring file is wrong: unknown key, wrong type, bad reference ..."""


class AuthoringErrors(MuniorgError):
    """Several authoring errors, reported together so a user can fix them in one pass."""

    def __init__(self, errors: Sequence[MuniorgError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors), self.errors[0].location)

    def __str__(self) -> str:
        return self.message


class WorkerLost(MuniorgError):
    """A worker process of a parallel run ended before it finished (killed, out of memory):
    the run stops without writing anything. Exit code 2, like a full disk: the environment,
    not the input, needs looking at."""


class MappingError(MuniorgError):
    """RDF data that cannot be read into the model (unknown types, unmappable triples)."""


class ModelError(MuniorgError):
    """A model object was given a value it cannot hold: ``Council(seats="abc")``. The message
    names the class, the field, the value and what was expected."""


class UsageError(MuniorgError, TypeError):
    """A public function was given an argument of the wrong kind (``load_paths("examples")``,
    ``to_graph(None)``): a :class:`MuniorgError` that is also a ``TypeError``, as Python's own
    argument errors are, naming the function, the argument, what it takes and what it got.

    >>> raise UsageError("to_graph(nodes): expected model objects, got None")
    Traceback (most recent call last):
    ...
    muniorg.core.errors.UsageError: to_graph(nodes): expected model objects, got None
    """


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``" (did you mean 'x'?)"`` suffix for the closest choice, or ``""``.

    >>> did_you_mean("nmae", ["name", "altName"])
    " (did you mean 'name'?)"
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def first_of(items: Sequence[str], shown: int) -> str:
    """The first ``shown`` of ``items`` for a message, and how many more there are.

    >>> first_of(["a", "b", "c", "d"], 2), first_of(["a"], 2)
    ('a, b and 2 more', 'a')
    """
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {more} more" if more > 0 else "")
