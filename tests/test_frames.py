"""The JSON-LD frames shipped with the context (#12) give the common views of every example and
of generated data: a municipality with its units and posts (and who holds them), a programme
with its participants. pyld frames offline, with muniorg's document loader (which serves the
bundled context and frames by their IRIs and refuses everything else).

What is checked against the ``.nt`` beside each file: every unit (``muniorg:council``,
``org:hasUnit`` and ``muniorg:coDeterminationBody``, to the depth the frame goes) and post
(``org:hasPost``) of a municipality, and every membership in a
programme, is in the framed view, with its name; the posts keep the order of the published
document.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld as pyld
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import FOAF, ORG, SKOS

from muniorg.core.namespaces import MUNIORG
from muniorg.core.resources import CONTEXT_IRI, FRAME_FILES, FRAME_IRIS
from muniorg.formats.jsonld import local_document_loader

ROOT = Path(__file__).resolve().parents[1]

#: How deep the municipality frame nests units below the municipality (a department, its units
#: and theirs; the council, its committees and their units).
UNIT_DEPTH = 3


def frame(path: Path, view: str) -> dict[str, Any]:
    document = json.loads(path.read_text(encoding="utf-8"))
    options = {"documentLoader": local_document_loader()}
    framed: dict[str, Any] = pyld.frame(document, FRAME_IRIS[view], options)
    return framed


def top_nodes(framed: dict[str, Any]) -> list[dict[str, Any]]:
    return list(framed.get("@graph", [framed]))


def listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def framed_views(
    dist: Path, cls: URIRef, view: str
) -> Iterator[tuple[Path, Graph, URIRef, dict[str, Any]]]:
    """Each node of ``cls`` in each published JSON-LD document, framed with the frame ``view``:
    the document, its graph (its ``.nt``), the node and its view. Every node of ``cls``, and
    only those, is at the top of the view."""
    for path in sorted(dist.glob("*.jsonld")):
        if path.name == "context.jsonld" or not path.with_suffix(".nt").exists():
            continue
        graph = Graph().parse(path.with_suffix(".nt"), format="nt")
        nodes = sorted(s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef))
        if not nodes:
            continue
        views = {node["id"]: node for node in top_nodes(frame(path, view))}
        assert set(views) == set(map(str, nodes)), path.name
        for node in nodes:
            yield path, graph, node, views[str(node)]


#: Units three levels down under a municipality's departments and co-determination bodies,
#: which neither the examples nor the generated data have: the frame must reach every level it
#: promises. Added to Sorø, which has neither key.
DEEP_UNITS = """
departments:
  - id: dep-a
    name: {da: Center A, en: Centre A}
    units:
      - id: dep-b
        name: {da: Afdeling B, en: Section B}
        units:
          - id: dep-c
            name: {da: Team C, en: Team C}
            posts:
              - id: dep-c-head
                name: {en: head of team C}
                role: head-of-department
coDeterminationBodies:
  - id: med-a
    name: {da: MED A, en: MED A}
    units:
      - id: med-b
        name: {da: MED B, en: MED B}
        units:
          - id: med-c
            name: {da: MED C, en: MED C}
"""


@pytest.fixture(scope="module")
def deep_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples, with units three levels down added to Sorø."""
    from muniorg.publish.build import build

    folder = tmp_path_factory.mktemp("deep")
    shutil.copytree(ROOT / "examples", folder / "src")
    soroe = folder / "src" / "municipalities" / "soroe.yaml"
    text = soroe.read_text(encoding="utf-8")
    assert "\ndepartments:" not in text and "\ncoDeterminationBodies:" not in text
    soroe.write_text(text + DEEP_UNITS, encoding="utf-8")
    assert build([folder / "src"], folder / "dist", allow_invalid=True).published
    graph = Graph().parse(folder / "dist" / "soroe.nt", format="nt")
    assert (None, ORG.hasUnit, URIRef("https://w3id.org/muniorg/id/dk/340/dep-c")) in graph
    return folder / "dist"


@pytest.fixture(params=["examples", "generated", "deep"])
def dist(request: pytest.FixtureRequest) -> Path:
    folder: Path = request.getfixturevalue(f"{request.param}_dist")
    return folder


