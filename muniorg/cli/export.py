"""``muniorg export``: convert authoring YAML or RDF to JSON-LD, Turtle or N-Triples, without
validating; files muniorg did not write are never replaced.

Example:
    >>> from click.testing import CliRunner
    >>> result = CliRunner().invoke(export, ["--help"])
    >>> result.exit_code, "--include-personal-data" in result.output
    (0, True)
"""

from __future__ import annotations

from pathlib import Path

import click

from muniorg.cli.options import WRITE_EXIT_CODES_HELP, epilog
from muniorg.cli.output import echo_out
from muniorg.cli.safety import input_safety, input_safety_options, personal_data_option
from muniorg.formats.format import OUTPUT_FORMATS, RdfFormat

_EXPORT_EXAMPLES = """\
  muniorg export examples/municipalities/soroe.yaml --format turtle -o out/
  muniorg export data/ --format jsonld -o out/
  muniorg export dump.ttl --format ntriples -o out/"""


@click.command(
    epilog=epilog(_EXPORT_EXAMPLES, WRITE_EXIT_CODES_HELP),
    short_help="Convert files to JSON-LD, Turtle or N-Triples.",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(OUTPUT_FORMATS, case_sensitive=False),
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
    from muniorg.publish import convert  # rdflib and the model are loaded only when exporting

    with input_safety(ctx):
        written = convert.convert_paths(
            list(paths), fmt, out_dir, include_personal_data=include_personal_data
        )
    for path in written:
        echo_out(str(path))
