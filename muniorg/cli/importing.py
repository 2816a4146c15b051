"""``muniorg import``: registry extracts in, one authoring file per municipality out.

Example:
    >>> import tempfile
    >>> from click.testing import CliRunner
    >>> from muniorg.core.resources import REGISTRIES_DIR
    >>> out = tempfile.mkdtemp() + "/data"
    >>> result = CliRunner().invoke(import_command,
    ...     ["scb", str(REGISTRIES_DIR / "se_municipality_county.csv"), "-o", out])
    >>> result.exit_code, result.output.splitlines()[-1]  # doctest: +ELLIPSIS
    (0, 'Imported 290 municipalities (SWE 290) into .../data: 290 files changed, 0 defects, ...')
"""

from __future__ import annotations

import datetime
import re
import tempfile
from pathlib import Path

import click

from muniorg.cli.options import WRITE_EXIT_CODES_HELP, epilog
from muniorg.cli.output import check_report_files, echo_out
from muniorg.formats.files import make_folder, write_named
from muniorg.importing import online
from muniorg.importing.records import date_problem
from muniorg.importing.report import ImportReport
from muniorg.importing.run import READERS, import_files
from muniorg.reports.naming import plural

_EXAMPLES = """\
  muniorg import auto registries/*.json registries/*.csv registries/*.sql -o data/
  muniorg import enhetsregisteret kommuner.json -o data/ --report import.txt
  muniorg import cvr kommuner_cvr.csv -o data/ --json-report import.json
  muniorg import wikidata municipalities_fi.json -o data/ --as-of 2024-05
  muniorg import auto --online registries/*.sql -o data/ --fetched answers/"""


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    # A real day or month: it becomes the date of key figures and documents, which must validate.
    if value is not None and (
        not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value) or date_problem(value)
    ):
        raise click.BadParameter(
            f"expected YYYY, YYYY-MM or YYYY-MM-DD (a real month and day), got {value!r}"
        )
    return value


@click.command(
    "import",
    epilog=epilog(_EXAMPLES, WRITE_EXIT_CODES_HELP),
    short_help="Import municipalities from registry extracts into authoring files.",
)
@click.argument(
    "source", type=click.Choice(["auto", *READERS], case_sensitive=False), metavar="SOURCE"
)
@click.argument(
    "files",
    nargs=-1,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of authoring files to write or merge into.",
)
@click.option(
    "--as-of",
    callback=_date,
    help="The date the extracts hold for (default: from each file's content or name).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the text report to this file instead of standard output.",
)
@click.option(
    "--json-report",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the report as JSON to this file.",
)
@click.option(
    "--online",
    is_flag=True,
    help="Also fetch from the registries' public APIs (enhetsregisteret, klass, dawa; auto: "
    "all three). Without it nothing is fetched.",
)
@click.option(
    "--api-base",
    metavar="URL",
    help="With --online: fetch from this base URL instead of each registry's own (a mirror "
    "serving the same paths; default: MUNIORG_API_BASE, else the registries').",
)
@click.option(
    "--fetched",
    "fetched_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="With --online: keep the API answers in this folder (default: not kept).",
)
def import_command(
    source: str,
    files: tuple[Path, ...],
    out_dir: Path,
    as_of: str | None,
    report_path: Path | None,
    json_path: Path | None,
    online: bool,
    api_base: str | None,
    fetched_dir: Path | None,
) -> None:
    """Import municipalities from registry extracts (FILES, in the format SOURCE) into
    authoring files in the folder given with -o, one file per municipality.

    SOURCE is one of enhetsregisteret (Norway's Enhetsregisteret JSON), klass (SSB KLASS
    1236 CSV), kartverket (the 2024 renumbering SQL), dawa (DAWA /kommuner JSON), cvr (Danish
    CVR lists), scb (Swedish municipality or county CSV), geodata (the norway-geodata JSON),
    nettsider (the kommunale-nettsider CSV), wikidata (the Nordic lists), or auto to tell each
    file's format from its content.

    Sources are merged per municipality; conflicts and defects go to the report. A re-import
    updates only what an import wrote and a person did not change since (see
    docs/importing.md). Nothing is fetched from the network unless --online is given: then the
    registries' public APIs are read as well (FILES may then be left out).
    """
    source = source.lower()
    check_report_files(
        {"--report": report_path, "--json-report": json_path},
        inputs=files,
        outputs=[out_dir] if fetched_dir is None else [out_dir, fetched_dir],
    )
    if online:
        report = _import_online(source, files, out_dir, as_of, api_base, fetched_dir)
    else:
        if not files:
            raise click.UsageError("give the FILES to import (or --online to fetch them)")
        if api_base or fetched_dir:
            raise click.UsageError("--api-base and --fetched go with --online")
        report = import_files(source, files, out_dir, as_of)
    if report_path is None:
        echo_out(report.text(), nl=False)
    else:
        write_named(report_path, report.text())
    if json_path is not None:
        write_named(json_path, report.json())
    counts = report.counts()
    total = sum(report.municipalities.values())
    countries = ", ".join(f"{c} {n}" for c, n in sorted(report.municipalities.items()))
    summary = (
        f"Imported {plural(total, 'municipality', 'municipalities')} ({countries or 'none'}) "
        f"into {out_dir}: {plural(counts['change'], 'file')} changed, "
        f"{plural(counts['defect'], 'defect')}, {plural(counts['conflict'], 'conflict')}, "
        f"{plural(counts['kept'], 'local edit')} kept"
    )
    if report_path is None:  # the report is on standard output
        click.echo(summary, err=True)
    else:
        echo_out(summary)


def _import_online(
    source: str,
    files: tuple[Path, ...],
    out_dir: Path,
    as_of: str | None,
    api_base: str | None,
    fetched_dir: Path | None,
) -> ImportReport:
    """Fetch the extracts of ``source`` (all that have an API, for ``auto``), then import them
    with ``files``."""
    sources = list(online.ENDPOINTS) if source == "auto" else [source]
    if source != "auto" and source not in online.ENDPOINTS:
        raise click.UsageError(
            f"{source} has no public API that --online reads; those that have: "
            f"{', '.join(online.ENDPOINTS)} (or auto for all)"
        )
    base = online.base_url(api_base)
    day = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    with tempfile.TemporaryDirectory(prefix="muniorg-online-") as temporary:
        folder = fetched_dir or Path(temporary)
        make_folder(folder)
        saved = online.fetch(sources, folder, day, base)
        shown = {path: (name, None if fetched_dir else url) for path, (name, url) in saved.items()}
        return import_files(source, [*saved, *files], out_dir, as_of, shown)
