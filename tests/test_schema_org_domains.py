"""Every schema.org property muniorg publishes is used in its schema.org domain (#12).

There is no network in the tests, so the domains (``schema:domainIncludes``) of the schema.org
terms muniorg uses, and the superclasses of the schema.org classes it types data with, are
written down below, as schema.org publishes them (schema.org version 28.1, the
``schemaorg-current-https`` release; the same in every release since 3.x for these terms).
A property whose domain includes ``schema:Thing`` applies to any node. A new schema.org term
in the shapes, the context or the ontology fails :func:`test_every_schema_term_is_in_the_table`
until its domain is added here.

Checked three ways: the classes of the model (each class with a schema.org property has a type
in its domain), the ontology (no muniorg property is declared a sub-property of a schema.org
property whose domain it does not share), and the published data (every triple with a
schema.org predicate, in the examples and generated data, has a subject typed in its domain).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import split_uri

from muniorg.core.namespaces import SCHEMA
from muniorg.core.resources import ONTOLOGY_FILE
from muniorg.model.classes import CLASSES
from muniorg.rdf.graph import NAME_ALIASES, name_field

#: schema:domainIncludes of each schema.org property muniorg uses (schema.org 28.1).
DOMAINS: dict[str, frozenset[str]] = {
    "name": frozenset({"Thing"}),
    "sameAs": frozenset({"Thing"}),
    "url": frozenset({"Thing"}),
    "containedInPlace": frozenset({"Place"}),
    "hoursAvailable": frozenset({"ContactPoint", "LocationFeatureSpecification", "Service"}),
    "value": frozenset({"MonetaryAmount", "PropertyValue", "QuantitativeValue"}),
    "unitText": frozenset(
        {"PropertyValue", "QuantitativeValue", "TypeAndQuantityNode", "UnitPriceSpecification"}
    ),
    "slogan": frozenset({"Brand", "Organization", "Place", "Product", "Service"}),
    "dayOfWeek": frozenset({"EducationalOccupationalProgram", "OpeningHoursSpecification"}),
    "opens": frozenset({"OpeningHoursSpecification"}),
    "closes": frozenset({"OpeningHoursSpecification"}),
    "email": frozenset({"ContactPoint", "Organization", "Person", "Place"}),
    "telephone": frozenset({"ContactPoint", "Organization", "Person", "Place"}),
    # Not used as properties any more; the ontology once made muniorg terms sub-properties.
    "position": frozenset({"CreativeWork", "ListItem"}),
    "recipient": frozenset(
        {
            "AuthorizeAction",
            "CommunicateAction",
            "DonateAction",
            "GiveAction",
            "Message",
            "PayAction",
            "ReturnAction",
            "SendAction",
            "TipAction",
        }
    ),
}

#: The superclasses (rdfs:subClassOf, transitively) of the schema.org classes muniorg types data
#: with (schema.org 28.1).
SUPERCLASSES: dict[str, frozenset[str]] = {
    "GovernmentOrganization": frozenset({"Organization", "Thing"}),
    "AdministrativeArea": frozenset({"Place", "Thing"}),
    "QuantitativeValue": frozenset({"StructuredValue", "Intangible", "Thing"}),
    "OpeningHoursSpecification": frozenset({"StructuredValue", "Intangible", "Thing"}),
    "ContactPoint": frozenset({"StructuredValue", "Intangible", "Thing"}),
    "Person": frozenset({"Thing"}),
}


def schema_local(term: Any) -> str | None:
    """``name`` for ``http://schema.org/name``; ``None`` for other IRIs."""
    text = str(term)
    return text.removeprefix(str(SCHEMA)) if text.startswith(str(SCHEMA)) else None


def in_domain(prop: str, types: set[URIRef]) -> bool:
    """Whether a node of ``types`` is in the schema.org domain of ``prop``."""
    domain = DOMAINS[prop]
    if "Thing" in domain:
        return True
    names = {schema_local(t) for t in types} - {None}
    closure = set(names).union(*(SUPERCLASSES.get(n or "", frozenset()) for n in names))
    return bool(closure & domain)