def test_frames_are_shipped_next_to_the_context() -> None:
    for name, path in FRAME_FILES.items():
        frame_document = json.loads(path.read_text(encoding="utf-8"))
        context = frame_document["@context"]
        assert context == CONTEXT_IRI or context[0] == CONTEXT_IRI, name
        assert FRAME_IRIS[name] == CONTEXT_IRI.rsplit("/", 1)[0] + f"/frame-{name}.jsonld"


#: The keys the units of a municipality (council, departments, co-determination bodies) and of a
#: council or department (committees, units) come back under after framing.
UNIT_KEYS = ("council", "departments", "coDeterminationBodies", "committees", "units")

#: A municipality's units: its council and co-determination bodies have their own sub-properties
#: of org:hasUnit (docs/consumers.md), each framed under its own key.
MUNICIPALITY_UNITS = {
    "council": MUNIORG.council,
    "departments": ORG.hasUnit,
    "coDeterminationBodies": MUNIORG.coDeterminationBody,
}


def units_in(node: dict[str, Any], depth: int) -> Iterator[dict[str, Any]]:
    """The units framed under ``node``, ``depth`` levels down."""
    if depth == 0:
        return
    for key in UNIT_KEYS:
        for unit in listed(node.get(key)):
            yield unit
            yield from units_in(unit, depth - 1)


def test_municipality_view(dist: Path) -> None:
    checked = 0
    for path, graph, municipality, view in framed_views(dist, MUNIORG.Municipality, "municipality"):
        assert view["name"] == {
            o.language: str(o) for o in graph.objects(municipality, SKOS.prefLabel)
        }
        # units: the municipality's, their units and those units' units
        # each of the municipality's units under its own key
        for key, path_iri in MUNICIPALITY_UNITS.items():
            framed_ids = {u["id"] for u in listed(view.get(key))}
            assert framed_ids == set(map(str, graph.objects(municipality, path_iri))), key
        level = {u for p in MUNICIPALITY_UNITS.values() for u in graph.objects(municipality, p)}
        expected = set(level)
        for _ in range(UNIT_DEPTH - 1):
            level = {u for s in level for u in graph.objects(s, ORG.hasUnit)}
            expected |= level
        framed_units = {u["id"]: u for u in units_in(view, UNIT_DEPTH)}
        assert set(framed_units) == set(map(str, expected)), path.name
        for iri, unit in framed_units.items():
            assert unit.get("name") or not graph.value(URIRef(iri), SKOS.prefLabel), iri
        # posts: of the municipality and of every unit, with who holds them
        holders = {municipality: view} | {URIRef(i): u for i, u in framed_units.items()}
        for owner, node in holders.items():
            posts = [p["id"] for p in listed(node.get("posts"))]
            assert sorted(posts) == sorted(map(str, graph.objects(owner, ORG.hasPost)))
            for post in listed(node.get("posts")):
                held = {h["id"]: h for h in listed(post.get("heldBy"))}
                assert set(held) == set(map(str, graph.objects(URIRef(post["id"]), ORG.heldBy)))
                for iri, person in held.items():
                    name = graph.value(URIRef(iri), FOAF.name)
                    assert person.get("name") == (str(name) if name else None), iri
                    checked += 1 if name else 0
        # the posts keep the published document's order
        if path.stem != "muniorg-dataset":
            published = json.loads(path.read_text(encoding="utf-8"))
            order = [p["id"] for p in published.get("posts", [])]
            assert [p["id"] for p in listed(view.get("posts"))] == order
    assert checked >= 3  # posts with a named holder were framed


def test_programme_view(dist: Path) -> None:
    found = 0
    for path, graph, programme, view in framed_views(
        dist, MUNIORG.CooperationProgramme, "programme"
    ):
        assert "memberships" not in view and "@reverse" not in view
        memberships = {str(m) for m in graph.subjects(MUNIORG.programme, programme)}
        framed = {m["id"]: m for m in listed(view.get("participants"))}
        assert set(framed) == memberships, path.name
        for iri, membership in framed.items():
            member = graph.value(URIRef(iri), ORG.member)
            assert membership["member"]["id"] == str(member)
            names = {o.language: str(o) for o in graph.objects(member, SKOS.prefLabel)}
            if names:  # described in the same file (the whole data set)
                assert membership["member"]["name"] == names
                found += 1
    if dist.name == "dist" and any(dist.glob("saman-*.jsonld")):
        assert found >= 1  # the data set names Stord, a participant
