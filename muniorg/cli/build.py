"""``muniorg build``: authoring files in, validated published files out, with progress.

On a terminal, a build of more than :data:`PROGRESS_BAR_MIN` documents shows a progress bar;
otherwise each document is one plain line (what CI logs want). Progress and the closing summary
go to standard error, the validation report to standard output or ``--report FILE``.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click
from click.core import ParameterSource

from muniorg.cli.options import (
    EXIT_OK,
    EXIT_RESULTS,
    engine_option,
    epilog,
    fail_on_option,
    report_format_choice,
)
from muniorg.cli.output import check_report_files, echo_out, use_color
from muniorg.cli.safety import input_safety, input_safety_options, personal_data_option
from muniorg.core.errors import MuniorgError, OutputError
from muniorg.core.namespaces import DEFAULT_BASE
from muniorg.core.values import iri_problem
from muniorg.formats.files import write_named
from muniorg.reports import ReportFormat, render
from muniorg.reports.naming import display_path, plural
from muniorg.validation.results import Severity

if TYPE_CHECKING:  # the build's modules are imported only when building
    from click._termui_impl import ProgressBar

    from muniorg.publish.build import BuildResult
    from muniorg.rdf.document import SourceDocument

#: More documents than this get a progress bar (on a terminal); fewer get one line each.
PROGRESS_BAR_MIN = 5


class BuildProgress:
    """The ``progress`` callback of :func:`muniorg.publish.build.build`: ``(done, total, document)``.

    It decides on the first call, when the total is known, between a bar and plain lines.
    """

    def __init__(self, stream: TextIO, *, interactive: bool) -> None:
        self.stream = stream
        self.interactive = interactive
        self._bar: ProgressBar[int] | None = None

    def __call__(self, done: int, total: int, item: SourceDocument | Path) -> None:
        label = display_path(str(getattr(item, "path", item)))
        if self.interactive and total > PROGRESS_BAR_MIN:
            if self._bar is None:
                self._bar = click.progressbar(
                    length=total, label="Validating", file=self.stream, show_pos=True
                )
                self._bar.__enter__()
            self._bar.update(1)
            return
        click.echo(f"[{done}/{total}] {label}", file=self.stream)

    def close(self) -> None:
        """End the bar, if one was shown."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _base_iri(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not value.startswith(("http://", "https://")) or not value.endswith(("/", "#")):
        raise click.BadParameter(
            f"{value!r} is not a base IRI: expected an http(s) IRI ending in '/' or '#'"
        )
    # The one IRI rule: minted IRIs (base + codes and ids) are then valid too.
    if problem := iri_problem(value):
        raise click.BadParameter(f"{value!r} is not a base IRI: {problem}")
    return value


_EXAMPLES = """\
  muniorg build examples/ -o public/
  muniorg build data/ -o public/ --base https://data.example.org/id/
  muniorg build data/ -o public/ --fail-on warning --report-format junit --report build.xml
  muniorg build data/ -o public/ --allow-invalid
  muniorg build data/ -o public/ --watch"""


