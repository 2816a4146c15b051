"""Personal data: persons' contact details and non-public persons are not published by default.

The promise (muniorg.rdf.privacy, docs/security.md): build and export leave out every person's
e-mail and telephone, and drop persons marked ``public: false`` with every reference to them;
``--include-personal-data`` publishes everything as authored. Validation sees the full data,
and what is published still validates.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from muniorg.cli.app import cli
from muniorg.formats.format import RdfFormat
from muniorg.formats.rdf import read_graph
from muniorg.model.classes import Document, Municipality, Person, Post
from muniorg.publish.build import build
from muniorg.publish.convert import convert_paths
from muniorg.publish.render import publication
from muniorg.rdf.graph import to_graph
from muniorg.rdf.privacy import hidden_people, redact, redact_graph
from muniorg.validation.run import validate_graph

SCHEMA = "http://schema.org/"
FOAF_NAME = URIRef("http://xmlns.com/foaf/0.1/name")
HELD_BY = URIRef("http://www.w3.org/ns/org#heldBy")

#: A municipality with a public person with contact details, a non-public person who holds a
#: post and wrote a document, and an organisation contact point (not personal data).
AUTHORED = """\
type: Municipality
id: x
name: {da: X Kommune, en: X}
country: DNK
contactPoints:
  - {id: town-hall, email: [post@x.dk], telephone: ["+45 11 22 33 44"]}
people:
  - id: anna
    name: Anna Andersen
    email: [anna@x.dk]
    telephone: ["+45 55 66 77 88"]
  - id: bo
    name: Bo Berg
    givenName: Bo
    email: [bo@x.dk]
    public: false
posts:
  - {id: mayor, name: {da: Borgmester}, role: mayor, heldBy: [anna, bo]}
  - {id: director, name: {da: Kommunaldirektør}, role: municipal-director, heldBy: [bo]}
documents:
  - {id: plan, title: {da: Plan}, creators: [anna, bo]}
