"""Tests of the muniorg command line: exit codes, messages, help, init, report output.

The CLI plumbing is tested with library functions replaced by small fakes (monkeypatch), so
each exit code and message can be provoked; the end-to-end tests at the bottom run the real
library on the examples, and two tests run the installed ``muniorg`` script.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from ruamel.yaml import YAML

import muniorg.publish.check
import muniorg.publish.convert
from muniorg.cli.app import COMMANDS, MuniorgGroup, cli
from muniorg.cli.build import BuildProgress
from muniorg.cli.init import TemplateLanguage
from muniorg.cli.output import use_color
from muniorg.core.errors import AuthoringError, AuthoringErrors, InputError, OutputError
from muniorg.core.location import SourceLocation
from muniorg.formats.files import write_atomic, write_new
from muniorg.formats.format import RdfFormat
from muniorg.model.classes import Municipality
from muniorg.publish.build import BuildResult
from muniorg.rdf.document import SourceDocument
from muniorg.validation.results import Severity, ValidationReport, ValidationResult

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "municipalities"
SOROE = "https://w3id.org/muniorg/id/dk/340"


def result_at(severity: Severity, line: int, message: str = "a problem") -> ValidationResult:
    return ValidationResult(
        severity, message, SOROE, location=SourceLocation("data/soroe.yaml", line, 3)
    )


CLEAN = ValidationReport(inputs=("data/soroe.yaml",))
WARNINGS = ValidationReport(
    results=(result_at(Severity.WARNING, 4, "Municipality has no description."),),
    inputs=("data/soroe.yaml",),
)
VIOLATIONS = ValidationReport(
    results=(
        result_at(Severity.VIOLATION, 7, "Municipality country: expected exactly one code."),
        result_at(Severity.INFO, 2, "Sorø: consider an English name."),
    ),
    inputs=("data/soroe.yaml",),
)


@pytest.fixture
def fake_validation(monkeypatch: pytest.MonkeyPatch) -> Callable[[Any], list[dict[str, Any]]]:
    """Replace ``validate_paths``; returns a function that sets what it does, and the calls."""
    calls: list[dict[str, Any]] = []

    def install(outcome: ValidationReport | Exception) -> list[dict[str, Any]]:
        def validate_paths(paths: list[Path], **options: Any) -> ValidationReport:
            calls.append({"paths": paths, **options})
            if isinstance(outcome, Exception):
                raise outcome
            return outcome

        monkeypatch.setattr(muniorg.publish.check, "validate_paths", validate_paths)
        return calls

    return install


def invoke(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(cli, list(args), prog_name="muniorg", catch_exceptions=False)


# --- the group -------------------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"muniorg, version {metadata.version('muniorg')}\n"


def test_help_lists_commands_and_exit_codes(runner: CliRunner) -> None:
    result = invoke(runner, "--help")
    assert result.exit_code == 0
    for command in ("init", "validate", "build", "export"):
        assert re.search(rf"^  {command} ", result.stdout, re.MULTILINE), command
    assert "3  internal error in muniorg" in result.stdout
    assert result.stdout.startswith("Usage: muniorg [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.parametrize("width", [80, 40])
def test_help_lists_the_commands_as_click_does_without_importing_them(width: int) -> None:
    """``muniorg --help`` lists each command with the short help from COMMANDS, without
    importing its module; click's own listing, which imports them all, is the same text."""
    group = MuniorgGroup(name="muniorg")  # no command imported yet
    ctx = click.Context(group, info_name="muniorg")
    lazy = click.HelpFormatter(width=width)
    group.format_commands(ctx, lazy)
    assert group.commands == {}
    click_own = click.HelpFormatter(width=width)
    click.Group.format_commands(group, ctx, click_own)
    assert sorted(group.commands) == sorted(COMMANDS)
    assert lazy.getvalue() == click_own.getvalue()
    assert [c.short_help for c in group.commands.values()] == [
        c.short_help for c in COMMANDS.values()
    ]


def test_help_in_a_new_interpreter_imports_no_command_and_no_rdflib() -> None:
    script = (
        "import sys\nfrom muniorg.cli.app import main\nsys.argv = ['muniorg', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('muniorg.cli.', 'rdflib'))))"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "Validate files against the shapes." in run.stdout
    loaded = run.stdout.rstrip("\n").rpartition("\n")[2]
    assert loaded == str(["muniorg.cli.app", "muniorg.cli.options"])


@pytest.mark.parametrize(
    ("command", "exit_0"),
    [
        ("init", "the files were written"),
        ("validate", "the data conforms"),
        ("build", "the data conforms"),
        ("export", "the files were written"),
    ],
    ids=["init", "validate", "build", "export"],
)
def test_every_command_has_help_with_examples_and_exit_codes(
    runner: CliRunner, command: str, exit_0: str
) -> None:
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    assert f"Usage: muniorg {command} [OPTIONS]" in result.stdout
    assert f"\n  Examples:\n    muniorg {command} " in result.stdout
    assert f"  Exit codes:\n    0  {exit_0}" in result.stdout
    assert "    3  internal error in muniorg (please report it)\n" in result.stdout


def test_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "valdiate", "x")
    assert result.exit_code == 2
    assert "No such command 'valdiate'" in result.stderr


# --- validate --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("report", "fail_on", "exit_code"),
    [
        (CLEAN, "violation", 0),
        (WARNINGS, "violation", 0),
        (WARNINGS, "warning", 1),
        (VIOLATIONS, "violation", 1),
        (VIOLATIONS, "info", 1),
        (WARNINGS, "INFO", 1),  # choices are case-insensitive
    ],
    ids=[
        "clean",
        "warning-below-fail-on",
        "warning-at-fail-on",
        "violation",
        "fail-on-info",
        "upper-case-choice",
    ],
)
def test_validate_exit_code_follows_fail_on(
    runner: CliRunner,
    fake_validation: Callable[[Any], Any],
    tmp_path: Path,
    report: ValidationReport,
    fail_on: str,
    exit_code: int,
) -> None:
    calls = fake_validation(report)
    result = invoke(runner, "validate", str(tmp_path), "--fail-on", fail_on)
    assert result.exit_code == exit_code
    assert calls == [{"paths": [tmp_path], "input_format": None, "engine": "muniorg"}]
    lines = result.stdout.splitlines()
    assert len(lines) == len(report.results) + 1
    assert lines[-1].startswith("1 input: ")
    assert "\x1b[" not in result.stdout  # not a terminal: no colours


def test_validate_text_names_file_line_and_column(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path
) -> None:
    fake_validation(VIOLATIONS)
    result = invoke(runner, "validate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "data/soroe.yaml:2:3: info: Sorø: consider an English name. "
        "[focus=https://w3id.org/muniorg/id/dk/340]",
        "data/soroe.yaml:7:3: violation: Municipality country: expected exactly one code. "
        "[focus=https://w3id.org/muniorg/id/dk/340]",
        "1 input: 1 violation, 0 warnings, 1 info (does not conform)",
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("json", lambda text: json.loads(text)["counts"]["violation"] == 1),
        ("junit", lambda text: ET.fromstring(text.encode()).get("failures") == "1"),
        ("sarif", lambda text: json.loads(text)["runs"][0]["results"][1]["level"] == "error"),
        ("github", lambda text: text.splitlines()[1].startswith("::error file=data/soroe.yaml,")),
        ("SARIF", lambda text: json.loads(text)["version"] == "2.1.0"),
    ],
    ids=["json", "junit", "sarif", "github", "upper-case"],
)
def test_validate_report_formats(
    runner: CliRunner,
    fake_validation: Callable[[Any], Any],
    tmp_path: Path,
    fmt: str,
    check: Callable[[str], bool],
) -> None:
    fake_validation(VIOLATIONS)
    result = invoke(runner, "validate", str(tmp_path), "--format", fmt)
    assert result.exit_code == 1
    assert check(result.stdout)


def test_validate_writes_the_report_to_output(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path
) -> None:
    fake_validation(VIOLATIONS)
    report = tmp_path / "reports" / "muniorg.sarif"
    result = invoke(runner, "validate", str(tmp_path), "--format", "sarif", "-o", str(report))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"1 input: 1 violation, 0 warnings, 1 info (does not conform); report written to {report}\n"
    )
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert [p.name for p in report.parent.iterdir()] == ["muniorg.sarif"]  # no temporary left


