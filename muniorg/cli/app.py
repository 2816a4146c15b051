"""The ``muniorg`` command: a thin layer over the library.

Commands, one module each: ``init`` (start a municipality from a template), ``validate`` (check files, report
in text, JSON, JUnit, SARIF or GitHub annotations), ``build`` (validate and publish) and
``export`` (convert between RDF formats). Errors in the input are shown as one clear message
with file:line:column; a traceback only with ``--debug``.

Exit codes: 0 conforms, 1 results at or above ``--fail-on``, 2 unreadable input or wrong usage,
3 internal error (a bug in muniorg: please report it).

Example:
    >>> from click.testing import CliRunner
    >>> result = CliRunner().invoke(cli, ["validate", "--help"])
    >>> result.exit_code, "--fail-on [info|warning|violation]" in result.output
    (0, True)
"""

from __future__ import annotations

import gc
import importlib
import logging
import traceback
import warnings
from dataclasses import dataclass
from typing import Any, NamedTuple

import click

from muniorg.cli.options import (
    EXIT_CODES_HELP,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
)
from muniorg.core.collector import collect_less_often
from muniorg.core.errors import AuthoringErrors, MuniorgError


class LazyCommand(NamedTuple):
    """Where a command is defined, and its short help (the ``short_help`` it declares)."""

    module: str
    attribute: str
    short_help: str


#: The commands, in the order ``muniorg --help`` lists them. A command's module is imported
#: only when it runs (or for its own ``--help``): ``muniorg validate`` does not pay for the
#: importers, the store or the build, and ``muniorg --help`` lists the commands from their short
#: help here without importing any (tests/test_cli.py checks it is the commands' own).
COMMANDS = {
    "init": LazyCommand(
        "muniorg.cli.init", "init", "Write an annotated YAML template of a new municipality."
    ),
    "validate": LazyCommand(
        "muniorg.cli.validate", "validate", "Validate files against the shapes."
    ),
    "build": LazyCommand(
        "muniorg.cli.build", "build_command", "Validate and publish authoring files."
    ),
    "export": LazyCommand(
        "muniorg.cli.export", "export", "Convert files to JSON-LD, Turtle or N-Triples."
    ),
    "import": LazyCommand(
        "muniorg.cli.importing",
        "import_command",
        "Import municipalities from registry extracts into authoring files.",
    ),
    "publish": LazyCommand(
        "muniorg.cli.publish",
        "publish_command",
        "Load a build into a SPARQL store (Graph Store Protocol).",
    ),
    "serve": LazyCommand(
        "muniorg.cli.serve",
        "serve_command",
        "Preview a build: its site and its IRIs, on this machine.",
    ),
}


@dataclass
class CliState:
    """What the group passes down to its commands."""

    debug: bool = False


class CommandFailed(click.ClickException):
    """An error shown as ``error: <message>`` lines (after the traceback under ``--debug``)."""

    def __init__(self, lines: list[str], exit_code: int, details: str | None = None) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines
        # click declares exit_code on the class; this error's code depends on its cause.
        setattr(self, "exit_code", exit_code)  # noqa: B010
        self.details = details

    def show(self, file: Any = None) -> None:
        if self.details:
            click.echo(self.details, err=True, nl=False)
        for line in self.lines:
            click.echo(line, err=True)


def error_lines(err: MuniorgError) -> list[str]:
    """An error as ``file:line:col: error: message`` lines, one per problem.

    >>> from muniorg.core.errors import InputError
    >>> from muniorg.core.location import SourceLocation
    >>> error_lines(InputError("not YAML", SourceLocation("a.yaml", 2, 5)))
    ['a.yaml:2:5: error: not YAML']
    """
    errors = err.errors if isinstance(err, AuthoringErrors) else (err,)
    lines = []
    for error in errors:
        for i, text in enumerate(error.message.splitlines() or [""]):
            if i:  # continuation lines of a multi-line message
                lines.append(f"  {text}")
            elif error.location is not None:
                lines.append(f"{error.location}: error: {text}")
            else:
                lines.append(f"error: {text}")
    if len(errors) > 1:
        lines.append(f"{len(errors)} errors")
    return lines


