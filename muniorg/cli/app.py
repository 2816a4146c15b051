"""The ``muniorg`` command: a thin layer over the library.

Commands: ``init`` (start a municipality from a template), ``validate`` (check files, report
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

import importlib
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import click

from muniorg.cli.build import build_command
from muniorg.cli.init import init
from muniorg.cli.options import (
    EXIT_CODES_HELP,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_RESULTS,
    WRITE_EXIT_CODES_HELP,
    engine_option,
    epilog,
    fail_on_option,
    report_format_choice,
)
from muniorg.cli.output import use_color, write_atomic
from muniorg.cli.publish import publish_command
from muniorg.cli.safety import input_safety, input_safety_options, personal_data_option
from muniorg.cli.serve import serve_command
from muniorg.core.errors import AuthoringErrors, MuniorgError
from muniorg.formats.rdf import RdfFormat
from muniorg.reports import ReportFormat, render
from muniorg.validation.results import Severity

#: The formats ``export`` writes.
EXPORT_FORMATS = (RdfFormat.JSONLD, RdfFormat.TURTLE, RdfFormat.NTRIPLES)


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

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except MuniorgError as err:
            details = traceback.format_exc() if _debug(ctx) else None
            raise CommandFailed(error_lines(err), err.exit_code, details) from err
        except Exception as err:
            debug = _debug(ctx)
            hint = "" if debug else " (run with --debug for the traceback)"
            lines = [
                f"internal error, please report it{where_to_report()}{hint}:",
                f"  {type(err).__name__}: {err}",
            ]
            raise CommandFailed(
                lines, EXIT_INTERNAL, traceback.format_exc() if debug else None
            ) from err


def where_to_report() -> str:
    """``" at <url>"`` for the package's issue tracker (Project-URL "Issues"), else ``""``."""
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


cli.add_command(init)
cli.add_command(build_command)
cli.add_command(publish_command)
cli.add_command(serve_command)


def _emit_report(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)


_VALIDATE_EXAMPLES = """\
  muniorg validate examples/
  muniorg validate data/soroe.yaml --fail-on warning
  muniorg validate dump.ttl --input-format turtle --format json
  muniorg validate data/ --format sarif --output muniorg.sarif
  muniorg validate data/ --format github        (annotations in GitHub Actions)"""


@cli.command(epilog=epilog(_VALIDATE_EXAMPLES), short_help="Validate files against the shapes.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--input-format",
    type=click.Choice(RdfFormat, case_sensitive=False),
    help="The format of the inputs (default: from each file's extension).",
)
@click.option(
    "--format",
    "report_format",
    type=report_format_choice(),
    default=ReportFormat.TEXT.value,
    show_default=True,
    help="The format of the report.",
)
@fail_on_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@engine_option
@input_safety_options
@click.pass_context
def validate(
    ctx: click.Context,
    paths: tuple[Path, ...],
    input_format: RdfFormat | None,
    report_format: ReportFormat,
    fail_on: Severity,
    output: Path | None,
    engine: str,
) -> None:
    """Validate the files (or folders) PATHS against the muniorg SHACL shapes.

    Results name the file, line and column of the offending key. Colours are used only on a
    terminal, and never when NO_COLOR is set.
    """
    from muniorg.publish import check  # rdflib and the shapes are loaded only when validating

    with input_safety(ctx):
        report = check.validate_paths(list(paths), input_format=input_format, engine=engine)
    color = output is None and report_format is ReportFormat.TEXT
    color = color and use_color(sys.stdout)
    _emit_report(render(report, report_format, color=color, fail_on=fail_on), output)
    if output is not None:
        from muniorg.reports.text import summary

        click.echo(f"{summary(report)}; report written to {output}", err=True)
    ctx.exit(EXIT_RESULTS if report.fails(fail_on) else EXIT_OK)


_EXPORT_EXAMPLES = """\
  muniorg export examples/municipalities/soroe.yaml --format turtle -o out/
  muniorg export data/ --format jsonld -o out/
  muniorg export dump.ttl --format ntriples -o out/"""


@cli.command(
    epilog=epilog(_EXPORT_EXAMPLES, WRITE_EXIT_CODES_HELP),
    short_help="Convert files to JSON-LD, Turtle or N-Triples.",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(EXPORT_FORMATS, case_sensitive=False),
    help="The format to write.",
)
@click.option(
    "-o",
    "--out",
    "out_dir",
    default=Path("."),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to write into.",
)
@personal_data_option
@input_safety_options
@click.pass_context
def export(
    ctx: click.Context,
    paths: tuple[Path, ...],
    fmt: RdfFormat,
    out_dir: Path,
    include_personal_data: bool,
) -> None:
    """Convert the files (or folders) PATHS to another RDF format, without validating them.

    Each input gives one output file in OUT, named after it with the new extension; the
    written files are listed on standard output. Persons' contact details and persons marked
    'public: false' are left out unless --include-personal-data.
    """
    # Looked up by name: muniorg.publish.convert is the library's converter, loaded only when exporting.
    convert_paths: Callable[..., list[Path]] = importlib.import_module(
        "muniorg.publish.convert"
    ).convert_paths
    # Passed only when given, like validate's --input-format, so converters that predate the
    # flag keep working.
    options = {"include_personal_data": True} if include_personal_data else {}
    with input_safety(ctx):
        written = convert_paths(list(paths), fmt, out_dir, **options)
    for path in written:
        click.echo(str(path))


def main() -> None:
    """The ``muniorg`` console script."""
    cli(prog_name="muniorg")