@click.command(
    "build", epilog=epilog(_EXAMPLES), short_help="Validate and publish authoring files."
)
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The output folder: new, empty, or written by an earlier build; replaced as a whole "
    "when the build succeeds (see docs/cli.md).",
)
@click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    callback=_base_iri,
    help="The base IRI under which IRIs are minted.",
)
@click.option(
    "--allow-invalid",
    is_flag=True,
    help="Publish even when results at or above --fail-on are found (the exit code is still 1).",
)
@fail_on_option
@click.option(
    "--report-format",
    type=report_format_choice(),
    default=ReportFormat.TEXT.value,
    show_default=True,
    help="The format of the validation report.",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the validation report to this file instead of standard output.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to validate and write with (default: the CPUs this process may use).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="MUNIORG_CACHE_DIR",
    show_envvar=True,
    help="Where each file's built result is kept, so that the next build rebuilds only what "
    "changed (default: $XDG_CACHE_HOME/muniorg/build, else ~/.cache/muniorg/build).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Build every file afresh and keep nothing (the output is the same bytes either way).",
)
@click.option(
    "--watch",
    "watching",
    is_flag=True,
    help="After the build, stay running and build again whenever a source changes (in the "
    "same process: only what changed is rebuilt); a failed build leaves OUT as it was. "
    "Ctrl-C ends it, with exit code 0.",
)
@click.option(
    "--poll",
    is_flag=True,
    envvar="MUNIORG_WATCH_POLL",
    show_envvar=True,
    help="With --watch: look at the sources every 0.25 s instead of following the system's "
    "file events (for network and container mounts, where events often do not arrive).",
)
@engine_option
@personal_data_option
@input_safety_options
@click.pass_context
def build_command(
    ctx: click.Context,
    sources: tuple[Path, ...],
    out_dir: Path,
    base: str,
    allow_invalid: bool,
    fail_on: Severity,
    report_format: ReportFormat,
    report_file: Path | None,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    watching: bool,
    poll: bool,
    engine: str,
    include_personal_data: bool,
) -> None:
    """Validate the authoring files under SOURCES and publish them into OUT.

    OUT receives JSON-LD, Turtle and N-Triples per document and for the whole data set, the
    JSON-LD context, when a `type: Catalog` file is among the sources, a DCAT-AP catalog, and
    an HTML page per document and language with an index (open OUT/index.html).
    Nothing is written when a result at or above --fail-on is found, unless --allow-invalid.
    Persons' contact details and persons marked 'public: false' are left out unless
    --include-personal-data.
    """
    from muniorg.core.pool import default_jobs
    from muniorg.publish.build import build  # the heavy imports only when building

    if poll and not watching and ctx.get_parameter_source("poll") is ParameterSource.COMMANDLINE:
        raise click.UsageError("--poll is for --watch: it says how the watch sees changes")
    wanted = None if no_cache else (cache_dir or default_cache_folder())
    # OUT holds only what the build publishes; the cache is pruned by the build.
    written = [out_dir] if wanted is None else [out_dir, wanted]
    check_report_files({"--report": report_file}, inputs=sources, outputs=written)
    cache = None if wanted is None else _cache_folder(wanted, out_dir)  # made after the checks
    stream = sys.stderr
    progress = BuildProgress(stream, interactive=stream.isatty())
    options: dict[str, Any] = {
        "base": base,
        "allow_invalid": allow_invalid,
        "fail_on": fail_on,
        "include_personal_data": include_personal_data,
        "jobs": jobs or default_jobs(),
        "engine": engine,
        "cache_dir": cache,
    }
    shown = Shown(list(sources), out_dir, fail_on, report_format, report_file)
    if watching:
        _watch(ctx, shown, progress, options, events=not poll)
        return
    try:
        with input_safety(ctx):
            result = build(list(sources), out_dir, progress=progress, **options)
    except MuniorgError as err:
        shown.failed(err)
        raise
    finally:
        progress.close()
    shown.report(result)
    click.echo(summary_line(result, out_dir, report_file), err=True)
    ctx.exit(EXIT_RESULTS if result.report.fails(fail_on) else EXIT_OK)


@dataclass(frozen=True)
class Shown:
    """Where and how a build's report is shown."""

    sources: list[Path]
    out_dir: Path
    fail_on: Severity
    report_format: ReportFormat
    report_file: Path | None

    def report(self, result: BuildResult) -> None:
        """The validation report (to ``--report`` or standard output) and the notes."""
        fail_on, report_format = self.fail_on, self.report_format
        if self.report_file is not None:
            write_named(self.report_file, render(result.report, report_format, fail_on=fail_on))
        else:
            color = report_format is ReportFormat.TEXT and use_color(sys.stdout)
            text = render(result.report, report_format, color=color, fail_on=fail_on)
            echo_out(text, nl=False)
        for note in result.notes:
            click.echo(f"note: {note}", err=True)

    def failed(self, err: MuniorgError) -> None:
        """For inputs that cannot be read: a CI step that uploads the report (SARIF, JUnit
        ...) needs it most now, so the problems go to the report in the chosen format too, as
        'validate' does. Not for an output folder refused or a full disk: no input is at
        fault."""
        wanted = self.report_file is not None or self.report_format is not ReportFormat.TEXT
        if wanted and not isinstance(err, OutputError):
            from muniorg.validation.results import error_report

            failed = render(
                error_report(err, [str(s) for s in self.sources]),
                self.report_format,
                fail_on=self.fail_on,
            )
            if self.report_file is not None:
                write_named(self.report_file, failed)
            else:
                echo_out(failed, nl=False)


