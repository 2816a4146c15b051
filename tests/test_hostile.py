"""Hostile and broken inputs through the CLI: one clear message, the right exit code, no crash.

The cases are listed in ``tests/resources/hostile/cases.yaml`` (file, command, expected exit
code, a fragment of the message). Each runs in-process with click's runner and must:

- exit with the expected code (2: the input cannot be read; 1: it reads but does not validate);
- say what is wrong (the fragment) and name the file;
- for exit code 2, print exactly one ``error:`` line on standard error and nothing on standard
  output;
- never print a traceback (``--debug`` shows one, checked separately).

The last tests check that nothing is lost: an export or init killed midway leaves the previous
file whole (build's own kill test is in test_build.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from muniorg.cli.app import cli
from muniorg.formats.format import RdfFormat
from muniorg.formats.rdf import read_graph
from muniorg.publish.convert import convert_paths

HOSTILE = Path(__file__).resolve().parent / "resources" / "hostile"
MANIFEST = HOSTILE / "cases.yaml"


@dataclass(frozen=True)
class Case:
    """One entry of the manifest."""

    file: str
    command: str
    exit: int
    message: str
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    #: False for errors about the configuration rather than the file (a bad MUNIORG_* value).
    names_file: bool = True

    @property
    def id(self) -> str:
        return f"{self.command}-{self.file}" + ("-env" if self.env else "")


def load_cases() -> list[Case]:
    entries = YAML(typ="safe").load(MANIFEST.read_text(encoding="utf-8"))
    return [
        Case(
            file=e["file"],
            command=e["command"],
            exit=e["exit"],
            message=e["message"],
            args=tuple(e.get("args", ())),
            env=dict(e.get("env", {})),
            names_file=e.get("names_file", True),
        )
        for e in entries
    ]


CASES = load_cases()


def test_the_corpus_is_complete() -> None:
    """At least 100 cases; every file of the folder is used; every command and format is hit."""
    assert len(CASES) == 210
    assert len({case.id for case in CASES}) == len(CASES), "case ids must be unique"
    files = {p.name for p in HOSTILE.iterdir()} - {"cases.yaml", ".gitattributes"}
    used = {case.file for case in CASES}
    assert files - used == set(), "files no case uses"
    assert {f for f in used - files if not f.startswith("does-not-exist")} == set()
    assert Counter(case.command for case in CASES) == {"validate": 170, "export": 24, "build": 16}
    kinds = Counter(case.file.split("-")[0] for case in CASES)
    for kind in ("yaml", "jsonld", "turtle", "ntriples", "rdfxml"):
        assert kinds[kind] >= 10, kind
    assert kinds["json"] >= 6
    assert Counter(case.exit for case in CASES) == {2: 201, 1: 9}


def run(case: Case, tmp_path: Path, *extra: str) -> tuple[int, str, str]:
    target = HOSTILE / case.file
    args = [*extra, case.command, str(target), *case.args]
    if case.command == "export":
        if "--format" not in case.args:
            args += ["--format", "turtle"]
        args += ["-o", str(tmp_path / "out")]
    elif case.command == "build":
        args += ["-o", str(tmp_path / "out")]
    result = CliRunner().invoke(cli, args, env=case.env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    code, stdout, stderr = run(case, tmp_path)
    output = stdout + stderr
    assert code == case.exit, output
    assert "Traceback" not in output
    assert case.message in output
    assert (case.file in output) is case.names_file
    if case.exit == 2:
        assert stdout == ""
        errors = [line for line in stderr.splitlines() if "error:" in line.lower()]
        assert len(errors) == 1, stderr
        assert case.message in errors[0] or case.message in stderr
    if case.command == "build" and case.exit != 0:
        assert not (tmp_path / "out").exists(), "a failed build must write nothing"


# Not the missing files: click refuses them before muniorg runs, so there is no traceback.
DEBUG_CASES = [
    c
    for c in CASES
    if c.exit == 2 and c.command == "validate" and not c.file.startswith("does-not-exist")
][:5]


@pytest.mark.parametrize("case", DEBUG_CASES, ids=[case.id for case in DEBUG_CASES])
def test_debug_shows_the_traceback(case: Case, tmp_path: Path) -> None:
    code, _stdout, stderr = run(case, tmp_path, "--debug")
    assert code == 2
    assert "Traceback" in stderr
    assert case.message in stderr


# --- nothing lost: outputs are written whole or not at all ----------------------------------

REPO = Path(__file__).resolve().parents[1]
SOROE = REPO / "examples" / "municipalities" / "soroe.yaml"


def killed_midway(code: str) -> None:
    """Run ``code`` in a fresh Python, wait until it prints ``ready``, then SIGKILL it."""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.mark.slow
def test_killed_export_leaves_the_previous_file(tmp_path: Path) -> None:
    """SIGKILL an export after the new text is written but before the rename: the old file is
    whole, and only a hidden temporary file is left beside it."""
    out = tmp_path / "out"
    target = out / "soroe.ttl"
    convert_paths([SOROE], RdfFormat.TURTLE, out)
    previous = target.read_bytes()
    killed_midway(
        "import os, time\n"
        "from pathlib import Path\n"
        "import muniorg.publish.convert as e, muniorg.formats.files as f\n"
        "def slow(src, dst):\n"
        "    print('ready', flush=True); time.sleep(60)\n"
        "f.os.replace = slow\n"
        f"e.convert_paths([Path({str(SOROE)!r})], e.RdfFormat.TURTLE, Path({str(out)!r}))\n"
    )
    assert target.read_bytes() == previous
    leftovers = [
        p.name for p in out.iterdir() if p.name not in ("soroe.ttl", ".muniorg-manifest.json")
    ]
    assert len(leftovers) == 1 and leftovers[0].startswith(".soroe.ttl.")
    assert len(leftovers[0]) > len(".soroe.ttl.")


def test_failed_export_leaves_no_partial_files(tmp_path: Path, runner: CliRunner) -> None:
    """An export that fails on its second input writes nothing: every input is converted
    before the first file is written."""
    out = tmp_path / "out"
    args = ["export", str(SOROE), str(HOSTILE / "turtle-truncated.ttl"), "--format", "turtle"]
    result = runner.invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()
    assert runner.invoke(cli, [*args[:2], "--format", "turtle", "-o", str(out)]).exit_code == 0
    assert len(read_graph(out / "soroe.ttl")) > 100  # whole: it parses


def test_unwritable_export_is_an_input_error(tmp_path: Path, runner: CliRunner) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be\n", encoding="utf-8")
    args = ["export", str(SOROE), "--format", "turtle", "-o", str(blocker / "out")]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.stderr and "Traceback" not in result.output
    assert "a file stands where a folder is needed" in result.stderr


@pytest.mark.slow
def test_killed_init_writes_nothing(tmp_path: Path, runner: CliRunner) -> None:
    """SIGKILL init before the finished file is published under its name: no file, and a
    second init succeeds."""
    killed_midway(
        "import os, time\n"
        "import muniorg.formats.files as o\n"
        "def slow(src, dst):\n"
        "    print('ready', flush=True); time.sleep(60)\n"
        "o.os.link = slow\n"
        "from muniorg.cli.app import cli\n"
        f"cli(['init', {str(tmp_path)!r}, '--lang', 'da', '--name', 'Sorø Kommune'])\n"
    )
    assert not (tmp_path / "soroe-kommune.yaml").exists()
    result = runner.invoke(cli, ["init", str(tmp_path), "--lang", "da", "--name", "Sorø Kommune"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "soroe-kommune.yaml").read_text(encoding="utf-8")
    assert text.startswith("#") and "type: Municipality" in text


# --- environment faults while reading: issue 17 --------------------------------------------------


@pytest.mark.parametrize("name", ["pipe.yaml", "pipe.ttl"])
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    result = CliRunner().invoke(cli, ["validate", str(fifo)])
    assert result.exit_code == 2, result.output
    assert f"{fifo}: error: is a named pipe (FIFO), not a regular file" in result.stderr


def test_a_build_refuses_a_fifo_among_its_sources(tmp_path: Path) -> None:
    """Neither the catalog scan nor the cache key reads it (a read would wait for ever)."""
    import subprocess
    import sys

    src = tmp_path / "src"
    src.mkdir()
    (src / "x.yaml").write_text(
        "type: Municipality\nid: x\nname: {da: X}\ncountry: DNK\n", encoding="utf-8"
    )
    os.mkfifo(src / "pipe.yaml")  # named; a folder scan refuses it too (test_authoring.py)
    sources = [str(src / "x.yaml"), str(src / "pipe.yaml")]
    command = [sys.executable, "-m", "muniorg", "build", *sources, "-o", str(tmp_path / "out")]
    command += ["--cache-dir", str(tmp_path / "cache")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"{src / 'pipe.yaml'}: error: is a named pipe (FIFO), not a regular file" in done.stderr
    assert not (tmp_path / "out").exists()


def test_an_unreadable_file_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied (simulated: the tests may run as root, who reads everything)."""
    target = tmp_path / "secret.ttl"
    target.write_text("<https://ex.org/a> <https://ex.org/p> 1 .\n", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    result = CliRunner().invoke(cli, ["validate", str(target)])
    assert result.exit_code == 2, result.output
    assert f"{target}: error: cannot read the file: permission denied" in result.stderr


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("homepage: 'javascript:alert(1)'", "homepage"),
        ("licence: 'VBScript:msgbox'", "licence"),
        ("downloadBase: 'data:text/html,<b>x</b>'", "downloadBase"),
        ("iri: 'https://x.dk/cat\u202egol'", "iri"),
    ],
)
def test_catalog_iris_follow_the_one_iri_rule(
    tmp_path: Path, runner: CliRunner, line: str, key: str
) -> None:
    """The catalog file's own IRIs are checked like every other IRI: exit 2, file:line:col."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "stord.yaml").write_bytes(SOROE.parent.joinpath("stord.yaml").read_bytes())
    catalog = (REPO / "examples" / "catalog.yaml").read_text(encoding="utf-8")
    (src / "catalog.yaml").write_text(f"{catalog}{line}\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(src), "-o", str(tmp_path / "dist")])
    assert result.exit_code == 2, result.output
    lines = catalog.count("\n") + 1
    assert f"catalog.yaml:{lines}:" in result.stderr
    assert f"{key}: " in result.stderr and "is not allowed" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_a_large_json_ld_list_is_refused_before_expansion(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2 MB JSON-LD list (700,000 items, 1.4 million triples) is refused by counting its
    values, before pyld expands it (which took about a minute and gigabytes)."""
    import json as json_module

    from pyld import jsonld

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("pyld ran on a document over the limit")

    monkeypatch.setattr(jsonld, "to_rdf", never)
    big = tmp_path / "list.jsonld"
    document = {"@id": "http://ex.org/a", "http://ex.org/p": {"@list": [1] * 700_000}}
    big.write_text(json_module.dumps(document), encoding="utf-8")
    assert big.stat().st_size > 2_000_000
    result = runner.invoke(
        cli, ["export", str(big), "--format", "ntriples", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2, result.output
    assert "has more than 200000 values, so more triples than the limit" in result.stderr
