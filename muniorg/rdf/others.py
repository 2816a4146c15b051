"""Normalise data written with plain ORG, CPOV and schema.org terms to muniorg's terms.

Publishers describe the same things with different established terms: a municipality may be
only a ``cv:PublicOrganisation`` or ``schema:GovernmentOrganization`` with a ``schema:name``;
a unit only an ``org:OrganizationalUnit``. :func:`normalise` returns a copy of a graph in which
such data uses the terms muniorg reads, and a note per kind of change, so the caller can show
what was assumed. Rules are SPARQL updates: one library call each, no Python loop over the graph.

A rule only rewrites what has one reading. Where the data leaves a choice open (an address
that may be the postal or the visiting one, an identifier without a scheme) nothing is guessed:
the triples stay as they are, :func:`muniorg.rdf.read.read_graph_model` lists them as unmapped,
and a note says why.

Example:
    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ...     @prefix cv: <http://data.europa.eu/m8g/> . @prefix schema: <http://schema.org/> .
    ...     <https://ex.org/m> a cv:PublicOrganisation ; schema:name "Sorø Kommune"@da ;
    ...         schema:addressCountry "DK" .''', format="turtle")
    >>> normalised, notes = normalise(g)
    >>> notes[0]
    'a cv:PublicOrganisation or schema:GovernmentOrganization with a country is read as a muniorg:Municipality (1 node)'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node as RdfNode

from muniorg.core.namespaces import PREFIXES, new_graph

_PREFIXES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())

#: Skolem IRIs for blank nodes, in the form RDF 1.1 (section 3.5) recommends.
GENID = "https://w3id.org/muniorg/.well-known/genid/"

#: Class lists the rules share, written ``$NAME`` in their queries.
_CLASS_LISTS = {
    # The organisations and units of the model: they have names.
    "$ORGANISATION_TYPES": "muniorg:Municipality org:OrganizationalUnit org:FormalOrganization",
    # The classes whose model has a homepage (units have none).
    "$HOMEPAGE_TYPES": "muniorg:Municipality org:FormalOrganization muniorg:CooperationProgramme",
    # org:hasUnit and muniorg's sub-properties of it (the council, co-determination bodies).
    "$UNIT_PATH": "(org:hasUnit|muniorg:council|muniorg:coDeterminationBody)",
}


@dataclass(frozen=True)
class Rule:
    """One normalisation: a note template, a query counting the nodes it applies to, an update.

    A rule without ``update`` only reports: the data it finds has no single reading, so it is
    left as it is (and read as far as it goes, or listed as unmapped).
    """

    #: A short stable name, for tests and for switching a rule off.
    name: str
    #: Predicates or classes (prefixed names) of which the data must hold one for the rule to
    #: apply: a cheap index lookup that spares the query on data that cannot match.
    needs: tuple[str, ...]
    note: str
    count: str
    update: str | None = None
    #: For a rule whose query is one link ``?s predicate ?o`` between typed nodes: (the classes
    #: of ``?s``, any when empty; the predicate; the classes of ``?o``). The rule applies only
    #: where such a link is in the data, which an index lookup finds without rdflib's SPARQL
    #: engine (about a tenth of a second to import and parse a query): a one-file validation
    #: of RDF that muniorg wrote needs no query at all.
    link: tuple[tuple[str, ...], str, tuple[str, ...]] | None = None


RULES: tuple[Rule, ...] = (
    Rule(
        name="department",
        needs=("schema:department",),
        note="schema:department is read as org:hasUnit, the department as an org:OrganizationalUnit "
        "instead of a schema:Organization or GovernmentOrganization ({n} link{s})",
        count="SELECT (COUNT(*) AS ?n) WHERE { ?o schema:department ?u FILTER(isIRI(?u)) }",
        update="""DELETE { ?o schema:department ?u . ?u a ?schemaType }
            INSERT { ?o org:hasUnit ?u . ?u a org:OrganizationalUnit }
            WHERE { ?o schema:department ?u FILTER(isIRI(?u))
                    OPTIONAL { ?u a ?schemaType
                               VALUES ?schemaType { schema:Organization schema:GovernmentOrganization } } }""",
    ),
    Rule(
        name="unit-of",
        needs=("org:unitOf",),
        note="org:unitOf is read as the inverse org:hasUnit ({n} link{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?u org:unitOf ?m . FILTER NOT EXISTS { ?m org:hasUnit ?u } }""",
        update="""DELETE { ?u org:unitOf ?m } INSERT { ?m org:hasUnit ?u } WHERE { ?u org:unitOf ?m }""",
    ),
    Rule(
        name="post-in",
        needs=("org:postIn",),
        note="org:postIn is read as the inverse org:hasPost ({n} link{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?p org:postIn ?o . FILTER NOT EXISTS { ?o org:hasPost ?p } }""",
        update="""DELETE { ?p org:postIn ?o } INSERT { ?o org:hasPost ?p } WHERE { ?p org:postIn ?o }""",
    ),
    Rule(
        name="country-of-address",
        needs=("schema:address", "locn:address"),
        note="an organisation without a country takes the country of its address ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
            { ?m a cv:PublicOrganisation } UNION { ?m a schema:GovernmentOrganization }
            FILTER NOT EXISTS { ?m schema:addressCountry ?any } FILTER NOT EXISTS { ?m muniorg:country ?any }
            FILTER NOT EXISTS { ?parent $UNIT_PATH ?m }
            { ?m schema:address ?a } UNION { ?m locn:address ?a }
            { ?a schema:addressCountry ?c } UNION { ?a locn:adminUnitL1 ?c } }""",
        update="""INSERT { ?m schema:addressCountry ?c } WHERE {
            { ?m a cv:PublicOrganisation } UNION { ?m a schema:GovernmentOrganization }
            FILTER NOT EXISTS { ?m schema:addressCountry ?any } FILTER NOT EXISTS { ?m muniorg:country ?any }
            FILTER NOT EXISTS { ?parent $UNIT_PATH ?m }
            { ?m schema:address ?a } UNION { ?m locn:address ?a }
            { ?a schema:addressCountry ?c } UNION { ?a locn:adminUnitL1 ?c } }""",
    ),
    Rule(
        name="municipality",
        needs=("cv:PublicOrganisation", "schema:GovernmentOrganization"),
        note="a cv:PublicOrganisation or schema:GovernmentOrganization with a country is read as a "
        "muniorg:Municipality ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
            { ?m a cv:PublicOrganisation } UNION { ?m a schema:GovernmentOrganization }
            FILTER NOT EXISTS { ?m a muniorg:Municipality } FILTER NOT EXISTS { ?parent $UNIT_PATH ?m }
            { ?m schema:addressCountry ?c } UNION { ?m muniorg:country ?c } }""",
        update="""INSERT { ?m a muniorg:Municipality, cv:PublicOrganisation, schema:GovernmentOrganization }
            WHERE { { ?m a cv:PublicOrganisation } UNION { ?m a schema:GovernmentOrganization }
                    FILTER NOT EXISTS { ?m a muniorg:Municipality } FILTER NOT EXISTS { ?parent $UNIT_PATH ?m }
                    { ?m schema:addressCountry ?c } UNION { ?m muniorg:country ?c } }""",
    ),
    Rule(
        name="sub-property-range",
        needs=("muniorg:council", "muniorg:coDeterminationBody"),
        note="a unit given as muniorg:council or muniorg:coDeterminationBody without a muniorg type "
        "is read as a Council or CoDeterminationBody, the range of the property ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { ?m ?p ?u FILTER(isIRI(?u))
            VALUES ?p { muniorg:council muniorg:coDeterminationBody }
            FILTER NOT EXISTS { ?u a ?t . FILTER(STRSTARTS(STR(?t), STR(muniorg:))) } }""",
        update="""INSERT { ?u a ?class } WHERE { ?m ?p ?u FILTER(isIRI(?u))
            VALUES (?p ?class) { (muniorg:council muniorg:Council)
                                 (muniorg:coDeterminationBody muniorg:CoDeterminationBody) }
            FILTER NOT EXISTS { ?u a ?t . FILTER(STRSTARTS(STR(?t), STR(muniorg:))) } }""",
    ),
    Rule(
        name="council-unit",
        needs=("org:hasUnit",),
        note="a muniorg:Council or muniorg:CoDeterminationBody given as org:hasUnit of a municipality "
        "is read as its muniorg:council or muniorg:coDeterminationBody, the sub-properties muniorg "
        "writes ({n} link{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?m a muniorg:Municipality ; org:hasUnit ?u .
            VALUES ?t { muniorg:Council muniorg:CoDeterminationBody } ?u a ?t }""",
        update="""DELETE { ?m org:hasUnit ?u } INSERT { ?m ?p ?u } WHERE {
            ?m a muniorg:Municipality ; org:hasUnit ?u .
            VALUES (?t ?p) { (muniorg:Council muniorg:council)
                             (muniorg:CoDeterminationBody muniorg:coDeterminationBody) }
            ?u a ?t }""",
        link=(
            ("muniorg:Municipality",),
            "org:hasUnit",
            ("muniorg:Council", "muniorg:CoDeterminationBody"),
        ),
    ),
    Rule(
        name="principle",
        needs=("skos:hasTopConcept",),
        note="a muniorg:Principle given as skos:hasTopConcept of a foundation is read as its "
        "muniorg:principle, the sub-property muniorg writes ({n} link{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?f a muniorg:Foundation ; skos:hasTopConcept ?p .
            ?p a muniorg:Principle }""",
        update="""DELETE { ?f skos:hasTopConcept ?p } INSERT { ?f muniorg:principle ?p } WHERE {
            ?f a muniorg:Foundation ; skos:hasTopConcept ?p . ?p a muniorg:Principle }""",
        link=(("muniorg:Foundation",), "skos:hasTopConcept", ("muniorg:Principle",)),
    ),
    Rule(
        name="programme-membership",
        needs=("org:organization",),
        note="org:organization of a membership in a cooperation programme is read as "
        "muniorg:programme, the sub-property muniorg writes ({n} link{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?m org:organization ?p .
            ?p a muniorg:CooperationProgramme }""",
        update="""DELETE { ?m org:organization ?p } INSERT { ?m muniorg:programme ?p } WHERE {
            ?m org:organization ?p . ?p a muniorg:CooperationProgramme }""",
        link=((), "org:organization", ("muniorg:CooperationProgramme",)),
    ),
    Rule(
        name="country-code",
        needs=("schema:addressCountry", "locn:adminUnitL1"),
        note="a Nordic two-letter country code (schema:addressCountry, or locn:adminUnitL1 of an "
        "address) is read as the EU country code ({n} value{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?m ?p ?c . VALUES ?p { schema:addressCountry locn:adminUnitL1 }
            FILTER(?p = schema:addressCountry || EXISTS { ?m a locn:Address })
            FILTER(isLiteral(?c) && UCASE(STR(?c)) IN ("DK", "SE", "NO", "FI", "IS", "GL", "FO", "AX")) }""",
        update="""DELETE { ?m ?p ?c }
            INSERT { ?m muniorg:country ?iri }
            WHERE { ?m ?p ?c . VALUES ?p { schema:addressCountry locn:adminUnitL1 }
                    FILTER(?p = schema:addressCountry || EXISTS { ?m a locn:Address })
                    FILTER(isLiteral(?c) && STRLEN(STR(?c)) = 2)
                    VALUES (?two ?three) { ("DK" "DNK") ("SE" "SWE") ("NO" "NOR") ("FI" "FIN")
                                           ("IS" "ISL") ("GL" "GRL") ("FO" "FRO") ("AX" "ALA") }
                    FILTER(UCASE(STR(?c)) = ?two)
                    BIND(IRI(CONCAT("http://publications.europa.eu/resource/authority/country/", ?three)) AS ?iri) }""",
    ),
    Rule(
        name="postal-address-schema",
        needs=("schema:PostalAddress",),
        note="a schema:PostalAddress is read as a locn:Address: postalCode as postCode, addressLocality "
        "as postName, postOfficeBoxNumber as poBox, streetAddress (street and number as written) as "
        "thoroughfare ({n} node{s})",
        count="SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:PostalAddress }",
        update="""DELETE { ?a a schema:PostalAddress . ?a ?p ?v }
            INSERT { ?a a locn:Address . ?a ?q ?v }
            WHERE { ?a a schema:PostalAddress .
                    OPTIONAL { VALUES (?p ?q) { (schema:postalCode locn:postCode)
                                                (schema:addressLocality locn:postName)
                                                (schema:postOfficeBoxNumber locn:poBox)
                                                (schema:streetAddress locn:thoroughfare) }
                               ?a ?p ?v } }""",
    ),
    Rule(
        name="postal-address",
        needs=("schema:address", "locn:address"),
        note="the one address of a municipality that has a post-office box is read as its postal "
        "address ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a muniorg:Municipality ; ?p ?a .
            VALUES ?p { locn:address schema:address } ?a locn:poBox ?box .
            FILTER NOT EXISTS { ?m muniorg:postalAddress ?any }
            FILTER NOT EXISTS { ?m ?p2 ?other . VALUES ?p2 { locn:address schema:address } FILTER(?other != ?a) } }""",
        update="""DELETE { ?m ?p ?a } INSERT { ?m muniorg:postalAddress ?a } WHERE {
            ?m a muniorg:Municipality ; ?p ?a . VALUES ?p { locn:address schema:address } ?a locn:poBox ?box .
            FILTER NOT EXISTS { ?m muniorg:postalAddress ?any }
            FILTER NOT EXISTS { ?m ?p2 ?other . VALUES ?p2 { locn:address schema:address } FILTER(?other != ?a) } }""",
    ),
    Rule(
        name="address-ambiguous",
        needs=("schema:address", "locn:address"),
        note="an organisation's address without a post-office box may be its postal or its visiting "
        "address: left unmapped ({n} link{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?m a ?t ; ?p ?a . VALUES ?t { $ORGANISATION_TYPES }
            VALUES ?p { locn:address schema:address } }""",
    ),
    Rule(
        name="name",
        needs=("schema:name", "rdfs:label", "foaf:name", "dct:title"),
        note="schema:name, foaf:name, rdfs:label and dct:title of an organisation or unit are read as "
        "its name, skos:prefLabel ({n} value{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE {
            ?x a ?t . VALUES ?t { $ORGANISATION_TYPES }
            VALUES ?p { schema:name rdfs:label foaf:name dct:title } ?x ?p ?l .
            FILTER(lang(?l) != "") FILTER NOT EXISTS { ?x skos:prefLabel ?l } }""",
        update="""DELETE { ?x ?p ?l } INSERT { ?x skos:prefLabel ?l } WHERE {
            ?x a ?t . VALUES ?t { $ORGANISATION_TYPES }
            VALUES ?p { schema:name rdfs:label foaf:name dct:title } ?x ?p ?l . FILTER(lang(?l) != "") }""",
    ),
    Rule(
        name="alternate-name",
        needs=("schema:alternateName",),
        note="schema:alternateName of an organisation or unit is read as skos:altLabel ({n} value{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?x a ?t ; schema:alternateName ?l . VALUES ?t { $ORGANISATION_TYPES }
            FILTER(lang(?l) != "") }""",
        update="""DELETE { ?x schema:alternateName ?l } INSERT { ?x skos:altLabel ?l } WHERE {
            ?x a ?t ; schema:alternateName ?l . VALUES ?t { $ORGANISATION_TYPES } FILTER(lang(?l) != "") }""",
    ),
    Rule(
        name="person",
        needs=("schema:Person",),
        note="a schema:Person is read as a foaf:Person instead; schema:name, givenName and familyName as the "
        "foaf: ones ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {
            ?p a schema:Person . FILTER NOT EXISTS { ?p a foaf:Person } }""",
        update="""DELETE { ?p a schema:Person . ?p ?s ?v } INSERT { ?p a foaf:Person . ?p ?f ?v }
            WHERE { ?p a schema:Person .
                    OPTIONAL { VALUES (?s ?f) { (schema:name foaf:name) (schema:givenName foaf:givenName)
                                                (schema:familyName foaf:familyName) }
                               ?p ?s ?v } }""",
    ),
    Rule(
        name="person-of-post",
        needs=("org:heldBy",),
        note="a person who holds a post of a municipality (or of one of its units) and belongs to no "
        "organisation is read as one of the municipality's people ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?person) AS ?n) WHERE {
            ?m a muniorg:Municipality ; $UNIT_PATH* ?o . ?o org:hasPost ?post . ?post org:heldBy ?person .
            ?person a foaf:Person . FILTER NOT EXISTS { ?person org:memberOf ?any } }""",
        update="""INSERT { ?person org:memberOf ?m } WHERE {
            ?m a muniorg:Municipality ; $UNIT_PATH* ?o . ?o org:hasPost ?post . ?post org:heldBy ?person .
            ?person a foaf:Person . FILTER NOT EXISTS { ?person org:memberOf ?any } }""",
    ),
    Rule(
        name="department-unit",
        needs=("org:OrganizationalUnit",),
        note="an org:OrganizationalUnit of a municipality without a muniorg type is read as a Department ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { ?m a muniorg:Municipality ; org:hasUnit ?u .
            ?u a org:OrganizationalUnit .
            FILTER NOT EXISTS { ?u a ?t . FILTER(STRSTARTS(STR(?t), STR(muniorg:))) } }""",
        update="""INSERT { ?u a muniorg:Department } WHERE { ?m a muniorg:Municipality ; org:hasUnit ?u .
            ?u a org:OrganizationalUnit .
            FILTER NOT EXISTS { ?u a ?t . FILTER(STRSTARTS(STR(?t), STR(muniorg:))) } }""",
    ),
    Rule(
        name="homepage-url",
        needs=("schema:url",),
        note="schema:url of a municipality, organisation or programme is read as its homepage, "
        "foaf:homepage ({n} value{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?x a ?t ; schema:url ?u . VALUES ?t { $HOMEPAGE_TYPES }
            FILTER NOT EXISTS { ?x foaf:homepage ?any } }""",
        update="""DELETE { ?x schema:url ?u } INSERT { ?x foaf:homepage ?page . ?page a foaf:Document }
            WHERE { ?x a ?t ; schema:url ?u . VALUES ?t { $HOMEPAGE_TYPES }
                    FILTER NOT EXISTS { ?x foaf:homepage ?any } BIND(IRI(STR(?u)) AS ?page) }""",
    ),
    Rule(
        name="document-type",
        needs=("foaf:homepage", "foaf:page", "cv:contactPage"),
        note="a web page given without a type (foaf:homepage, foaf:page, cv:contactPage) is read as a "
        "foaf:Document ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?x ?p ?d .
            VALUES ?p { foaf:homepage foaf:page cv:contactPage } FILTER(isIRI(?d))
            FILTER NOT EXISTS { ?d a ?any } }""",
        update="""INSERT { ?d a foaf:Document } WHERE { ?x ?p ?d .
            VALUES ?p { foaf:homepage foaf:page cv:contactPage } FILTER(isIRI(?d))
            FILTER NOT EXISTS { ?d a ?any } }""",
    ),
    Rule(
        name="contact-email",
        needs=("vcard:hasEmail", "cv:email"),
        note="an e-mail address of a contact point given as vcard:hasEmail or as a mailto: IRI is read "
        "as cv:email text ({n} value{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?c a cv:ContactPoint .
            { ?c vcard:hasEmail ?e } UNION { ?c cv:email ?e FILTER(isIRI(?e)) } }""",
        update="""DELETE { ?c ?p ?e } INSERT { ?c cv:email ?text } WHERE { ?c a cv:ContactPoint .
            VALUES ?p { vcard:hasEmail cv:email } ?c ?p ?e .
            FILTER(?p = vcard:hasEmail || isIRI(?e))
            BIND(IF(STRSTARTS(LCASE(STR(?e)), "mailto:"), SUBSTR(STR(?e), 8), STR(?e)) AS ?text) }""",
    ),
    Rule(
        name="identifier-without-scheme",
        needs=("adms:identifier",),
        note="an identifier with a notation but no scheme (dct:conformsTo) is read without a scheme, "
        "not guessed: give its scheme ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?o adms:identifier ?i .
            ?i a adms:Identifier ; skos:notation ?code . FILTER NOT EXISTS { ?i dct:conformsTo ?any } }""",
    ),
    Rule(
        name="org-identifier",
        needs=("org:identifier",),
        note="org:identifier names no scheme: left unmapped, give it as an adms:Identifier with "
        "dct:conformsTo ({n} value{s})",
        count="SELECT (COUNT(*) AS ?n) WHERE { ?o org:identifier ?code }",
    ),
)


