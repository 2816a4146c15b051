"""How the CLI writes its output: to standard output (colour only where it is wanted), and to
the report files its options name, checked first so that a report never replaces an input or
an output of the same run (files themselves are written with :mod:`muniorg.formats.files`).

Example:
    >>> import io
    >>> use_color(io.StringIO(), {})
    False
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import click

from muniorg.formats.files import environment_error, write_named

__all__ = [
    "EXIT_CLOSED_PIPE",
    "check_report_files",
    "closed_pipe_ends",
    "echo_out",
    "use_color",
    "write_named",
]

#: The exit code when standard output is a pipe whose reader stopped reading (``| head``):
#: 128 + SIGPIPE, what a shell reports for a Unix tool ended by that signal.
EXIT_CLOSED_PIPE = 141


def use_color(stream: IO[Any], environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour output to ``stream``: only on a terminal, and not when ``NO_COLOR``
    is set to a non-empty value (https://no-color.org)."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR", ""):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def echo_out(text: str, nl: bool = True) -> None:
    """Write ``text`` to standard output (and flush it).

    A reader that stopped reading (``muniorg validate data | head -1``) ends the command
    quietly, as it ends a Unix tool, with exit code :data:`EXIT_CLOSED_PIPE`; a write that
    fails otherwise (a full disk: ``> /dev/full``) is an error naming standard output.

    >>> echo_out("conforms")
    conforms

    :raises OutputError: when standard output cannot be written.
    """
    try:
        click.echo(text, nl=nl)
    except BrokenPipeError:
        _discard(sys.stdout)
        raise click.exceptions.Exit(EXIT_CLOSED_PIPE) from None
    except OSError as err:
        _discard(sys.stdout)
        raise environment_error(err, "standard output") from err


def _discard(stream: IO[Any]) -> None:
    """Send what is left in ``stream``'s buffer to the null device: Python flushes it again at
    exit, which would fail again, with an 'Exception ignored' message."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, stream.fileno())
        finally:
            os.close(null)


def closed_pipe_ends() -> bool:
    """Whether standard output or standard error is a pipe whose reader has gone, then sent to
    the null device (see :func:`_discard`): the command, which failed writing to it
    (progress on standard error: ``muniorg build ... 2>&1 | head -1``), ends with
    :data:`EXIT_CLOSED_PIPE`, as :func:`echo_out` ends it, and no message, since none could
    be read. Told by ``poll``, which flags the write end of such a pipe with ``POLLERR``; a
    system without ``poll`` says ``False`` (the error is then reported as such).

    >>> closed_pipe_ends()
    False
    """
    import select

    poll = getattr(select, "poll", None)
    if poll is None:
        return False
    streams = {}
    watch = poll()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            watch.register(stream.fileno(), select.POLLOUT)
            streams[stream.fileno()] = stream
    try:
        closed = [streams[fd] for fd, event in watch.poll(0) if event & select.POLLERR]
    except OSError:
        return False
    for stream in closed:
        _discard(stream)
    return bool(closed)


def check_report_files(
    reports: Mapping[str, Path | None],
    *,
    inputs: Iterable[Path] = (),
    input_suffixes: Iterable[str] | None = None,
    outputs: Iterable[Path] = (),
) -> None:
    """Refuse, before a command runs, report files (``{option: path}``, ``None`` for an
    option not given) that would replace what the run reads or writes: an input file, a file
    the run would read in an input folder (named ``*{suffix}`` for one of ``input_suffixes``,
    default the authoring YAML's),
    anything at or in an output folder (``outputs``), or another report of the run. A report
    beside the inputs that is not one (``validate . -o muniorg.sarif``) is fine. Paths are
    compared as resolved (symbolic links followed), and an existing file also by identity
    (a hard link to an input is that input).

    A device or a pipe (``/dev/null``, a FIFO) is written into, not replaced, and is not
    refused here (see :func:`muniorg.formats.files.write_named`).

    >>> check_report_files({"--report": Path("examples/report.sarif")}, inputs=[Path("examples")])
    >>> check_report_files({"--report": Path("examples/catalog.yaml")}, inputs=[Path("examples")])
    Traceback (most recent call last):
    ...
    click.exceptions.BadParameter: examples/catalog.yaml would be read as an input ...

    :raises click.BadParameter: naming the option and the path (exit code 2).
    """
    if input_suffixes is None:
        from muniorg.authoring.load import YAML_SUFFIXES  # not for --help: it loads rdflib

        input_suffixes = YAML_SUFFIXES
    suffixes = tuple(s.lower() for s in input_suffixes)
    sources = [(path, Path(os.path.realpath(path))) for path in inputs]
    folders = [Path(os.path.realpath(path)) for path in outputs]
    taken: dict[Path, str] = {}
    for option, report in reports.items():
        if report is None or _is_special(report):
            continue
        target = Path(os.path.realpath(report))
        problem = None
        for given, real in sources:
            if _same_file(report, given) or target == real:
                named = "" if str(given) == str(report) else f" ({given})"
                problem = f"is an input of this command{named}: the report would replace it"
            elif target.is_relative_to(real) and target.suffix.lower() in suffixes:
                problem = (
                    f"would be read as an input of this command (a {target.suffix} file in {given})"
                )
        for given, real in zip(outputs, folders, strict=True):
            if target.is_relative_to(real):
                problem = f"is inside {given}, a folder this command writes"
        if target in taken:
            problem = f"is also the file of {taken[target]}"
        problem = problem or _place_problem(target)
        if problem is not None:
            raise click.BadParameter(
                f"{report} {problem}; choose another file for the report", param_hint=option
            )
        taken[target] = option


def _place_problem(target: Path) -> str | None:
    """Why no report can be written at ``target`` (a resolved path), or ``None``: found before
    the command runs, not after an import has written its files or a build its folder, with
    the report of what they did lost.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "notes.txt").write_text("x")
    >>> _place_problem(folder / "notes.txt" / "report.txt").split(":")[0]
    'cannot be written'
    >>> _place_problem(folder), _place_problem(folder / "new" / "report.txt")
    ('is a folder', None)
    """
    try:
        if target.is_dir():
            return "is a folder"
        # the nearest folder that exists: the rest is made when the report is written
        place = target.parent
        while not place.exists() and place != place.parent:
            if os.path.lexists(place):  # a link to nothing, or a loop of links
                return f"cannot be written: {place} is a symbolic link that leads nowhere"
            place = place.parent
        if not place.is_dir():
            return f"cannot be written: {place} is a file, not a folder"
    except (OSError, ValueError):  # a name too long, a NUL: the writing says what it is
        return None
    return None  # permissions are left to the writing: os.access can be wrong (ACLs, NFS)


def _is_special(path: Path) -> bool:
    """Whether ``path`` is an existing device, pipe or socket (written into, never replaced)."""
    with contextlib.suppress(OSError, ValueError):
        return path.exists() and not path.is_file() and not path.is_dir()
    return False


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are the same existing file (a hard link to it too)."""
    with contextlib.suppress(OSError, ValueError):
        return os.path.samefile(a, b)
    return False
