"""The facts of the seed pages, asserted with SPARQL against the graph built from ``examples/``.

Each case is one fact a reader of the pages (kept outside the repository) would check: if an
example file loses it, or the loader or the graph mapping stops producing it, the case fails and
its id names the fact. Queries name the top objects with the tokens SOROE, GLOSTRUP, NORRTAELJE, STORD
and PROGRAMME, replaced by their IRIs under the default base.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from muniorg.authoring.load import LoadResult, load_paths
from muniorg.core.checkdigits import valid_dk_cvr, valid_no_orgnr

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ID = "https://w3id.org/muniorg/id/"
ROOTS = {
    "SOROE": ID + "dk/340",
    "GLOSTRUP": ID + "dk/161",
    "NORRTAELJE": ID + "se/0188",
    "STORD": ID + "no/4614",
    "PROGRAMME": ID + "programme/saman-om-ein-betre-kommune",
}
PREFIXES = """
PREFIX adms: <http://www.w3.org/ns/adms#>
PREFIX cv: <http://data.europa.eu/m8g/>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX locn: <http://www.w3.org/ns/locn#>
PREFIX muniorg: <https://w3id.org/muniorg#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <http://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX role: <https://w3id.org/muniorg/vocab/role/>
PREFIX measure: <https://w3id.org/muniorg/vocab/measure/>
PREFIX qualifier: <https://w3id.org/muniorg/vocab/qualifier/>
PREFIX scheme: <https://w3id.org/muniorg/vocab/identifier-scheme/>
PREFIX theme: <https://w3id.org/muniorg/vocab/theme/>
PREFIX freq: <http://publications.europa.eu/resource/authority/frequency/>
PREFIX lang: <http://publications.europa.eu/resource/authority/language/>
""" + "".join(
    f"PREFIX {name}: <https://w3id.org/muniorg/vocab/{name}/>\n"
    for name in (
        "certification-kind",
        "foundation-kind",
        "initiative-kind",
        "organisation-kind",
        "region-kind",
        "strategy-kind",
        "unit-kind",
    )
)


def _count(n: int, where: str) -> str:
    """An ASK query that holds when the SELECT of ``?x`` over ``where`` has ``n`` distinct rows."""
    return f"{{ SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }} }} FILTER(?n = {n})"


# Per top object (whose page states the fact): fact id -> ASK body.
FACTS: dict[str, dict[str, str]] = {
    "soroe": {
        "35-leaders-post-has-both-roles": (
            "SOROE org:hasPost ?p . ?p muniorg:postCount 35 ; "
            "org:role role:group-leader, role:institution-leader ."
        ),
        "vision-is-also-plan-strategy": (
            "SOROE muniorg:strategy ?s . ?s dct:title 'Vision og Planstrategi 2022'@da ; "
            "dct:type strategy-kind:vision, strategy-kind:plan-strategy ."
        ),
        "sick-days-fell-over-five-years": (
            "SOROE muniorg:initiative ?i . ?i muniorg:outcome ?o . ?o schema:value -3 ; "
            "dct:temporal ?p . ?p skos:prefLabel 'today compared with five years earlier'@en ."
        ),
        "council-25-seats": (
            "SOROE muniorg:council ?c . "
            "?c a muniorg:Council ; muniorg:seats 25 ; skos:prefLabel 'Byrådet'@da ."
        ),
        "council-6-committees": (
            "SOROE muniorg:council ?c . ?c a muniorg:Council ; muniorg:keyFigure ?k . "
            "?k dct:type measure:committees ; schema:value 6 ."
        ),
        "population-approximate-30000": (
            "SOROE muniorg:keyFigure ?k . ?k dct:type measure:population ; schema:value 30000 ; "
            "muniorg:qualifier qualifier:approximate ; skos:prefLabel 'ca. 30.000 borgere'@da ."
        ),
        "employees-more-than-2000": (
            "SOROE muniorg:keyFigure ?k . ?k dct:type measure:employees ; schema:value 2000 ; "
            "muniorg:qualifier qualifier:more-than ."
        ),
        "vision-links-17-sdgs": _count(
            17,
            "SOROE muniorg:strategy ?s . ?s dct:title 'Vision og Planstrategi 2022'@da ; "
            "muniorg:sdg ?x .",
        ),
        "vision-horizon-2030": (
            "SOROE muniorg:strategy ?s . ?s dct:title 'Vision og Planstrategi 2022'@da ; "
            "muniorg:horizon '2030'^^xsd:gYear ; dct:type strategy-kind:plan-strategy ."
        ),
        "mayor-gert-joergensen": (
            "SOROE org:hasPost ?p . ?p org:role role:mayor ; org:heldBy ?who . "
            "?who foaf:name 'Gert Jørgensen' ; org:memberOf SOROE ."
        ),
        "director-and-deputy": (
            "SOROE org:hasPost ?d, ?v . ?d org:role role:municipal-director ; org:heldBy ?a . "
            "?a foaf:name 'Søren S. Kjær' . ?v org:role role:deputy-municipal-director ; "
            "org:heldBy ?b . ?b foaf:name 'Henrik Nielsen' ."
        ),
        "seven-centre-heads-one-post": (
            "SOROE org:hasPost ?p . ?p org:role role:head-of-centre ; muniorg:postCount 7 . "
            "FILTER NOT EXISTS { ?p org:heldBy ?anyone }"
        ),
        "35-group-and-institution-leaders": (
            "SOROE org:hasPost ?p . ?p muniorg:postCount 35 ; "
            "skos:prefLabel 'gruppe- og institutionsleder'@da ."
        ),
        "value-foundation-4-values": _count(
            4,
            "SOROE muniorg:foundation ?f . ?f dct:type foundation-kind:value-foundation ; "
            "skos:hasTopConcept ?x . ?x a muniorg:Value ; muniorg:position ?o .",
        ),
        "value-trovaerdighed-first": (
            "SOROE muniorg:foundation ?f . ?f skos:hasTopConcept ?v . "
            "?v skos:prefLabel 'troværdighed'@da ; muniorg:position 1 ."
        ),
        "motto": "SOROE schema:slogan 'vi kan og vi tør, vi vil og vi gør'@da .",
        "sund-paa-job-3-fewer-sick-days": (
            "SOROE muniorg:initiative ?i . ?i skos:prefLabel 'Sund på Job'@da ; muniorg:outcome ?k . "
            "?k dct:type measure:sick-days-change ; schema:value -3 ; "
            "muniorg:qualifier qualifier:approximate ; schema:unitText 'days per employee per year' ."
        ),
        "two-health-campaigns": _count(
            2,
            "SOROE muniorg:initiative ?x . "
            "?x dct:type initiative-kind:campaign ; dct:subject theme:health .",
        ),
        "12-service-areas": _count(12, "SOROE muniorg:serviceArea ?x ."),
        "kommunekode-340-and-cvr": (
            "SOROE adms:identifier ?a, ?b . ?a skos:notation '340' ; dct:conformsTo scheme:dk-kommunekode . "
            "?b skos:notation '29189994' ; dct:conformsTo scheme:dk-cvr ."
        ),
        "midtsjaelland-landscape-and-location-note": (
            "SOROE dct:spatial ?a . ?a schema:containedInPlace ?r ; dct:description ?d . "
            "?r skos:prefLabel 'Midtsjælland'@da ; dct:type region-kind:landscape . "
            "FILTER(CONTAINS(STR(?d), 'under en time til både København og Odense'))"
        ),
        "history-holberg-ingemann": (
            "SOROE skos:historyNote ?h . FILTER(LANG(?h) = 'da' && CONTAINS(?h, 'Holberg') "
            "&& CONTAINS(?h, 'Ingemann'))"
        ),
    },
    "glostrup": {
        "employee-foundation-written-by-employees-with-management": (
            "GLOSTRUP muniorg:foundation ?f . ?f dct:type foundation-kind:employee-foundation ; "
            "dct:creator <https://w3id.org/muniorg/vocab/stakeholder/employees>, "
            "<https://w3id.org/muniorg/vocab/stakeholder/management> ."
        ),
        "employees-more-than-2000": (
            "GLOSTRUP muniorg:keyFigure ?k . ?k dct:type measure:employees ; schema:value 2000 ; "
            "muniorg:qualifier qualifier:more-than ; skos:prefLabel 'godt 2.000 ansatte'@da ."
        ),
        "employee-foundation-4-principles-with-reasons": _count(
            4,
            "GLOSTRUP muniorg:foundation ?f . "
            "?f dct:type foundation-kind:employee-foundation ; muniorg:principle ?x . "
            "?x a muniorg:Principle ; muniorg:reason ?r ; muniorg:position ?o .",
        ),
        "expectation-engagement-og-trivsel-reason": (
            "GLOSTRUP muniorg:foundation ?f . ?f muniorg:principle ?p . "
            "?p skos:prefLabel 'Engagement og trivsel'@da ; "
            "muniorg:reason 'fordi det skal være en fornøjelse at gå på arbejde'@da ; muniorg:position 1 ."
        ),
        "employee-foundation-spirit-reciprocity": (
            "GLOSTRUP muniorg:foundation ?f . ?f dct:type foundation-kind:employee-foundation ; "
            "skos:hasTopConcept ?v . ?v a muniorg:Value ; skos:prefLabel 'gensidighed'@da ."
        ),
        "leadership-foundation-3-purposes": _count(
            3,
            "GLOSTRUP muniorg:foundation ?f . "
            "?f dct:type foundation-kind:leadership-foundation ; muniorg:purpose ?x . "
            "FILTER(LANG(?x) = 'da')",
        ),
        "leadership-foundation-base-principle": (
            "GLOSTRUP muniorg:foundation ?f . ?f dct:type foundation-kind:leadership-foundation ; "
            "muniorg:principle ?p . ?p a muniorg:Principle ; skos:definition ?d . "
            "FILTER(CONTAINS(?d, 'ordentligt, ligeværdigt og med respekt'))"
        ),
        "strategy-2022-2023-organised-by-committees": (
            "GLOSTRUP muniorg:strategy ?s ; muniorg:council ?council . "
            "?s dct:title 'En stærk kommune i hovedstadsområdet'@da ; muniorg:organisedBy ?c ; "
            "dct:temporal [ dcat:startDate '2022'^^xsd:gYear ; dcat:endDate '2023'^^xsd:gYear ] . "
            "?council a muniorg:Council ; org:hasUnit ?c . ?c a muniorg:Committee ."
        ),
        "med-organisation-contains-hovedudvalget": (
            "GLOSTRUP muniorg:coDeterminationBody ?med . ?med a muniorg:CoDeterminationBody ; "
            "org:classification unit-kind:co-determination-organisation ; org:hasUnit ?h . "
            "?h skos:prefLabel 'MED Hovedudvalget'@da ; "
            "org:classification unit-kind:main-co-determination-committee ."
        ),
        "strategy-plan-2021-by-hovedudvalget": (
            "GLOSTRUP muniorg:strategy ?s . ?s dct:title 'Sammen om vores attraktive arbejdsplads'@da ; "
            "dct:type strategy-kind:strategy-plan ; dct:creator ?h ; "
            "dct:temporal [ dcat:startDate '2021'^^xsd:gYear ] . "
            "?h skos:prefLabel 'MED Hovedudvalget'@da ."
        ),
        "kommunekode-161-and-cvr": (
            "GLOSTRUP adms:identifier ?a, ?b . ?a skos:notation '161' ; "
            "dct:conformsTo scheme:dk-kommunekode . ?b skos:notation '65120119' ; "
            "dct:conformsTo scheme:dk-cvr ."
        ),
        "in-hovedstadsomraadet": (
            "GLOSTRUP dct:spatial/schema:containedInPlace ?r . "
            "?r skos:prefLabel 'Hovedstadsområdet'@da ; dct:type region-kind:informal-region ."
        ),
    },
    "norrtaelje": {
        "3-yearly-award-schemes": _count(
            3, "NORRTAELJE muniorg:awardScheme ?x . ?x dct:accrualPeriodicity freq:ANNUAL ."
        ),
        "arets-chef-6-criteria": _count(
            6,
            "NORRTAELJE muniorg:awardScheme ?a . ?a skos:prefLabel 'Årets chef'@sv ; "
            "muniorg:criterion ?x . FILTER(LANG(?x) = 'sv')",
        ),
        "vision-global-livsstil-lokalt-liv": (
            "NORRTAELJE muniorg:strategy ?s . ?s dct:title 'Global livsstil, lokalt liv'@sv ; "
            "dct:type strategy-kind:vision ."
        ),
        "kommunkod-0188": (
            "NORRTAELJE adms:identifier ?i . "
            "?i skos:notation '0188' ; dct:conformsTo scheme:se-kommunkod ."
        ),
        "no-unsourced-organisationsnummer": (
            "FILTER NOT EXISTS { NORRTAELJE adms:identifier/dct:conformsTo "
            "scheme:se-organisationsnummer }"
        ),
        "page-modified-2022-12-29": (
            "NORRTAELJE foaf:page ?p . ?p dct:title 'Filosofi och arbetssätt'@sv ; "
            "dct:modified '2022-12-29'^^xsd:date ; dct:language lang:SWE ."
        ),
        "talangforum-and-lean-akademi": (
            "NORRTAELJE muniorg:initiative ?t, ?l . ?t skos:prefLabel 'Talangforum'@sv ; "
            "dct:type initiative-kind:forum . ?l skos:prefLabel 'Lean-akademi'@sv ; "
            "dct:type initiative-kind:training-programme ."
        ),
        "competence-development": (
            "NORRTAELJE muniorg:initiative ?i . ?i skos:prefLabel 'Kompetensutveckling'@sv ; "
            "dct:subject theme:competence ."
        ),
        "in-stockholms-laen": (
            "NORRTAELJE dct:spatial/schema:containedInPlace ?r . ?r skos:prefLabel 'Stockholms län'@sv ; "
            "skos:notation '01' ; dct:type region-kind:county ."
        ),
    },
    "stord": {
        "web-site-developed-with-sem-og-stenersen": (
            "STORD foaf:homepage ?h . ?h dct:contributor ?o . "
            "?o skos:prefLabel 'Sem & Stenersen'@nn ; org:classification organisation-kind:company ."
        ),
        "current-kommunenummer-4614": (
            "STORD adms:identifier ?i . ?i skos:notation '4614' ; dct:conformsTo scheme:no-kommunenummer ; "
            "dct:temporal ?t . ?t dcat:startDate '2020-01-01'^^xsd:date . "
            "FILTER NOT EXISTS { ?t dcat:endDate ?end }"
        ),
        "old-kommunenummer-1221-ended": (
            "STORD adms:identifier ?i . ?i skos:notation '1221' ; dct:conformsTo scheme:no-kommunenummer ; "
            "dct:temporal/dcat:endDate '2019-12-31'^^xsd:date ."
        ),
        "organisasjonsnummer": (
            "STORD adms:identifier ?i . ?i skos:notation '939866914' ; "
            "dct:conformsTo scheme:no-organisasjonsnummer ."
        ),
        "postal-and-visiting-address": (
            "STORD muniorg:postalAddress ?p ; muniorg:visitingAddress ?v . "
            "?p locn:poBox 'Postboks 304' ; locn:postCode '5402' ; locn:postName 'Stord'@nn . "
            "?v locn:thoroughfare 'Borggata'@nn ; locn:locatorDesignator '2' ; locn:postCode '5417' ."
        ),
        "open-monday-to-friday-0800-1530": _count(
            5,
            "STORD cv:contactPoint/schema:hoursAvailable ?h . "
            "?h schema:opens '08:00:00'^^xsd:time ; schema:closes '15:30:00'^^xsd:time ; "
            "schema:dayOfWeek ?x .",
        ),
        "phone-email-bank-account": (
            "STORD cv:contactPoint ?c . ?c cv:telephone '+47 53 49 66 00' ; "
            "cv:email 'post@stord.kommune.no' ; muniorg:bankAccount '3201.23.04780' ."
        ),
        "hr-head-annlaug-tenold": (
            "STORD org:hasPost ?p . "
            "?p org:role role:hr-head ; org:heldBy/foaf:name 'Annlaug Tenold' ."
        ),
        "three-editors": (
            "STORD org:hasPost ?a, ?b, ?c . "
            "?a org:role role:editor-in-chief ; org:heldBy/foaf:name 'Magnus Mjør' . "
            "?b org:role role:web-editor ; org:heldBy/foaf:name 'Haldis Lauksund' . "
            "?c org:role role:technical-manager ; org:heldBy/foaf:name 'Leif-Arne Helland' ."
        ),
        "page-author-and-dates": (
            "STORD foaf:page ?p . ?p dct:creator/foaf:name 'Emma Ölander Aadland' ; "
            "dct:issued '2014-05-14T10:48:00'^^xsd:dateTime ; "
            "dct:modified '2015-08-04T10:12:00'^^xsd:dateTime ; dct:language lang:NNO ."
        ),
        "four-labels": _count(4, "STORD muniorg:certification ?x ."),
        "miljoefyrtaarn": (
            "STORD muniorg:certification ?c . ?c skos:prefLabel 'Miljøfyrtårn'@nn ; "
            "dct:type certification-kind:certification ."
        ),
        "in-sunnhordland": "STORD dct:spatial/schema:containedInPlace/skos:prefLabel 'Sunnhordland'@nn .",
    },
    "programme": {
        "6-partners": _count(6, "PROGRAMME org:hasMember ?x . ?x a org:FormalOrganization ."),
        "ministry-and-ks": (
            "PROGRAMME org:hasMember ?m, ?ks . ?m skos:prefLabel 'Kommunal- og regionaldepartementet'@nn ; "
            "org:classification organisation-kind:ministry . ?ks skos:prefLabel 'KS'@nn ; "
            "org:classification organisation-kind:association-of-municipalities ."
        ),
        "period-2012-2015": (
            "PROGRAMME dct:temporal ?t . ?t dcat:startDate '2012'^^xsd:gYear ; "
            "dcat:endDate '2015'^^xsd:gYear ."
        ),
        "5-themes": _count(5, "PROGRAMME dct:subject ?x ."),
        "4-benefits": _count(4, "PROGRAMME muniorg:benefit ?x ."),
        "autumn-2012-admitted-59": (
            "PROGRAMME muniorg:intakeRound ?r . ?r muniorg:admittedCount 59 ; "
            "skos:prefLabel 'hausten 2012'@nn ."
        ),
        "2-intake-rounds": _count(2, "PROGRAMME muniorg:intakeRound ?x ."),
        "110-municipalities-8-networks": (
            "PROGRAMME muniorg:keyFigure ?a, ?b . "
            "?a dct:type measure:participating-municipalities ; schema:value 110 . "
            "?b dct:type measure:networks ; schema:value 8 ."
        ),
        "stord-participant-admitted-autumn-2012": (
            "?m muniorg:programme PROGRAMME ; org:member STORD ; org:role role:programme-participant ; "
            "muniorg:admittedIn ?r ; muniorg:localProject ?p . "
            "PROGRAMME muniorg:intakeRound ?r . ?r muniorg:admittedCount 59 ."
        ),
        "tripartite-requirement": (
            "PROGRAMME muniorg:requirement ?q . "
            "FILTER(LANG(?q) = 'nn' && CONTAINS(?q, 'tillitsvalde'))"
        ),
    },
}
CASES = [(subject, fact, body) for subject, facts in FACTS.items() for fact, body in facts.items()]


def _ask(graph: Graph, body: str) -> bool:
    for token, iri in ROOTS.items():
        body = body.replace(token, f"<{iri}>")
    return bool(graph.query(f"{PREFIXES}\nASK {{ {body} }}").askAnswer)


@pytest.fixture(scope="module")
def loaded() -> LoadResult:
    return load_paths([EXAMPLES])


@pytest.fixture(scope="module")
def graph(loaded: LoadResult) -> Graph:
    return loaded.graph()


def test_every_example_file_is_loaded(loaded: LoadResult) -> None:
    names = sorted(str(d.path.relative_to(EXAMPLES)) for d in loaded.documents)
    assert names == [
        "municipalities/glostrup.yaml",
        "municipalities/norrtaelje.yaml",
        "municipalities/soroe.yaml",
        "municipalities/stord.yaml",
        "programmes/saman-om-ein-betre-kommune.yaml",
    ]


def test_at_least_six_facts_per_subject() -> None:
    per_subject = {subject: len(facts) for subject, facts in FACTS.items()}
    assert sorted(per_subject) == ["glostrup", "norrtaelje", "programme", "soroe", "stord"]
    assert len(CASES) == 66
    assert all(n >= 6 for n in per_subject.values()), per_subject


@pytest.mark.parametrize(
    "body", [body for _, _, body in CASES], ids=[f"{s}-{fact}" for s, fact, _ in CASES]
)
def test_fact(graph: Graph, body: str) -> None:
    assert _ask(graph, body)


def test_fact_query_fails_on_a_graph_without_the_fact(graph: Graph) -> None:
    # Guards against queries that hold vacuously: the same fact on an empty graph is false.
    body = FACTS["soroe"]["council-25-seats"]
    assert _ask(graph, body)
    assert not _ask(Graph(), body)


def test_every_source_is_a_described_document(graph: Graph) -> None:
    sources = set(graph.objects(None, URIRef("http://purl.org/dc/terms/source")))
    documents = set(
        graph.subjects(
            URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            URIRef("http://xmlns.com/foaf/0.1/Document"),
        )
    )
    # 5 Sorø, 4 Glostrup, 3 Norrtälje, 4 Stord (with the two local government acts)
    assert len(sources) == 16
    assert sources <= documents, sorted(map(str, sources - documents))


@pytest.mark.parametrize(
    ("scheme", "check", "expected"),
    [
        ("no-organisasjonsnummer", valid_no_orgnr, ["939866914"]),
        ("dk-cvr", valid_dk_cvr, ["29189994", "65120119"]),
    ],
    ids=["no-organisasjonsnummer", "dk-cvr"],
)
def test_organisation_numbers_pass_their_check_digits(
    graph: Graph, scheme: str, check: Callable[[str], bool], expected: list[str]
) -> None:
    # The numbers come from the pages and the registry extracts; a typo breaks the check digit.
    rows = graph.query(
        PREFIXES + "SELECT DISTINCT ?n WHERE { ?i dct:conformsTo ?s ; skos:notation ?n }",
        initBindings={"s": URIRef(f"https://w3id.org/muniorg/vocab/identifier-scheme/{scheme}")},
    )
    numbers = sorted(str(row[0]) for row in rows)  # type: ignore[index]
    assert numbers == expected
    assert all(check(n) for n in numbers), numbers


@pytest.mark.parametrize(
    ("token", "title"),
    [
        ("SOROE", "Hvad kendetegner kommunen – Et godt sted at arbejde"),
        ("GLOSTRUP", "Glostrup Kommune som arbejdsplads"),
        ("NORRTAELJE", "Filosofi och arbetssätt"),
        ("STORD", "Saman om ein betre kommune"),
    ],
    ids=["soroe", "glostrup", "norrtaelje", "stord"],
)
def test_seed_page_is_published_by_its_municipality(graph: Graph, token: str, title: str) -> None:
    assert _ask(
        graph,
        f"{token} foaf:page ?p . ?p dct:title ?t ; dct:publisher {token} . "
        f"FILTER(STR(?t) = '{title}')",
    )