def skolemise(graph: Graph) -> tuple[Graph, int]:
    """A copy of ``graph`` with each blank node replaced by an IRI, and the number replaced.

    The model gives every object an IRI, so blank nodes (JSON-LD objects without ``@id``,
    Turtle ``[ ... ]``) get one under :data:`GENID`. The names come from a canonical labelling
    of the graph, so the same data always gets the same IRIs.

    >>> g = Graph().parse(data='<https://ex.org/a> <https://ex.org/p> [ <https://ex.org/q> 1 ] .',
    ...                   format="turtle")
    >>> copy, count = skolemise(g)
    >>> count, copy.value(URIRef("https://ex.org/a"), URIRef("https://ex.org/p"))
    (1, rdflib.term.URIRef('https://w3id.org/muniorg/.well-known/genid/cb0'))
    """
    copy = new_graph()
    if not any(isinstance(term, BNode) for triple in graph for term in triple):
        copy += graph
        return copy, 0
    from rdflib.compare import to_canonical_graph  # hashing: only for data with blank nodes

    names: dict[RdfNode, URIRef] = {}

    def named(term: RdfNode) -> RdfNode:
        if isinstance(term, BNode):
            return names.setdefault(term, URIRef(GENID + str(term)))
        return term

    for s, p, o in to_canonical_graph(graph):
        copy.add((named(s), p, named(o)))
    return copy, len(names)


