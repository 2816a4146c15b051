"""What a one-file ``muniorg validate`` imports: only what validating a file needs.

Most of a one-file ``muniorg validate`` is starting Python and importing modules (see
docs/performance.md). Each test runs the command line in a fresh interpreter, as the console
script does, and then looks at ``sys.modules``: a module that a one-file validation never uses
(a process pool, the build, the site, the importers, pySHACL, rdflib's SPARQL engine ...) must
not be imported on the way. rdflib, pyoxigraph, PyYAML and click are needed (muniorg's engine
validates rdflib graphs against shapes parsed by pyoxigraph) and are not in the list.
Not timed: the timing targets are in benchmarks/targets.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

#: Modules a one-file validation does not use. The first group was imported until issue #11's
#: validate target; the rest are the heavy modules of the other commands.
NOT_IMPORTED = (
    "multiprocessing",
    "concurrent.futures",
    "ctypes",
    "subprocess",
    "muniorg.dcat",
    "muniorg.formats.output_folder",
    "pyshacl",
    "owlrl",
    "jinja2",
    "pyld",
    "jsonschema",
    "rdflib.plugins.sparql",
    "rdflib.plugins.parsers.notation3",
    "muniorg.publish.build",
    "muniorg.publish.store",
    "muniorg.site",
    "muniorg.importing",
    "muniorg.validation.sparqlcache",
)

#: Validate in this interpreter as the console script does, then print the exit code and the
#: modules imported.
SCRIPT = """
import json, sys
from muniorg.cli.app import main
sys.argv = ["muniorg", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _validate(*args: str) -> tuple[int, str, set[str]]:
    """Run ``muniorg validate ARGS`` in a new interpreter: (exit code, output, modules)."""
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(["validate", *args])],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr
    output, _, last = run.stdout.rstrip("\n").rpartition("\n")
    result = json.loads(last)
    return result["code"], output, set(result["modules"])


def _imported(name: str, modules: set[str]) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


@pytest.mark.parametrize(
    "args",
    [
        ("examples/municipalities/stord.yaml",),
        ("examples/municipalities/soroe.yaml", "--format", "json"),
    ],
)
def test_a_one_file_validation_imports_none_of_the_heavy_modules(args: tuple[str, ...]) -> None:
    code, output, modules = _validate(*args)
    assert code == 0, output
    assert "conforms" in output
    assert "muniorg.validation.engine" in modules  # it did validate, with muniorg's engine
    assert "rdflib" in modules  # needed, see the module's docstring
    assert [name for name in NOT_IMPORTED if _imported(name, modules)] == []


def test_a_file_with_problems_is_reported_without_them_either(tmp_path: Path) -> None:
    source = tmp_path / "x.yaml"
    source.write_text(
        "type: Municipality\nid: x\nname: {da: X}\ncountry: DNK\nposts:\n  - role: chair\n",
        encoding="utf-8",
    )
    code, output, modules = _validate(str(source))
    assert code == 1, output
    assert "Unknown code 'chair' in list 'role'" in output
    assert [name for name in NOT_IMPORTED if _imported(name, modules)] == []


def test_rdf_that_muniorg_wrote_is_validated_without_them(tmp_path: Path) -> None:
    """Reading RDF checks whether the data gives a council as org:hasUnit (and the like, see
    muniorg.rdf.others.specialise): an index lookup that needs no SPARQL query on RDF that
    muniorg wrote."""
    source = "examples/municipalities/soroe.yaml"
    export = subprocess.run(
        [
            sys.executable,
            "-m",
            "muniorg",
            "export",
            source,
            "--format",
            "ntriples",
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert export.returncode == 0, export.stderr
    (written,) = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    assert "core#hasTopConcept>" in written.read_text(encoding="utf-8")  # a rule needs it
    code, output, modules = _validate(str(written))
    assert code == 0, output
    assert "conforms" in output
    assert [name for name in NOT_IMPORTED if _imported(name, modules)] == []


#: Count the collections of CPython's cyclic collector while the console script validates.
COUNTING = """
import gc, json, sys
collections = []
gc.callbacks.append(lambda phase, info: phase == "stop" and collections.append(info))
from muniorg.cli import main
sys.argv = ["muniorg", "validate", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(len(collections)))
"""


def test_the_collector_walks_the_long_lived_objects_seldom() -> None:
    """The modules, the shapes and the model live until the process ends: a one-file validate
    collects a few times at most (it collected over a hundred times, muniorg.core.collector)."""
    run = subprocess.run(
        [sys.executable, "-c", COUNTING, "examples/municipalities/soroe.yaml"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr
    assert "conforms" in run.stdout
    assert json.loads(run.stdout.rstrip("\n").rpartition("\n")[2]) <= 5


def test_the_guard_sees_what_is_imported(tmp_path: Path) -> None:
    """Not vacuous: with pySHACL asked for, the same check finds pySHACL and rdflib's SPARQL."""
    source = tmp_path / "x.yaml"
    source.write_text("type: Municipality\nid: x\nname: {da: X}\ncountry: DNK\n", encoding="utf-8")
    code, _, modules = _validate(str(source), "--engine", "pyshacl")
    assert code == 0
    found = [name for name in NOT_IMPORTED if _imported(name, modules)]
    assert {"pyshacl", "rdflib.plugins.sparql", "muniorg.validation.sparqlcache"} <= set(found)
