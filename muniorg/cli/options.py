"""Options the muniorg commands share, as click choices built from the library's enums.

Choices are case-insensitive (``--fail-on Warning`` works) and give the command the enum
member, never a free string.

Example:
    >>> import click
    >>> from click.testing import CliRunner
    >>> @click.command()
    ... @fail_on_option
    ... def check(fail_on):
    ...     click.echo(repr(fail_on))
    >>> CliRunner().invoke(check, ["--fail-on", "Warning"]).output
    '<Severity.WARNING: 2>\\n'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from muniorg.reports import ReportFormat
from muniorg.validation.results import Severity

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes, shown in ``--help`` and docs/cli.md.
EXIT_OK = 0
EXIT_RESULTS = 1
EXIT_INTERNAL = 3
#: A command that Ctrl-C (SIGINT) stopped: 128 + the signal's number, as a shell reports it,
#: so that a script tells it from exit code 1 (validation results).
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = (
    "\b\nExit codes:\n"
    "  0  the data conforms: no result at or above --fail-on\n"
    "  1  validation results at or above --fail-on\n"
    "  2  an input could not be read, or the command was used wrongly\n"
    "  3  internal error in muniorg (please report it)\n"
    "  130  interrupted (Ctrl-C, SIGINT)\n"
    "  141  standard output or error is a pipe whose reader has gone (| head)"
)


def fail_on_option(func: F) -> F:
    """``--fail-on violation|warning|info`` (default violation) as a :class:`Severity`."""
    return click.option(
        "--fail-on",
        type=click.Choice(Severity, case_sensitive=False),
        default=Severity.VIOLATION.label,
        show_default=True,
        help="The mildest severity that makes the command fail (exit code 1).",
    )(func)


def engine_option(func: F) -> F:
    """``--engine``: muniorg's own SHACL engine (default) or pySHACL, the reference."""
    return click.option(
        "--engine",
        type=click.Choice(["muniorg", "pyshacl"]),
        default="muniorg",
        show_default=True,
        help="The SHACL engine: muniorg's own (fast) or pySHACL (the reference it is tested "
        "against; same results, slower).",
    )(func)


def report_format_choice() -> click.Choice[ReportFormat]:
    """The ``text|json|junit|sarif|github`` choice of report formats."""
    return click.Choice(ReportFormat, case_sensitive=False)


#: Exit codes of the commands that write files without validating (init, export).
WRITE_EXIT_CODES_HELP = (
    "\b\nExit codes:\n"
    "  0  the files were written\n"
    "  2  an input could not be read, an output exists or cannot be written, or the command\n"
    "     was used wrongly\n"
    "  3  internal error in muniorg (please report it)\n"
    "  130  interrupted (Ctrl-C, SIGINT)\n"
    "  141  standard output or error is a pipe whose reader has gone (| head)"
)


def epilog(examples: str, exit_codes: str = EXIT_CODES_HELP) -> str:
    """A command epilog: the examples as written (``\\b`` keeps click from rewrapping them),
    then the exit codes."""
    return f"\b\nExamples:\n{examples}\n\n{exit_codes}"