def normalise(graph: Graph) -> tuple[Graph, list[str]]:
    """A copy of ``graph`` using muniorg's terms, and a note per rule that changed something.

    >>> from rdflib import Graph
    >>> normalised, notes = normalise(Graph().parse(data='''
    ...     @prefix org: <http://www.w3.org/ns/org#> .
    ...     <https://ex.org/u> org:unitOf <https://ex.org/m> .''', format="turtle"))
    >>> notes, len(normalised)
    (['org:unitOf is read as the inverse org:hasUnit (1 link)'], 1)
    """
    copy, blank = skolemise(graph)
    notes = []
    if blank:
        notes.append(
            f"blank nodes are given IRIs under {GENID} so that they can be read "
            f"({blank} node{'' if blank == 1 else 's'})"
        )
    return copy, notes + _apply(copy, RULES)


#: The rules that give a predicate its muniorg sub-property where the data has its super-property
#: (a council as org:hasUnit, as muniorg wrote it before 2026-12): renames with one reading.
SUB_PROPERTY_RULES = ("council-unit", "principle", "programme-membership")


def specialise(graph: Graph) -> tuple[Graph, list[str]]:
    """``graph`` with muniorg's sub-properties where it gives their super-property (the
    :data:`SUB_PROPERTY_RULES`), and a note per rule that applied; ``graph`` itself (not a
    copy, blank nodes kept) when none applies. Validating RDF from other tools, or from an older
    muniorg, checks the council given as ``org:hasUnit`` as the council.

    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ...     @prefix org: <http://www.w3.org/ns/org#> . @prefix muniorg: <https://w3id.org/muniorg#> .
    ...     <https://ex.org/m> a muniorg:Municipality ; org:hasUnit <https://ex.org/c> .
    ...     <https://ex.org/c> a muniorg:Council .''', format="turtle")
    >>> specialised, notes = specialise(g)
    >>> [str(p) for p in specialised.predicates(None, URIRef("https://ex.org/c"))]
    ['https://w3id.org/muniorg#council']
    """
    rules = [r for r in RULES if r.name in SUB_PROPERTY_RULES]
    if not any(_applies(graph, rule) for rule in rules):
        return graph, []
    copy = new_graph()
    copy += graph
    return copy, _apply(copy, rules)