def test_every_schema_term_is_in_the_table() -> None:
    """The schema.org properties of the shapes, the context and the ontology, and the schema.org
    classes the model types data with, all have their schema.org definitions above."""
    used = {schema_local(f.path) for cls in CLASSES.values() for f in cls.SPEC.fields}
    used |= {alias.removeprefix("schema:") for alias, _ in NAME_ALIASES if "schema:" in alias}
    context = json.loads((ONTOLOGY_FILE.parent / "context.jsonld").read_text(encoding="utf-8"))

    def ids(value: Any) -> set[str]:
        if isinstance(value, dict):
            found = {v for k, v in value.items() if k in ("@id", "@reverse")}
            return found.union(*(ids(v) for v in value.values()))
        return set()

    in_context = {i.removeprefix("schema:") for i in ids(context["@context"]) if "schema:" in i}
    # schema.org names its properties in lowerCamelCase and its classes in UpperCamelCase
    used |= {name for name in in_context if name[0].islower()}
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    used |= {schema_local(o) for o in ontology.objects(None, RDFS.subPropertyOf)}
    assert used - {None} <= set(DOMAINS), sorted(str(u) for u in used - {None} - set(DOMAINS))
    classes = {schema_local(t) for cls in CLASSES.values() for t in cls.SPEC.all_types}
    classes |= {name for name in in_context if name[0].isupper()}
    assert classes - {None} <= set(SUPERCLASSES), classes - {None} - set(SUPERCLASSES)


@pytest.mark.parametrize("key", sorted(CLASSES))
def test_each_class_uses_schema_properties_in_their_domain(key: str) -> None:
    spec = CLASSES[key].SPEC
    types = set(spec.all_types)
    for field in spec.fields:
        prop = schema_local(field.path)
        if prop is None:
            continue
        holder = set(CLASSES[field.target or ""].SPEC.all_types) if field.inverse else types
        assert in_domain(prop, holder), f"{key}.{field.key}: schema:{prop} on {sorted(types)}"
    if name_field(spec) is not None:
        assert in_domain("name", types)


def test_contact_points_and_persons_are_schema_org_types_too() -> None:
    """The fixes for #12: schema:hoursAvailable sat on a node that was only a cv:ContactPoint,
    schema:email and schema:telephone on a node that was only a foaf:Person."""
    assert SCHEMA.ContactPoint in CLASSES["ContactPoint"].SPEC.all_types
    assert SCHEMA.Person in CLASSES["Person"].SPEC.all_types


def test_no_muniorg_property_extends_a_schema_org_property_outside_its_domain() -> None:
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    for prop, parent in ontology.subject_objects(RDFS.subPropertyOf):
        name = schema_local(parent)
        if name is None:
            continue
        domains = set(ontology.objects(prop, RDFS.domain))
        types = domains | {o for d in domains for o in ontology.objects(d, RDFS.subClassOf)}
        assert isinstance(prop, URIRef) and in_domain(name, {URIRef(t) for t in types}), (
            f"{split_uri(prop)[1]} is a sub-property of schema:{name} outside its domain"
        )


@pytest.fixture(params=["examples", "generated"])
def published(request: pytest.FixtureRequest) -> Path:
    if request.param == "examples":
        folder: Path = request.getfixturevalue("examples_dist")
    else:
        folder = request.getfixturevalue("generated_dist")
    return folder / "muniorg-dataset.nt"


def test_published_data_uses_schema_properties_in_their_domain(published: Path) -> None:
    graph = Graph().parse(published, format="nt")
    seen: set[str] = set()
    for subject, predicate, _ in graph:
        prop = schema_local(predicate)
        if prop is None:
            continue
        seen.add(prop)
        types = {t for t in graph.objects(subject, RDF.type) if isinstance(t, URIRef)}
        assert prop in DOMAINS, prop
        assert in_domain(prop, types), (str(subject), prop, sorted(map(str, types)))
    assert {"name", "hoursAvailable", "dayOfWeek"} <= seen or "generated" in str(published)