"""
ANNA = "https://w3id.org/muniorg/id/dk/x/anna"
BO = "https://w3id.org/muniorg/id/dk/x/bo"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "x.yaml").write_text(AUTHORED, encoding="utf-8")
    return folder


def sample() -> Municipality:
    return Municipality(
        id="https://ex.org/m",
        name={"da": "M"},
        country="DNK",
        people=[
            Person(id="https://ex.org/a", name="A", email=["a@ex.org"], telephone=["+45 1"]),
            Person(id="https://ex.org/b", name="B", familyName="B", public=False),
        ],
        posts=[
            Post(
                id="https://ex.org/post",
                name={"da": "P"},
                role=["mayor"],
                heldBy=["https://ex.org/b"],
            )
        ],
        documents=[
            Document(
                id="https://ex.org/doc",
                title={"da": "D"},
                creators=["https://ex.org/a", "https://ex.org/b"],
            )
        ],
    )


def test_redact_removes_contacts_and_hidden_people() -> None:
    node = sample()
    public = redact(node)
    assert [(p.id, p.email, p.telephone) for p in public.people] == [("https://ex.org/a", [], [])]
    assert public.posts[0].heldBy == []
    assert public.documents[0].creators == ["https://ex.org/a"]
    assert node == sample(), "redact returns a copy and leaves its argument alone"


def test_include_personal_data_keeps_everything() -> None:
    assert redact(sample(), include_personal_data=True) == sample()


def test_hidden_people_across_documents() -> None:
    """A reference from another document to a hidden person is dropped too."""
    other = Municipality(
        id="https://ex.org/n",
        name={"da": "N"},
        country="DNK",
        posts=[Post(id="https://ex.org/n/p", name={"da": "P"}, heldBy=["https://ex.org/b"])],
    )
    hidden = hidden_people([sample(), other])
    assert hidden == {"https://ex.org/b"}
    assert redact(other, hidden=hidden).posts[0].heldBy == []
    assert redact(other).posts[0].heldBy == ["https://ex.org/b"]  # without the set: not known


def test_a_hidden_person_alone_is_read_back_without_values() -> None:
    """redact() and publication() read the redacted graph back with read_node: a person the rule
    hides leaves no triple, which from_graph refuses (QA F12) but these callers expect."""
    person = Person(id="https://ex.org/p", name="Bo", email=["bo@ex.org"], public=False)
    assert list(redact_graph(to_graph(person))) == []
    assert redact(person) == Person(id="https://ex.org/p")
    published = publication([person], [to_graph(person)])
    assert published[0].roots == [Person(id="https://ex.org/p")] and len(published[0].graph) == 0


def test_redact_graph_matches_redact() -> None:
    graph = to_graph(sample())
    assert set(redact_graph(graph)) == set(to_graph(redact(sample())))
    assert set(redact_graph(graph, include_personal_data=True)) == set(graph)


def test_redacted_data_still_validates() -> None:
    """Dropping the non-public person (not just its name) keeps the published data valid: the
    only result that goes away is the hint about that person."""
    full = {(r.focus_node, r.message) for r in validate_graph(to_graph(sample())).results}
    public = {(r.focus_node, r.message) for r in validate_graph(to_graph(redact(sample()))).results}
    assert public < full
    assert {focus for focus, _ in full - public} == {"https://ex.org/b"}
    assert validate_graph(to_graph(redact(sample()))).conforms


def published_triples(folder: Path) -> set[tuple[object, ...]]:
    return set(read_graph(folder / "muniorg-dataset.nt"))


def test_build_publishes_no_personal_data(source: Path, tmp_path: Path) -> None:
    result = build([source], tmp_path / "out")
    assert result.published
    assert result.report.conforms, result.report.results
    graph = read_graph(tmp_path / "out" / "muniorg-dataset.nt")
    assert (URIRef(ANNA), FOAF_NAME, Literal("Anna Andersen")) in graph
    assert not list(graph.triples((URIRef(ANNA), URIRef(SCHEMA + "email"), None)))
    assert not list(graph.triples((URIRef(ANNA), URIRef(SCHEMA + "telephone"), None)))
    assert not list(graph.triples((URIRef(BO), None, None)))
    assert not list(graph.triples((None, None, URIRef(BO))))
    assert (None, HELD_BY, URIRef(ANNA)) in graph
    # The organisation's contact point is not personal data.
    assert Literal("post@x.dk") in set(graph.objects())
    for path in (tmp_path / "out").iterdir():
        text = path.read_text(encoding="utf-8")
        for secret in ("anna@x.dk", "55 66 77 88", "Bo Berg", "bo@x.dk", "/x/bo"):
            assert secret not in text, (path.name, secret)
    # What was published validates on its own.
    assert validate_graph(graph).conforms


def test_build_counts_the_triples_it_publishes(source: Path, tmp_path: Path) -> None:
    """The build's triple count is what the documents' files hold, after privacy."""
    full = build([source], tmp_path / "full", include_personal_data=True)
    public = build([source], tmp_path / "public")
    assert public.triples == len(read_graph(tmp_path / "public" / "x.nt"))
    assert full.triples == len(read_graph(tmp_path / "full" / "x.nt"))
    assert public.triples < full.triples


def test_publication_applies_the_privacy_rule_to_the_graphs() -> None:
    """Each published graph is its document's graph with the rule applied once (with the persons
    hidden in any document); the model is read back from it, so JSON-LD and graph say the same."""
    other = Municipality(
        id="https://ex.org/n",
        name={"da": "N"},
        country="DNK",
        posts=[Post(id="https://ex.org/n/p", name={"da": "P"}, heldBy=["https://ex.org/b"])],
    )
    person = sample()
    graphs = [to_graph(other), to_graph(person)]
    published = publication([other, person], graphs)
    hidden = hidden_people([other, person])
    for unit, graph in zip(published, graphs, strict=True):
        assert set(unit.graph) == set(redact_graph(graph, hidden=hidden))
        assert set(to_graph(*unit.roots)) == set(unit.graph)
    assert published[0].roots[0].posts[0].heldBy == []  # Bo is hidden in the other document
    assert published[1].roots[0] == redact(person)
    full = publication([other, person], graphs, include_personal_data=True)
    assert [(u.roots[0], u.graph) for u in full] == [(other, graphs[0]), (person, graphs[1])]


def test_build_validates_the_full_data(source: Path, tmp_path: Path) -> None:
    """Validation runs before redaction: it sees the non-public person (and hints that the name
    stays in the sources), though the person is not published."""
    result = build([source], tmp_path / "out")
    assert result.published
    hints = [r for r in result.report.results if r.focus_node == BO]
    assert [r.severity.label for r in hints] == ["info"]
    assert "public: false" in hints[0].message


def test_build_cli_include_personal_data(source: Path, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "anna@x.dk" not in (out / "x.ttl").read_text(encoding="utf-8")
    result = runner.invoke(cli, ["build", str(source), "-o", str(out), "--include-personal-data"])
    assert result.exit_code == 0, result.output
    text = (out / "x.ttl").read_text(encoding="utf-8")
    for secret in ("anna@x.dk", "Bo Berg", "bo@x.dk"):
        assert secret in text


@pytest.mark.parametrize("fmt", ["jsonld", "turtle", "ntriples"])
def test_export_of_yaml_publishes_no_personal_data(
    source: Path, tmp_path: Path, runner: CliRunner, fmt: str
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(cli, ["export", str(source / "x.yaml"), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / f"x{RdfFormat(fmt).extension}").read_text(encoding="utf-8")
    assert "Anna Andersen" in text
    for secret in ("anna@x.dk", "Bo Berg", "bo@x.dk", "/x/bo"):
        assert secret not in text
    result = runner.invoke(
        cli,
        [
            *("export", str(source / "x.yaml"), "--format", fmt, "-o", str(out)),
            "--include-personal-data",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "bo@x.dk" in (out / f"x{RdfFormat(fmt).extension}").read_text(encoding="utf-8")


def test_export_of_rdf_publishes_no_personal_data(source: Path, tmp_path: Path) -> None:
    """RDF inputs (someone else's data) are redacted on the graph."""
    full = convert_paths(
        [source / "x.yaml"], RdfFormat.TURTLE, tmp_path / "full", include_personal_data=True
    )[0]
    assert "bo@x.dk" in full.read_text(encoding="utf-8")
    for fmt in (RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.JSONLD):
        written = convert_paths([full], fmt, tmp_path / fmt.value)[0]
        text = written.read_text(encoding="utf-8")
        assert "Anna Andersen" in text
        for secret in ("anna@x.dk", "Bo Berg", "bo@x.dk"):
            assert secret not in text, (fmt, secret)
    kept = convert_paths([full], RdfFormat.NTRIPLES, tmp_path / "kept", include_personal_data=True)
    graph = read_graph(kept[0])
    assert (URIRef(BO), RDF.type, URIRef("http://xmlns.com/foaf/0.1/Person")) in graph


# --- a hidden person vanishes from every triple: issue 17 -------------------------------------

#: Bo (not public) is a creator, a council member (with a period) and an award recipient
#: (with the name given again); Anna (public) is a member too.
EVERYWHERE = """\
type: Municipality
id: y
name: {da: Y Kommune, en: Y}
country: DNK
people:
  - {id: anna, name: Anna Andersen}
  - {id: bo, name: Bo Berg, public: false}
council:
  name: {da: Kommunalbestyrelsen}
  memberships:
    - {member: anna, role: body-chair}
    - {member: bo, period: {start: "2022-01-01"}}
awardSchemes:
  - name: {da: Prisen}
    awards:
      - {year: 2023, recipient: bo, recipientName: Bo Berg}
documents:
  - {id: plan, title: {da: Plan}, creators: [bo]}
"""
BO_Y = "https://w3id.org/muniorg/id/dk/y/bo"


def _texts(folder: Path) -> str:
    return "".join(p.read_text("utf-8") for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.mark.parametrize("command", ["build", "export-turtle", "export-jsonld", "export-ntriples"])
def test_hidden_person_vanishes_everywhere(tmp_path: Path, command: str) -> None:
    (tmp_path / "y.yaml").write_text(EVERYWHERE, encoding="utf-8")
    out = tmp_path / "out"
    if command == "build":
        args = ["build", str(tmp_path / "y.yaml"), "-o", str(out)]
    else:
        args = ["export", str(tmp_path / "y.yaml"), "--format", command[7:], "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = _texts(out)
    assert "Bo Berg" not in text
    assert "/y/bo" not in text
    assert "2022-01-01" not in text, "the hidden person's membership goes with them"
    assert "Anna Andersen" in text and "/y/anna" in text
    assert "2023" in text, "the award itself stays, without its recipient"


def test_published_data_without_the_hidden_person_validates(tmp_path: Path) -> None:
    (tmp_path / "y.yaml").write_text(EVERYWHERE, encoding="utf-8")
    out = tmp_path / "out"
    assert build([tmp_path / "y.yaml"], out).published
    graph = read_graph(out / "y.ttl")
    assert not any(BO_Y in str(term) for triple in graph for term in triple)
    assert validate_graph(graph).conforms


def test_rdf_export_redacts_schema_foaf_and_vcard(tmp_path: Path) -> None:
    """Other publishers' persons: schema:Person, foaf:mbox/phone, vCard e-mail nodes."""
    source = tmp_path / "people.ttl"
    source.write_text(
        """\
@prefix schema: <http://schema.org/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
<https://ex.org/p1> a schema:Person ; schema:name "Pia" ; schema:email "pia@ex.org" ;
    foaf:mbox <mailto:pia@ex.org> ; foaf:phone <tel:+4511> ;
    vcard:hasEmail [ vcard:value <mailto:pia.v@ex.org> ] ;
    vcard:hasTelephone [ vcard:value <tel:+4522> ] .
<https://ex.org/p2> a foaf:Person ; foaf:name "Per" ;
    <https://w3id.org/muniorg#public> false .
<https://ex.org/doc> <http://purl.org/dc/terms/creator> <https://ex.org/p2> ;
    <http://purl.org/dc/terms/title> "Plan" .
""",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["export", str(source), "--format", "ntriples", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = (out / "people.nt").read_text("utf-8")
    for secret in ("pia@ex.org", "pia.v@ex.org", "+4511", "+4522", '"Per"', "ex.org/p2"):
        assert secret not in text, secret
    assert '"Pia"' in text and '"Plan"' in text
    kept = CliRunner().invoke(
        cli,
        ["export", str(source), "--format", "ntriples", "-o", str(out), "--include-personal-data"],
    )
    assert kept.exit_code == 0 and "pia.v@ex.org" in (out / "people.nt").read_text("utf-8")


def test_a_graph_with_nothing_to_leave_out_is_copied_whole_and_in_order() -> None:
    """redact_graph's fast path (nothing dropped, nothing removed) copies the store's index:
    the same triples in the same order, in a graph of its own."""
    graph = to_graph(
        Municipality(id="https://ex.org/m", name={"da": "M", "en": "M"}, country="DNK")
    )
    copy = redact_graph(graph)
    assert list(copy) == list(graph) and copy is not graph
    copy.add((URIRef("https://ex.org/m"), URIRef("https://ex.org/p"), Literal("x")))
    assert len(copy) == len(graph) + 1
    assert dict(copy.namespaces()) == dict(graph.namespaces())
