"""The build: examples -> published files; deterministic; atomic; refuses invalid data."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLE_PAGES
from rdflib import Graph
from rdflib.compare import isomorphic

from muniorg.core.namespaces import new_graph
from muniorg.formats.format import RdfFormat
from muniorg.formats.jsonld import jsonld_to_graph
from muniorg.formats.rdf import read_graph, serialize
from muniorg.publish.build import build

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SLUGS = [
    "glostrup",
    "muniorg-dataset",
    "norrtaelje",
    "saman-om-ein-betre-kommune",
    "soroe",
    "stord",
]


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "dist"
    result = build([EXAMPLES], out, allow_invalid=True)
    assert result.published
    return out


def test_build_writes_every_file(dist):
    names = sorted(p.name for p in dist.iterdir())
    expected = sorted(
        [f"{slug}{ext}" for slug in SLUGS for ext in (".jsonld", ".ttl", ".nt")]
        + ["context.jsonld", "catalog.ttl", "catalog.nt", ".muniorg-manifest.json"]
        + ["authoring-schema.json"]  # next to the context, for editors (docs/authoring.md)
        + ["frame-municipality.jsonld", "frame-programme.jsonld"]  # views (docs/consumers.md)
        + [
            f"{slug}{ext}"
            for slug in ("ontology", "vocabularies")
            for ext in (".jsonld", ".ttl", ".nt")
        ]
        + ["index.html", "site.css", "site.js", "site.json"]  # the site (tests/test_site.py)
        + [f"{slug}.{lang}.html" for slug, langs in EXAMPLE_PAGES.items() for lang in langs]
    )
    assert names == expected


def test_build_publishes_the_authoring_schema_next_to_the_context(dist):
    from muniorg.core.resources import AUTHORING_SCHEMA_FILE, AUTHORING_SCHEMA_IRI, CONTEXT_IRI

    published = dist / "authoring-schema.json"
    assert published.read_bytes() == AUTHORING_SCHEMA_FILE.read_bytes()
    assert json.loads(published.read_text("utf-8"))["$id"] == AUTHORING_SCHEMA_IRI
    assert AUTHORING_SCHEMA_IRI.replace("authoring-schema.json", "context.jsonld") == CONTEXT_IRI
    assert (dist / "context.jsonld").is_file()


@pytest.mark.parametrize("slug", SLUGS)
def test_jsonld_expands_to_the_turtle_graph(dist, slug):
    """An independent JSON-LD processor (pyld) reads each document as the same graph."""
    from_jsonld = jsonld_to_graph(json.loads((dist / f"{slug}.jsonld").read_text(encoding="utf-8")))
    from_turtle = Graph().parse(dist / f"{slug}.ttl", format="turtle")
    from_nt = Graph().parse(dist / f"{slug}.nt", format="nt")
    assert len(from_turtle) > 50
    assert isomorphic(from_turtle, from_nt)
    assert isomorphic(from_jsonld, from_turtle), sorted(set(from_jsonld) ^ set(from_turtle))[:5]


@pytest.mark.parametrize("fmt", [RdfFormat.NTRIPLES, RdfFormat.TURTLE])
def test_whole_data_set_is_the_merged_documents(dist, fmt):
    """The whole data set's N-Triples (merged from the documents' lines, an optimisation) and
    Turtle are, byte for byte, the merged graph of the documents' files serialised."""
    merged = new_graph()
    for slug in SLUGS:
        if slug != "muniorg-dataset":
            merged += read_graph(dist / f"{slug}.nt")
    written = (dist / f"muniorg-dataset{fmt.extension}").read_text(encoding="utf-8")
    assert written == serialize(merged, fmt)