def _watch(
    ctx: click.Context,
    shown: Shown,
    progress: BuildProgress,
    options: dict[str, Any],
    *,
    events: bool,
) -> None:
    """``--watch``: build, then build again after each change until Ctrl-C or SIGTERM, which
    end it with exit code 0 (a build they interrupt leaves OUT as it was)."""
    from muniorg.cli.app import error_lines
    from muniorg.publish.watch import WatchedBuild, watch

    told: list[str | None] = [None]

    def on_build(done: WatchedBuild) -> None:
        progress.close()
        stamp = time.strftime("%H:%M:%S")
        what = _changed(done.changed, shown.sources)
        if done.polling != told[0]:  # once, and again if file events stop
            told[0] = done.polling
            if done.polling is not None:
                click.echo(f"note: {done.polling}", err=True)
        how = "" if done.polling is None else ", polling"
        if done.error is not None:
            shown.failed(done.error)
            for line in error_lines(done.error):
                click.echo(line, err=True)
            click.echo(
                f"[{stamp}] {what}build failed, {shown.out_dir} left as it was; "
                f"watching {plural(done.files, 'file')}{how} (Ctrl-C to stop)",
                err=True,
            )
            return
        assert done.result is not None
        shown.report(done.result)
        click.echo(summary_line(done.result, shown.out_dir, shown.report_file), err=True)
        # results at or above --fail-on publish nothing: "built" would say the opposite
        outcome = (
            "built"
            if done.result.published
            else f"not published (results at or above --fail-on), {shown.out_dir} left as it was;"
            " checked"
        )
        click.echo(
            f"[{stamp}] {what}{outcome} in {done.seconds:.2f} s; "
            f"watching {plural(done.files, 'file')}{how} (Ctrl-C to stop)",
            err=True,
        )

    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with input_safety(ctx):
            watch(
                shown.sources,
                shown.out_dir,
                on_build=on_build,
                progress=progress,
                events=events,
                **options,
            )
    except KeyboardInterrupt:
        progress.close()
        click.echo("stopped watching", err=True)
        ctx.exit(EXIT_OK)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM ends a watch as Ctrl-C does."""
    raise KeyboardInterrupt


def _changed(changed: Sequence[str], sources: Sequence[Path]) -> str:
    """``"data/x.yaml changed: "``, ``"3 files changed: "``, or ``""`` (the first build)."""
    if not changed:
        return ""
    if len(changed) == 1:
        return f"{display_path(changed[0])} changed: "
    return f"{plural(len(changed), 'file')} changed: "


def default_cache_folder() -> Path:
    """``$XDG_CACHE_HOME/muniorg/build`` (``%LOCALAPPDATA%`` on Windows), else
    ``~/.cache/muniorg/build``."""
    root = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(root) if root else Path.home() / ".cache") / "muniorg" / "build"


def _cache_folder(folder: Path, out_dir: Path) -> Path | None:
    """The cache folder to use, made if needed; ``None`` (with a note) when it cannot be
    written: a build never fails for want of a cache."""
    if folder.resolve().is_relative_to(out_dir.resolve()):
        return folder  # the build refuses it, after the checks of the output folder itself
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError as err:
        click.echo(
            f"note: the cache folder {folder} cannot be written ({err.strerror}); "
            "building every file afresh",
            err=True,
        )
        return None
    return folder


def summary_line(result: BuildResult, out_dir: Path, report_file: Path | None) -> str:
    """``Built 4 municipalities (5 documents, 1,234 triples): ...; wrote 9 files to out in 1.2 s``."""
    counts = result.report.counts()
    by_severity = ", ".join(plural(counts[s], s.label) for s in sorted(Severity, reverse=True))
    head = (
        f"{plural(result.municipalities, 'municipality', 'municipalities')} "
        f"({plural(result.documents, 'document')}, {plural(result.triples, 'triple')}"
        + (f", {result.cached} from the cache" if result.cached else "")
        + ")"
    )
    if result.published:
        written = f"wrote {plural(len(result.files), 'file')} to {out_dir}"
    else:
        written = f"wrote nothing to {out_dir} (results at or above --fail-on)"
    if report_file is not None:
        written += f", report to {report_file}"
    verb = "Built" if result.published else "Checked"
    return f"{verb} {head}: {by_severity}; {written} in {result.seconds:.1f} s"
