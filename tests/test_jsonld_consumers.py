"""Published JSON-LD reads as the same graph in every consumer's processor (#12).

For every JSON-LD document of a build (the bundled examples and generated data from
``benchmarks/generate_corpus.py``), each processor's reading is isomorphic to the ``.nt`` beside
it: rdflib's own parser (the installed version and the minimum ``pyproject.toml`` allows), pyld
and jsonld.js (node). All read offline, with the bundled context served for its IRI.

rdflib at its minimum version and jsonld.js are installed into temporary folders (pip, npm);
those tests skip with one reason when node or npm is absent or the package cannot be installed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonld_readers import CONTEXT_IRI, difference, published_pairs, rdflib_differences
from rdflib import Graph

from muniorg.formats.jsonld import jsonld_to_graph
from muniorg.publish.build import build

ROOT = Path(__file__).resolve().parents[1]
READERS = Path(__file__).resolve().parent / "jsonld_readers.py"


@pytest.fixture(scope="module")
def generated_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated data built: the first municipality of each country of the registry extracts."""
    from benchmarks.generate_corpus import write_corpus
    from benchmarks.registries import nordic_seeds

    first: dict[str, object] = {}
    for seed in nordic_seeds():
        first.setdefault(seed.country, seed)
    folder = tmp_path_factory.mktemp("generated")
    write_corpus(folder / "src", seeds=first.values())  # type: ignore[arg-type]
    assert build([folder / "src"], folder / "dist", allow_invalid=True).published
    return folder / "dist"


@pytest.fixture(params=["examples", "generated"])
def dist(request: pytest.FixtureRequest) -> Path:
    """A build's output folder: the bundled examples, or generated data."""
    name = "examples_dist" if request.param == "examples" else "generated_dist"
    folder: Path = request.getfixturevalue(name)
    assert len(published_pairs(folder)) >= 5
    return folder


def test_rdflib_reads_every_document_as_its_ntriples(dist: Path) -> None:
    """rdflib's JSON-LD parser honours the property-scoped contexts of the code lists (it
    ignored the redefinition of a protected term and read ``dct:type org:hasUnit``)."""
    assert rdflib_differences(dist) == dict.fromkeys(d.name for d, _ in published_pairs(dist))


def test_pyld_reads_every_document_as_its_ntriples(dist: Path) -> None:
    for jsonld, nt in published_pairs(dist):
        read = jsonld_to_graph(json.loads(jsonld.read_text(encoding="utf-8")), str(jsonld))
        assert difference(read, Graph().parse(nt, format="nt")) is None, jsonld.name


def minimum_rdflib() -> str:
    """The lowest rdflib version ``pyproject.toml`` allows."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'"rdflib>=([0-9.]+)"', text)
    assert found, "pyproject.toml has no rdflib>= requirement"
    return found.group(1)


@pytest.fixture(scope="module")
def old_rdflib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the minimum rdflib installed (pip --target), for ``PYTHONPATH``."""
    version = minimum_rdflib()
    target = tmp_path_factory.mktemp("rdflib-minimum")
    install = ["install", "-q", "--no-warn-conflicts", "--target", str(target)]
    pip = subprocess.run(
        [sys.executable, "-m", "pip", *install, f"rdflib=={version}"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if pip.returncode != 0:
        pytest.skip(f"could not install rdflib=={version}: {pip.stderr.strip()[-200:]}")
    return target


@pytest.mark.slow
def test_minimum_rdflib_reads_every_document_as_its_ntriples(dist: Path, old_rdflib: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(READERS), "rdflib", str(dist)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{old_rdflib}:{READERS.parent}", "PATH": ""},
        timeout=300,
        check=True,
    )
    answer = json.loads(run.stdout)
    assert answer["version"].split(".")[:2] == minimum_rdflib().split(".")[:2]
    assert answer["differences"] == dict.fromkeys(d.name for d, _ in published_pairs(dist))


#: Reads each file named on the command line with jsonld.js, serving only the bundled context.
JSONLD_JS = """
const fs = require("fs");
const jsonld = require("jsonld");
const [contextIri, contextPath, ...files] = process.argv.slice(2);
const context = JSON.parse(fs.readFileSync(contextPath, "utf8"));
const documentLoader = async (url) => {
  if (url === contextIri) return {contextUrl: null, documentUrl: url, document: context};
  throw new Error("refused to fetch " + url);
};
(async () => {
  const out = {};
  for (const file of files) {
    const doc = JSON.parse(fs.readFileSync(file, "utf8"));
    out[file] = await jsonld.toRDF(doc, {format: "application/n-quads", documentLoader});
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(String(error)); process.exit(1); });
"""


@pytest.fixture(scope="module")
def jsonld_js(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with jsonld.js installed from npm and the reading script."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("node or npm is not installed (apt-get install nodejs npm)")
    folder = tmp_path_factory.mktemp("jsonld-js")
    install = subprocess.run(
        [npm, "install", "--no-save", "--no-audit", "--no-fund", "--silent", "jsonld"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if install.returncode != 0:
        pytest.skip(f"could not install jsonld from npm: {install.stderr.strip()[-200:]}")
    (folder / "read.js").write_text(JSONLD_JS, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_jsonld_js_reads_every_document_as_its_ntriples(dist: Path, jsonld_js: Path) -> None:
    pairs = published_pairs(dist)
    run = subprocess.run(
        ["node", "read.js", CONTEXT_IRI, str(dist / "context.jsonld")]
        + [str(jsonld) for jsonld, _ in pairs],
        cwd=jsonld_js,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    quads = json.loads(run.stdout)
    for jsonld, nt in pairs:
        # The documents have no named graphs: jsonld.js's N-Quads are N-Triples lines.
        read = Graph().parse(data=quads[str(jsonld)], format="nt")
        assert difference(read, Graph().parse(nt, format="nt")) is None, jsonld.name
