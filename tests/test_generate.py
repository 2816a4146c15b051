"""Tests of the generated JSON-LD context, JSON Schema and reference docs (muniorg.generate)."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from pyld import jsonld
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, RDF, SKOS, XSD

from muniorg.core.namespaces import CV, EU_COUNTRY, MUNIORG, MUNIORG_VOCAB, SCHEMA
from muniorg.core.resources import CONTEXT_IRI
from muniorg.generate import ARTIFACTS, REPO_ROOT, generate_all
from muniorg.generate.context import build_context, term_definition
from muniorg.generate.examples import class_example
from muniorg.generate.jsonschema import DOCUMENT_CLASSES, SCHEMA_ID
from muniorg.generate.markup import Heading
from muniorg.generate.reference import build_reference
from muniorg.generate.sources import Sources, load_sources
from muniorg.rdf.graph import name_field

LOCN = Namespace("http://www.w3.org/ns/locn#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
ID = "https://w3id.org/muniorg/id/dk/340"
N = Namespace(ID + "/")
EXAMPLES = REPO_ROOT / "examples"


@pytest.fixture(scope="module")
def sources() -> Sources:
    return load_sources()


@pytest.fixture(scope="module")
def generated(sources: Sources) -> dict[str, str]:
    return {str(path): text for path, text in generate_all(sources).items()}


@pytest.fixture(scope="module")
def context_document(generated: dict[str, str]) -> dict[str, Any]:
    return json.loads(generated["ontology/context.jsonld"])


@pytest.fixture(scope="module")
def json_schema(generated: dict[str, str]) -> dict[str, Any]:
    return json.loads(generated["ontology/schema.json"])


@pytest.fixture(scope="module")
def validator(json_schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(json_schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def loader_for(context_document: dict[str, Any]) -> Callable[[str, Any], dict[str, Any]]:
    """A pyld document loader that serves only the muniorg context and never the network."""

    def load(url: str, options: Any = None) -> dict[str, Any]:
        if url != CONTEXT_IRI:
            raise RuntimeError(f"test loader refuses to fetch {url}")
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": context_document,
        }

    return load


def to_graph(document: Any, context_document: dict[str, Any]) -> Graph:
    """Expand a document with pyld (no output format: an RDF dataset) and build an rdflib graph."""
    dataset = jsonld.to_rdf(
        document, {"documentLoader": loader_for(context_document), "processingMode": "json-ld-1.1"}
    )
    graph = Graph()

    def term(item: dict[str, str]) -> URIRef | BNode | Literal:
        if item["type"] == "IRI":
            return URIRef(item["value"])
        if item["type"] == "blank node":
            return BNode(item["value"][2:])
        if "language" in item:
            return Literal(item["value"], lang=item["language"])
        datatype = URIRef(item["datatype"])
        # RDF 1.1: a simple literal is an xsd:string; rdflib keeps it without a datatype.
        return Literal(item["value"], datatype=None if datatype == XSD.string else datatype)

    for triple in dataset["@default"]:
        graph.add((term(triple["subject"]), term(triple["predicate"]), term(triple["object"])))
    return graph


def assert_same_triples(actual: Graph, expected: Graph) -> None:
    only_actual = sorted(t.n3() for t in _lines(actual) - _lines(expected))
    only_expected = sorted(t.n3() for t in _lines(expected) - _lines(actual))
    assert not only_actual and not only_expected, (
        "only in pyld's expansion:\n  "
        + "\n  ".join(only_actual)
        + "\nonly in the expected graph:\n  "
        + "\n  ".join(only_expected)
    )


class _Line(tuple):  # type: ignore[type-arg]
    def n3(self) -> str:
        return " ".join(term.n3() for term in self)


def _lines(graph: Graph) -> set[_Line]:
    return {_Line(triple) for triple in graph}


# --- freshness and determinism -------------------------------------------------------------------


@pytest.mark.parametrize("artifact", ARTIFACTS, ids=[str(a.path) for a in ARTIFACTS])
def test_committed_artifact_is_fresh(artifact: Any, generated: dict[str, str]) -> None:
    committed = REPO_ROOT / artifact.path
    assert committed.is_file(), f"{artifact.path} is missing: run python -m muniorg.generate"
    assert committed.read_bytes() == generated[str(artifact.path)].encode("utf-8"), (
        f"{artifact.path} is stale: run python -m muniorg.generate"
    )


def test_generation_is_byte_identical_on_every_run(generated: dict[str, str]) -> None:
    assert len(generated) == len(ARTIFACTS) == 8 + 6  # + the published ontology and lists
    assert generate_all(load_sources()) == {path: text for path, text in _paths(generated)}


def _paths(generated: dict[str, str]) -> list[tuple[Any, str]]:
    return [(a.path, generated[str(a.path)]) for a in ARTIFACTS]


# --- the JSON-LD context ------------------------------------------------------------------------


def test_context_defines_every_class_and_every_key(
    sources: Sources, context_document: dict[str, Any]
) -> None:
    context = context_document["@context"]
    checked = 0
    for spec in sources.schema.classes.values():
        assert spec.key in context, spec.key
        class_term = context[spec.key]
        scoped = class_term.get("@context", {}) if isinstance(class_term, dict) else {}
        for field in spec.fields:
            effective = scoped.get(field.key, context.get(field.key))
            assert effective is not None, f"{spec.key}.{field.key} is not in the context"
            expected = term_definition(field, sources, frozenset())
            # The top-level definition of a key redefined by some class is not protected.
            effective = {k: v for k, v in effective.items() if k != "@protected"}
            iri_key = "@reverse" if field.inverse else "@id"
            assert effective[iri_key] == expected[iri_key], f"{spec.key}.{field.key}"
            assert effective.get("@type") == expected.get("@type"), f"{spec.key}.{field.key}"
            checked += 1
    assert len(sources.schema.classes) >= 30
    assert checked == sum(len(spec.fields) for spec in sources.schema.classes.values())
    assert context["@version"] == 1.1
    assert context["@protected"] is True


def test_keys_with_several_meanings_are_type_scoped(context_document: dict[str, Any]) -> None:
    context = context_document["@context"]
    assert context["name"]["@id"] == "skos:prefLabel"
    assert context["name"]["@protected"] is False
    assert context["Person"]["@context"]["name"] == {"@id": "foaf:name"}
    assert context["Strategy"]["@context"]["name"]["@id"] == "dct:title"
    assert "@protected" not in context["seats"]


def test_code_that_equals_a_term_is_hidden_in_the_scoped_context(sources: Sources) -> None:
    # A controlled list whose code "council" equals the key "council" and "name" the key "name".
    vocabularies = Graph()
    unit_kind = URIRef(str(MUNIORG_VOCAB) + "unit-kind")
    for code in ("council", "name", "department"):
        vocabularies.add((URIRef(f"{unit_kind}/{code}"), SKOS.inScheme, unit_kind))
    patched = Sources(sources.schema, sources.ontology, vocabularies)
    context = build_context(patched)
    scoped = context["@context"]["kind"]["@context"]
    assert scoped == {
        "@vocab": f"{unit_kind}/",
        "council": f"{unit_kind}/council",
        "name": f"{unit_kind}/name",
    }
    # rdflib keeps a protected term's definition even in a property-scoped context: the terms
    # the codes redefine are unprotected at the top level (#12).
    assert context["@context"]["name"]["@protected"] is False
    assert "@protected" not in context["@context"]["seats"]
    document = {
        "@context": CONTEXT_IRI,
        "id": f"{ID}/d",
        "type": ["Department", "org:OrganizationalUnit"],
        "name": {"da": "Byråd"},
        "kind": ["council", "name", "department"],
    }
    graph = to_graph(document, context)
    assert set(graph.objects(URIRef(f"{ID}/d"), ORG.classification)) == {
        URIRef(f"{unit_kind}/{code}") for code in ("council", "name", "department")
    }


def test_code_with_a_colon_is_refused(sources: Sources) -> None:
    vocabularies = Graph()
    scheme = URIRef(str(MUNIORG_VOCAB) + "role")
    vocabularies.add((URIRef(f"{scheme}/a:b"), SKOS.inScheme, scheme))
    with pytest.raises(ValueError, match="a:b"):
        build_context(Sources(sources.schema, sources.ontology, vocabularies))


#: A document in the exported form that uses every value kind, a code equal to a term
#: ("council"), reversed properties, type-scoped keys and a nested node that must not see them.
SAMPLE: dict[str, Any] = {
    "@context": CONTEXT_IRI,
    "id": ID,
    "type": ["Municipality", "cv:PublicOrganisation", "schema:GovernmentOrganization"],
    "name": {"da": "Sorø Kommune", "en": "Sorø Municipality"},  # LANG_MAP
    "altName": {"da": ["Sorø", "Sorø Kommune"]},  # LANG_LIST_MAP
    "country": "DNK",  # CODE, external list
    "identifiers": [
        {
            "id": f"{ID}/identifiers/1",
            "type": "Identifier",
            "notation": "340",  # STRING
            "scheme": "dk-kommunekode",
            "issued": "2007-01-01",  # DATE
        }
    ],
    "council": {
        "id": f"{ID}/council",
        "type": ["Council", "org:OrganizationalUnit"],
        "name": {"da": "Byrådet"},
        "seats": 25,  # INTEGER
    },
    "departments": [
        {
            "id": f"{ID}/departments/1",
            "type": ["Department", "org:OrganizationalUnit"],
            "name": {"da": "Politisk sekretariat"},
            "kind": "council",  # CODE equal to the key "council"
        }
    ],
    "contactPoints": [
        {
            "id": f"{ID}/contactPoints/1",
            "type": ["ContactPoint", "schema:ContactPoint"],
            "email": ["kommunen@soroe.dk"],  # cv:email here, schema:email on Person
            "openingHours": [
                {
                    "id": f"{ID}/contactPoints/1/openingHours/1",
                    "type": "OpeningHours",
                    "days": ["Monday"],  # CODE, list without vocabulary codes
                    "opens": "08:00:00",  # TIME
                    "closes": "15:30:00",
                }
            ],
        }
    ],
    "people": [  # @reverse org:memberOf
        {
            "id": f"{ID}/gert-joergensen",
            "type": ["Person", "schema:Person"],
            "name": "Gert Jørgensen",  # STRING by type scope (foaf:name)
            "email": ["gj@soroe.dk"],
            "public": True,  # BOOLEAN
        }
    ],
    "posts": [
        {
            "id": f"{ID}/posts/1",
            "type": "Post",
            "role": ["mayor"],
            "heldBy": [f"{ID}/gert-joergensen"],  # REFERENCE
        }
    ],
    "strategies": [
        {
            "id": f"{ID}/strategies/1",
            "type": ["Strategy", "prov:Plan"],
            "name": {"da": "Vision og Planstrategi 2022"},  # dct:title by type scope
            "kind": ["vision"],
            "horizon": "2030",  # YEAR
            "period": {
                "id": f"{ID}/strategies/1/period",
                "type": "Period",
                "start": {"@value": "2022", "type": "xsd:gYear"},  # PARTIAL_DATE, year
                "end": {"@value": "2030-12-31", "type": "xsd:date"},  # PARTIAL_DATE, full date
            },
            "goals": [
                {  # nested: "name" means skos:prefLabel again
                    "id": f"{ID}/strategies/1/goals/1",
                    "type": ["StrategicGoal", "Concept"],
                    "name": {"da": "Global livsstil, lokalt liv"},
                    "sdgs": ["11.3"],
                }
            ],
            "authors": [f"{ID}/council"],  # IRI
            "homepage": {  # foaf:page by type scope
                "id": "https://www.soroe.dk/vision",
                "type": "Document",
                "url": "https://www.soroe.dk/vision",  # URI
                "issued": {"@value": "2022-03-01", "type": "xsd:date"},  # DATETIME, a date
                "modified": {"@value": "2022-05-14T10:48:00", "type": "xsd:dateTime"},  # DATETIME
            },
        }
    ],
    "keyFigures": [
        {
            "id": f"{ID}/keyFigures/1",
            "type": ["KeyFigure", "schema:QuantitativeValue"],
            "measure": "population",
            "value": 30000,  # NUMBER, integer
            "qualifier": "approximate",
            "date": {"@value": "2022", "type": "xsd:gYear"},
        },
        {
            "id": f"{ID}/keyFigures/2",
            "type": ["KeyFigure", "schema:QuantitativeValue"],
            "measure": "area",
            "value": {"@value": "311.6", "type": "xsd:decimal"},  # NUMBER, decimal
        },
    ],
}


def expected_sample_graph() -> Graph:
    """The triples SAMPLE means, written by hand."""
    g = Graph()
    m = URIRef(ID)
    vocab = str(MUNIORG_VOCAB)
    g.add((m, RDF.type, MUNIORG.Municipality))
    g.add((m, RDF.type, CV.PublicOrganisation))
    g.add((m, RDF.type, SCHEMA.GovernmentOrganization))
    g.add((m, SKOS.prefLabel, Literal("Sorø Kommune", lang="da")))
    g.add((m, SKOS.prefLabel, Literal("Sorø Municipality", lang="en")))
    g.add((m, SKOS.altLabel, Literal("Sorø", lang="da")))
    g.add((m, SKOS.altLabel, Literal("Sorø Kommune", lang="da")))
    g.add((m, MUNIORG.country, EU_COUNTRY.DNK))

    ident = N["identifiers/1"]
    g.add((m, ADMS.identifier, ident))
    g.add((ident, RDF.type, ADMS.Identifier))
    g.add((ident, SKOS.notation, Literal("340")))
    g.add((ident, DCTERMS.conformsTo, URIRef(vocab + "identifier-scheme/dk-kommunekode")))
    g.add((ident, DCTERMS.issued, Literal("2007-01-01", datatype=XSD.date)))

    council = N["council"]
    g.add((m, MUNIORG.council, council))
    g.add((council, RDF.type, MUNIORG.Council))
    g.add((council, RDF.type, ORG.OrganizationalUnit))
    g.add((council, SKOS.prefLabel, Literal("Byrådet", lang="da")))
    g.add((council, MUNIORG.seats, Literal("25", datatype=XSD.integer)))

    department = N["departments/1"]
    g.add((m, ORG.hasUnit, department))
    g.add((department, RDF.type, MUNIORG.Department))
    g.add((department, RDF.type, ORG.OrganizationalUnit))
    g.add((department, SKOS.prefLabel, Literal("Politisk sekretariat", lang="da")))
    g.add((department, ORG.classification, URIRef(vocab + "unit-kind/council")))

    contact, hours = N["contactPoints/1"], N["contactPoints/1/openingHours/1"]
    g.add((m, CV.contactPoint, contact))
    g.add((contact, RDF.type, CV.ContactPoint))
    g.add((contact, RDF.type, SCHEMA.ContactPoint))
    g.add((contact, CV.email, Literal("kommunen@soroe.dk")))
    g.add((contact, SCHEMA.hoursAvailable, hours))
    g.add((hours, RDF.type, SCHEMA.OpeningHoursSpecification))
    g.add((hours, SCHEMA.dayOfWeek, SCHEMA.Monday))
    g.add((hours, SCHEMA.opens, Literal("08:00:00", datatype=XSD.time)))
    g.add((hours, SCHEMA.closes, Literal("15:30:00", datatype=XSD.time)))

    person = N["gert-joergensen"]
    g.add((person, ORG.memberOf, m))
    g.add((person, RDF.type, FOAF.Person))
    g.add((person, RDF.type, SCHEMA.Person))
    g.add((person, FOAF.name, Literal("Gert Jørgensen")))
    g.add((person, SCHEMA.email, Literal("gj@soroe.dk")))
    g.add((person, MUNIORG.public, Literal("true", datatype=XSD.boolean)))

    post = N["posts/1"]
    g.add((m, ORG.hasPost, post))
    g.add((post, RDF.type, ORG.Post))
    g.add((post, ORG.role, URIRef(vocab + "role/mayor")))
    g.add((post, ORG.heldBy, person))

    strategy, period, goal = N["strategies/1"], N["strategies/1/period"], N["strategies/1/goals/1"]
    page = URIRef("https://www.soroe.dk/vision")
    g.add((m, MUNIORG.strategy, strategy))
    g.add((strategy, RDF.type, MUNIORG.Strategy))
    g.add((strategy, RDF.type, URIRef("http://www.w3.org/ns/prov#Plan")))
    g.add((strategy, DCTERMS.title, Literal("Vision og Planstrategi 2022", lang="da")))
    g.add((strategy, DCTERMS.type, URIRef(vocab + "strategy-kind/vision")))
    g.add((strategy, MUNIORG.horizon, Literal("2030", datatype=XSD.gYear)))
    g.add((strategy, DCTERMS.temporal, period))
    g.add((period, RDF.type, DCTERMS.PeriodOfTime))
    g.add((period, DCAT.startDate, Literal("2022", datatype=XSD.gYear)))
    g.add((period, DCAT.endDate, Literal("2030-12-31", datatype=XSD.date)))
    g.add((strategy, MUNIORG.goal, goal))
    g.add((goal, RDF.type, MUNIORG.StrategicGoal))
    g.add((goal, RDF.type, SKOS.Concept))
    g.add((goal, SKOS.prefLabel, Literal("Global livsstil, lokalt liv", lang="da")))
    g.add((goal, MUNIORG.sdg, URIRef("http://metadata.un.org/sdg/11.3")))
    g.add((strategy, DCTERMS.creator, council))
    g.add((strategy, FOAF.page, page))
    g.add((page, RDF.type, FOAF.Document))
    g.add((page, SCHEMA.url, Literal("https://www.soroe.dk/vision", datatype=XSD.anyURI)))
    g.add((page, DCTERMS.issued, Literal("2022-03-01", datatype=XSD.date)))
    g.add((page, DCTERMS.modified, Literal("2022-05-14T10:48:00", datatype=XSD.dateTime)))

    for n, measure, value, qualifier in (
        (1, "population", Literal("30000", datatype=XSD.integer), "approximate"),
        (2, "area", Literal("311.6", datatype=XSD.decimal), None),
    ):
        figure = N[f"keyFigures/{n}"]
        g.add((m, MUNIORG.keyFigure, figure))
        g.add((figure, RDF.type, MUNIORG.KeyFigure))
        g.add((figure, RDF.type, SCHEMA.QuantitativeValue))
        g.add((figure, DCTERMS.type, URIRef(vocab + f"measure/{measure}")))
        g.add((figure, SCHEMA.value, value))
        if qualifier:
            g.add((figure, MUNIORG.qualifier, URIRef(vocab + f"qualifier/{qualifier}")))
    g.add((N["keyFigures/1"], DCTERMS.date, Literal("2022", datatype=XSD.gYear)))
    return g


def test_sample_covers_every_value_kind(sources: Sources) -> None:
    seen = set()

    def visit(node: dict[str, Any]) -> None:
        type_term = node["type"][0] if isinstance(node["type"], list) else node["type"]
        spec = sources.schema.classes[type_term]
        for key, value in node.items():
            if key in ("@context", "id", "type"):
                continue
            field = spec.field(key)
            seen.add(field.kind)
            for item in value if isinstance(value, list) else [value]:
                if field.kind.name == "NESTED":
                    visit(item)

    visit(SAMPLE)
    assert {kind.name for kind in seen} == {
        "LANG_MAP", "LANG_LIST_MAP", "STRING", "URI", "NUMBER", "INTEGER", "BOOLEAN", "DATE",
        "PARTIAL_DATE", "DATETIME", "YEAR", "TIME", "IRI", "CODE", "NESTED", "REFERENCE",
    }  # fmt: skip


def test_sample_expands_to_the_expected_triples(context_document: dict[str, Any]) -> None:
    actual = to_graph(SAMPLE, context_document)
    expected = expected_sample_graph()
    assert_same_triples(actual, expected)
    assert len(expected) == 75


EXAMPLE_FILES = [
    path
    for path in sorted(EXAMPLES.rglob("*.yaml"))
    if re.search(rf"^type:\s*({'|'.join(DOCUMENT_CLASSES)})\s*$", path.read_text("utf-8"), re.M)
]


@pytest.fixture(scope="module")
def exported_examples() -> dict[str, Any]:
    from muniorg.authoring.load import load_paths
    from muniorg.rdf.jsonld import to_jsonld

    loaded = load_paths([EXAMPLES])
    return {doc.path.name: (to_jsonld(doc.root), doc.graph()) for doc in loaded.documents}


def test_example_documents_are_collected() -> None:
    assert len(EXAMPLE_FILES) == 5


def test_all_examples_are_checked(exported_examples: dict[str, Any]) -> None:
    assert sorted(exported_examples) == sorted(p.name for p in EXAMPLE_FILES)


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_exported_example_expands_to_the_library_graph(
    name: str, exported_examples: dict[str, Any], context_document: dict[str, Any]
) -> None:
    """The library's JSON-LD export read with this context gives the library's own graph."""
    document, graph = exported_examples[name]
    assert_same_triples(to_graph(document, context_document), graph)


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_exported_example_is_valid_against_the_json_schema(
    name: str, exported_examples: dict[str, Any], validator: Draft202012Validator
) -> None:
    document, _ = exported_examples[name]
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def test_loader_never_fetches_other_documents(context_document: dict[str, Any]) -> None:
    document = {"@context": "https://example.org/other.jsonld", "x": 1}
    with pytest.raises(jsonld.JsonLdError):
        to_graph(document, context_document)


def test_protected_terms_cannot_be_redefined_by_a_document(
    context_document: dict[str, Any],
) -> None:
    document = {"@context": [CONTEXT_IRI, {"seats": "https://example.org/seats"}], "seats": 1}
    with pytest.raises(jsonld.JsonLdError) as info:
        to_graph(document, context_document)
    assert "protected" in str(info.value.__cause__ or info.value)


# --- the JSON Schema ----------------------------------------------------------------------------


def test_json_schema_is_a_valid_draft_2020_12_schema(
    json_schema: dict[str, Any], sources: Sources
) -> None:
    Draft202012Validator.check_schema(json_schema)
    assert json_schema["$id"] == SCHEMA_ID
    assert json_schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert len(json_schema["oneOf"]) == len(DOCUMENT_CLASSES) == 3
    for spec in sources.schema.classes.values():
        definition = json_schema["$defs"][spec.key]
        assert definition["additionalProperties"] is False
        names = {"schema:name", "rdfs:label"} if name_field(spec) else set()  # the name's copies
        assert set(definition["properties"]) == {"@context", "id", "type"} | names | {
            f.key for f in spec.fields
        }
        assert set(definition["required"]) == {"type"} | {f.key for f in spec.fields if f.required}


def test_sample_is_valid_against_the_json_schema(validator: Draft202012Validator) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(SAMPLE)]
    assert errors == []


def _without_name(doc: dict[str, Any]) -> None:
    del doc["name"]


def _seats_as_text(doc: dict[str, Any]) -> None:
    doc["council"]["seats"] = "25"


def _unknown_key(doc: dict[str, Any]) -> None:
    doc["people"][0]["nickname"] = "Gert"


def _bad_date(doc: dict[str, Any]) -> None:
    doc["identifiers"][0]["issued"] = "2007-02-30"


def _wrong_class_type(doc: dict[str, Any]) -> None:
    doc["council"]["type"] = "Council"


def _bad_time(doc: dict[str, Any]) -> None:
    doc["contactPoints"][0]["openingHours"][0]["opens"] = "8 o'clock"


BROKEN = [
    ("missing-name", _without_name, [], "'name' is a required property"),
    ("wrong-json-type", _seats_as_text, ["council", "seats"], "is not of type 'integer'"),
    ("unknown-key", _unknown_key, ["people", 0], "'nickname' was unexpected"),
    ("impossible-date", _bad_date, ["identifiers", 0, "issued"], "is not a 'date'"),
    ("wrong-rdf-type", _wrong_class_type, ["council", "type"], "was expected"),
    ("bad-time", _bad_time, ["contactPoints", 0, "openingHours", 0, "opens"], "does not match"),
]


@pytest.mark.parametrize(
    ("break_it", "path", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_broken_documents_fail_with_a_useful_error(
    validator: Draft202012Validator,
    break_it: Callable[[dict[str, Any]], None],
    path: list[Any],
    message: str,
) -> None:
    document = copy.deepcopy(SAMPLE)
    break_it(document)
    error = best_match(validator.iter_errors(document))
    assert error is not None
    assert list(error.absolute_path) == path
    assert message in error.message


@pytest.mark.parametrize("class_key", sorted(load_sources().schema.classes), ids=str)
def test_class_example_is_valid_and_expands(
    class_key: str,
    sources: Sources,
    json_schema: dict[str, Any],
    context_document: dict[str, Any],
) -> None:
    example = {"@context": CONTEXT_IRI, **class_example(class_key, sources)}
    class_validator = Draft202012Validator(
        {"$ref": f"#/$defs/{class_key}", "$defs": json_schema["$defs"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    assert [e.message for e in class_validator.iter_errors(example)] == []
    graph = to_graph(example, context_document)
    subject = URIRef(example["id"])
    assert (subject, RDF.type, sources.schema.classes[class_key].rdf_type) in graph
    keys = {key for key in example if key not in ("@context", "id", "type")}
    # Every key gives at least one triple about the subject (reversed keys have it as object).
    about = [t for t in graph if subject in (t[0], t[2])]
    assert len(about) >= len(keys) + 1


# --- the reference docs -------------------------------------------------------------------------


def test_reference_documents_every_class_and_key(
    sources: Sources, generated: dict[str, str]
) -> None:
    markdown, page = generated["docs/reference.md"], generated["docs/reference.html"]
    headings = [b for b in build_reference(sources) if isinstance(b, Heading) and b.level == 2]
    assert [h.text for h in headings] == ["Contents", *sources.schema.classes, "Code lists"]
    for spec in sources.schema.classes.values():
        assert f"- [{spec.key}](#{spec.key.lower()})" in markdown
        assert f'<h2 id="{spec.key.lower()}">{spec.key}</h2>' in page
        assert f'href="{spec.rdf_type}"' in page
        for field in spec.fields:
            assert f"| `{field.key}` |" in markdown, f"{spec.key}.{field.key}"
            assert f'href="{field.path}"' in page
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")


def test_reference_shows_labels_from_the_ontology(
    sources: Sources, generated: dict[str, str]
) -> None:
    labels = sources.labels(MUNIORG.Municipality)
    assert {"en", "da", "sv", "nb", "nn"} <= set(labels)
    for language, label in labels.items():
        assert f"`{language}` {label}" in generated["docs/reference.md"]
