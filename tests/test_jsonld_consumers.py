"""Published JSON-LD reads as the same graph in every consumer's processor, and compacts back
to itself (#12).

For every JSON-LD document of a build (the bundled examples and generated data from
``benchmarks/generate_corpus.py``), each processor's reading is isomorphic to the ``.nt`` beside
it: rdflib's own parser (the installed version and the minimum ``pyproject.toml`` allows), pyld
and jsonld.js (node). All read offline, with the bundled context served for its IRI.

Compacting the expansion of each document with its own context gives the document back, key
for key (pyld, and jsonld.js).

rdflib at its minimum version and jsonld.js are installed into temporary folders (pip, npm);
those tests skip with one reason when node or npm is absent or the package cannot be installed.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from doc_examples import run_examples
from jsonld_readers import CONTEXT_IRI, difference, published_pairs, rdflib_differences
from pyld import jsonld as pyld
from rdflib import RDF, Graph
from rdflib.namespace import ORG

from muniorg.core.namespaces import MUNIORG
from muniorg.core.resources import FRAME_FILES
from muniorg.formats.jsonld import jsonld_to_graph, local_document_loader
from muniorg.generate.context import ambiguous_terms, build_context
from muniorg.generate.sources import load_sources

ROOT = Path(__file__).resolve().parents[1]
READERS = Path(__file__).resolve().parent / "jsonld_readers.py"


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


#: Reads each file named on the command line with jsonld.js, serving only the bundled context:
#: its N-Quads, and its expansion compacted with its own context.
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
    out[file] = {
      nquads: await jsonld.toRDF(doc, {format: "application/n-quads", documentLoader}),
      compacted: await jsonld.compact(
        await jsonld.expand(doc, {documentLoader}), doc["@context"], {documentLoader}),
    };
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
def test_jsonld_js_reads_and_compacts_every_document(dist: Path, jsonld_js: Path) -> None:
    """jsonld.js reads each document as its .nt, and its compaction is a round trip (as pyld's)."""
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
    results = json.loads(run.stdout)
    for jsonld, nt in pairs:
        # The documents have no named graphs: jsonld.js's N-Quads are N-Triples lines.
        read = Graph().parse(data=results[str(jsonld)]["nquads"], format="nt")
        assert difference(read, Graph().parse(nt, format="nt")) is None, jsonld.name
        document = json.loads(jsonld.read_text(encoding="utf-8"))
        compacted = results[str(jsonld)]["compacted"]
        assert differing_keys(compacted, document) == set(), jsonld.name
        assert compacted == document, jsonld.name


def test_compaction_is_a_round_trip(dist: Path) -> None:
    """pyld: compact(expand(document), its context) == document; lists stay lists, dates and
    decimals keep their value objects, each key comes back as itself (a municipality's
    ``council``, ``departments`` and ``coDeterminationBodies``, a foundation's ``values`` and
    ``principles``, a programme's ``participants`` included)."""
    options = {"documentLoader": local_document_loader()}
    for path, _ in published_pairs(dist):
        document = json.loads(path.read_text(encoding="utf-8"))
        again = pyld.compact(pyld.expand(document, options), document["@context"], options)
        assert differing_keys(again, document) == set(), path.name
        assert again == document, path.name


def test_the_data_uses_the_keys_that_once_shared_an_iri(
    examples_dist: Path, generated_dist: Path
) -> None:
    """The round trip above covers the keys that share an IRI in the standard vocabularies:
    the examples and the generated data hold each of them."""
    keys: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            keys.update(value)
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for path, _ in [*published_pairs(examples_dist), *published_pairs(generated_dist)]:
        collect(json.loads(path.read_text(encoding="utf-8")))
    assert {"council", "departments", "coDeterminationBodies", "values", "principles"} <= keys
    assert {"participants", "memberships"} <= keys


def test_the_context_refuses_keys_that_no_context_tells_apart() -> None:
    """Were two keys of one class to share an IRI again (a council under ``org:hasUnit`` beside
    the departments), generating the context stops and says which, instead of publishing JSON
    that does not compact back."""
    sources = load_sources()
    assert ambiguous_terms(sources) == {}
    municipality = sources.schema.classes["Municipality"]
    departments = next(f for f in municipality.fields if f.key == "departments")
    fields = tuple(
        dataclasses.replace(f, path=departments.path) if f.key == "council" else f
        for f in municipality.fields
    )
    classes = dict(sources.schema.classes)
    classes["Municipality"] = dataclasses.replace(municipality, fields=fields)
    broken = dataclasses.replace(
        sources, schema=dataclasses.replace(sources.schema, classes=classes)
    )
    assert ambiguous_terms(broken) == {"Municipality": {"org:hasUnit": ["council", "departments"]}}
    with pytest.raises(ValueError, match=r"council.*departments.*sub-property"):
        build_context(broken)


def differing_keys(a: Any, b: Any) -> set[str]:
    """The keys present on one side only, or whose values differ, anywhere in two documents."""
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return set().union(*(differing_keys(x, y) for x, y in zip(a, b, strict=True)))
    if not (isinstance(a, dict) and isinstance(b, dict)):
        return set()
    keys = set(a) ^ set(b)
    for key in set(a) & set(b):
        inner = differing_keys(a[key], b[key])
        keys |= inner if inner or a[key] == b[key] else {key}
    return keys


#: Classes of each kind of thing #12 names, by rdf:type; every one must occur in the examples.
NAMED_KINDS = {
    "organisation": ("Municipality", "Council", "Committee", "Department", "Organisation"),
    "person": ("Person",),
    "place": ("AdministrativeArea", "Region", "Site"),
    "document": ("Document",),
    "programme": ("CooperationProgramme",),
    "concept": ("Concept", "Value", "Principle"),
}


def test_every_name_is_also_schema_name_and_rdfs_label(dist: Path) -> None:
    """Each node whose class has a name (skos:prefLabel, else dct:title or foaf:name) has the same
    texts, in the same languages, as schema:name and rdfs:label, in every published file."""
    from rdflib import RDF, RDFS, URIRef

    from muniorg.model.classes import CLASSES
    from muniorg.rdf.graph import name_field

    schema_name = URIRef("http://schema.org/name")
    for jsonld, nt in published_pairs(dist):
        graph = Graph().parse(nt, format="nt")
        for cls in CLASSES.values():
            named = name_field(cls.SPEC)
            for node in graph.subjects(RDF.type, cls.SPEC.rdf_type):
                names = set(graph.objects(node, named.path)) if named else set()
                assert set(graph.objects(node, schema_name)) == names, (jsonld.name, node)
                assert set(graph.objects(node, RDFS.label)) == names, (jsonld.name, node)


def test_each_kind_of_thing_has_names_in_the_examples(examples_dist: Path) -> None:
    from rdflib import RDF, URIRef

    from muniorg.model.classes import CLASSES

    graph = Graph().parse(examples_dist / "muniorg-dataset.nt", format="nt")
    schema_name = URIRef("http://schema.org/name")
    for kind, classes in NAMED_KINDS.items():
        nodes = {n for key in classes for n in graph.subjects(RDF.type, CLASSES[key].SPEC.rdf_type)}
        assert nodes, kind
        assert all((n, schema_name, None) in graph for n in nodes), kind


def guide_parts() -> tuple[list[str], str, list[str]]:
    """The Python blocks, the SPARQL prefixes and the SPARQL queries of docs/consumers.md."""
    guide = (ROOT / "docs" / "consumers.md").read_text(encoding="utf-8")
    prefixes = re.search(r"```\n(PREFIX .*?)```", guide, re.S)
    assert prefixes is not None
    return (
        re.findall(r"```python\n(.*?)```", guide, re.S),
        prefixes.group(1),
        re.findall(r"```sparql\n(.*?)```", guide, re.S),
    )


def answers(dist: Path, prefixes: str, query: str, extra: str = "") -> list[dict[str, str]]:
    """The rows ``query`` gives on the whole data set of ``dist`` (with the N-Triples ``extra``
    added), each as a dict of the bound variables' values."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(path=str(dist / "muniorg-dataset.nt"), format=RdfFormat.N_TRIPLES)
    if extra:
        store.load(extra.encode("utf-8"), format=RdfFormat.N_TRIPLES)
    result = store.query(prefixes + query)
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [
        {name: row[name].value for name in names if row[name] is not None}
        for row in result  # type: ignore[union-attr]
    ]


def test_the_consumer_guide_runs(examples_dist: Path, tmp_path: Path) -> None:
    """The guide's Python examples run in order, as one script, in a build of the examples."""
    blocks, prefixes, queries = guide_parts()
    assert len(blocks) == 6 and len(queries) == 6
    work = tmp_path / "dist"
    shutil.copytree(examples_dist, work)
    for path in FRAME_FILES.values():  # published beside the context by every build
        assert (work / path.name).read_bytes() == path.read_bytes()
    (work / "councils.rq").write_text(prefixes + queries[0], encoding="utf-8")
    done = run_examples(ROOT / "docs" / "consumers.md", work, tmp_path)
    assert done.mismatches == []  # each commented print shows what it prints
    lines = done.stdout.splitlines()
    assert lines[0] == "Sorø Kommune 25"
    assert "['mayor'] ['https://w3id.org/muniorg/id/dk/340/gert-joergensen']" in lines
    assert lines.count("True") == 2 and "True True" in lines  # rdflib; compaction, key for key
    assert "Sorø Municipality 25" in lines
    assert "['mayor', 'municipal director']" in lines
    assert "Municipal Council" in lines
    assert "Stord Municipality programme-participant" in lines


def test_the_consumer_guides_queries_answer(examples_dist: Path, generated_dist: Path) -> None:
    _, prefixes, (councils, chairs, participants, _, _, units) = guide_parts()
    seats = {row["name"]: row["seats"] for row in answers(examples_dist, prefixes, councils)}
    assert seats == {"Sorø Municipality": "25"}  # the only example that gives the seats
    assert len(answers(generated_dist, prefixes, councils)) == 4
    assert answers(examples_dist, prefixes, chairs) == []  # the examples name no chairs
    found = answers(generated_dist, prefixes, chairs)
    assert len(found) >= 4 and all(row["chairName"] for row in found)
    joined = answers(examples_dist, prefixes, participants)
    assert {
        "participant": "https://w3id.org/muniorg/id/no/4614",
        "programme": ("https://w3id.org/muniorg/id/programme/saman-om-ein-betre-kommune"),
        "name": "Stord Municipality",
    } in joined
    # every unit of a municipality, through the sub-properties the published ontology declares
    ontology = (examples_dist / "ontology.nt").read_text(encoding="utf-8")
    properties: set[str] = set()
    for dist in (examples_dist, generated_dist):
        found = answers(dist, prefixes, units, ontology)
        graph = Graph().parse(dist / "muniorg-dataset.nt", format="nt")
        expected = {
            (str(m), str(u), str(p))
            for p in (MUNIORG.council, ORG.hasUnit, MUNIORG.coDeterminationBody)
            for m, u in graph.subject_objects(p)
            if (m, RDF.type, MUNIORG.Municipality) in graph
        }
        assert {(r["municipality"], r["unit"], r["property"]) for r in found} == expected
        assert {r["class"] for r in found} >= {str(MUNIORG.Council)}
        properties |= {r["property"] for r in found}
    assert properties == {str(MUNIORG.council), str(ORG.hasUnit), str(MUNIORG.coDeterminationBody)}


def test_the_consumer_guides_organisation_numbers_are_those_valid_today(
    examples_dist: Path, generated_dist: Path
) -> None:
    """Each example's organisation number, and not the municipality codes; added identifiers
    test the period rule at each precision (a date, a month, a year; start and end)."""
    _, prefixes, (*_, numbers, _, _) = guide_parts()
    found = {(r["name"], r["number"]) for r in answers(examples_dist, prefixes, numbers)}
    assert found == {
        ("Glostrup Municipality", "65120119"),
        ("Sorø Municipality", "29189994"),
        ("Stord Municipality", "939866914"),
    }
    today = date.today()
    soroe = "https://w3id.org/muniorg/id/dk/340"
    cases = {
        "ended": (None, f"{today.year - 1}-12-31", "xsd:date"),
        "ends-this-year": (None, str(today.year), "xsd:gYear"),
        "ends-this-month": (None, today.strftime("%Y-%m"), "xsd:gYearMonth"),
        "starts-this-month": (today.strftime("%Y-%m"), None, "xsd:gYearMonth"),
        "starts-next-year": (str(today.year + 1), None, "xsd:gYear"),
        "started-today": (today.isoformat(), None, "xsd:date"),
    }
    xsd = "http://www.w3.org/2001/XMLSchema#"
    lines = []
    for number, (start, end, datatype) in cases.items():
        iri = f"<{soroe}/identifiers/{number}>"
        period = f"<{soroe}/identifiers/{number}/validDuring>"
        lines += [
            f"<{soroe}> <http://www.w3.org/ns/adms#identifier> {iri} .",
            f"{iri} <http://purl.org/dc/terms/conformsTo> "
            "<https://w3id.org/muniorg/vocab/identifier-scheme/dk-cvr> .",
            f'{iri} <http://www.w3.org/2004/02/skos/core#notation> "{number}" .',
            f"{iri} <http://purl.org/dc/terms/temporal> {period} .",
        ]
        for key, value in (("startDate", start), ("endDate", end)):
            if value is not None:
                typed = f"<{xsd}{datatype.removeprefix('xsd:')}>"
                lines.append(f'{period} <http://www.w3.org/ns/dcat#{key}> "{value}"^^{typed} .')
    extra = "\n".join(lines) + "\n"
    rows = answers(examples_dist, prefixes, numbers, extra)
    valid = {r["number"] for r in rows if r["municipality"] == soroe}
    assert valid == {
        "29189994",
        "ends-this-year",
        "ends-this-month",
        "starts-this-month",
        "started-today",
    }
    generated = answers(generated_dist, prefixes, numbers)
    assert generated and all(r["number"].isdigit() for r in generated)


def test_the_consumer_guides_values_by_municipality(examples_dist: Path) -> None:
    _, prefixes, (*_, values, _) = guide_parts()
    rows = answers(examples_dist, prefixes, values)
    by_municipality: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        by_municipality.setdefault(row["name"], []).append((row["position"], row["valueName"]))
    assert by_municipality == {
        "Glostrup Municipality": [("1", "reciprocity")],
        "Sorø Municipality": [
            ("1", "trustworthiness"),
            ("2", "commitment and joy in work"),
            ("3", "openness"),
            ("4", "dialogue and recognition"),
        ],
    }