def test_build_is_deterministic(dist, tmp_path):
    """The same bytes again, and with two processes instead of one."""
    again = tmp_path / "again"
    build([EXAMPLES], again, allow_invalid=True, jobs=2)
    assert sorted(p.name for p in again.iterdir()) == sorted(p.name for p in dist.iterdir())
    for path in sorted(dist.iterdir()):
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_violations_stop_publication_and_keep_old_output(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "x.yaml").write_text(
        "type: Municipality\nid: x\nname: {da: X}\ncountry: DNK\n"
        "identifiers:\n  - {scheme: dk-cvr, notation: '29189995'}\n",  # wrong check digit
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build([EXAMPLES / "municipalities" / "stord.yaml"], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = build([src], out)
    assert not result.published
    assert result.report.counts()[result.report.results[0].severity.VIOLATION] >= 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_build_replaces_output_whole(tmp_path):
    """What an earlier build published and this one does not is removed; nothing else is."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "x.yaml").write_text(
        "type: Municipality\nid: x\nname: {da: X, en: X}\ncountry: DNK\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    build([EXAMPLES / "municipalities" / "stord.yaml"], out)
    assert (out / "stord.ttl").exists()
    build([src], out)
    assert not (out / "stord.ttl").exists()
    assert (out / "x.ttl").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]  # no staging left behind


@pytest.mark.slow
def test_killed_build_leaves_previous_output(tmp_path):
    """SIGKILL a build midway: the previous output folder is untouched."""
    out = tmp_path / "dist"
    build([EXAMPLES], out, allow_invalid=True)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "import muniorg.publish.build as b, muniorg.formats.output_folder as f\n"
        "real = f._exchange\n"
        "def slow(staging, out):\n"
        "    print('staged', flush=True); time.sleep(60); real(staging, out)\n"
        "f._exchange = slow\n"
        f"b.build([Path({str(EXAMPLES)!r})], Path({str(out)!r}), allow_invalid=True)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "staged"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before
    time.sleep(0)


def test_turtle_is_the_same_text_for_the_same_graph_blank_nodes_included(tmp_path):
    """Blank nodes get fresh ids on every parse; the Turtle written from them does not change."""
    from muniorg.formats.format import RdfFormat
    from muniorg.formats.rdf import read_graph, serialize

    source = tmp_path / "b.ttl"
    source.write_text(
        "@prefix ex: <http://example.org/> .\n"
        'ex:a ex:p [ ex:q "1" ; ex:r [ ex:s "2" ] ] .\nex:b ex:p [ ex:q "3" ] .\n',
        encoding="utf-8",
    )
    first, second = (serialize(read_graph(source), RdfFormat.TURTLE) for _ in range(2))
    assert first == second
    assert isomorphic(Graph().parse(data=first, format="turtle"), read_graph(source))


def test_ntriples_is_the_same_text_for_the_same_graph_blank_nodes_included(tmp_path):
    from muniorg.formats.format import RdfFormat
    from muniorg.formats.rdf import read_graph, serialize

    source = tmp_path / "b.ttl"
    source.write_text(
        '@prefix ex: <https://ex.org/> .\nex:a ex:p [ ex:q "x"@en ; ex:r [ ex:s "y" ] ] .\n',
        encoding="utf-8",
    )
    first, second = (serialize(read_graph(source), RdfFormat.NTRIPLES) for _ in range(2))
    assert first == second and "_:b0" in first


def test_a_load_error_goes_to_the_report_in_its_format(tmp_path):
    """A CI step uploads the report (SARIF ...): an unreadable input is in it too (#16)."""
    import json

    from click.testing import CliRunner

    from muniorg.cli.app import cli

    bad = tmp_path / "bad.yaml"
    bad.write_text("type: Municipality\nid: x\nnmae: {da: X}\ncountry: DNK\n", encoding="utf-8")
    report = tmp_path / "report.sarif"
    out = tmp_path / "dist"
    result = CliRunner().invoke(
        cli,
        ["build", str(bad), "-o", str(out), "--report-format", "sarif", "--report", str(report)],
    )
    assert result.exit_code == 2
    [run] = json.loads(report.read_text(encoding="utf-8"))["runs"]
    [finding] = run["results"]
    assert "unknown key 'nmae'" in finding["message"]["text"]
    region = finding["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 1)
    assert not out.exists()


def test_a_file_named_twice_is_built_once(tmp_path):
    """`muniorg build examples examples/municipalities/soroe.yaml`: no 'duplicate id' error."""
    soroe = EXAMPLES / "municipalities" / "soroe.yaml"
    result = build([EXAMPLES, soroe, soroe], tmp_path / "out")
    assert result.published and result.documents == 5


def test_a_language_tag_is_written_alike_in_every_format(tmp_path):
    """nb-NO was published as "nb-NO" in N-Triples and JSON-LD and as @nb-no in Turtle (as
    pyoxigraph writes it): one literal, two spellings. Every format writes it in lower case."""
    source = tmp_path / "m.yaml"
    source.write_text(
        "type: Municipality\nid: m\nname: {'nb-NO': Stord kommune, en: Stord}\ncountry: NOR\n"
        "description: {'nb-NO': Ein kommune}\naltName: {'nb-NO': [Stord]}\n",
        encoding="utf-8",
    )
    # with persons' data, what is written is the authored model, not the one read back
    for personal in (False, True):
        out = tmp_path / f"out-{personal}"
        build([source], out, include_personal_data=personal)
        for name in ("m", "muniorg-dataset"):
            for suffix in (".nt", ".ttl", ".jsonld"):
                text = (out / f"{name}{suffix}").read_text(encoding="utf-8")
                assert "nb-NO" not in text, name + suffix
                wanted = '"nb-no": "Stord' if suffix == ".jsonld" else '"Stord kommune"@nb-no'
                assert wanted in text, name + suffix
        # the JSON-LD a page embeds (the data and the schema.org summary), not its HTML
        page = (out / "m.nb-NO.html").read_text(encoding="utf-8")
        scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
        assert len(scripts) >= 2 and not any("nb-NO" in s for s in scripts), personal
        # ... and the page in that language shows its texts, not the English ones
        assert "<h1>Stord kommune</h1>" in page, personal
        assert '<p class="description">Ein kommune</p>' in page, personal
