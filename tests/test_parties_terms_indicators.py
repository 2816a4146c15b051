"""Parties and seats, terms of office, contact points of units, adoption of strategies,
indicators with targets and ``sameAs`` links (#16): every new key loads from YAML with its
position, validates (good and bad values, with messages), survives YAML -> graph -> JSON-LD ->
graph, and is in both JSON Schemas."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG, XSD

from muniorg.authoring.load import load_paths
from muniorg.core.errors import AuthoringErrors, ModelError, MuniorgError
from muniorg.core.namespaces import CV, MUNIORG, SCHEMA
from muniorg.core.resources import AUTHORING_SCHEMA_FILE
from muniorg.formats.jsonld import dumps, jsonld_to_graph
from muniorg.formats.yaml import load_yaml, plain
from muniorg.model.classes import (
    Indicator,
    Membership,
    Municipality,
    Organisation,
    Post,
    Strategy,
    Target,
)
from muniorg.rdf.document import SourceDocument
from muniorg.rdf.graph import ReadResult, read_node, to_graph
from muniorg.rdf.jsonld import to_jsonld
from muniorg.validation.run import validate_documents

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/muniorg/id/dk/999"

# A made-up municipality (code 999 is in no registry): the seed pages name no parties, terms,
# unit addresses, adoptions, indicators or Wikidata items, so the examples cannot show them.
DOCUMENT = """\
type: Municipality
id: m
name: {da: Eksempel Kommune, en: Example Municipality}
country: DNK
identifiers:
  - {scheme: dk-kommunekode, notation: "999"}