def _applies(graph: Graph, rule: Rule) -> int:
    """How many things ``rule`` applies to in ``graph`` (0 without a query when ``graph`` has
    none of the terms it needs)."""
    if not any(_present(graph, term) for term in rule.needs):
        return 0
    if rule.link is not None and not _linked(graph, *rule.link):
        return 0
    return _count(graph, rule.count)


def _apply(graph: Graph, rules: Sequence[Rule]) -> list[str]:
    """Apply ``rules`` to ``graph`` in place, in order; a note per rule that found something."""
    notes = []
    for rule in rules:
        count = _applies(graph, rule)
        if not count:
            continue
        if rule.update is not None:
            graph.update(_sparql(rule.update))
        notes.append(rule.note.format(n=count, s="" if count == 1 else "s"))
    return notes


def _count(graph: Graph, query: str) -> int:
    for row in graph.query(_sparql(query)):
        value = row[0]  # type: ignore[index]
        return int(value.toPython()) if isinstance(value, Literal) else 0
    return 0


def _present(graph: Graph, prefixed: str) -> bool:
    term = _iri(prefixed)
    return (None, term, None) in graph or (None, RDF.type, term) in graph


def _iri(prefixed: str) -> URIRef:
    prefix, _, local = prefixed.partition(":")
    return URIRef(PREFIXES[prefix] + local)


