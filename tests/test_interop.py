"""Reading data written by others: plain CPOV, W3C ORG and schema.org into the model.

Each third-party document in ``tests/resources/interop/`` is read with the public readers; the
tests pin the model values, the notes (what was assumed) and exactly the triples that have no
place in the model. Every normalisation rule has a case where it fires, and none fires on
muniorg's own output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF

from muniorg.core.errors import MappingError
from muniorg.core.namespaces import MUNIORG
from muniorg.formats.format import RdfFormat
from muniorg.formats.rdf import read_graph
from muniorg.model.classes import Municipality
from muniorg.publish.build import build
from muniorg.publish.convert import convert_paths
from muniorg.rdf.graph import from_graph
from muniorg.rdf.others import GENID, RULES, normalise
from muniorg.rdf.read import ReadOutcome, read_graph_model

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "tests" / "resources" / "interop"
EXAMPLE_SLUGS = ["glostrup", "norrtaelje", "saman-om-ein-betre-kommune", "soroe", "stord"]
STORD = "https://data.stord.kommune.no/id/"
NORRTALJE = "https://data.norrtalje.se/id/"


def read(name: str) -> ReadOutcome:
    return read_graph_model(read_graph(RESOURCES / name))


def lines(outcome: ReadOutcome) -> list[str]:
    """The unmapped triples as sorted N-Triples-like lines."""
    return sorted(" ".join(term.n3() for term in triple) for triple in outcome.unmapped)


def text(value: object, lang: str) -> object:
    """An address text: a plain string, or its ``lang`` entry where the model has a language map
    (CPOV wants language-tagged address texts; the fixtures give them tagged)."""
    return value.get(lang) if isinstance(value, dict) else value


def municipality(outcome: ReadOutcome) -> Municipality:
    assert len(outcome.roots) == 1
    root = outcome.roots[0]
    assert isinstance(root, Municipality)
    return root


def test_every_fixture_is_tested() -> None:
    assert sorted(p.name for p in RESOURCES.iterdir()) == [
        "norrtaelje-schema.jsonld",
        "stord-cpov.ttl",
    ]


# --- a CPOV public organisation with ORG units, posts, people and a membership ----------------


@pytest.fixture(scope="module")
def stord() -> ReadOutcome:
    return read("stord-cpov.ttl")


def test_cpov_organisation_is_read_as_a_municipality(stord: ReadOutcome) -> None:
    m = municipality(stord)
    assert m.id == STORD + "kommune"
    assert m.name == {"nb": "Stord kommune", "nn": "Stord kommune"}
    assert m.altName == {"nn": ["Stord"]}
    assert m.description == {"nn": "Kommune i Sunnhordland, Vestland."}
    assert m.country == "NOR"
    assert m.homepage is not None and m.homepage.id == "https://www.stord.kommune.no/"
    assert m.visitingAddress is None
    address = m.postalAddress
    assert address is not None
    assert (address.poBox, address.postCode, text(address.postName, "nn"), address.country) == (
        "Postboks 304",
        "5402",
        "Stord",
        "NOR",
    )
    [contact] = m.contactPoints
    assert contact.telephone == ["+47 53 49 66 00"]
    assert contact.email == ["post@stord.kommune.no"]
    [identifier] = m.identifiers
    # No scheme is given, so none is guessed (validation then asks for one).
    assert (identifier.notation, identifier.scheme) == ("4614", None)
    assert identifier.id is not None and identifier.id.startswith(GENID)


def test_org_units_posts_and_people_are_read(stord: ReadOutcome) -> None:
    m = municipality(stord)
    assert [(d.id, d.name) for d in m.departments] == [
        (STORD + "helse", {"nn": "Helse og omsorg"}),
        (STORD + "oppvekst", {"nn": "Oppvekst og kultur"}),
    ]
    [mayor] = m.posts
    assert (mayor.name, mayor.heldBy) == ({"nn": "Ordførar"}, [STORD + "gunnar-gundersen"])
    assert "mayor" in str(mayor.role)  # a muniorg role code is read as its code
    [head] = m.departments[1].posts
    assert head.heldBy == [STORD + "kari-nordmann"]
    # A role from another list keeps its full IRI.
    assert "https://data.stord.kommune.no/rolle/kommunalsjef" in str(head.role)
    assert [(p.id, p.name, p.givenName, p.familyName) for p in m.people] == [
        (STORD + "gunnar-gundersen", "Gunnar Gundersen", None, None),
        (STORD + "kari-nordmann", "Kari Nordmann", "Kari", "Nordmann"),
    ]


def test_cpov_notes_say_what_was_assumed(stord: ReadOutcome) -> None:
    assert stord.notes == [
        f"blank nodes are given IRIs under {GENID} so that they can be read (2 nodes)",
        "org:unitOf is read as the inverse org:hasUnit (2 links)",
        "org:postIn is read as the inverse org:hasPost (2 links)",
        "an organisation without a country takes the country of its address (1 node)",
        "a cv:PublicOrganisation or schema:GovernmentOrganization with a country is read as a "
        "muniorg:Municipality (1 node)",
        "a Nordic two-letter country code (schema:addressCountry, or locn:adminUnitL1 of an "
        "address) is read as the EU country code (2 values)",
        "the one address of a municipality that has a post-office box is read as its postal "
        "address (1 node)",
        "a schema:Person is read as a foaf:Person instead; schema:name, givenName and familyName "
        "as the foaf: ones (2 nodes)",
        "a person who holds a post of a municipality (or of one of its units) and belongs to no "
        "organisation is read as one of the municipality's people (2 nodes)",
        "an org:OrganizationalUnit of a municipality without a muniorg type is read as a "
        "Department (2 nodes)",
        "a web page given without a type (foaf:homepage, foaf:page, cv:contactPage) is read as a "
        "foaf:Document (1 node)",
        "an e-mail address of a contact point given as vcard:hasEmail or as a mailto: IRI is read "
        "as cv:email text (1 value)",
        "an identifier with a notation but no scheme (dct:conformsTo) is read without a scheme, "
        "not guessed: give its scheme (1 node)",
        "org:identifier names no scheme: left unmapped, give it as an adms:Identifier with "
        "dct:conformsTo (1 value)",
    ]


def test_cpov_unmapped_is_exactly_what_has_no_place(stord: ReadOutcome) -> None:
    hours = f"<{GENID}cb0>"
    kommune = f"<{STORD}kommune>"
    membership = f"<{STORD}medlemskap-kari>"
    org = "<http://www.w3.org/ns/org#"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    assert lines(stord) == sorted(
        [
            # A job title: the model has posts, not titles on people.
            f'<{STORD}gunnar-gundersen> <http://schema.org/jobTitle> "ordførar"@nn',
            # The EU ATU code is not a described area (muniorg's area is a MunicipalArea).
            f"{kommune} <http://purl.org/dc/terms/spatial> "
            "<http://publications.europa.eu/resource/authority/atu/NOR_4614>",
            f"{kommune} {org}classification> <http://publications.europa.eu/resource/authority/"
            "corporate-body-classification/LOCAL_AUTH>",
            f'{kommune} {org}identifier> "939866914"',
            # A membership of a department: only councils, committees and co-determination
            # bodies have members in the model.
            f"{membership} {rdf_type} {org}Membership>",
            f"{membership} {org}member> <{STORD}kari-nordmann>",
            f"{membership} {org}organization> <{STORD}helse>",
            f"{membership} {org}role> <https://data.stord.kommune.no/rolle/fagleiar>",
            # CPOV opening hours as a time:TemporalEntity with a text: muniorg's are structured.
            f"<{STORD}servicetorget> <http://data.europa.eu/m8g/openingHours> {hours}",
            f'{hours} <http://purl.org/dc/terms/description> "Måndag–fredag 08.00–15.30"@nn',
            f"{hours} {rdf_type} <http://www.w3.org/2006/time#TemporalEntity>",
        ]
    )


# --- a schema.org GovernmentOrganization in JSON-LD with an embedded context ------------------


@pytest.fixture(scope="module")
def norrtalje() -> ReadOutcome:
    return read("norrtaelje-schema.jsonld")


def test_schema_org_organisation_is_read_as_a_municipality(norrtalje: ReadOutcome) -> None:
    m = municipality(norrtalje)
    assert m.id == NORRTALJE + "kommun"
    assert (m.name, m.altName, m.country) == (
        {"sv": "Norrtälje kommun"},
        {"sv": ["Norrtälje"]},
        "SWE",
    )
    assert m.homepage is not None and m.homepage.id == "https://www.norrtalje.se/"
    address = m.postalAddress
    assert address is not None
    assert (address.poBox, address.postCode, text(address.postName, "sv"), address.country) == (
        "Box 800",
        "761 28",
        "Norrtälje",
        "SWE",
    )
    assert [(d.id, d.name) for d in m.departments] == [
        (NORRTALJE + "kultur-och-fritid", {"sv": "Kultur- och fritidsförvaltningen"}),
        (NORRTALJE + "socialforvaltningen", {"sv": "Socialförvaltningen"}),
    ]


def test_schema_org_notes_and_unmapped(norrtalje: ReadOutcome) -> None:
    assert len(norrtalje.notes) == 11
    assert norrtalje.notes[1].startswith("schema:department is read as org:hasUnit")
    kommune = f"<{NORRTALJE}kommun>"
    assert lines(norrtalje) == sorted(
        [
            # Telephone and e-mail belong to a contact point in the model; the page gives none.
            f'{kommune} <http://schema.org/email> "kommun@norrtalje.se"@sv',
            f'{kommune} <http://schema.org/telephone> "0176-710 00"@sv',
            # Departments have no homepage in the model.
            f"<{NORRTALJE}kultur-och-fritid> <http://schema.org/url> "
            "<https://www.norrtalje.se/kultur-och-fritid/>",
        ]
    )


def test_blank_nodes_get_the_same_iris_every_time() -> None:
    first, second = read("norrtaelje-schema.jsonld"), read("norrtaelje-schema.jsonld")
    assert municipality(first) == municipality(second)
    address = municipality(first).postalAddress
    assert address is not None and address.id is not None and address.id.startswith(GENID)


def test_a_turtle_files_blank_nodes_are_named_the_same_on_every_read(tmp_path: Path) -> None:
    """pyoxigraph names blank nodes at random; muniorg names them by their order in the file,
    so validating the same file twice reports the same focus nodes. Two different files' blank
    nodes never share a name, so merging their graphs keeps them apart."""
    from muniorg.publish.check import validate_paths

    path = RESOURCES / "stord-cpov.ttl"
    assert "[" in path.read_text(encoding="utf-8")  # the fixture has blank nodes

    def blank_names(graph: Graph) -> set[str]:
        return {str(t) for triple in graph for t in triple if isinstance(t, BNode)}

    first, second = read_graph(path), read_graph(path)
    assert blank_names(first) and blank_names(first) == blank_names(second)
    assert first.serialize(format="nt") == second.serialize(format="nt")
    focus = [[r.focus_node for r in validate_paths([path]).results] for _ in range(2)]
    assert focus[0] == focus[1] and any(f in blank_names(first) for f in focus[0])
    other = tmp_path / "other.ttl"
    other.write_text(path.read_text(encoding="utf-8") + "\n# another file\n", encoding="utf-8")
    assert not blank_names(first) & blank_names(read_graph(other))


# --- every rule fires where it should ---------------------------------------------------------

_PREFIXES = """
@prefix adms: <http://www.w3.org/ns/adms#> . @prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix locn: <http://www.w3.org/ns/locn#> . @prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <http://schema.org/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> . @prefix muniorg: <https://w3id.org/muniorg#> .
@prefix country: <http://publications.europa.eu/resource/authority/country/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix : <https://ex.org/> .
"""
#: A municipality in muniorg's terms, for rules about what hangs off one.
_M = ":m a muniorg:Municipality ; skos:prefLabel 'M'@da ; muniorg:country country:DNK .\n"

RULE_CASES = {
    "department": ":o schema:department :d .",
    "unit-of": ":u org:unitOf :m .",
    "post-in": ":p org:postIn :m .",
    "country-of-address": ":m a cv:PublicOrganisation ; locn:address :a . :a locn:adminUnitL1 'DK' .",
    "municipality": ":m a schema:GovernmentOrganization ; schema:addressCountry 'FI' .",
    "sub-property-range": _M + ":m muniorg:council :c . :c a org:OrganizationalUnit .",
    "council-unit": _M + ":m org:hasUnit :c . :c a muniorg:Council .",
    "principle": ":f a muniorg:Foundation ; skos:hasTopConcept :p . :p a muniorg:Principle .",
    "programme-membership": ":x a muniorg:CooperationProgramme . :ms org:organization :x .",
    "country-code": ":a a locn:Address ; locn:adminUnitL1 'se' .",
    "postal-address-schema": ":a a schema:PostalAddress ; schema:streetAddress 'Borggata 2' .",
    "postal-address": _M + ":m locn:address :a . :a a locn:Address ; locn:poBox 'Box 1' .",
    "address-ambiguous": _M + ":m schema:address :a . :a a locn:Address ; locn:postCode '4180' .",
    "name": _M + ":m rdfs:label 'Sorø'@da .",
    "alternate-name": _M + ":m schema:alternateName 'Sorø'@da .",
    "person": ":p a schema:Person ; schema:name 'Gert Jørgensen' .",
    "person-of-post": _M + ":m org:hasPost :post . :post org:heldBy :p . :p a foaf:Person .",
    "department-unit": _M + ":m org:hasUnit :u . :u a org:OrganizationalUnit .",
    "homepage-url": _M + ":m schema:url 'https://www.soroe.dk/' .",
    "document-type": _M + ":m foaf:homepage <https://www.soroe.dk/> .",
    "contact-email": ":c a cv:ContactPoint ; cv:email <mailto:a@b.dk> .",
    "identifier-without-scheme": _M + ":m adms:identifier :i . :i a adms:Identifier ; "
    "skos:notation '340' .",
    "org-identifier": _M + ":m org:identifier '29189676' .",
}


def test_every_rule_has_a_case() -> None:
    assert sorted(RULE_CASES) == sorted(rule.name for rule in RULES)
    assert len(RULES) == 23


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_rule_fires(rule) -> None:
    data = Graph().parse(data=_PREFIXES + RULE_CASES[rule.name], format="turtle")
    _, notes = normalise(data)
    beginning = rule.note.split("({n}")[0]
    assert [n for n in notes if n.startswith(beginning)], notes


#: Data near each linked rule's case: the link without one of its types, or in another shape.
LINK_NEAR_MISSES = {
    "council-unit": [
        ":m org:hasUnit :c . :c a muniorg:Council .",
        _M + ":m org:hasUnit :c . :c a org:OrganizationalUnit .",
        _M + ":m org:hasUnit :c . :d a muniorg:Council .",
        _M + ":m org:hasUnit :c . :c a muniorg:CoDeterminationBody .",
        _M + ":m org:hasUnit 'c' . :c a muniorg:Council .",
        ":c org:hasUnit :m . " + _M + ":c a muniorg:Council .",
    ],
    "principle": [
        ":f skos:hasTopConcept :p . :p a muniorg:Principle .",
        ":f a muniorg:Foundation ; skos:hasTopConcept :p . :p a skos:Concept .",
        ":f a muniorg:Foundation ; skos:hasTopConcept [ a muniorg:Principle ] .",
    ],
    "programme-membership": [
        ":x a muniorg:Municipality . :ms org:organization :x .",
        ":x a muniorg:CooperationProgramme . :ms org:member :x .",
        ":x a muniorg:CooperationProgramme . [] org:organization :x .",
    ],
}


@pytest.mark.parametrize("name", sorted(LINK_NEAR_MISSES))
def test_a_rules_link_finds_what_its_query_counts(name: str) -> None:
    """A rule with a ``link`` is counted by SPARQL only where the link is in the data: on its
    case and near misses, the link is there exactly when the query counts something."""
    from muniorg.rdf.others import _count, _linked, _sparql

    rule = next(r for r in RULES if r.name == name)
    assert rule.link is not None
    for turtle in [RULE_CASES[name], *LINK_NEAR_MISSES[name]]:
        data = Graph().parse(data=_PREFIXES + turtle, format="turtle")
        assert _linked(data, *rule.link) == (_count(data, _sparql(rule.count)) > 0), turtle


def normalised(turtle: str) -> Graph:
    return normalise(Graph().parse(data=_PREFIXES + turtle, format="turtle"))[0]


def test_street_address_and_mailto_are_rewritten() -> None:
    g = normalised(RULE_CASES["postal-address-schema"] + RULE_CASES["contact-email"])
    turtle = g.serialize(format="nt")
    assert '<https://ex.org/a> <http://www.w3.org/ns/locn#thoroughfare> "Borggata 2"' in turtle
    assert '<https://ex.org/c> <http://data.europa.eu/m8g/email> "a@b.dk"' in turtle
    assert "schema.org" not in turtle and "mailto:" not in turtle


def test_an_address_without_po_box_is_left_unmapped() -> None:
    data = Graph().parse(data=_PREFIXES + RULE_CASES["address-ambiguous"], format="turtle")
    outcome = read_graph_model(data)
    m = municipality(outcome)
    assert (m.postalAddress, m.visitingAddress) == (None, None)
    assert "<https://ex.org/m> <http://schema.org/address> <https://ex.org/a>" in lines(outcome)


def test_names_without_a_language_are_not_given_one() -> None:
    data = Graph().parse(data=_PREFIXES + _M + ":m schema:name 'Sorø' .", format="turtle")
    outcome = read_graph_model(data)
    assert municipality(outcome).name == {"da": "M"}
    assert lines(outcome) == ['<https://ex.org/m> <http://schema.org/name> "Sorø"']


def test_a_text_where_a_unit_belongs_is_left_unmapped() -> None:
    """A council or department given as a text (others' data names them so) was typed by the
    range rules and failed on an assertion: ``muniorg export`` of such a file exited 3."""
    turtle = _M + ":m muniorg:council 'Byrådet' ; schema:department 'Social' ."
    outcome = read_graph_model(Graph().parse(data=_PREFIXES + turtle, format="turtle"))
    m = municipality(outcome)
    assert (m.council, m.departments) == (None, [])
    assert lines(outcome) == [
        '<https://ex.org/m> <http://schema.org/department> "Social"',
        '<https://ex.org/m> <https://w3id.org/muniorg#council> "Byrådet"',
    ]
    assert not [note for note in outcome.notes if "unit" in note]


def test_from_graph_reads_no_literal_as_an_object() -> None:
    """A graph made by hand may type a literal; from_graph left it out instead of asserting."""
    m, council = URIRef("https://ex.org/m"), Literal("Byrådet")
    graph = Graph()
    graph.add((m, RDF.type, MUNIORG.Municipality))
    graph.add((m, MUNIORG.council, council))
    graph.add((council, RDF.type, MUNIORG.Council))
    assert from_graph(graph, str(m), Municipality).council is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("'NaN'^^<http://www.w3.org/2001/XMLSchema#decimal>", "KeyFigure.value: expected a finite"),
        ("'-5'^^<http://www.w3.org/2001/XMLSchema#integer> ; dct:date '-5'", "KeyFigure.date"),
    ],
)
def test_a_value_the_model_cannot_hold_names_its_object_and_file(
    tmp_path: Path, value: str, message: str
) -> None:
    """A value of others' data the model refuses was a ModelError naming neither the object nor
    the file (``error: KeyFigure.value: ...`` from ``muniorg export``)."""
    turtle = (
        _PREFIXES
        + _M
        + f":m muniorg:keyFigure :k . :k a muniorg:KeyFigure ; schema:value {value} ."
    )
    path = tmp_path / "figures.ttl"
    path.write_text(turtle, encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        read_graph_model(read_graph(path))
    assert str(caught.value).startswith(f"<https://ex.org/k> {message}"), str(caught.value)
    with pytest.raises(MappingError) as caught:
        convert_paths([path], RdfFormat.JSONLD, tmp_path / "out")
    assert str(caught.value).startswith(f"{path}: <https://ex.org/k> {message}")


def test_two_addresses_are_not_guessed_apart() -> None:
    turtle = (
        RULE_CASES["postal-address"]
        + ":m locn:address :b . :b a locn:Address ; locn:poBox 'Box 2' ."
    )
    outcome = read_graph_model(Graph().parse(data=_PREFIXES + turtle, format="turtle"))
    assert municipality(outcome).postalAddress is None
    assert len([line for line in lines(outcome) if "locn#address>" in line]) == 2


# --- and none fires on muniorg's own output ---------------------------------------------------


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("interop") / "dist"
    assert build([ROOT / "examples"], out).published
    return out


@pytest.mark.parametrize("extension", [".ttl", ".jsonld"])
@pytest.mark.parametrize("slug", EXAMPLE_SLUGS)
def test_own_output_reads_without_notes_or_unmapped(dist: Path, slug: str, extension: str) -> None:
    outcome = read_graph_model(read_graph(dist / f"{slug}{extension}"))
    assert len(outcome.roots) == 1
    assert outcome.notes == []
    assert outcome.unmapped == []


#: muniorg's own predicates for what the established vocabularies say with one property for
#: several keys, and that property: data written with the latter (by other tools, or by muniorg
#: before it had the sub-properties) must read as the same model.
_SUB_PROPERTIES = {
    "<https://w3id.org/muniorg#council>": "<http://www.w3.org/ns/org#hasUnit>",
    "<https://w3id.org/muniorg#coDeterminationBody>": "<http://www.w3.org/ns/org#hasUnit>",
    "<https://w3id.org/muniorg#principle>": "<http://www.w3.org/2004/02/skos/core#hasTopConcept>",
    "<https://w3id.org/muniorg#programme>": "<http://www.w3.org/ns/org#organization>",
}


def with_super_properties(ntriples: str) -> str:
    """muniorg's N-Triples with each sub-property of :data:`_SUB_PROPERTIES` written as the
    property it specialises."""
    for sub, super_property in _SUB_PROPERTIES.items():
        ntriples = ntriples.replace(f"> {sub} <", f"> {super_property} <")
    return ntriples


@pytest.mark.parametrize("slug", EXAMPLE_SLUGS)
def test_the_super_properties_read_as_the_sub_properties(dist: Path, slug: str) -> None:
    """A council, co-determination body, principle or programme membership given with
    org:hasUnit, skos:hasTopConcept or org:organization reads as the same model, with a note."""
    own = (dist / f"{slug}.nt").read_text(encoding="utf-8")
    plain = with_super_properties(own)
    outcome = read_graph_model(Graph().parse(data=plain, format="nt"))
    assert outcome.roots == read_graph_model(Graph().parse(data=own, format="nt")).roots
    assert outcome.unmapped == []
    rewritten = sum(own.count(f"> {sub} <") for sub in _SUB_PROPERTIES)
    assert bool(outcome.notes) == bool(rewritten)


def test_a_post_of_the_council_makes_its_holder_one_of_the_municipalitys_people() -> None:
    """person-of-post follows the council's sub-property of org:hasUnit, as it follows
    org:hasUnit."""
    data = _M + (
        ":m muniorg:council :c . :c a muniorg:Council, org:OrganizationalUnit ; "
        "skos:prefLabel 'Byrådet'@da ; org:hasPost :post . "
        ":post a org:Post ; org:heldBy :p . :p a foaf:Person ; foaf:name 'Gert Jørgensen' ."
    )
    g = normalised(data)
    assert (URIRef("https://ex.org/p"), ORG.memberOf, URIRef("https://ex.org/m")) in g


def test_a_council_of_a_public_organisation_is_not_read_as_a_second_municipality() -> None:
    """A unit with a country of its own (CPOV data) is a municipality only when it is no one's
    unit: the council's sub-property counts as being a unit."""
    data = _M + (
        ":m muniorg:council :c . :c a cv:PublicOrganisation ; schema:addressCountry 'DK' ; "
        "skos:prefLabel 'Byrådet'@da ."
    )
    outcome = read_graph_model(Graph().parse(data=_PREFIXES + data, format="turtle"))
    assert [str(root.id) for root in outcome.roots] == ["https://ex.org/m"]
    assert municipality(outcome).council is not None


def test_units_linked_by_a_sub_property_and_its_super_property_read_once() -> None:
    """Data with RDFS inference applied has org:hasUnit beside muniorg:council: the council is
    read as the council, not as a department too, and nothing is left unmapped."""
    data = _M + (
        ":m muniorg:council :c ; org:hasUnit :c . :c a org:OrganizationalUnit ; "
        "skos:prefLabel 'Byrådet'@da ."
    )
    outcome = read_graph_model(Graph().parse(data=_PREFIXES + data, format="turtle"))
    m = municipality(outcome)
    assert m.council is not None and m.departments == []
    assert outcome.unmapped == []


def test_rdf_with_the_super_properties_validates_as_the_same_data(
    dist: Path, tmp_path: Path
) -> None:
    """``muniorg validate`` of RDF that gives the council as org:hasUnit (another tool's, or
    muniorg's before it had the sub-properties) checks it as the council, with an info that
    says so, instead of warning that the municipality has no council."""
    from muniorg.publish.check import SUB_PROPERTY_READ, validate_paths

    own, plain = [], []
    for slug in ("soroe", "saman-om-ein-betre-kommune"):
        text = with_super_properties((dist / f"{slug}.nt").read_text(encoding="utf-8"))
        (tmp_path / f"{slug}.nt").write_text(text, encoding="utf-8")
        own.append(dist / f"{slug}.nt")
        plain.append(tmp_path / f"{slug}.nt")
    expected = validate_paths(own)
    report = validate_paths(plain)
    notes = [r for r in report.results if r.constraint == SUB_PROPERTY_READ]
    by_file = {(r.location.file if r.location else None): r.message for r in notes}
    assert set(by_file) == {str(p) for p in plain}
    assert "muniorg:council" in by_file[str(plain[0])]
    assert "muniorg:programme" in by_file[str(plain[1])]
    others = [(r.severity, r.message, r.focus_node) for r in report.results if r not in notes]
    assert others == [(r.severity, r.message, r.focus_node) for r in expected.results]