sameAs: [http://www.wikidata.org/entity/Q1748]
area:
  name: {da: Eksempel}
  regions:
    - name: {da: Region Eksempel}
      kind: region
      sameAs: [http://www.wikidata.org/entity/Q2]
council:
  id: byraad
  name: {da: Byrådet, en: Municipal Council}
  seats: 25
  contactPoints:
    - email: [byraad@example.org]
  postalAddress: {poBox: Postboks 1, postCode: "1234"}
  visitingAddress: {thoroughfare: {da: Torvet}, locatorDesignator: "1"}
  politicalParties:
    - id: parti-a
      name: {da: Parti A}
      kind: political-party
      sameAs: [http://www.wikidata.org/entity/Q3]
    - id: liste-b
      name: {da: Liste B}
      kind: political-party
  memberships:
    - member: parti-a
      role: party-group
      seats: 13
      period: {start: "2022-01-01", end: "2025-12-31"}
    - member: liste-b
      role: party-group
      seats: 12
    - member: anna
      role: council-member
      party: liste-b
  committees:
    - id: oekonomiudvalget
      name: {da: Økonomiudvalget}
      contactPoints:
        - telephone: ["+45 11 22 33 44"]
posts:
  - id: borgmester
    name: {da: borgmester}
    role: mayor
    heldBy: [anna]
    term: {start: "2022-01-01", end: "2025-12-31"}
people:
  - id: anna
    name: Anna Andersen
departments:
  - id: skole
    name: {da: Skole, en: Schools}
    kind: department
    visitingAddress: {thoroughfare: {da: Skolevej}}
strategies:
  - id: strategi
    name: {da: Strategi}
    kind: [vision]
    period: {start: "2022", end: "2025"}
    adopted: 2022-06
    adoptedBy: byraad
    goals:
      - name: {da: Færre sygedage}
        indicators:
          - name: {da: Sygedage pr. medarbejder}
            unit: dage pr. år
            targets:
              - {value: 8, qualifier: at-most, date: "2025", label: {da: højst 8 dage}}
"""


def at(fragment: str, occurrence: int = 1) -> str:
    """``line:column`` where ``fragment`` starts in :data:`DOCUMENT` (its n-th occurrence)."""
    index = -1
    for _ in range(occurrence):
        index = DOCUMENT.index(fragment, index + 1)
    line = DOCUMENT.count("\n", 0, index) + 1
    return f"{line}:{index - DOCUMENT.rfind(chr(10), 0, index)}"


def load(tmp_path: Path, text: str = DOCUMENT) -> SourceDocument:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    [document] = load_paths([path]).documents
    return document


def load_error(tmp_path: Path, old: str, new: str) -> str:
    assert old in DOCUMENT, old
    path = tmp_path / "m.yaml"
    path.write_text(DOCUMENT.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(MuniorgError) as caught:
        load_paths([path])
    err = caught.value
    return "\n".join(str(e) for e in err.errors) if isinstance(err, AuthoringErrors) else str(err)


def problems(tmp_path: Path, old: str, new: str, severity: str) -> list[str]:
    """``location: message`` of the validation results of one severity after a replacement."""
    assert old in DOCUMENT, old
    document = load(tmp_path, DOCUMENT.replace(old, new, 1))
    report = validate_documents([document])
    return [f"{r.location}: {r.message}" for r in report.results if r.severity.label == severity]


# --- loading, with positions ---------------------------------------------------------------------


def test_new_keys_load_into_the_model(tmp_path: Path) -> None:
    root = load(tmp_path).root
    assert isinstance(root, Municipality)
    assert root.sameAs == ["http://www.wikidata.org/entity/Q1748"]
    assert root.area is not None and root.area.regions[0].sameAs == [
        "http://www.wikidata.org/entity/Q2"
    ]
    council = root.council
    assert council is not None
    parties = {p.name["da"]: p for p in council.politicalParties}
    assert sorted(parties) == ["Liste B", "Parti A"]
    assert {p.kind for p in parties.values()} == {"political-party"}
    assert parties["Parti A"].sameAs == ["http://www.wikidata.org/entity/Q3"]
    memberships = {m.member: m for m in council.memberships}
    assert {member: m.seats for member, m in memberships.items()} == {
        f"{BASE}/parti-a": 13,
        f"{BASE}/liste-b": 12,
        f"{BASE}/anna": None,
    }
    assert memberships[f"{BASE}/anna"].party == f"{BASE}/liste-b"
    assert council.contactPoints[0].email == ["byraad@example.org"]
    assert council.postalAddress is not None and council.postalAddress.poBox == "Postboks 1"
    assert council.visitingAddress is not None
    assert council.committees[0].contactPoints[0].telephone == ["+45 11 22 33 44"]
    assert root.departments[0].visitingAddress is not None
    [post] = root.posts
    assert isinstance(post, Post) and post.term is not None
    assert (post.term.start, post.term.end) == ("2022-01-01", "2025-12-31")
    [strategy] = root.strategies
    assert isinstance(strategy, Strategy)
    assert (strategy.adopted, strategy.adoptedBy) == ("2022-06", f"{BASE}/byraad")
    [indicator] = strategy.goals[0].indicators
    assert isinstance(indicator, Indicator) and indicator.unit == "dage pr. år"
    [target] = indicator.targets
    assert isinstance(target, Target)
    assert (target.value, target.qualifier, target.date) == (8, "at-most", "2025")


@pytest.mark.parametrize(
    ("iri", "key", "position"),
    [
        (BASE, "sameAs", at("sameAs: [http://www.wikidata.org/entity/Q1748]")),
        (f"{BASE}/byraad", "contactPoints", at("contactPoints:")),
        (f"{BASE}/byraad", "postalAddress", at("postalAddress:")),
        (f"{BASE}/byraad", "visitingAddress", at("visitingAddress:")),
        (f"{BASE}/byraad", "politicalParties", at("politicalParties:")),
        (f"{BASE}/parti-a", "sameAs", at("sameAs: [http://www.wikidata.org/entity/Q3]")),
        (f"{BASE}/oekonomiudvalget", "contactPoints", at("contactPoints:", 2)),
        (f"{BASE}/borgmester", "term", at("term:")),
        (f"{BASE}/skole", "visitingAddress", at("visitingAddress:", 2)),
        (f"{BASE}/strategi", "adopted", at("adopted:")),
        (f"{BASE}/strategi", "adoptedBy", at("adoptedBy:")),
    ],
)
def test_new_keys_keep_their_position(tmp_path: Path, iri: str, key: str, position: str) -> None:
    document = load(tmp_path)
    assert str(document.locate(iri, key)).endswith(f"m.yaml:{position}")


def test_membership_keys_keep_their_position(tmp_path: Path) -> None:
    document = load(tmp_path)
    root = document.root
    assert isinstance(root, Municipality) and root.council is not None
    memberships = {m.member: m.id for m in root.council.memberships}
    assert str(document.locate(memberships[f"{BASE}/parti-a"], "seats")).endswith(
        f"m.yaml:{at('seats: 13')}"
    )
    assert str(document.locate(memberships[f"{BASE}/anna"], "party")).endswith(
        f"m.yaml:{at('party: liste-b')}"
    )


def test_nested_indicator_and_target_keep_their_position(tmp_path: Path) -> None:
    document = load(tmp_path)
    root = document.root
    assert isinstance(root, Municipality)
    [indicator] = root.strategies[0].goals[0].indicators
    assert str(document.locate(indicator.id, "targets")).endswith(f"m.yaml:{at('targets:')}")
    assert str(document.locate(indicator.targets[0].id, "value")).endswith(
        f"m.yaml:{at('value: 8')}"
    )


# --- validation ----------------------------------------------------------------------------------


def test_the_document_conforms_without_hints_on_the_new_keys(tmp_path: Path) -> None:
    report = validate_documents([load(tmp_path)])
    assert report.conforms
    # Only the municipality's own recommendations (contact points, description ...) remain.
    assert {r.location.line for r in report.results if r.location is not None} <= {1, 6}


def value_at(fragment: str) -> str:
    """``line:column`` of the value of the ``key: value`` line ``fragment``."""
    line, column = at(fragment).split(":")
    return f"{line}:{int(column) + fragment.index(':') + 2}"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "      seats: 12",
            "      seats: -1",
            f"m.yaml:{value_at('seats: 12')}: seats: expected a whole number (0 or more), "
            "got the number -1",
        ),
        (
            "      seats: 12",
            "      seats: twelve",
            f"m.yaml:{value_at('seats: 12')}: seats: expected a whole number",
        ),
        (
            "    adopted: 2022-06",
            "    adopted: soon",
            f"m.yaml:{value_at('adopted: 2022-06')}: adopted: expected a date, month or year "
            "(YYYY-MM-DD, YYYY-MM or YYYY), got 'soon'",
        ),
        (
            "    adoptedBy: byraad",
            "    adoptedBy: nowhere",
            f"m.yaml:{at('adoptedBy: byraad')}: adoptedBy: no object has the id 'nowhere'",
        ),
        (
            "sameAs: [http://www.wikidata.org/entity/Q1748]",
            "sameAs: [Q1748]",
            f"m.yaml:{at('http://www.wikidata.org/entity/Q1748')}: sameAs: expected an id or an "
            "absolute IRI, got 'Q1748'",
        ),
        (
            "{value: 8,",
            "{value: eight,",
            f"m.yaml:{value_at('value: 8')}: value: expected a number, got the text 'eight'",
        ),
        (
            '    term: {start: "2022-01-01", end: "2025-12-31"}',
            "    term: 2022",
            f"m.yaml:{value_at('term: {')}: expected a mapping for a Period, got the number 2022",
        ),
        (
            '    term: {start: "2022-01-01", end: "2025-12-31"}',
            '    term: [{start: "2018"}, {start: "2022"}]',
            f"m.yaml:{value_at('term: {')}: 'term' takes one value, got a list of 2",
        ),
        (
            "{value: 8, ",
            "{",
            f"m.yaml:{at('{value: 8')}: Target needs 'value': The number aimed at, in the "
            "indicator's unit.",
        ),
        (
            "      party: liste-b",
            "      partyy: liste-b",
            f"m.yaml:{at('party: liste-b')}: unknown key 'partyy' in Membership "
            "(did you mean 'party'?)",
        ),
    ],
    ids=[
        "negative-seats",
        "seats-as-text",
        "adopted-as-text",
        "adopted-by-unknown-id",
        "same-as-not-an-iri",
        "target-value-as-text",
        "term-not-a-period",
        "two-terms",
        "target-without-value",
        "misspelt-party",
    ],
)
def test_bad_values_are_load_errors(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert expected in load_error(tmp_path, old, new)


def test_a_party_must_be_an_organisation(tmp_path: Path) -> None:
    [violation] = problems(tmp_path, "      party: liste-b", "      party: anna", "violation")
    assert violation.endswith(
        f"m.yaml:{at('party: liste-b')}: Membership.party: {BASE}/anna is not an "
        "Organisation; give the id of an Organisation described in the same data."
    )


def test_the_seats_of_the_parties_add_up_to_no_more_than_the_council_has(tmp_path: Path) -> None:
    [violation] = problems(tmp_path, "      seats: 13", "      seats: 14", "violation")
    assert violation.endswith(
        f"m.yaml:{at('seats: 25')}: The memberships of the council hold 26 seats in all, more "
        "than its 25 seats: check the seats of its parties and groups."
    )
    # Fewer seats than the council has are fine: not every seat need be described.
    assert problems(tmp_path, "      seats: 13", "      seats: 2", "violation") == []


def test_an_indicator_without_targets_is_a_warning(tmp_path: Path) -> None:
    targets = DOCUMENT[DOCUMENT.index("            targets:") :]
    warnings = problems(tmp_path, targets, "", "warning")
    assert any(
        w.endswith(
            f"m.yaml:{at('name: {da: Sygedage')}: Indicator has no targets: it is "
            "recommended. The values aimed at, each with the date by which."
        )
        for w in warnings
    ), warnings


def test_a_target_without_a_date_is_a_warning(tmp_path: Path) -> None:
    warnings = problems(tmp_path, ' date: "2025",', "", "warning")
    assert any(
        w.endswith(
            f"m.yaml:{at('{value: 8')}: Target has no date: it is recommended. By when the "
            "value should be reached."
        )
        for w in warnings
    ), warnings


# --- round trips ---------------------------------------------------------------------------------


def test_yaml_graph_jsonld_graph_round_trip(tmp_path: Path) -> None:
    root = load(tmp_path).root
    graph = to_graph(root)
    document = json.loads(dumps(to_jsonld(root)))
    back = jsonld_to_graph(document)
    assert isomorphic(graph, back), sorted(set(graph) ^ set(back))[:5]
    result = ReadResult()
    assert read_node(back, root.id, Municipality, result) == root
    assert set(back) == result.consumed


def test_the_graph_says_it_with_the_reused_terms(tmp_path: Path) -> None:
    """The RDF of each new key, so that a wrong path in the shapes fails here too."""
    graph = to_graph(load(tmp_path).root)
    council, party_b = URIRef(f"{BASE}/byraad"), URIRef(f"{BASE}/liste-b")
    wikidata = URIRef("http://www.wikidata.org/entity/Q1748")
    assert (URIRef(BASE), SCHEMA.sameAs, wikidata) in graph
    assert (council, ORG.hasMember, party_b) in graph
    assert (URIRef(f"{BASE}/byraad/memberships/2"), ORG.member, party_b) in graph
    assert (URIRef(f"{BASE}/byraad/memberships/2"), MUNIORG.seats, Literal(12)) in graph
    assert (URIRef(f"{BASE}/byraad/memberships/3"), MUNIORG.onBehalfOf, party_b) in graph
    assert (URIRef(f"{BASE}/borgmester"), MUNIORG.termOfOffice, None) in graph
    assert (council, CV.contactPoint, None) in graph
    assert (council, MUNIORG.postalAddress, None) in graph
    strategy = URIRef(f"{BASE}/strategi")
    assert (strategy, DCTERMS.dateAccepted, Literal("2022-06", datatype=XSD.gYearMonth)) in graph
    assert (strategy, MUNIORG.adoptedBy, council) in graph
    [indicator] = graph.subjects(MUNIORG.target, None)
    assert (None, MUNIORG.indicator, indicator) in graph
    assert (indicator, MUNIORG.unit, Literal("dage pr. år")) in graph


def test_model_classes_take_the_new_keys() -> None:
    membership = Membership(
        id="https://ex.org/m", member="https://ex.org/p", party="https://ex.org/a", seats=3
    )
    party = Organisation(
        id="https://ex.org/a", name={"da": "A"}, kind="political-party", sameAs=["https://ex.org/q"]
    )
    assert (membership.seats, party.sameAs) == (3, ["https://ex.org/q"])
    with pytest.raises(ModelError, match=r"Membership\.seats: expected int"):
        Membership(id="https://ex.org/m", member="https://ex.org/p", seats="three")  # type: ignore[arg-type]


# --- JSON Schemas --------------------------------------------------------------------------------

NEW_KEYS = {
    "Municipality": ["sameAs"],
    "Organisation": ["sameAs"],
    "Region": ["sameAs"],
    "Council": ["contactPoints", "postalAddress", "visitingAddress", "politicalParties"],
    "Committee": ["contactPoints", "postalAddress", "visitingAddress"],
    "Department": ["contactPoints", "postalAddress", "visitingAddress"],
    "CoDeterminationBody": ["contactPoints", "postalAddress", "visitingAddress"],
    "Post": ["term"],
    "Membership": ["party", "seats"],
    "Strategy": ["adopted", "adoptedBy"],
    "StrategicGoal": ["indicators"],
    "Indicator": ["name", "description", "measure", "unit", "targets"],
    "Target": ["value", "qualifier", "date", "label"],
}


@pytest.mark.parametrize("schema_file", ["authoring-schema.json", "schema.json"])
def test_new_keys_are_in_the_json_schemas(schema_file: str) -> None:
    schema: dict[str, Any] = json.loads(
        (ROOT / "ontology" / schema_file).read_text(encoding="utf-8")
    )
    for cls, keys in NEW_KEYS.items():
        properties = schema["$defs"][cls]["properties"]
        assert set(keys) <= set(properties), (schema_file, cls, set(keys) - set(properties))


def test_the_authoring_schema_accepts_the_document_and_refuses_bad_values(tmp_path: Path) -> None:
    validator = Draft202012Validator(json.loads(AUTHORING_SCHEMA_FILE.read_text(encoding="utf-8")))

    def errors(text: str) -> list[str]:
        path = tmp_path / "s.yaml"
        path.write_text(text, encoding="utf-8")
        data = plain(load_yaml(path))
        return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]

    assert errors(DOCUMENT) == []
    assert errors(DOCUMENT.replace("      seats: 12", "      seats: -1"))
    assert errors(DOCUMENT.replace("    adopted: 2022-06", "    adopted: soon"))
    assert errors(DOCUMENT.replace("{value: 8,", "{value: eight,"))
    assert errors(DOCUMENT.replace("      party: liste-b", "      partyy: liste-b"))


# --- the docs ------------------------------------------------------------------------------------


def test_the_example_in_the_authoring_docs_loads_and_conforms(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = text[text.index("## Parties and seats, terms of office") :]
    block = section[section.index("```yaml\n") + len("```yaml\n") : section.index("```\n", 8)]
    path = tmp_path / "eksempel.yaml"
    path.write_text(block, encoding="utf-8")
    [document] = load_paths([path]).documents
    root = document.root
    assert isinstance(root, Municipality) and root.council is not None
    assert sum(m.seats or 0 for m in root.council.memberships) == root.council.seats == 25
    assert root.posts[0].term is not None and root.strategies[0].adoptedBy is not None
    report = validate_documents([document])
    assert report.conforms
    # Only the made-up municipality code (not in any registry) and the missing
    # recommendations of the municipality itself.
    assert all(r.severity.label != "violation" for r in report.results)
    assert not [r for r in report.results if r.location is not None and r.location.line > 7]


# --- the site ------------------------------------------------------------------------------------


def test_the_site_shows_seats_terms_adoption_and_targets(tmp_path: Path) -> None:
    from muniorg.publish.build import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "m.yaml").write_text(DOCUMENT, encoding="utf-8")
    out = tmp_path / "dist"
    result = build([src], out)
    assert result.published, result.report
    page = re.sub(r"<[^>]+>", "", (out / "m.en.html").read_text(encoding="utf-8"))
    page = " ".join(page.split())
    assert "Parti A: 13 seats (2022-01-01–2025-12-31)" in page
    assert "Liste B: 12 seats" in page
    assert "borgmester: Anna Andersen (2022-01-01–2025-12-31)" in page
    assert "adopted 2022-06 (Municipal Council)" in page
    assert "Sygedage pr. medarbejder: at most 8 dage pr. år (2025)" in page
    html = (out / "m.en.html").read_text(encoding="utf-8")
    summary = re.search(
        r'<script type="application/ld\+json" id="schema-org">(.*?)</script>', html, re.S
    )
    assert summary is not None
    assert json.loads(summary.group(1))["sameAs"] == ["http://www.wikidata.org/entity/Q1748"]