def _linked(
    graph: Graph, subject_classes: tuple[str, ...], predicate: str, object_classes: tuple[str, ...]
) -> bool:
    """Whether ``graph`` holds ``?s predicate ?o`` with ``?s`` of one of ``subject_classes``
    (any node when there are none) and ``?o`` of one of ``object_classes`` (see
    :attr:`Rule.link`).

    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ...     @prefix org: <http://www.w3.org/ns/org#> . @prefix muniorg: <https://w3id.org/muniorg#> .
    ...     <https://ex.org/m> org:hasUnit <https://ex.org/c> . <https://ex.org/c> a muniorg:Council .
    ...     ''', format="turtle")
    >>> _linked(g, (), "org:hasUnit", ("muniorg:Council",))
    True
    >>> _linked(g, ("muniorg:Municipality",), "org:hasUnit", ("muniorg:Council",))
    False
    """
    subjects = {_iri(c) for c in subject_classes}
    objects = {_iri(c) for c in object_classes}

    def typed(node: RdfNode, classes: set[URIRef]) -> bool:
        return any((node, RDF.type, cls) in graph for cls in classes)

    return any(
        typed(o, objects) and (not subjects or typed(s, subjects))
        for s, o in graph.subject_objects(_iri(predicate))
    )


def _sparql(text: str) -> str:
    for name, classes in _CLASS_LISTS.items():
        text = text.replace(name, classes)
    return _PREFIXES + "\n" + text
