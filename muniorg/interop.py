"""Normalise data written with plain ORG, CPOV and schema.org terms to muniorg's terms.

Publishers describe the same things with different established terms: a municipality may be
only a ``cv:PublicOrganisation`` or ``schema:GovernmentOrganization`` with a ``schema:name``;
a unit only an ``org:OrganizationalUnit``. :func:`normalise` returns a copy of a graph in which
such data uses the terms muniorg reads, and a note per kind of change, so the caller can show
what was assumed. Rules are SPARQL updates: one library call each, no Python loop over the graph.

Example:
    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''
    ...     @prefix cv: <http://data.europa.eu/m8g/> . @prefix schema: <http://schema.org/> .
    ...     <https://ex.org/m> a cv:PublicOrganisation ; schema:name "Sorø Kommune"@da ;
    ...         schema:addressCountry "DK" .''', format="turtle")
    >>> normalised, notes = normalise(g)
    >>> notes[0]
    'a cv:PublicOrganisation with a country is read as a muniorg:Municipality (1 node)'
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from muniorg.mapping import new_graph
from muniorg.namespaces import PREFIXES

_PREFIXES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())


@dataclass(frozen=True)
class Rule:
    """One normalisation: a note template, a query counting the nodes it applies to, an update."""

    note: str
    count: str
    update: str


RULES: tuple[Rule, ...] = (
    Rule(
        note="a cv:PublicOrganisation with a country is read as a muniorg:Municipality ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {
            { ?m a cv:PublicOrganisation } UNION { ?m a schema:GovernmentOrganization }
            FILTER NOT EXISTS { ?m a muniorg:Municipality }
            { ?m schema:addressCountry ?c } UNION { ?m muniorg:country ?c } }""",
        update="""INSERT { ?m a muniorg:Municipality, cv:PublicOrganisation, schema:GovernmentOrganization }
            WHERE { { ?m a cv:PublicOrganisation } UNION { ?m a schema:GovernmentOrganization }
                    FILTER NOT EXISTS { ?m a muniorg:Municipality }
                    { ?m schema:addressCountry ?c } UNION { ?m muniorg:country ?c } }""",
    ),
    Rule(
        note="a two-letter schema:addressCountry is read as the EU country code ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a muniorg:Municipality ;
            schema:addressCountry ?c . FILTER(isLiteral(?c) && STRLEN(STR(?c)) = 2) }""",
        update="""DELETE { ?m schema:addressCountry ?c }
            INSERT { ?m muniorg:country ?iri }
            WHERE { ?m a muniorg:Municipality ; schema:addressCountry ?c .
                    FILTER(isLiteral(?c) && STRLEN(STR(?c)) = 2)
                    VALUES (?two ?three) { ("DK" "DNK") ("SE" "SWE") ("NO" "NOR") ("FI" "FIN")
                                           ("IS" "ISL") ("GL" "GRL") ("FO" "FRO") ("AX" "ALA") }
                    FILTER(UCASE(STR(?c)) = ?two)
                    BIND(IRI(CONCAT("http://publications.europa.eu/resource/authority/country/", ?three)) AS ?iri) }""",
    ),
    Rule(
        note="schema:name, foaf:name, rdfs:label and skos:prefLabel are all read as the name ({n} value{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE {
            ?x a ?t . VALUES ?t { muniorg:Municipality org:OrganizationalUnit org:FormalOrganization }
            { ?x schema:name ?l } UNION { ?x rdfs:label ?l } UNION { ?x foaf:name ?l }
            FILTER(lang(?l) != "") FILTER NOT EXISTS { ?x skos:prefLabel ?l } }""",
        update="""DELETE { ?x ?p ?l } INSERT { ?x skos:prefLabel ?l } WHERE {
            ?x a ?t . VALUES ?t { muniorg:Municipality org:OrganizationalUnit org:FormalOrganization }
            VALUES ?p { schema:name rdfs:label foaf:name } ?x ?p ?l . FILTER(lang(?l) != "") }""",
    ),
    Rule(
        note="a schema:Person is read as a foaf:Person, schema:name as foaf:name ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {
            ?p a schema:Person . FILTER NOT EXISTS { ?p a foaf:Person } }""",
        update="""DELETE { ?p schema:name ?n } INSERT { ?p a foaf:Person ; foaf:name ?n }
            WHERE { ?p a schema:Person . OPTIONAL { ?p schema:name ?n } }""",
    ),
    Rule(
        note="an org:OrganizationalUnit of a municipality without a muniorg type is read as a Department ({n} node{s})",
        count="""SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { ?m a muniorg:Municipality ; org:hasUnit ?u .
            ?u a org:OrganizationalUnit .
            FILTER NOT EXISTS { ?u a ?t . FILTER(STRSTARTS(STR(?t), STR(muniorg:))) } }""",
        update="""INSERT { ?u a muniorg:Department } WHERE { ?m a muniorg:Municipality ; org:hasUnit ?u .
            ?u a org:OrganizationalUnit .
            FILTER NOT EXISTS { ?u a ?t . FILTER(STRSTARTS(STR(?t), STR(muniorg:))) } }""",
    ),
    Rule(
        note="org:unitOf is read as the inverse org:hasUnit ({n} link{s})",
        count="""SELECT (COUNT(*) AS ?n) WHERE { ?u org:unitOf ?m . FILTER NOT EXISTS { ?m org:hasUnit ?u } }""",
        update="""DELETE { ?u org:unitOf ?m } INSERT { ?m org:hasUnit ?u } WHERE { ?u org:unitOf ?m }""",
    ),
)


def normalise(graph: Graph) -> tuple[Graph, list[str]]:
    """A copy of ``graph`` using muniorg's terms, and a note per rule that changed something."""
    copy = new_graph()
    copy += graph
    notes = []
    for rule in RULES:
        rows = list(copy.query(_PREFIXES + "\n" + rule.count))
        count = int(rows[0][0]) if rows else 0  # type: ignore[index]
        if not count:
            continue
        copy.update(_PREFIXES + "\n" + rule.update)
        notes.append(rule.note.format(n=count, s="" if count == 1 else "s"))
    return copy, notes
