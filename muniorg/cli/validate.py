"""``muniorg validate``: check authoring YAML and others' RDF against the shapes, and report in
text, JSON, JUnit, SARIF or GitHub annotations.

Example:
    >>> from click.testing import CliRunner
    >>> CliRunner().invoke(validate, ["examples/municipalities/stord.yaml"]).exit_code
    0
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from muniorg.cli.options import (
    EXIT_OK,
    EXIT_RESULTS,
    engine_option,
    epilog,
    fail_on_option,
    report_format_choice,
)
from muniorg.cli.output import check_report_files, echo_out, use_color
from muniorg.cli.safety import input_safety, input_safety_options
from muniorg.core.errors import MuniorgError
from muniorg.formats.files import write_named
from muniorg.formats.format import RdfFormat
from muniorg.reports import ReportFormat, render
from muniorg.validation.results import Severity, error_report


def _emit_report(text: str, output: Path | None) -> None:
    if output is None:
        echo_out(text, nl=False)
    else:
        write_named(output, text)


_VALIDATE_EXAMPLES = """\
  muniorg validate examples/
  muniorg validate data/soroe.yaml --fail-on warning
  muniorg validate dump.ttl --input-format turtle --format json
  muniorg validate data/ --format sarif --output muniorg.sarif
  muniorg validate data/ --format github        (annotations in GitHub Actions)"""


@click.command(epilog=epilog(_VALIDATE_EXAMPLES), short_help="Validate files against the shapes.")
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

    read = None if input_format is None else input_format.extensions  # what folders give
    check_report_files({"'-o' / '--output'": output}, inputs=paths, input_suffixes=read)
    try:
        with input_safety(ctx):
            report = check.validate_paths(list(paths), input_format=input_format, engine=engine)
    except MuniorgError as err:
        # A CI step that uploads the report (SARIF, JUnit ...) needs it most when an input
        # cannot be read: write the problems in the chosen format too, then fail with exit 2.
        if output is not None or report_format is not ReportFormat.TEXT:
            failed = error_report(err, [str(p) for p in paths])
            _emit_report(render(failed, report_format, fail_on=fail_on), output)
        raise
    color = output is None and report_format is ReportFormat.TEXT
    color = color and use_color(sys.stdout)
    _emit_report(render(report, report_format, color=color, fail_on=fail_on), output)
    if output is not None:
        from muniorg.reports.text import summary

        click.echo(f"{summary(report)}; report written to {output}", err=True)
    ctx.exit(EXIT_RESULTS if report.fails(fail_on) else EXIT_OK)