class MuniorgGroup(click.Group):
    """A group that turns exceptions into messages and exit codes.

    :class:`MuniorgError` (bad input) exits 2 with its message; any other exception is a bug
    and exits 3 asking for a report. Tracebacks are shown only with ``--debug``.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            lazy = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(lazy.module), lazy.attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's list of the commands, with a command not imported yet standing in as a
        command that has only its short help (from :data:`COMMANDS`)."""
        commands = []
        for name in self.list_commands(ctx):
            if name in COMMANDS and name not in self.commands:
                commands.append((name, click.Command(name, short_help=COMMANDS[name].short_help)))
            elif (command := self.get_command(ctx, name)) is not None and not command.hidden:
                commands.append((name, command))
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section("Commands"):
                formatter.write_dl([(name, c.get_short_help_str(limit)) for name, c in commands])

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            # click would print "Aborted!" and exit 1, the code of validation results
            click.echo("Aborted!", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError as err:
            from muniorg.cli.output import EXIT_CLOSED_PIPE, closed_pipe_ends

            if not closed_pipe_ends():  # another pipe (a socket ...): a bug, reported below
                raise self._internal(ctx, err) from err
            raise click.exceptions.Exit(EXIT_CLOSED_PIPE) from None
        except MuniorgError as err:
            details = traceback.format_exc() if _debug(ctx) else None
            raise CommandFailed(error_lines(err), err.exit_code, details) from err
        except Exception as err:
            raise self._internal(ctx, err) from err

    @staticmethod
    def _internal(ctx: click.Context, err: Exception) -> CommandFailed:
        """A bug: exit code 3, asking for a report (the traceback with ``--debug``)."""
        debug = _debug(ctx)
        hint = "" if debug else " (run with --debug for the traceback)"
        lines = [
            f"internal error, please report it{where_to_report()}{hint}:",
            f"  {type(err).__name__}: {err}",
        ]
        return CommandFailed(lines, EXIT_INTERNAL, traceback.format_exc() if debug else None)


def where_to_report() -> str:
    """``" at <url>"`` for the package's issue tracker (Project-URL "Issues"), else ``""``."""
    from importlib import metadata  # 20 ms to import: only when a bug is reported

    try:
        urls = metadata.metadata("muniorg").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return ""
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"issues", "bug tracker", "tracker"}:
            return f" at {url.strip()}"
    return ""


def _debug(ctx: click.Context) -> bool:
    state = ctx.find_object(CliState)
    return bool(state and state.debug)


@click.group(
    cls=MuniorgGroup,
    epilog=EXIT_CODES_HELP
    + "\n\nRun 'muniorg COMMAND --help' for the options and examples of a command.",
)
@click.version_option(package_name="muniorg", prog_name="muniorg")
@click.option("--debug", is_flag=True, help="Show the traceback of errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Publish municipalities as linked open data: validate, build and export muniorg data."""
    ctx.obj = CliState(debug=debug)
    quiet_rdflib(debug)


def quiet_rdflib(debug: bool) -> None:
    """Keep rdflib's warnings about terms off standard error, unless ``--debug``.

    rdflib logs an impossible date (``"2019-02-30"^^xsd:date``) with its whole traceback and an
    IRI it finds odd line by line; with no logging set up, Python prints them on standard
    error. muniorg reports both itself, with their place: the value as a validation result,
    the IRI as an input error (:func:`muniorg.core.values.iri_problem`).

    rdflib also warns (``warnings.warn``, not logging) of a boolean it cannot read
    (``"maybe"^^xsd:boolean``), which the shapes report as a violation too.

    >>> quiet_rdflib(False); logging.getLogger("rdflib.term").level == logging.ERROR
    True
    """
    logging.getLogger("rdflib.term").setLevel(logging.NOTSET if debug else logging.ERROR)
    if not debug:
        warnings.filterwarnings("ignore", "Parsing weird boolean", UserWarning, "rdflib")


def main() -> None:
    """The ``muniorg`` console script."""
    collect_less_often()  # the process ends with the command (see muniorg.core.collector)
    try:
        cli(prog_name="muniorg")
    finally:
        # The process ends now. At exit CPython's collector walks every object the process
        # made (rdflib, the shapes, the model), to free what only it can free: memory that goes
        # with the process anyway. Frozen, they are left alone, and a one-file 'muniorg
        # validate' exits about 30 ms sooner. Exit handlers, the flushing of standard output
        # and the modules' teardown run as before (muniorg closes the files it writes itself).
        gc.freeze()
