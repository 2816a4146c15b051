"""Shared fixtures.

The official DCAT-AP 3.0.1, DCAT-AP-NO 2.0 and CPOV 2.1.2 releases are others' work and are
not part of the project: tests that run them find them through the environment variable
``MUNIORG_STANDARDS`` (see the README, "Running the standards tests"), with the
:func:`standards` fixture. Unset, those tests skip with one reason; set to a folder that lacks a
release or a file, they fail.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import SH


#: The environment variable naming the folder of the official releases.
def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by its relative path, with its bytes (to compare builds)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def edit_once(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the text file ``path`` with ``new`` (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


STANDARDS_VARIABLE = "MUNIORG_STANDARDS"
#: The releases that folder holds, one sub-folder each.
STANDARD_RELEASES = ("cpov-2.1.2", "dcat-ap-3.0.1", "dcat-ap-no-2.0")
NOT_SET = (
    f"{STANDARDS_VARIABLE} is not set: the official DCAT-AP, DCAT-AP-NO and CPOV shapes are "
    "not available (README: Running the standards tests)"
)

DCAT_AP_3 = "dcat-ap-3.0.1"
DCAT_AP_3_VOCABULARIES = "dcat-ap-3.0.1-vocabularies"
DCAT_AP_NO = "dcat-ap-no-2.0"
#: The shape files of each standard, relative to the standards folder.
SHAPE_FILES = {
    DCAT_AP_3: ("dcat-ap-3.0.1/dcat-ap-SHACL.ttl", "dcat-ap-3.0.1/dcat-ap-SHACL-ranges.ttl"),
    DCAT_AP_3_VOCABULARIES: ("dcat-ap-3.0.1/mdr-vocabularies.shape.ttl",),
    DCAT_AP_NO: ("dcat-ap-no-2.0/DCAT-AP-NO-shacl_shapes_2.00.ttl",),
}
#: The DCAT-AP 3.0.1 release lists property shapes it never defines (two of the data set, two
#: of the distribution, one of the relationship); pySHACL refuses to run such a shapes graph,
#: so the dangling sh:property links are dropped in memory. The count guards against a change.
DANGLING_PROPERTY_SHAPES = {DCAT_AP_3: 5, DCAT_AP_3_VOCABULARIES: 0, DCAT_AP_NO: 0}

#: The pages the site of the bundled examples has: document id -> languages, its own first.
EXAMPLE_PAGES = {
    "glostrup": ["da", "en"],
    "norrtaelje": ["sv", "en"],
    "saman-om-ein-betre-kommune": ["nn", "en", "nb"],
    "soroe": ["da", "en"],
    "stord": ["nn", "en"],
}


@pytest.fixture(scope="session", autouse=True)
def build_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build cache for the session (``muniorg build`` keeps each file's result there):
    never the user's own cache folder, and shared by the tests, so that builds of the same
    inputs in different tests also check that what comes from the cache is right."""
    folder = tmp_path_factory.mktemp("build-cache")
    os.environ["MUNIORG_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def examples_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples built once for the session (site included); tests only read it."""
    from muniorg.publish.build import build

    out = tmp_path_factory.mktemp("examples") / "dist"
    assert build(
        [Path(__file__).resolve().parents[1] / "examples"], out, allow_invalid=True
    ).published
    return out


@pytest.fixture(scope="session")
def generated_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated data of four municipalities (the corpus generator, run as a program: tests do
    not import the benchmarks), built once for the session; tests only read it."""
    import subprocess
    import sys

    from muniorg.publish.build import build

    root = Path(__file__).resolve().parents[1]
    folder = tmp_path_factory.mktemp("generated")
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate_corpus", str(folder / "src"), "--limit", "4"],
        cwd=root,
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert build([folder / "src"], folder / "dist", allow_invalid=True).published
    return folder / "dist"


@pytest.fixture
def fork_fails_the_second_time(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """``os.fork`` failing with ``EAGAIN`` on its second call, as under a container's process
    limit; the list holds the number of calls so far."""
    import errno

    real_fork, calls = os.fork, [0]

    def fork() -> int:
        calls[0] += 1
        if calls[0] == 2:
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    return calls


@pytest.fixture
def sigint_as_the_second_worker_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A ``KeyboardInterrupt`` as a pool forks its second worker, as a SIGINT to this process
    alone (``kill -INT``) gives it once the fork's SIGINT mask is lifted; the list holds the
    number of forks so far."""
    import contextlib
    from collections.abc import Iterator

    import muniorg.core.pool as pool_module

    real_held, forks = pool_module._sigint_held, [0]

    @contextlib.contextmanager
    def interrupted_on_the_second() -> Iterator[None]:
        with real_held():
            yield
        forks[0] += 1
        if forks[0] == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(pool_module, "_sigint_held", interrupted_on_the_second)
    return forks


@pytest.fixture
def runner() -> CliRunner:
    """Runs CLI commands in-process; ``result.stdout`` and ``result.stderr`` stay apart."""
    return CliRunner()


@dataclass(frozen=True)
class Standards:
    """The folder of the official releases, named by ``MUNIORG_STANDARDS``."""

    folder: Path

    def file(self, relative: str) -> Path:
        """The file ``relative`` to the folder; the test fails when it is not there."""
        path = self.folder / relative
        if not path.is_file():
            pytest.fail(f"{STANDARDS_VARIABLE}={self.folder} has no file {relative}")
        return path

    def graph(self, *relative: str) -> Graph:
        """The Turtle files ``relative`` to the folder, parsed into one graph."""
        graph = Graph()
        for name in relative:
            graph.parse(self.file(name), format="turtle")
        return graph


def find_standards(environ: Mapping[str, str] = os.environ) -> Standards:
    """The releases named by ``MUNIORG_STANDARDS``: skips the test when the variable is unset
    or empty, fails it when the folder or one of :data:`STANDARD_RELEASES` is missing."""
    value = environ.get(STANDARDS_VARIABLE, "").strip()
    if not value:
        pytest.skip(NOT_SET)
    folder = Path(value).expanduser().resolve()
    if not folder.is_dir():
        pytest.fail(f"{STANDARDS_VARIABLE}={value} is not a folder")
    missing = [name for name in STANDARD_RELEASES if not (folder / name).is_dir()]
    if missing:
        pytest.fail(f"{STANDARDS_VARIABLE}={value} lacks {', '.join(missing)}")
    return Standards(folder)


@pytest.fixture(scope="session")
def standards() -> Standards:
    """The official releases (see :func:`find_standards`)."""
    return find_standards()


@pytest.fixture(scope="session")
def official_shapes(standards: Standards) -> dict[str, Graph]:
    """The official shapes of each standard of :data:`SHAPE_FILES`, parsed once per session,
    without the dangling property links pySHACL cannot run (see
    :data:`DANGLING_PROPERTY_SHAPES`). Tests must not change them."""
    graphs = {}
    for standard, files in SHAPE_FILES.items():
        graph = standards.graph(*files)
        dangling = [
            (shape, prop)
            for shape, prop in graph.subject_objects(SH.property)
            if (prop, SH.path, None) not in graph
        ]
        assert len(dangling) == DANGLING_PROPERTY_SHAPES[standard], dangling
        for link in dangling:
            graph.remove((link[0], SH.property, link[1]))
        graphs[standard] = graph
    return graphs