def test_validate_passes_input_format_as_enum(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path
) -> None:
    calls = fake_validation(CLEAN)
    result = invoke(runner, "validate", str(tmp_path), "--input-format", "Turtle")
    assert result.exit_code == 0
    assert calls == [{"paths": [tmp_path], "input_format": RdfFormat.TURTLE, "engine": "muniorg"}]
    assert result.stdout.endswith("(conforms)\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "Invalid value for '--format': 'pdf' is not one of"),
        (["--fail-on", "error"], "Invalid value for '--fail-on': 'error' is not one of"),
        (["--input-format", "csv"], "Invalid value for '--input-format'"),
    ],
    ids=["format", "fail-on", "input-format"],
)
def test_validate_bad_choice_is_a_usage_error(
    runner: CliRunner,
    fake_validation: Callable[[Any], Any],
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    calls = fake_validation(CLEAN)
    result = invoke(runner, "validate", str(tmp_path), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert calls == []


def test_validate_missing_path_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "validate", str(tmp_path / "nowhere.yaml"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert result.stdout == ""


def test_input_error_is_one_line_with_location_and_no_traceback(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path
) -> None:
    fake_validation(
        AuthoringError(
            "unknown key 'nmae' (did you mean 'name'?)", SourceLocation("data/soroe.yaml", 4, 3)
        )
    )
    result = invoke(runner, "validate", str(tmp_path))
    assert result.exit_code == 2
    assert (
        result.stderr == "data/soroe.yaml:4:3: error: unknown key 'nmae' (did you mean 'name'?)\n"
    )
    assert result.stdout == ""


def test_several_authoring_errors_are_listed_together(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path
) -> None:
    fake_validation(
        AuthoringErrors(
            [
                AuthoringError("unknown key 'nmae'", SourceLocation("a.yaml", 4, 3)),
                InputError("not a YAML mapping"),
            ]
        )
    )
    result = invoke(runner, "validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "a.yaml:4:3: error: unknown key 'nmae'",
        "error: not a YAML mapping",
        "2 errors",
    ]


def test_debug_shows_the_traceback_of_input_errors(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path
) -> None:
    fake_validation(InputError("cannot read", SourceLocation("a.yaml")))
    result = invoke(runner, "--debug", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert result.stderr.endswith(
        "muniorg.core.errors.InputError: a.yaml: cannot read\na.yaml: error: cannot read\n"
    )


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_unexpected_exception_is_an_internal_error(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path, debug: bool
) -> None:
    fake_validation(ZeroDivisionError("division by zero"))
    args = ["--debug"] if debug else []
    result = invoke(runner, *args, "validate", str(tmp_path))
    assert result.exit_code == 3
    assert "internal error, please report it" in result.stderr
    assert "  ZeroDivisionError: division by zero\n" in result.stderr
    assert ("Traceback (most recent call last)" in result.stderr) is debug
    assert ("run with --debug for the traceback" in result.stderr) is not debug


# --- colour ----------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "environ", "expected"),
    [
        (Terminal(), {}, True),
        (Terminal(), {"NO_COLOR": "1"}, False),
        (Terminal(), {"NO_COLOR": ""}, True),  # no-color.org: only a non-empty value counts
        (io.StringIO(), {}, False),
    ],
    ids=["terminal", "no-color", "empty-no-color", "pipe"],
)
def test_colour_only_on_terminal_without_no_color(
    stream: io.StringIO, environ: dict[str, str], expected: bool
) -> None:
    assert use_color(stream, environ) is expected


# --- files -----------------------------------------------------------------------------------


def test_write_new_refuses_to_replace(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    write_new(path, "first\n")
    with pytest.raises(OutputError, match="exists already: refusing to overwrite it"):
        write_new(path, "second\n")
    assert path.read_text(encoding="utf-8") == "first\n"
    assert os.listdir(tmp_path) == ["a.yaml"]


def test_write_atomic_replaces_and_reports_unwritable(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    write_atomic(path, "1\n")
    write_atomic(path, "2\n")
    assert path.read_text(encoding="utf-8") == "2\n"
    with pytest.raises(OutputError, match=r"cannot write .*: a file stands where a folder is"):
        write_atomic(path / "below-a-file.json", "x")
    assert os.listdir(tmp_path) == ["r.json"]


# --- report files and standard output --------------------------------------------------------


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A folder of inputs: the examples' catalog and Sorø, and a registry extract."""
    folder = tmp_path / "ex"
    (folder / "municipalities").mkdir(parents=True)
    for path in (EXAMPLES.parent / "catalog.yaml", EXAMPLES / "soroe.yaml"):
        target = folder / path.relative_to(EXAMPLES.parent)
        target.write_bytes(path.read_bytes())
    (folder / "wd.json").write_bytes(
        (REPO / "muniorg/data/registries/no_enhetsregisteret_sample_oslo.json").read_bytes()
    )
    return folder


def folder_state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("args", "option", "message"),
    [
        (
            ["validate", "ex/catalog.yaml", "-o", "ex/catalog.yaml"],
            "'-o' / '--output'",
            "ex/catalog.yaml is an input of this command: the report would replace it",
        ),
        (
            ["validate", "ex", "-o", "ex/municipalities/soroe.yaml"],
            "'-o' / '--output'",
            "would be read as an input of this command (a .yaml file in ex)",
        ),
        (
            ["validate", "ex", "-o", "ex/new.yml"],
            "'-o' / '--output'",
            "would be read as an input of this command (a .yml file in ex)",
        ),
        (
            ["validate", "ex", "--input-format", "jsonld", "-o", "ex/r.jsonld"],
            "'-o' / '--output'",
            "would be read as an input of this command (a .jsonld file in ex)",
        ),
        (
            ["build", "ex", "-o", "d", "--report", "ex/catalog.yaml"],
            "--report",
            "would be read as an input of this command (a .yaml file in ex)",
        ),
        (
            ["build", "ex/municipalities", "-o", "d", "--report", "ex/catalog.yaml", "--no-cache"],
            None,  # not an input of this build: written
            None,
        ),
        (
            ["import", "auto", "ex/wd.json", "-o", "o", "--report", "ex/wd.json"],
            "--report",
            "ex/wd.json is an input of this command",
        ),
        (
            ["import", "auto", "ex/wd.json", "-o", "o", "--json-report", "ex/wd.json"],
            "--json-report",
            "ex/wd.json is an input of this command",
        ),
        (
            ["import", "auto", "ex/wd.json", "-o", "o", "--report", "o/no-0301-oslo.yaml"],
            "--report",
            "o/no-0301-oslo.yaml is inside o, a folder this command writes",
        ),
        (
            ["import", "auto", "ex/wd.json", "-o", "o", "--report", "r", "--json-report", "r"],
            "--json-report",
            "r is also the file of --report",
        ),
        (
            ["build", "ex", "-o", "d", "--cache-dir", "c", "--report", "c/report.xml"],
            "--report",
            "c/report.xml is inside c, a folder this command writes",  # was "the output folder c"
        ),
        # a file where the report's folder would be: found after the import had written its
        # files (the report of what it did lost), after a build had published
        (
            ["import", "auto", "ex/wd.json", "-o", "o", "--report", "ex/wd.json/r/report.txt"],
            "--report",
            "cannot be written: ",
        ),
        (
            ["build", "ex", "-o", "d", "--report", "ex/catalog.yaml/report.json", "--no-cache"],
            "--report",
            "is a file, not a folder",
        ),
        (
            ["validate", "ex", "-o", "ex/wd.json/r.sarif"],
            "'-o' / '--output'",
            "wd.json is a file, not a folder",
        ),
    ],
    ids=[
        "validate-input",
        "validate-folder-input",
        "validate-new-yaml-in-folder",
        "validate-rdf-in-folder",
        "build-folder-input",
        "build-not-an-input",
        "import-report-input",
        "import-json-report-input",
        "import-report-output",
        "import-two-reports-one-file",
        "build-report-in-cache",
        "import-report-under-a-file",
        "build-report-under-a-file",
        "validate-report-under-a-file",
    ],
)
def test_a_report_never_replaces_an_input_or_an_output(
    runner: CliRunner,
    sources: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    option: str | None,
    message: str | None,
) -> None:
    """Refused before the command runs (exit 2): nothing read or written is touched."""
    monkeypatch.chdir(sources.parent)
    before = folder_state(sources)
    result = invoke(runner, *args)
    if message is None:  # a file beside the inputs that is none of them may be replaced
        assert result.exit_code == 0, result.stderr
        assert "report to ex/catalog.yaml" in result.stderr
        assert "(conforms)" in (sources / "catalog.yaml").read_text(encoding="utf-8")
        return
    assert result.exit_code == 2, result.output
    assert f"Invalid value for {option}: " in result.stderr
    assert message in result.stderr
    assert "; choose another file for the report" in result.stderr
    assert folder_state(sources) == before
    assert not Path("o").exists() and not Path("d").exists() and not Path("r").exists()
    assert not Path("c").exists()  # the cache folder is made only once the report is allowed


def test_a_report_name_too_long_for_the_file_system_is_an_error_not_a_crash(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The check of the report's place before the run met ENAMETOOLONG: exit 3."""
    examples = Path(__file__).resolve().parents[1] / "examples" / "municipalities"
    report = tmp_path / ("a" * 300 + ".sarif")
    result = invoke(runner, "validate", str(examples / "soroe.yaml"), "-o", str(report))
    assert result.exit_code == 2, result.output
    assert "the name is too long for the file system" in result.stderr


def test_a_report_in_a_loop_of_links_is_refused_before_the_run(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Found only when the report was written, after the validation."""
    examples = Path(__file__).resolve().parents[1] / "examples" / "municipalities"
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    result = invoke(
        runner, "validate", str(examples / "soroe.yaml"), "-o", str(tmp_path / "a" / "r.sarif")
    )
    assert result.exit_code == 2, result.output
    assert "a is a symbolic link that leads nowhere; choose another file" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_report_to_a_pipe_is_written_into_it(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path
) -> None:
    """A device or a pipe (``-o /dev/null``, a FIFO) is written into, never replaced by a
    regular file (as root, replacing /dev/null would break the machine)."""
    fake_validation(CLEAN)
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # there, so opening to write does not wait
    try:
        result = invoke(runner, "validate", str(tmp_path), "--format", "json", "-o", str(fifo))
        assert result.exit_code == 0, result.stderr
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
        assert json.loads(os.read(reader, 1 << 20))["conforms"] is True
    finally:
        os.close(reader)
    assert os.listdir(tmp_path) == ["report.fifo"]


def test_a_report_through_a_symbolic_link_keeps_the_link(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path
) -> None:
    fake_validation(CLEAN)
    (tmp_path / "reports").mkdir()
    link = tmp_path / "latest.json"
    link.symlink_to("reports/report.json")
    result = invoke(runner, "validate", str(tmp_path), "--format", "json", "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert json.loads((tmp_path / "reports" / "report.json").read_text())["conforms"] is True


def test_a_folder_as_report_is_a_usage_error(
    runner: CliRunner, fake_validation: Callable[[Any], Any], tmp_path: Path
) -> None:
    fake_validation(CLEAN)
    result = invoke(runner, "validate", str(tmp_path), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_full_standard_output_is_an_error_naming_it(fmt: str) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "muniorg", "validate", str(EXAMPLES), "--format", fmt],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "error: cannot write standard output: the disk is full; free some space and run again\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGPIPE on Windows")
def test_a_closed_pipe_on_standard_output_ends_the_command_quietly() -> None:
    """``muniorg validate data | head -1``: the reader is gone; no traceback, no message."""
    reading, writing = os.pipe()
    os.close(reading)  # before the command writes: its first write meets a closed pipe
    try:
        done = subprocess.run(
            [sys.executable, "-m", "muniorg", "validate", str(EXAMPLES), "--format", "json"],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(writing)
    assert (done.returncode, done.stderr) == (141, "")


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_a_report_to_the_own_standard_output_keeps_the_file_it_is_redirected_to(
    tmp_path: Path, name: str
) -> None:
    """``muniorg validate x -o /dev/stdout >> ci.log``: the report is added to the log. It
    replaced the log (whose name the link led to) with the report alone."""
    if not Path(name).exists():
        pytest.skip(f"{name} is not on this system")
    log = tmp_path / "ci.log"
    log.write_text("earlier line\n", encoding="utf-8")
    inode = log.stat().st_ino
    with log.open("a", encoding="utf-8") as stream:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "muniorg",
                "validate",
                str(EXAMPLES / "stord.yaml"),
                "-o",
                name,
            ],
            stdout=stream,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert log.stat().st_ino == inode
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier line\n") and "stord.yaml" in text, text


def test_a_closed_pipe_on_standard_error_ends_a_build_quietly(tmp_path: Path) -> None:
    """``muniorg build ... 2>&1 | head -1``: the progress has no reader; the build stops as a
    Unix tool does (141, not 1, the code of validation results), publishing nothing."""
    if not hasattr(__import__("select"), "poll"):
        pytest.skip("poll() tells a pipe without its reader; this system has none")
    reading, writing = os.pipe()
    os.close(reading)
    out = tmp_path / "out"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "muniorg", "build", str(EXAMPLES), "-o", str(out), "--no-cache"],
            stdout=subprocess.PIPE,
            stderr=writing,
            text=True,
            check=False,
        )
    finally:
        os.close(writing)
    assert (done.returncode, done.stdout) == (141, "")
    assert not out.exists()


# --- init ------------------------------------------------------------------------------------

TEMPLATES = sorted((REPO / "muniorg" / "templates").glob("municipality.*.yaml"))


def yaml_keys(text: str) -> list[str]:
    """The keys of a template, commented-out ones included, in order: its structure."""
    return re.findall(r"^(?:# ?)?\s*(?:- )?([A-Za-z]+):(?: |$)", text, re.MULTILINE)


def test_there_is_one_template_per_language() -> None:
    assert [p.name for p in TEMPLATES] == sorted(
        f"municipality.{lang.value}.yaml" for lang in TemplateLanguage
    )


@pytest.mark.parametrize("template", TEMPLATES, ids=[p.suffixes[0][1:] for p in TEMPLATES])
def test_templates_differ_only_in_comments_and_texts(template: Path) -> None:
    english = (REPO / "muniorg" / "templates" / "municipality.en.yaml").read_text("utf-8")
    keys = yaml_keys(template.read_text("utf-8"))
    assert keys == yaml_keys(english)
    assert len(keys) == 78


def test_the_keys_the_template_leaves_out_are_those_docs_cli_names() -> None:
    """docs/cli.md said every key was in the template; nine were not (motto, sites ...)."""
    from muniorg.model.classes import Municipality

    section = (REPO / "docs" / "cli.md").read_text("utf-8").split("## `muniorg init DIR`")[1]
    left_out = section.split("It leaves out", 1)[1].split(")", 1)[0]
    named = set(re.findall(r"`([A-Za-z]+)`", left_out))
    english = (REPO / "muniorg" / "templates" / "municipality.en.yaml").read_text("utf-8")
    top = set(re.findall(r"^(?:# )?([A-Za-z]+):", english, re.MULTILINE)) | {"name", "identifiers"}
    assert named == {f.key for f in Municipality.SPEC.fields} - top


def test_init_writes_an_annotated_template(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(
        runner,
        "init",
        str(tmp_path / "data"),
        "--lang",
        "DA",
        "--name",
        'Sorø "Kommune"',
        "--code",
        "340",
    )
    path = tmp_path / "data" / "soroe-kommune.yaml"
    assert result.exit_code == 0
    assert result.stdout == f"Wrote {path}\n"
    text = path.read_text(encoding="utf-8")
    assert "# Det officielle navn, ét pr. sprog (påkrævet)." in text
    assert f"#   muniorg validate {path}\n" in text
    data = YAML(typ="safe").load(text)
    assert data == {
        "type": "Municipality",
        "id": "soroe-kommune",
        "name": {"da": 'Sorø "Kommune"'},
        "country": "DNK",
        "identifiers": [{"notation": "340", "scheme": "dk-kommunekode"}],
    }
    assert os.listdir(path.parent) == [path.name]


@pytest.mark.parametrize(
    ("args", "file", "expected"),
    [
        (
            ["--lang", "sv", "--name", "Norrtälje kommun"],
            "norrtaelje-kommun.yaml",
            {"name": {"sv": "Norrtälje kommun"}, "country": "SWE"},
        ),
        (
            ["--lang", "nn", "--code", "4614"],
            "no-4614.yaml",
            {"country": "NOR", "identifiers": [{"notation": "4614", "scheme": "no-kommunenummer"}]},
        ),
        (
            ["--lang", "nb", "--country", "nor", "--name", "Oslo"],
            "oslo.yaml",
            {"name": {"nb": "Oslo"}, "country": "NOR"},
        ),
        (
            ["--lang", "en", "--country", "FIN", "--name", "Helsinki"],
            "helsinki.yaml",
            {"name": {"en": "Helsinki"}, "country": "FIN"},
        ),
        (
            ["--lang", "fi", "--name", "Helsingin kaupunki", "--code", "091"],
            "helsingin-kaupunki.yaml",
            {
                "name": {"fi": "Helsingin kaupunki"},
                "country": "FIN",
                "identifiers": [{"notation": "091", "scheme": "fi-kuntanumero"}],
            },
        ),
        (
            ["--lang", "sv", "--country", "FIN", "--name", "Helsingfors stad", "--code", "091"],
            "helsingfors-stad.yaml",
            {
                "name": {"sv": "Helsingfors stad"},
                "country": "FIN",
                "identifiers": [{"notation": "091", "scheme": "fi-kuntanumero"}],
            },
        ),
        (
            ["--lang", "is", "--name", "Reykjavíkurborg", "--code", "0000"],
            "reykjavikurborg.yaml",
            {
                "name": {"is": "Reykjavíkurborg"},
                "country": "ISL",
                "identifiers": [{"notation": "0000", "scheme": "is-sveitarfelagsnumer"}],
            },
        ),
    ],
    ids=["sv-name", "nn-code-only", "nb-country", "en-finland", "fi", "sv-finland", "is"],
)
def test_init_fills_in_what_it_is_given(
    runner: CliRunner, tmp_path: Path, args: list[str], file: str, expected: dict[str, Any]
) -> None:
    result = invoke(runner, "init", str(tmp_path), *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote {tmp_path / file}\n"
    data = YAML(typ="safe").load((tmp_path / file).read_text(encoding="utf-8"))
    assert data["type"] == "Municipality"
    assert {key: data[key] for key in expected} == expected


def test_init_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "oslo.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = invoke(runner, "init", str(tmp_path), "--lang", "nb", "--name", "Oslo")
    assert result.exit_code == 2
    assert result.stderr == f"error: {path} exists already: refusing to overwrite it\n"
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert os.listdir(tmp_path) == ["oslo.yaml"]


@pytest.mark.parametrize("length", [300, 5000], ids=["name-too-long", "path-too-long"])
def test_init_with_a_name_too_long_for_a_file_name_is_an_error(
    runner: CliRunner, tmp_path: Path, length: int
) -> None:
    """Too long for one file name (255 bytes), or for a whole path (4,096): both exit 2."""
    result = invoke(runner, "init", str(tmp_path / "d"), "--lang", "da", "--name", "a" * length)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"error: cannot write {tmp_path / 'd' / 'aaa'}")
    assert result.stderr.endswith(": the name is too long for the file system\n")


_BLANK = "Invalid value for {}: an empty or blank value is not allowed (leave the option out instead): {}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "en", "--name", "X"], "--country is needed with --lang en"),
        (["--lang", "de"], "Invalid value for '--lang': 'de' is not one of"),
        # A blank name made a template that validate refused ("expected a non-empty text").
        (["--lang", "da", "--name", ""], _BLANK.format("--name", "''")),
        (["--lang", "en", "--country", "FIN", "--name", "   "], _BLANK.format("--name", "'   '")),
        (["--lang", "sv", "--name", "\u00a0\u3000"], _BLANK.format("--name", "'\\xa0\\u3000'")),
        (["--lang", "nb", "--name", "Oslo", "--code", " "], _BLANK.format("--code", "' '")),
    ],
    ids=["no-country", "unknown-language", "empty-name", "blank-name", "nbsp-name", "blank-code"],
)
def test_init_usage_errors(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    result = invoke(runner, "init", str(tmp_path), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert os.listdir(tmp_path) == []


# --- build -----------------------------------------------------------------------------------


def document(path: str) -> SourceDocument:
    """A loaded document as a build's progress callback receives it."""
    return SourceDocument(Path(path), Path(path).stem, Municipality())


@pytest.fixture
def fake_build(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[dict[str, Any]]]:
    """Replace ``muniorg.publish.build.build`` by one that reports progress over ``documents``."""
    import muniorg.publish.build

    calls: list[dict[str, Any]] = []

    def install(report: ValidationReport, documents: int = 2) -> list[dict[str, Any]]:
        def build(sources: list[Path], out_dir: Path, **options: Any) -> BuildResult:
            calls.append({"sources": sources, "out_dir": out_dir, **options})
            for done in range(1, documents + 1):
                options["progress"](done, documents, document(f"d{done}.yaml"))
            published = options["allow_invalid"] or not report.fails(options["fail_on"])
            files = [out_dir / "a.jsonld", out_dir / "a.ttl"] if published else []
            return BuildResult(report, published, documents, documents - 1, 1234, files, 0.25)

        monkeypatch.setattr(muniorg.publish.build, "build", build)
        return calls

    return install


def test_build_shows_progress_lines_and_a_summary(
    runner: CliRunner, fake_build: Callable[..., Any], tmp_path: Path
) -> None:
    calls = fake_build(WARNINGS, documents=3)
    out = tmp_path / "out"
    result = invoke(runner, "build", str(tmp_path), "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "[1/3] d1.yaml",
        "[2/3] d2.yaml",
        "[3/3] d3.yaml",
        f"Built 2 municipalities (3 documents, 1234 triples): 0 violations, 1 warning, 0 infos; "
        f"wrote 2 files to {out} in 0.2 s",
    ]
    assert result.stdout.splitlines()[0].startswith("data/soroe.yaml:4:3: warning:")
    (call,) = calls
    assert call["base"] == "https://w3id.org/muniorg/id/"
    assert (call["allow_invalid"], call["fail_on"]) == (False, Severity.VIOLATION)


def test_build_with_violations_writes_nothing_and_exits_1(
    runner: CliRunner, fake_build: Callable[..., Any], tmp_path: Path
) -> None:
    fake_build(VIOLATIONS, documents=1)
    report = tmp_path / "build.xml"
    result = invoke(
        runner,
        "build",
        str(tmp_path),
        "-o",
        str(tmp_path / "out"),
        "--report-format",
        "junit",
        "--report",
        str(report),
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "Checked 0 municipalities (1 document, 1234 triples): 1 violation, 0 warnings, 1 info; "
        f"wrote nothing to {tmp_path / 'out'} (results at or above --fail-on), "
        f"report to {report} in 0.2 s"
    )
    assert ET.parse(report).getroot().get("failures") == "1"


def test_build_allow_invalid_publishes_but_still_fails(
    runner: CliRunner, fake_build: Callable[..., Any], tmp_path: Path
) -> None:
    calls = fake_build(WARNINGS, documents=1)
    result = invoke(
        runner,
        "build",
        str(tmp_path),
        "-o",
        str(tmp_path / "out"),
        "--allow-invalid",
        "--fail-on",
        "warning",
        "--base",
        "https://data.example.org/id/",
    )
    assert result.exit_code == 1
    assert "; wrote 2 files to " in result.stderr
    assert calls[0]["allow_invalid"] is True
    assert calls[0]["base"] == "https://data.example.org/id/"
    assert calls[0]["engine"] == "muniorg"


def test_build_passes_the_engine(
    runner: CliRunner, fake_build: Callable[..., Any], tmp_path: Path
) -> None:
    calls = fake_build(CLEAN)
    args = ["build", str(tmp_path), "-o", str(tmp_path / "out"), "--engine", "pyshacl"]
    assert invoke(runner, *args).exit_code == 0
    assert calls[0]["engine"] == "pyshacl"


def test_real_build_with_either_engine_gives_one_report(runner: CliRunner, tmp_path: Path) -> None:
    reports = []
    for engine in ("muniorg", "pyshacl"):
        args = ["build", str(REPO / "examples"), "-o", str(tmp_path / engine)]
        result = invoke(runner, *args, "--engine", engine, "--report-format", "json")
        assert result.exit_code == 0, result.stderr
        reports.append(json.loads(result.stdout)["results"])
    assert reports[0] == reports[1] and reports[0]


@pytest.mark.parametrize(
    "base",
    [
        "data.example.org/id/",
        "https://data.example.org/id",
        # IRIs that pyoxigraph refuses crashed the build (exit 3) when it minted IRIs with them.
        "https://ex.com/%zz/",
        "https://ex.com/a#b#",
        "https://[x]/",
        "https://ex.com/a b/",
    ],
)
def test_build_rejects_a_bad_base_iri(
    runner: CliRunner, fake_build: Callable[..., Any], tmp_path: Path, base: str
) -> None:
    calls = fake_build(CLEAN)
    result = invoke(runner, "build", str(tmp_path), "-o", str(tmp_path / "out"), "--base", base)
    assert result.exit_code == 2
    assert f"Invalid value for '--base': {base!r} is not a base IRI" in result.stderr
    assert calls == []


def test_build_needs_an_output_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "build", str(tmp_path))
    assert result.exit_code == 2
    assert "Missing option '-o' / '--out'" in result.stderr


@pytest.mark.parametrize(
    ("total", "interactive", "bar"),
    [(6, True, True), (5, True, False), (6, False, False)],
    ids=["many-on-terminal", "few-on-terminal", "many-in-ci"],
)
def test_build_progress_bar_only_for_many_documents_on_a_terminal(
    total: int, interactive: bool, bar: bool
) -> None:
    stream = Terminal() if interactive else io.StringIO()
    progress = BuildProgress(stream, interactive=interactive)
    for done in range(1, total + 1):
        progress(done, total, document(f"m{done}.yaml"))
    progress.close()
    text = stream.getvalue()
    assert (f"{total}/{total}" in text and "Validating" in text) is bar
    assert (f"[{total}/{total}] m{total}.yaml\n" in text) is not bar


# --- export ----------------------------------------------------------------------------------


@pytest.fixture
def fake_export(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """``muniorg.publish.convert.convert_paths``, replaced by a fake that records its calls."""
    calls: list[tuple[Any, ...]] = []

    def convert_paths(
        paths: list[Path], fmt: RdfFormat, out_dir: Path, *, include_personal_data: bool
    ) -> list[Path]:
        calls.append((paths, fmt, out_dir, include_personal_data))
        return [out_dir / (p.stem + fmt.extension) for p in paths]

    monkeypatch.setattr(muniorg.publish.convert, "convert_paths", convert_paths)
    return calls


def test_export_lists_the_written_files(
    runner: CliRunner, fake_export: list[tuple[Any, ...]], tmp_path: Path
) -> None:
    source = tmp_path / "soroe.yaml"
    source.write_text("type: Municipality\n", encoding="utf-8")
    result = invoke(runner, "export", str(source), "--format", "Turtle", "-o", str(tmp_path / "o"))
    assert result.exit_code == 0
    assert result.stdout == f"{tmp_path / 'o' / 'soroe.ttl'}\n"
    assert fake_export == [([source], RdfFormat.TURTLE, tmp_path / "o", False)]
    result = invoke(
        runner, "export", str(source), "--format", "ntriples", "--include-personal-data"
    )
    assert result.exit_code == 0
    assert fake_export[1] == ([source], RdfFormat.NTRIPLES, Path("."), True)


def test_export_offers_only_output_formats(
    runner: CliRunner, fake_export: list[tuple[Any, ...]], tmp_path: Path
) -> None:
    result = invoke(runner, "export", str(tmp_path), "--format", "rdfxml")
    assert result.exit_code == 2
    assert "'rdfxml' is not one of 'jsonld', 'turtle', 'ntriples'" in result.stderr
    assert fake_export == []


def test_export_of_a_folder_without_yaml_names_the_folder(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "notes.txt").write_text("not data\n", encoding="utf-8")
    result = invoke(
        runner, "export", str(tmp_path / "dist"), "--format", "ntriples", "-o", str(tmp_path / "x")
    )
    assert result.exit_code == 2
    assert result.stderr == f"error: no YAML files (*.yaml, *.yml) found in {tmp_path / 'dist'}\n"
    assert not (tmp_path / "x").exists()


# --- CI integrations -------------------------------------------------------------------------


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_action_is_a_composite_action_with_documented_inputs() -> None:
    action = load_yaml(REPO / "action.yml")
    assert action["runs"]["using"] == "composite"
    assert {name: spec.get("default") for name, spec in action["inputs"].items()} == {
        "paths": ".",
        "fail-on": "violation",
        "format": "github",
        "output": "",
        "python": "python3",
    }
    steps = action["runs"]["steps"]
    assert [s["name"] for s in steps] == ["Install muniorg", "Validate"]
    assert '"$GITHUB_ACTION_PATH"' in steps[0]["run"]
    for step in steps:  # inputs only through env, never expanded into the script
        assert "${{" not in step["run"]
        assert step["shell"] == "bash"


@pytest.mark.parametrize(
    ("paths", "output", "expected"),
    [
        (".", "", ["validate", ".", "--fail-on", "warning", "--format", "github"]),
        (
            "data/a.yaml  data/b.ttl",
            "r.sarif",
            [
                "validate",
                "data/a.yaml",
                "data/b.ttl",
                "--fail-on",
                "warning",
                "--format",
                "github",
                "--output",
                "r.sarif",
            ],
        ),
        (
            "my data/a.yaml\n\n$(touch pwned)\n",
            "",
            [
                "validate",
                "my data/a.yaml",
                "$(touch pwned)",
                "--fail-on",
                "warning",
                "--format",
                "github",
            ],
        ),
    ],
    ids=["default", "spaces-and-output", "lines-and-no-injection"],
)
def test_action_validate_step_passes_inputs_as_arguments(
    tmp_path: Path, paths: str, output: str, expected: list[str]
) -> None:
    """Run the action's Validate script with a stand-in ``muniorg`` that prints its arguments."""
    script = load_yaml(REPO / "action.yml")["runs"]["steps"][1]["run"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "muniorg"
    stub.write_text('#!/usr/bin/env bash\nprintf "%s\\n" "$@"\n', encoding="utf-8")
    stub.chmod(0o755)
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "MUNIORG_PATHS": paths,
        "MUNIORG_FAIL_ON": "warning",
        "MUNIORG_FORMAT": "github",
        "MUNIORG_OUTPUT": output,
    }
    run = subprocess.run(
        ["bash", "-e", "-c", script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == expected
    assert not (tmp_path / "pwned").exists()


def test_pre_commit_hook() -> None:
    (hook,) = load_yaml(REPO / ".pre-commit-hooks.yaml")
    assert (hook["id"], hook["language"], hook["entry"]) == (
        "muniorg-validate",
        "python",
        "muniorg validate",
    )
    files = re.compile(hook["files"])
    matched = [
        n for n in ("a.yaml", "b.yml", "c.ttl", "d.jsonld", "e.nt", "f.rdf") if files.search(n)
    ]
    assert len(matched) == 6
    assert not any(files.search(n) for n in ("a.json", "b.py", "c.yaml.bak", "d.md"))
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'muniorg = "muniorg.cli.app:main"' in pyproject  # the entry's console script


# --- end to end: the real library ------------------------------------------------------------


def test_real_authoring_error_names_file_line_and_column(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "x.yaml"
    source.write_text("type: Municipality\nid: x\nnmae: {da: X}\ncountry: DNK\n", encoding="utf-8")
    result = invoke(runner, "validate", str(source))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{source}:3:1: error: unknown key 'nmae' in Municipality (did you mean 'name'?)\n"
    )
    assert result.stdout == ""


def test_real_validation_of_an_init_template(runner: CliRunner, tmp_path: Path) -> None:
    """init writes a file the real loader accepts; validation points at its lines."""
    written = invoke(
        runner, "init", str(tmp_path), "--lang", "da", "--name", "Sorø Kommune", "--code", "340"
    )
    assert written.exit_code == 0
    result = invoke(runner, "validate", str(tmp_path), "--format", "json", "--fail-on", "info")
    assert result.exit_code == 1  # recommended keys are missing: warnings
    report = json.loads(result.stdout)
    assert report["inputs"] == [str(tmp_path / "soroe-kommune.yaml")]
    assert report["counts"]["warning"] >= 1
    focus = {r["focusNode"] for r in report["results"]}
    assert "https://w3id.org/muniorg/id/dk/340" in focus  # IRI minted from the code
    for r in report["results"]:
        assert r["location"]["file"] == str(tmp_path / "soroe-kommune.yaml")
        assert r["location"]["line"] >= 1


@pytest.fixture
def installed_script() -> Path:
    """The ``muniorg`` console script of this environment (``pip install -e .`` writes it)."""
    script = Path(sys.executable).parent / "muniorg"
    assert script.is_file(), f"{script} is missing: install the package (README, Set-up)"
    return script


def test_installed_script_version(installed_script: Path) -> None:
    run = subprocess.run(
        [str(installed_script), "--version"], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0
    assert run.stdout == f"muniorg, version {metadata.version('muniorg')}\n"


def test_installed_script_reports_bad_input_without_traceback(
    installed_script: Path, tmp_path: Path
) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text("type: Municipality\nid: x\nname: [unclosed\n", encoding="utf-8")
    run = subprocess.run(
        [str(installed_script), "validate", "bad.yaml"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.startswith("bad.yaml:")
    assert ": error: " in run.stderr
    assert "Traceback" not in run.stderr


_XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize("command", ["validate", "export"])
@pytest.mark.parametrize(
    ("kind", "path", "value", "key"),
    [
        (
            "http://purl.org/dc/terms/PeriodOfTime",
            "http://www.w3.org/ns/dcat#endDate",
            f'"2019-02-30"^^<{_XSD}date>',
            "Period.end",
        ),
        (
            "http://xmlns.com/foaf/0.1/Person",
            "https://w3id.org/muniorg#public",
            f'"maybe"^^<{_XSD}boolean>',
            "Person.public",
        ),
    ],
)
def test_an_impossible_date_in_rdf_input_prints_no_rdflib_traceback(
    installed_script: Path, tmp_path: Path, command: str, kind: str, path: str, value: str, key: str
) -> None:
    """rdflib logs "Failed to convert Literal lexical form" with a traceback for 2019-02-30,
    and warns "Parsing weird boolean" (a UserWarning, with a line of rdflib) for "maybe"; the
    value is a violation of the shapes, reported as such, and nothing else is printed."""
    node = "<https://ex.org/p>"
    (tmp_path / "p.nt").write_text(
        f"{node} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kind}> .\n"
        f"{node} <{path}> {value} .\n",
        encoding="utf-8",
    )
    args = ["--format", "turtle", "-o", "out"] if command == "export" else []
    run = subprocess.run(
        [str(installed_script), command, "p.nt", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert "Traceback" not in run.stderr and "Failed to convert" not in run.stderr, run.stderr
    assert "Warning" not in run.stderr, run.stderr
    if command == "validate":
        assert run.returncode == 1
        assert f"p.nt: violation: {key} takes at most one value" in run.stdout, run.stdout
    else:
        assert (run.returncode, run.stderr) == (0, "")


def test_real_build_of_one_municipality(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "src" / "x.yaml"
    source.parent.mkdir()
    source.write_text(
        "type: Municipality\nid: x\nname: {da: X Kommune, en: X Municipality}\ncountry: DNK\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = invoke(runner, "build", str(source.parent), "-o", str(out), "--report-format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["conforms"] is True
    progress, *notes, summary = result.stderr.splitlines()
    assert progress == f"[1/1] {source}"
    assert all(note.startswith("note: ") for note in notes)
    match = re.fullmatch(
        r"Built 1 municipality \(1 document, (\d+) triples\): 0 violations, \d+ warnings?, "
        rf"\d+ infos?; wrote (\d+) files to {re.escape(str(out))} in \d+\.\d s",
        summary,
    )
    assert match, summary
    assert int(match[1]) > 0
    published = [p for p in out.rglob("*") if p.is_file() and p.name != ".muniorg-manifest.json"]
    assert int(match[2]) == len(published)


def test_python_dash_m_muniorg_is_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "muniorg", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("muniorg, version ")


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github"])
def test_an_unreadable_input_still_gives_the_report_ci_uploads(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    """validate --format sarif -o FILE on a file with an unknown key: exit 2, the error on
    standard error as always, and the report file written, with the problem at its place."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("type: Municipality\nid: x\nnmae: {da: X}\ncountry: DNK\n", encoding="utf-8")
    report = tmp_path / f"report.{fmt}"
    result = invoke(runner, "validate", str(bad), "--format", fmt, "-o", str(report))
    assert result.exit_code == 2
    assert "bad.yaml:3:1: error: unknown key 'nmae'" in result.stderr
    text = report.read_text(encoding="utf-8")
    assert "unknown key 'nmae'" in text
    if fmt == "json":
        [only] = json.loads(text)["results"]
        assert only["location"] == {"file": str(bad), "line": 3, "column": 1}
    elif fmt == "sarif":
        region = json.loads(text)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert region["region"] == {"startLine": 3, "startColumn": 1}
    elif fmt == "junit":
        assert ET.fromstring(text.encode("utf-8")).get("failures") == "1"
    else:
        assert text.startswith("::error file=") and ",line=3,col=1," in text


def test_an_unreadable_input_prints_nothing_on_stdout_in_text(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("type: Municipality\nid: x\nnmae: {da: X}\ncountry: DNK\n", encoding="utf-8")
    result = invoke(runner, "validate", str(bad))
    assert (result.exit_code, result.stdout) == (2, "")


def test_validate_checks_the_catalog_and_refuses_a_second(
    runner: CliRunner, tmp_path: Path
) -> None:
    """What build would refuse, validate refuses first: a wrong key in the catalog, a second
    catalog file; a good catalog counts as an input."""
    catalog = (REPO / "examples" / "catalog.yaml").read_text(encoding="utf-8")
    (tmp_path / "stord.yaml").write_bytes(
        (REPO / "examples/municipalities/stord.yaml").read_bytes()
    )
    (tmp_path / "a.yaml").write_text(catalog, encoding="utf-8")
    result = invoke(runner, "validate", str(tmp_path))
    assert result.exit_code == 0 and "\n2 inputs: 0 violations" in result.stdout, result.output
    (tmp_path / "b.yaml").write_text(catalog, encoding="utf-8")
    result = invoke(runner, "validate", str(tmp_path))
    assert (
        result.exit_code == 2
        and "b.yaml:1:1: error: a second 'type: Catalog' file" in result.stderr
    )
    (tmp_path / "b.yaml").unlink()
    (tmp_path / "a.yaml").write_text(catalog + "downlodBase: x\n", encoding="utf-8")
    result = invoke(runner, "validate", str(tmp_path))
    assert result.exit_code == 2 and "unknown key 'downlodBase' in Catalog" in result.stderr


def test_a_folder_scan_reads_only_authoring_files(runner: CliRunner, tmp_path: Path) -> None:
    """The GitHub action's default paths: '.' - workflows and other tools' YAML are passed
    over; a file that looks like an authoring file (it has an 'id') is read, and named on its
    own any file is read."""
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("name: CI\non: [push]\njobs: {}\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Docs\nnav: []\n", encoding="utf-8")
    (tmp_path / "stord.yaml").write_bytes(
        (REPO / "examples/municipalities/stord.yaml").read_bytes()
    )
    result = invoke(runner, "validate", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "\n1 input:" in result.stdout
    (tmp_path / "y.yaml").write_text("id: y\nname: {da: Y}\n", encoding="utf-8")
    result = invoke(runner, "validate", str(tmp_path))
    assert result.exit_code == 2
    assert "y.yaml:1:1: error: 'type' is missing: give one of Municipality" in result.stderr
    assert "Catalog" in result.stderr
    result = invoke(runner, "validate", str(tmp_path / "mkdocs.yml"))
    assert result.exit_code == 2 and "'type' is missing" in result.stderr


def test_sources_without_an_authoring_document_are_refused_and_the_output_kept(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source folder emptied (a checkout step, a submodule not checked out) or holding only
    other tools' YAML: build and validate fail with exit 2 saying what they found, and the
    last output stays; it was replaced by an empty site, which publish then used to delete
    every municipality's graph from the store. The catalog named on its own is validated."""
    from conftest import folder_bytes

    monkeypatch.chdir(tmp_path)
    Path("catalog.yaml").write_bytes((REPO / "examples" / "catalog.yaml").read_bytes())
    data = Path("data")
    data.mkdir()
    (data / "stord.yaml").write_bytes((EXAMPLES / "stord.yaml").read_bytes())
    build = ("build", "catalog.yaml", "data", "-o", "public", "--no-cache")
    assert invoke(runner, *build).exit_code == 0
    published = folder_bytes(Path("public"))
    (data / "stord.yaml").unlink()
    only_catalog = "error: no authoring documents found in catalog.yaml, data (only the catalog "
    for args in (build, ("validate", "catalog.yaml", "data")):
        result = invoke(runner, *args)
        assert (result.exit_code, result.stdout) == (2, ""), result.output
        assert result.stderr == only_catalog + "catalog.yaml)\n"
    (data / "mkdocs.yml").write_text("site_name: Docs\n", encoding="utf-8")
    passed_over = "(1 YAML file without 'type' or 'id' passed over: data/mkdocs.yml)\n"
    for args in (("build", "data", "-o", "public", "--no-cache"), ("validate", "data")):
        result = invoke(runner, *args)
        assert result.exit_code == 2, result.output
        assert result.stderr.endswith("error: no authoring documents found in data " + passed_over)
    assert folder_bytes(Path("public")) == published
    result = invoke(runner, "validate", "catalog.yaml")
    assert result.exit_code == 0 and result.stdout.startswith("1 input: 0 viol"), result.output


def test_a_source_folder_that_gives_nothing_is_refused_beside_one_that_does(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``build a b`` with ``b`` emptied published without b's municipalities, exit 0 (and a
    publish then removed their graphs). A folder holding only the catalog gives something."""
    from conftest import folder_bytes

    monkeypatch.chdir(tmp_path)
    for name, example in (("a", "stord.yaml"), ("b", "soroe.yaml")):
        Path(name).mkdir()
        (Path(name) / example).write_bytes((EXAMPLES / example).read_bytes())
    Path("meta").mkdir()
    Path("meta/catalog.yaml").write_bytes((REPO / "examples" / "catalog.yaml").read_bytes())
    build = ("build", "meta", "a", "b", "-o", "public", "--no-cache")
    assert invoke(runner, *build).exit_code == 0
    published = folder_bytes(Path("public"))
    Path("b/soroe.yaml").unlink()
    Path("b/mkdocs.yml").write_text("site_name: Docs\n", encoding="utf-8")
    for args in (build, ("validate", "meta", "a", "b")):
        result = invoke(runner, *args)
        assert (result.exit_code, result.stdout) == (2, ""), result.output
        assert result.stderr.endswith(
            "error: no authoring documents found in b "
            "(1 YAML file without 'type' or 'id' passed over: b/mkdocs.yml)\n"
        ), result.stderr
    assert folder_bytes(Path("public")) == published


def test_a_source_folder_whose_files_were_found_through_another_spelling_gives_them(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file found twice is read once, under the first source: ``data`` given again as an
    absolute path, through a link, or with ``..``, and a folder whose file another folder
    links to, gave "no authoring documents found in ..." (exit 2) where they built before."""
    monkeypatch.chdir(tmp_path)
    data = Path("data")
    data.mkdir()
    (data / "stord.yaml").write_bytes((EXAMPLES / "stord.yaml").read_bytes())
    Path("linked").symlink_to("data")
    Path("a").mkdir()
    (Path("a") / "soroe.yaml").write_bytes((EXAMPLES / "soroe.yaml").read_bytes())
    (Path("a") / "stord.yaml").symlink_to("../data/stord.yaml")
    for sources in (
        ["data", str(tmp_path / "data")],
        ["data", "linked"],
        ["data", "a/../data"],
        ["a", "data"],
    ):
        for args in (["validate", *sources], ["build", *sources, "-o", "out", "--no-cache"]):
            result = invoke(runner, *args)
            assert result.exit_code == 0, (args, result.output)


def test_a_link_to_nothing_in_a_source_folder_stops_the_build(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build published without the linked municipality, exit 0 (docs/security.md)."""
    from conftest import folder_bytes

    monkeypatch.chdir(tmp_path)
    data, common = Path("data"), Path("common")
    data.mkdir()
    common.mkdir()
    (data / "soroe.yaml").write_bytes((EXAMPLES / "soroe.yaml").read_bytes())
    (common / "stord.yaml").write_bytes((EXAMPLES / "stord.yaml").read_bytes())
    (data / "stord.yaml").symlink_to("../common/stord.yaml")
    build = ("build", "data", "-o", "out", "--no-cache")
    assert invoke(runner, *build).exit_code == 0
    published = folder_bytes(Path("out"))
    (common / "stord.yaml").unlink()
    for args in (build, ("validate", "data")):
        result = invoke(runner, *args)
        assert (result.exit_code, result.stdout) == (2, ""), result.output
        assert result.stderr == (
            "data/stord.yaml: error: a symbolic link to ../common/stord.yaml (common/stord.yaml), "
            "which does not exist: restore the file it points to, or remove the link\n"
        )
    assert folder_bytes(Path("out")) == published


@pytest.mark.parametrize(
    ("args", "code", "placeholder"),
    [
        (["--lang", "sv", "--name", "Uppsala", "--code", "380"], "0380", "0000000000"),
        (["--lang", "da", "--name", "Aarhus", "--code", "751"], "751", "00000000"),
        (["--lang", "nb", "--name", "Oslo", "--code", "301"], "0301", "000000000"),
        (["--lang", "fi", "--name", "Helsinki", "--code", "91"], "091", "0000000-0"),
        (["--lang", "is", "--name", "Reykjavík", "--code", "0"], "0000", "0000000000"),
    ],
)
def test_the_init_template_of_each_country_validates(
    runner: CliRunner, tmp_path: Path, args: list[str], code: str, placeholder: str
) -> None:
    """--code 380 for Sweden wrote a code the shapes refuse (Uppsala is 0380); the
    organisation-number placeholder had nine digits whatever the country."""
    assert invoke(runner, "init", str(tmp_path), *args).exit_code == 0
    [written] = tmp_path.glob("*.yaml")
    text = written.read_text(encoding="utf-8")
    assert f'notation: "{code}"' in text and f'notation: "{placeholder}"' in text
    result = invoke(runner, "validate", str(written))
    assert result.exit_code == 0, result.output
    assert "\n1 input: 0 violations" in result.stdout


_UNUSUAL_NAMES = {
    "spaces": "  Sorø  ",
    "no-ascii": "東京",
    "no-id": "---",
    "yaml-comment": 'Sorø # "x": y',
    "backslash": "a\\b",
    "flow": "{da: x}",
    "anchor": "- &x *y",
    "quote": "'",
    # An id YAML reads as null, a number or a boolean unless it is quoted:
    "null": "Null",
    "number": "1000",
    "octal": "0o17",
    "float": "1e-3",
    "bool": "True",
}


@pytest.mark.parametrize("name", _UNUSUAL_NAMES.values(), ids=_UNUSUAL_NAMES.keys())
def test_an_init_template_with_an_unusual_name_validates(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    """Whatever name init accepts, the file it writes validates (blank ones it refuses):
    --name Null wrote `id: null`, which validate refused ("needs an 'id' ... got nothing")."""
    result = invoke(runner, "init", str(tmp_path), "--lang", "da", "--name", name, "--code", "340")
    assert result.exit_code == 0, result.stderr
    [written] = tmp_path.glob("*.yaml")
    data = YAML(typ="safe").load(written.read_text(encoding="utf-8"))
    assert data["name"] == {"da": name} and data["id"] == written.stem
    result = invoke(runner, "validate", str(written))
    assert result.exit_code == 0, result.output
    assert "\n1 input: 0 violations" in result.stdout


@pytest.mark.parametrize(("lang", "code"), [("da", "0751"), ("sv", "12345"), ("nb", "ab12")])
def test_init_refuses_a_code_of_the_wrong_form(
    runner: CliRunner, tmp_path: Path, lang: str, code: str
) -> None:
    result = invoke(runner, "init", str(tmp_path), "--lang", lang, "--code", code)
    assert result.exit_code == 2 and "is not a municipality code of" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_validate_reads_a_build_output(runner: CliRunner, tmp_path: Path) -> None:
    """validate dist/*.jsonld stopped at context.jsonld; validate dist said 'no YAML files' and
    --input-format refused folders. Each file is validated in the context of the others (a
    programme refers to a municipality's page), the context and the catalog are not data."""
    from muniorg.publish.build import build

    dist = tmp_path / "dist"
    assert build([REPO / "examples"], dist).published
    listed = sorted(str(p) for p in dist.glob("*.jsonld"))
    assert any(p.endswith("context.jsonld") for p in listed)
    result = invoke(runner, "validate", *listed)
    assert result.exit_code == 0 and "\n6 inputs: 0 violations" in result.stdout, result.output
    for fmt in ("jsonld", "turtle", "ntriples"):
        result = invoke(runner, "validate", str(dist), "--input-format", fmt)
        assert result.exit_code == 0, result.output
        assert "\n6 inputs: 0 violations" in result.stdout
    result = invoke(runner, "validate", str(dist))
    assert result.exit_code == 2 and "--input-format jsonld, turtle or ntriples" in result.stderr


def test_a_deeply_nested_json_ld_file_is_refused_not_a_crash(
    runner: CliRunner, tmp_path: Path
) -> None:
    deep = tmp_path / "deep.jsonld"
    deep.write_text('{"a":' * 200_000 + "1" + "}" * 200_000, encoding="utf-8")
    result = invoke(runner, "validate", str(deep))
    assert result.exit_code == 2, result.output
    assert "nested too deeply" in result.stderr


@pytest.mark.parametrize(
    "iri",
    ["http://ex.com/%zz", "http://[x]/", "http://[::1", "http://a:b:c/", "http://ex.com/a#b#c"],
)
@pytest.mark.parametrize("command", ["validate", "build"])
def test_an_iri_pyoxigraph_refuses_is_an_error_at_its_place(
    runner: CliRunner, tmp_path: Path, iri: str, command: str
) -> None:
    """validate let these IRIs pass and build crashed writing them (exit 3, ValueError from
    pyoxigraph): both now refuse them at their line and column, as a homepage or a person's id."""
    source = tmp_path / "src" / "x.yaml"
    source.parent.mkdir()
    source.write_text(
        "type: Municipality\nid: x\nname: {da: X Kommune}\ncountry: DNK\n"
        'identifiers: [{scheme: dk-kommunekode, notation: "340"}]\n'
        f'homepage: "{iri}"\npeople: [{{id: "{iri}", name: P}}]\n',
        encoding="utf-8",
    )
    args = ["-o", str(tmp_path / "out")] if command == "build" else []
    result = invoke(runner, command, str(source), *args)
    assert result.exit_code == 2, result.output
    assert f"x.yaml:6:11: error: homepage: {iri!r}: not a valid IRI (RFC 3987): " in result.stderr
    assert f"x.yaml:7:15: error: 'id' {iri!r}: not a valid IRI (RFC 3987): " in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("node", "what"),
    [
        ('{"@id": "http://ex.com/a b", "p": "x"}', "'http://ex.com/a b': the character U+0020"),
        ('{"@id": "rel", "p": "x"}', "'rel': not an absolute IRI"),
        ('{"@id": "http://ex.com/a", "@type": "http://ex.com/T x"}', "'http://ex.com/T x'"),
        ('{"@id": "_:b", "p": {"@id": "ftp://ex.com/o"}}', "'ftp://ex.com/o': the scheme"),
    ],
)
def test_an_iri_json_ld_would_drop_is_an_error_not_lost_data(
    runner: CliRunner, tmp_path: Path, node: str, what: str
) -> None:
    """A JSON-LD processor drops a node whose id is not an IRI (a type, a property ...) and
    says nothing: the rest was exported or validated, the node lost without a word."""
    source = tmp_path / "x.jsonld"
    good = '{"@id": "http://ex.com/ok", "p": "y"}'
    source.write_text(
        f'{{"@context": {{"@vocab": "http://ex.com/"}}, "@graph": [{good}, {node}]}}',
        encoding="utf-8",
    )
    result = invoke(
        runner, "export", str(source), "--format", "ntriples", "-o", str(tmp_path / "o")
    )
    assert result.exit_code == 2, result.output
    assert f"x.jsonld: error: invalid IRI {what}" in result.stderr
    assert "a JSON-LD processor would drop it" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("node", "message"),
    [
        (
            '{"@id": "http://ex.com/a", "http://ex.com/p q": "x"}',
            "the key 'http://ex.com/p q' at $[\"@graph\"][1] is not an IRI: the character U+0020",
        ),
        (
            '{"@id": "http://ex.com/a", "ex:p q": "x"}',
            "the key 'ex:p q' at $[\"@graph\"][1] expands to 'http://ex.com/p q', not an IRI",
        ),
        (
            '{"@id": "http://ex.com/a", "nmae": "x"}',
            "the key 'nmae' at $[\"@graph\"][1] is neither a term of the @context nor an IRI",
        ),
    ],
)
@pytest.mark.parametrize("command", ["export", "validate"])
def test_a_key_json_ld_would_drop_is_an_error_not_lost_data(
    runner: CliRunner, tmp_path: Path, node: str, message: str, command: str
) -> None:
    """JSON-LD expansion drops a key that is not a term of the context and not an IRI (a
    typo, a space in an IRI) with its values, without a word: export wrote the rest, exit 0.
    A key the context maps to null is left out on purpose, and still read without a word."""
    source = tmp_path / "x.jsonld"
    context = '{"ex": "http://ex.com/", "p": "http://ex.com/p", "skip": null}'
    good = '{"@id": "http://ex.com/ok", "p": "y", "skip": "left out"}'
    source.write_text(f'{{"@context": {context}, "@graph": [{good}, {node}]}}', encoding="utf-8")
    args = ["--format", "ntriples", "-o", str(tmp_path / "o")] if command == "export" else []
    result = invoke(runner, command, str(source), *args)
    assert result.exit_code == 2, result.output
    assert f"x.jsonld: error: {message}" in result.stderr
    assert "a JSON-LD processor would drop it and its values" in result.stderr
    assert not (tmp_path / "o").exists()
    source.write_text(f'{{"@context": {context}, "@graph": [{good}]}}', encoding="utf-8")
    result = invoke(
        runner, "export", str(source), "--format", "ntriples", "-o", str(tmp_path / "o")
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "x.nt").read_text(encoding="utf-8") == (
        '<http://ex.com/ok> <http://ex.com/p> "y" .\n'
    )


@pytest.mark.parametrize("engine", ["muniorg", "pyshacl"])
def test_a_violation_about_a_literal_of_the_file_is_reported(
    runner: CliRunner, tmp_path: Path, engine: str
) -> None:
    """SafeIri reaches the objects of dct:conformsTo (sh:targetObjectsOf): both engines found
    the literal, and validate dropped the result (it kept only results about the file's
    subjects, to leave those about other files' objects to them), exit 0."""
    source = tmp_path / "x.nt"
    source.write_text(
        '<https://ex.org/x> <http://purl.org/dc/terms/conformsTo> "not an IRI" .\n',
        encoding="utf-8",
    )
    result = invoke(runner, "validate", str(source), "--engine", engine)
    assert result.exit_code == 1, result.output
    assert "violation: An IRI must use http, https" in result.stdout
    assert "focus=not an IRI]" in result.stdout


def test_a_decimal_that_is_no_number_is_a_violation_not_an_internal_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    """ "NaN"^^xsd:decimal made the engine's sh:minInclusive and seat sum raise (exit 3)."""
    source = tmp_path / "x.ttl"
    source.write_text(
        "@prefix ex: <https://ex.org/> . @prefix muniorg: <https://w3id.org/muniorg#> .\n"
        "@prefix org: <http://www.w3.org/ns/org#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        'ex:c a muniorg:Council ; skos:prefLabel "C"@en ; muniorg:seats 3 .\n'
        "ex:m1 a org:Membership ; org:organization ex:c ; org:member ex:party ;\n"
        '    muniorg:seats "NaN"^^xsd:decimal .\n',
        encoding="utf-8",
    )
    result = invoke(runner, "validate", str(source))
    assert result.exit_code == 1, result.output
    assert "violation: Membership.seats takes at most one value" in result.stdout
    assert "value=NaN focus=https://ex.org/m1]" in result.stdout


def json_ld_input_refused(
    runner: CliRunner, tmp_path: Path, command: str, document: str, message: str
) -> None:
    """``muniorg validate`` or ``export`` of the JSON-LD ``document``: exit 2 with ``message``
    after the file's name, nothing written."""
    source = tmp_path / "x.jsonld"
    source.write_text(document, encoding="utf-8")
    args = ["--format", "turtle", "-o", str(tmp_path / "o")] if command == "export" else []
    result = invoke(runner, command, str(source), *args)
    assert result.exit_code == 2, result.output
    assert f"x.jsonld: error: {message}" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("command", ["validate", "export"])
def test_a_language_tag_pyoxigraph_refuses_in_rdf_input_is_an_error(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    """It passed validate, and export wrote it with pyoxigraph: exit 3."""
    document = (
        '{"@context": {"@vocab": "http://ex.com/"}, "@id": "http://ex.com/a",'
        ' "p": {"@value": "x", "@language": "en-abcdefghijklmnop"}}'
    )
    message = "$[\"p\"][\"@language\"]: invalid language tag 'en-abcdefghijklmnop' of 'x'"
    json_ld_input_refused(runner, tmp_path, command, document, message)


@pytest.mark.parametrize("suffix", [".ttl", ".jsonld"])
@pytest.mark.parametrize("command", ["validate", "export"])
def test_a_language_code_that_is_none_is_an_error_in_rdf_input_as_in_yaml(
    runner: CliRunner, tmp_path: Path, command: str, suffix: str
) -> None:
    """name: {dk: ...} is refused in YAML (Danish is da); "x"@dk in Turtle or JSON-LD passed
    validate and was published."""
    source = tmp_path / f"x{suffix}"
    source.write_text(
        '<http://ex.com/a> <http://ex.com/p> "x"@dk , "y"@nb-NO , "z"@sme .\n'
        if suffix == ".ttl"
        else '{"@context": {"@vocab": "http://ex.com/"}, "@id": "http://ex.com/a",'
        ' "p": {"@value": "x", "@language": "dk"}}',
        encoding="utf-8",
    )
    args = ["--format", "ntriples", "-o", str(tmp_path / "o")] if command == "export" else []
    result = invoke(runner, command, str(source), *args)
    assert result.exit_code == 2, result.output
    # where "x"@dk is: Turtle's line and column, the JSON path in JSON-LD
    where = "x.ttl:1:37: error: " if suffix == ".ttl" else 'x.jsonld: error: $["p"]["@language"]: '
    assert (
        f"{where}invalid language tag 'dk' of 'x': 'dk' is not a language code "
        "(a country code? Danish is 'da')"
    ) in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("line", "where", "message"),
    [
        ("<https://ex.org/b> schema:url <javascript:alert(1)> .", "3:31", "invalid IRI 'java"),
        ('<https://ex.org/b> schema:name "x\u2028y"@en .', "3:32", "invalid text 'x\\u2028y'"),
        ('<https://ex.org/b> schema:name "a"@en , "b"@DK .', "3:41", "invalid language tag 'dk'"),
        # a prefixed name is not looked for: the file alone
        ("@prefix j: <javascript:> .\nj:x schema:url <https://ex.org/> .", "", "invalid IRI"),
        # ... nor a spelling in a comment or in another text, nor a text for its datatype
        ('# was "x"@dk\n<https://ex.org/b> schema:name "x"@dk .', "4:32", "invalid language tag"),
        ("# <javascript:x>\n<https://ex.org/b> schema:url <javascript:x> .", "4:31", "invalid IRI"),
        ('<https://ex.org/b> schema:name "ola@dk" , "S\\u00f8r"@dk .', "3:53", "invalid language"),
        (
            '<https://ex.org/b> schema:name "1" , "1"^^<javascript:int> .',
            "3:38",
            "invalid datatype",
        ),
    ],
)
def test_a_refused_term_of_turtle_input_is_reported_where_it_is_written(
    runner: CliRunner, tmp_path: Path, line: str, where: str, message: str
) -> None:
    """pyoxigraph gives no position of a triple: a refused IRI, text or tag was reported with
    the file alone, leaving the user to search a large file for it."""
    source = tmp_path / "x.ttl"
    source.write_text(
        '@prefix schema: <http://schema.org/> .\n<https://ex.org/a> schema:name "ok"@en .\n'
        + line
        + "\n",
        encoding="utf-8",
    )
    result = invoke(runner, "validate", str(source))
    assert result.exit_code == 2, result.output
    assert f"x.ttl{':' if where else ''}{where}: error: {message}" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("document", "path", "message"),
    [
        ('{"https://ex.org/p": ["ok", "y\\u0001"]}', '$["https://ex.org/p"][1]', "invalid text"),
        (
            '{"https://ex.org/p": {"@list": ["a", "b\\u2028"]}}',
            '$["https://ex.org/p"]["@list"][1]',
            "invalid text",
        ),
        # the datatype, not the first "1" written
        (
            '{"https://ex.org/q": "1", "https://ex.org/p": {"@value": "1", "@type": "javascript:i"}}',
            '$["https://ex.org/p"]["@type"]',
            "invalid datatype IRI 'javascript:i'",
        ),
        # in document order: the first of two places, not the one found first by depth
        (
            '{"https://ex.org/p": [{"@value": "x", "@language": "dk"}], "@context": {"@language": "dk"}}',
            '$["https://ex.org/p"][0]["@language"]',
            "invalid language tag 'dk'",
        ),
    ],
)
def test_a_refused_term_of_json_ld_input_is_reported_at_its_json_path(
    runner: CliRunner, tmp_path: Path, document: str, path: str, message: str
) -> None:
    source = tmp_path / "x.jsonld"
    source.write_text('{"@id": "https://ex.org/a", ' + document[1:], encoding="utf-8")
    result = invoke(runner, "validate", str(source))
    assert result.exit_code == 2, result.output
    assert f"x.jsonld: error: {path}: {message}" in result.stderr, result.stderr


@pytest.mark.parametrize("command", ["validate", "export"])
def test_an_invalid_iri_in_json_ld_input_is_an_error(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    document = '{"@context":{"@vocab":"http://ex.com/"},"@id":"http://ex.com/%zz","p":"x"}'
    message = "invalid IRI 'http://ex.com/%zz': not a valid IRI"
    json_ld_input_refused(runner, tmp_path, command, document, message)
